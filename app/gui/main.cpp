// SPDX-License-Identifier: MIT
// shardscope: the desktop application. Parses the command line, installs translations and the theme, picks the
// cluster source and opens the main window.
#include "api/clustersource.h"
#include "commandline.h"
#include "explain/explainpage.h"
#include "languagesetup.h"
#include "livescreenshot.h"
#include "mainpages.h"
#include "mainwindow.h"
#include "sourceswitcher.h"
#include "theme.h"
#include "windowscreenshot.h"

#include <QApplication>
#include <QIcon>
#include <QSettings>
#include <cstdio>

using namespace shardscope;

namespace {

QStringList pageIds()
{
    QStringList ids;
    for (const PageFactory& page : MainPages::all()) {
        ids << page.id;
    }
    return ids;
}

int usageError(const QString& message)
{
    std::fprintf(stderr, "shardscope: %s\nTry 'shardscope --help'.\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("shardscope"));
    QApplication::setOrganizationName(QStringLiteral("ShardScope"));
    QApplication::setApplicationDisplayName(QStringLiteral("ShardScope"));
    QApplication::setApplicationVersion(QStringLiteral(SHARDSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.shardscope.ShardScope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.shardscope.ShardScope.svg")));

    // The language is needed before anything translatable is built, the help text included.
    const QStringList arguments = QApplication::arguments();
    QString language;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == QStringLiteral("--lang") && i + 1 < arguments.size()) {
            language = arguments[i + 1];
        } else if (arguments[i].startsWith(QStringLiteral("--lang="))) {
            language = arguments[i].mid(7);
        }
    }
    LanguageSetup::install(language);

    AppOptions options;
    QString message;
    if (!CommandLine::parse(arguments, pageIds(), options, message)) {
        return usageError(message);
    }

    Theme::initialize();
    // --dark wins; then what the user chose in the View menu; then the desktop's palette.
    const QVariant darkSetting = QSettings().value(QStringLiteral("appearance/dark"));
    Theme::Mode mode = Theme::Mode::System;
    if (options.dark) {
        mode = Theme::Mode::Dark;
    } else if (darkSetting.isValid()) {
        mode = darkSetting.toBool() ? Theme::Mode::Dark : Theme::Mode::Light;
    }
    Theme::apply(mode);

    // A connection string libpq cannot parse is a usage error, with libpq's own words.
    SourceSwitcher switcher;
    if (!options.dsn.isEmpty()) {
        const Status opened = switcher.openLive(options.dsn);
        if (!opened) {
            return usageError(QString::fromStdString(opened.error().message));
        }
    } else {
        switcher.openDemo(options.resetDemo);
    }
    MainWindow& window = *switcher.window();
    ClusterSource& source = *switcher.source();
    if (!options.tab.isEmpty()) {
        window.showPage(options.tab);
    }
    if (!options.planFile.isEmpty()) {
        auto* explainPage = qobject_cast<ExplainPage*>(window.page(QStringLiteral("explain")));
        QString error;
        if (explainPage && !explainPage->openPlanFileNow(options.planFile, &error)) {
            std::fprintf(stderr, "shardscope: %s\n", qPrintable(error));
            return 1;
        }
    }

    if (!options.screenshotFile.isEmpty()) {
        int status = 0;
        auto finish = [&](bool ok, const QString& error) {
            if (!ok) {
                std::fprintf(stderr, "shardscope: %s\n", qPrintable(error));
                status = 1;
            }
            QApplication::exit(status);
        };
        if (source.kind() == SourceKind::Live) {
            // A failed connection is worth a picture too: the banner says what went wrong.
            auto* screenshot = new LiveScreenshot(&window, &source, options.screenshotFile, options.size, &app);
            QObject::connect(screenshot, &LiveScreenshot::finished, &app,
                             [&, screenshot](bool ok) { finish(ok, screenshot->errorText()); });
            screenshot->start();
        } else {
            auto* screenshot = new WindowScreenshot(&window, &source, options.screenshotFile, options.size, &app);
            QObject::connect(screenshot, &WindowScreenshot::finished, &app,
                             [&, screenshot](bool ok) { finish(ok, screenshot->errorText()); });
            screenshot->start();
        }
        return QApplication::exec();
    }

    window.show();
    return QApplication::exec();
}
