// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersnapshot.h"
#include "clustertotals.h"

#include <QAbstractTableModel>

namespace shardscope {

/**
 * The nodes of a snapshot as a table, one row per node in catalog order. A new snapshot with the same nodes
 * only emits dataChanged for the rows whose figures changed; otherwise the model resets.
 */
class NodeModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        GroupColumn,
        RoleColumn,
        ActiveColumn,
        ShouldHaveShardsColumn,
        ShardsColumn,
        SizeColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit NodeModel(QObject* parent = nullptr);

    void setSnapshot(const ClusterSnapshot& snapshot);
    const ClusterSnapshot& snapshot() const { return m_snapshot; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        engine::Node node;
        Totals totals;
        bool operator==(const Row& other) const
        {
            return node == other.node && totals.placements == other.totals.placements &&
                   totals.bytes == other.totals.bytes;
        }
    };

    QVariant display(const Row& row, int column) const;
    QVariant sortValue(const Row& row, int column) const;

    ClusterSnapshot m_snapshot;
    std::vector<Row> m_rows;
};

} // namespace shardscope
