// SPDX-License-Identifier: MIT
#pragma once

#include <QTableView>

namespace shardscope {

class ClusterSelection;
class ClusterSource;
class NodeModel;

/** The nodes of the cluster as a sortable table; clicking a node selects it everywhere. */
class NodesPanel : public QTableView
{
    Q_OBJECT

public:
    NodesPanel(ClusterSource* source, ClusterSelection* selection, QWidget* parent = nullptr);

private:
    NodeModel* m_model;
};

} // namespace shardscope
