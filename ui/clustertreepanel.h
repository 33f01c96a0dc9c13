// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLineEdit;
class QTreeView;

namespace shardscope {

class ClusterSelection;
class ClusterSource;
class ClusterTreeModel;
class ClusterTreeProxyModel;
struct ClusterItemRef;

/** The cluster tree with a filter box; follows the source's snapshots and drives the shared selection. */
class ClusterTreePanel : public QWidget
{
    Q_OBJECT

public:
    ClusterTreePanel(ClusterSource* source, ClusterSelection* selection, QWidget* parent = nullptr);

    QTreeView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }

private:
    void showSelection(const ClusterItemRef& ref);

    ClusterSelection* m_selection;
    ClusterTreeModel* m_model;
    ClusterTreeProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTreeView* m_view;
    bool m_firstSnapshot = true;
};

} // namespace shardscope
