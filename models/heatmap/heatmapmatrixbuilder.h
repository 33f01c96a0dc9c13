// SPDX-License-Identifier: MIT
#pragma once

#include "heatmapmatrix.h"

#include <unordered_map>
#include <utility>
#include <vector>

namespace shardscope {

/** Query load per shard id (e.g. statement calls routed to it); the unit is the producer's. */
using HeatmapShardLoad = std::unordered_map<engine::ShardId, double>;

/**
 * Builds a HeatmapMatrix from a ClusterState: rows are the primary nodes (the coordinator only when it may
 * hold shards or does), columns the shard groups of the chosen colocation group ordered by hash range (or of
 * every group side by side), followed by a strip with one column per reference table.
 */
class HeatmapMatrixBuilder
{
public:
    static constexpr engine::ColocationId kAllGroups = 0;

    static HeatmapMatrix build(const engine::ClusterState& state, engine::ColocationId colocation = kAllGroups,
                               const HeatmapShardLoad* load = nullptr);

    /** The colocation groups of distributed tables a user can pick, with a label naming their tables. */
    static std::vector<std::pair<engine::ColocationId, QString>> selectableGroups(const engine::ClusterState& state);
};

} // namespace shardscope
