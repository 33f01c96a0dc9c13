// SPDX-License-Identifier: MIT
#include "theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace shardscope {

namespace {
bool g_systemDark = false;
bool g_dark = false;
} // namespace

void Theme::initialize()
{
    // Qt 6.4 has no colour-scheme hint: judge the platform theme's palette before Fusion replaces it.
    const QPalette system = QGuiApplication::palette();
    g_systemDark = system.color(QPalette::Window).lightness() < system.color(QPalette::WindowText).lightness();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

void Theme::apply(Mode mode)
{
    g_dark = mode == Mode::Dark || (mode == Mode::System && g_systemDark);
    QApplication::setPalette(g_dark ? darkPalette() : lightPalette());
}

bool Theme::isDark()
{
    return g_dark;
}

QPalette Theme::lightPalette()
{
    QPalette palette = QApplication::style()->standardPalette();
    palette.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc4));
    palette.setColor(QPalette::Link, QColor(0x1f, 0x5f, 0xb4));
    return palette;
}

QPalette Theme::darkPalette()
{
    const QColor window(0x2d, 0x30, 0x34);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe4, 0xe6, 0xe9);
    const QColor disabled(0x7d, 0x81, 0x87);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x27, 0x2a, 0x2e));
    palette.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9e, 0xa4));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x36, 0x39, 0x3e));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Light, QColor(0x4a, 0x4e, 0x54));
    palette.setColor(QPalette::Midlight, QColor(0x3d, 0x40, 0x46));
    palette.setColor(QPalette::Mid, QColor(0x2a, 0x2c, 0x30));
    palette.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1e));
    palette.setColor(QPalette::Shadow, QColor(0x10, 0x11, 0x13));
    palette.setColor(QPalette::Highlight, QColor(0x3a, 0x7b, 0xd5));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x7a, 0xb6, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xf5));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        palette.setColor(QPalette::Disabled, role, disabled);
    }
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4e, 0x54));
    palette.setColor(QPalette::Disabled, QPalette::Base, window);
    return palette;
}

} // namespace shardscope
