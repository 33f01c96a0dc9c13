// SPDX-License-Identifier: MIT
#include "nodespanel.h"

#include "api/clustersource.h"
#include "clusterselection.h"
#include "itemroles.h"
#include "nodemodel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace shardscope {

NodesPanel::NodesPanel(ClusterSource* source, ClusterSelection* selection, QWidget* parent)
    : QTableView(parent), m_model(new NodeModel(this))
{
    setObjectName(QStringLiteral("nodesTable"));
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSortRole(SortRole);
    proxy->setSourceModel(m_model);
    setModel(proxy);
    setSortingEnabled(true);
    sortByColumn(-1, Qt::AscendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(NodeModel::NameColumn, QHeaderView::Stretch);

    connect(source, &ClusterSource::snapshotReady, m_model, &NodeModel::setSnapshot);
    m_model->setSnapshot(source->currentSnapshot());
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this, [selection](const QModelIndex& current) {
        if (current.isValid()) {
            selection->setCurrent(current.data(ItemRefRole).value<ClusterItemRef>());
        }
    });
}

} // namespace shardscope
