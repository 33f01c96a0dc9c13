// SPDX-License-Identifier: MIT
#include "placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace shardscope {

PlaceholderPage::PlaceholderPage(const QString& title, const QString& text, QWidget* parent) : QWidget(parent)
{
    auto* heading = new QLabel(tr("%1: not available yet").arg(title), this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    heading->setFont(font);
    heading->setAlignment(Qt::AlignCenter);

    auto* body = new QLabel(text, this);
    body->setWordWrap(true);
    body->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    body->setMaximumWidth(560);
    body->setForegroundRole(QPalette::PlaceholderText);
    // Centre the wrapped text with stretches: an alignment flag would make the layout ignore its height for width.
    auto* bodyRow = new QHBoxLayout;
    bodyRow->addStretch(1);
    bodyRow->addWidget(body, 4);
    bodyRow->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(heading);
    layout->addSpacing(8);
    layout->addLayout(bodyRow);
    layout->addStretch(3);
}

} // namespace shardscope
