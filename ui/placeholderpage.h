// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace shardscope {

/** A tab whose feature is not built yet: says plainly what will be there. */
class PlaceholderPage : public QWidget
{
    Q_OBJECT

public:
    PlaceholderPage(const QString& title, const QString& text, QWidget* parent = nullptr);
};

} // namespace shardscope
