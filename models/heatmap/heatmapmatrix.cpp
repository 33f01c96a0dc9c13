// SPDX-License-Identifier: MIT
#include "heatmapmatrix.h"

#include <algorithm>

namespace shardscope {

const HeatmapSegment& HeatmapMatrix::segmentOf(int column) const
{
    return m_segments[static_cast<std::size_t>(m_columns[static_cast<std::size_t>(column)].segment)];
}

double HeatmapMatrix::value(HeatmapMetric metric, int r, int c) const
{
    switch (metric) {
    case HeatmapMetric::Bytes:
        return static_cast<double>(bytes(r, c));
    case HeatmapMetric::Rows:
        return static_cast<double>(rowsAt(r, c));
    case HeatmapMetric::Load:
        return load(r, c);
    }
    return 0.0;
}

int HeatmapMatrix::rowOfNode(engine::NodeId node) const
{
    const auto it = std::find_if(m_rows.begin(), m_rows.end(), [node](const HeatmapRow& r) { return r.node == node; });
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

int HeatmapMatrix::columnOfShard(engine::ShardId shard) const
{
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        const auto& shards = m_columns[c].shards;
        if (std::find(shards.begin(), shards.end(), shard) != shards.end())
            return static_cast<int>(c);
    }
    return -1;
}

std::vector<int> HeatmapMatrix::rowsHolding(int column) const
{
    std::vector<int> result;
    for (int r = 0; r < rowCount(); ++r) {
        if (isPresent(r, column))
            result.push_back(r);
    }
    return result;
}

std::int64_t HeatmapMatrix::rowBytes(int r) const
{
    std::int64_t sum = 0;
    const std::size_t begin = index(r, 0);
    for (std::size_t i = begin; i < begin + m_columns.size(); ++i)
        sum += m_bytes[i];
    return sum;
}

} // namespace shardscope
