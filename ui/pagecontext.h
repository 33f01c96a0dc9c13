// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QWidget>
#include <functional>

namespace shardscope {

class ClusterSource;
class ClusterSelection;

/** What a page gets to wire itself: the cluster source and the window's shared selection. */
struct PageContext
{
    ClusterSource* source = nullptr;
    ClusterSelection* selection = nullptr;
};

/** One tab of the main window. create() builds the page; the page connects to what it needs itself. */
struct PageFactory
{
    QString id;    ///< stable, for --tab and settings: "placement", "skew", ...
    QString title; ///< translated tab title
    std::function<QWidget*(const PageContext& context, QWidget* parent)> create;
};

} // namespace shardscope
