// SPDX-License-Identifier: MIT
#include "nodemodel.h"

#include "clusteritemref.h"
#include "format.h"
#include "itemroles.h"

#include <QColor>

namespace shardscope {

NodeModel::NodeModel(QObject* parent) : QAbstractTableModel(parent) {}

void NodeModel::setSnapshot(const ClusterSnapshot& snapshot)
{
    std::vector<Row> rows;
    if (snapshot.state) {
        const ClusterTotals totals = ClusterTotals::compute(*snapshot.state);
        rows.reserve(snapshot.state->nodes.size());
        for (const auto& node : snapshot.state->nodes) {
            const auto it = totals.byNodeGroup.find(node.group);
            rows.push_back({node, it == totals.byNodeGroup.end() ? Totals{} : it->second});
        }
    }
    const bool sameNodes = std::equal(rows.begin(), rows.end(), m_rows.begin(), m_rows.end(),
                                      [](const Row& a, const Row& b) { return a.node.id == b.node.id; });
    m_snapshot = snapshot;
    if (!sameNodes) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    for (size_t i = 0; i < rows.size(); ++i) {
        if (!(rows[i] == m_rows[i])) {
            m_rows[i] = rows[i];
            Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
    }
}

int NodeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NodeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Row& row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case SortRole:
        return sortValue(row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == ShardsColumn || index.column() == SizeColumn || index.column() == GroupColumn) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ForegroundRole:
        if (!row.node.isActive) {
            return QColor(Qt::gray); // readable on light and dark palettes
        }
        return {};
    case Qt::ToolTipRole:
        if (!row.node.isActive) {
            return tr("This node is disabled: Citus does not route queries to it.");
        }
        if (!row.node.shouldHaveShards) {
            return tr("shouldhaveshards is false: the rebalancer moves shards away from this node.");
        }
        return {};
    case ItemKindRole:
        return int(ClusterItemKind::Node);
    case ItemIdRole:
        return qint64(row.node.id);
    case ItemRefRole:
        return QVariant::fromValue(ClusterItemRef{ClusterItemKind::Node, row.node.id});
    default:
        return {};
    }
}

QVariant NodeModel::display(const Row& row, int column) const
{
    switch (column) {
    case NameColumn:
        return Format::nodeAddress(row.node);
    case GroupColumn:
        return row.node.group;
    case RoleColumn:
        return Format::nodeRole(row.node);
    case ActiveColumn:
        return Format::yesNo(row.node.isActive);
    case ShouldHaveShardsColumn:
        return Format::yesNo(row.node.shouldHaveShards);
    case ShardsColumn:
        return Format::count(row.totals.placements);
    case SizeColumn:
        return Format::bytes(row.totals.bytes);
    default:
        return {};
    }
}

QVariant NodeModel::sortValue(const Row& row, int column) const
{
    switch (column) {
    case NameColumn:
        return Format::nodeAddress(row.node);
    case GroupColumn:
        return row.node.group;
    case RoleColumn:
        return Format::nodeRole(row.node);
    case ActiveColumn:
        return row.node.isActive;
    case ShouldHaveShardsColumn:
        return row.node.shouldHaveShards;
    case ShardsColumn:
        return qint64(row.totals.placements);
    case SizeColumn:
        return qint64(row.totals.bytes);
    default:
        return {};
    }
}

QVariant NodeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Node");
    case GroupColumn:
        return tr("Group");
    case RoleColumn:
        return tr("Role");
    case ActiveColumn:
        return tr("Active");
    case ShouldHaveShardsColumn:
        return tr("Should have shards");
    case ShardsColumn:
        return tr("Shards");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

} // namespace shardscope
