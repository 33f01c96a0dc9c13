// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"

#include <cstdint>
#include <unordered_map>

namespace shardscope {

/** Placement count, bytes and rows added up. */
struct Totals
{
    std::int64_t shards = 0;     ///< distinct shards
    std::int64_t placements = 0; ///< placements (a reference shard counts once per node)
    std::int64_t bytes = 0;
    std::int64_t rows = 0;
};

/** Per node group, table and colocation group sums of a state, computed in one pass over the placements. */
struct ClusterTotals
{
    std::unordered_map<engine::GroupId, Totals> byNodeGroup;
    std::unordered_map<engine::TableOid, Totals> byTable;
    std::unordered_map<engine::ColocationId, Totals> byColocation; ///< bytes of all tables of the group
    Totals cluster;

    static ClusterTotals compute(const engine::ClusterState& state);
};

} // namespace shardscope
