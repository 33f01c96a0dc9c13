// SPDX-License-Identifier: MIT
#pragma once

#include "engine/operationrequest.h"

#include <vector>

namespace shardscope::engine::ops {

/** One planned move of a drain: the representative shard, from the drained node to target. */
struct DrainMove
{
    ShardId shard = 0;
    NodeId source = 0;
    NodeId target = 0;
};

/** The result of citus_drain_node: the state after all moves and the moves in execution order. */
struct DrainOutcome
{
    ClusterState state;
    std::vector<DrainMove> moves;
    std::vector<std::string> warnings; ///< the planner's notices, e.g. "Not allowed to move shard ..."
};

/**
 * citus_drain_node (reference §6.8): sets shouldhaveshards=false on the node, plans with the rebalance planner
 * (entry point DrainNode: phase 1 only, over lists that hold only that node's placements, so the other nodes
 * look empty), copies missing reference tables, then runs each move on its whole shard group. Strategies:
 * by_disk_size (default) and by_shard_count.
 */
Result<DrainOutcome> drainNodeDetailed(const ClusterState& state, const DrainNode& request);
Result<ClusterState> drainNode(const ClusterState& state, const DrainNode& request);

} // namespace shardscope::engine::ops
