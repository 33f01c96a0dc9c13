// SPDX-License-Identifier: MIT
#pragma once

#include "engine/operationrequest.h"

#include <string>
#include <vector>

namespace shardscope::engine::ops {

/** What a move did besides changing the state: the shards moved and Citus's warnings. */
struct MoveOutcome
{
    ClusterState state;
    std::vector<ShardId> movedShards;  ///< the whole shard group, ascending id; empty when nothing moved
    std::vector<std::string> warnings; ///< e.g. "shard is already present on node host:port"
};

/**
 * citus_move_shard_placement: moves every shard of the shard's group from source to target, in ascending
 * shard id, each getting a new placement id (old rows deleted). Checks Citus's conditions in Citus's order.
 */
Result<MoveOutcome> moveShardPlacementDetailed(const ClusterState& state, const MoveShardPlacement& request);
Result<ClusterState> moveShardPlacement(const ClusterState& state, const MoveShardPlacement& request);

} // namespace shardscope::engine::ops
