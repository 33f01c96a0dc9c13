// SPDX-License-Identifier: MIT
#pragma once

#include "engine/skew.h"

#include <QAbstractTableModel>
#include <vector>

namespace shardscope {

/** The hottest shard groups of a skew report, biggest first: one row per shard group. */
class HotShardModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ShardColumn,
        TablesColumn,
        NodeColumn,
        SizeColumn,
        ShareColumn,
        RowsColumn,
        ColumnCount,
    };
    enum Role
    {
        ShardIdRole = Qt::UserRole + 100, ///< representative shard id (qint64)
        ColocationIdRole,                 ///< qint64
        NodeIdRole,                       ///< qint64, 0 when unplaced
        BytesRole,                        ///< qint64
    };

    explicit HotShardModel(QObject* parent = nullptr);

    /** Adopts the report's hottest list; shares are of report.totalBytes. */
    void setReport(const engine::SkewReport& report);
    const engine::HotShardGroup* shardGroupAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<engine::HotShardGroup> m_rows;
    std::int64_t m_totalBytes = 0;
};

} // namespace shardscope
