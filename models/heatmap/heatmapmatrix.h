// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace shardscope {

/** What a heatmap cell's colour stands for. Load comes from statement statistics and may be absent. */
enum class HeatmapMetric : std::uint8_t
{
    Bytes,
    Rows,
    Load,
};

/** One row of the heatmap: a primary node. */
struct HeatmapRow
{
    engine::NodeId node = 0;
    engine::GroupId group = 0;
    QString label; ///< host:port
    bool acceptsShards = true;
    bool active = true;
    bool coordinator = false;
};

/** One column: a shard group (shard k of every table of a colocation group), or one reference table. */
struct HeatmapColumn
{
    engine::ColocationId colocation = 0;
    int indexInGroup = 0;                ///< position by hash range inside its colocation group
    std::vector<engine::ShardId> shards; ///< one per colocated table, ascending id; front() represents the group
    std::int32_t minValue = 0;
    std::int32_t maxValue = 0;
    bool hasRange = false;
    bool reference = false;
    int segment = 0;
};

/** A run of adjacent columns that belong together: one colocation group, or the reference table strip. */
struct HeatmapSegment
{
    engine::ColocationId colocation = 0;
    QString label;
    QStringList tables; ///< qualified names, creation order
    int firstColumn = 0;
    int columnCount = 0;
    bool reference = false;
};

/**
 * Nodes x shard groups with bytes, rows and (optionally) query load per cell, as an immutable value built
 * from a ClusterState (see HeatmapMatrixBuilder). Cells are stored row-major in flat arrays so a million of
 * them stay small; a cell is "absent" when the node holds no placement of the group.
 */
class HeatmapMatrix
{
public:
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    int columnCount() const { return static_cast<int>(m_columns.size()); }
    const HeatmapRow& row(int r) const { return m_rows[static_cast<std::size_t>(r)]; }
    const HeatmapColumn& column(int c) const { return m_columns[static_cast<std::size_t>(c)]; }
    const std::vector<HeatmapSegment>& segments() const { return m_segments; }
    const HeatmapSegment& segmentOf(int column) const;

    bool isPresent(int r, int c) const { return m_present[index(r, c)] != 0; }
    std::int64_t bytes(int r, int c) const { return m_bytes[index(r, c)]; }
    std::int64_t rowsAt(int r, int c) const { return m_rowCounts[index(r, c)]; }
    double load(int r, int c) const { return m_load.empty() ? 0.0 : m_load[index(r, c)]; }
    bool hasLoad() const { return !m_load.empty(); }
    /** The cell's value for a metric; 0 for an absent cell or for Load without load data. */
    double value(HeatmapMetric metric, int r, int c) const;

    /** Row-major raw arrays for renderers (rowCount() * columnCount() entries). */
    const std::uint8_t* presentData() const { return m_present.data(); }
    const std::int64_t* bytesData() const { return m_bytes.data(); }
    const std::int64_t* rowsData() const { return m_rowCounts.data(); }
    const double* loadData() const { return m_load.empty() ? nullptr : m_load.data(); }

    int rowOfNode(engine::NodeId node) const;
    /** Index of the column whose group contains the shard, or -1. */
    int columnOfShard(engine::ShardId shard) const;
    /** Rows holding a placement of the column's group. */
    std::vector<int> rowsHolding(int column) const;

    /** Bytes on a node over every column (the skew seen in the right margin). */
    std::int64_t rowBytes(int r) const;

private:
    friend class HeatmapMatrixBuilder;
    std::size_t index(int r, int c) const
    {
        return static_cast<std::size_t>(r) * m_columns.size() + static_cast<std::size_t>(c);
    }

    std::vector<HeatmapRow> m_rows;
    std::vector<HeatmapColumn> m_columns;
    std::vector<HeatmapSegment> m_segments;
    std::vector<std::uint8_t> m_present;
    std::vector<std::int64_t> m_bytes;
    std::vector<std::int64_t> m_rowCounts;
    std::vector<double> m_load; ///< empty when no load data is known
};

} // namespace shardscope
