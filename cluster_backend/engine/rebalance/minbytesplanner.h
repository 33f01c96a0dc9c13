// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/clusterstate.h"
#include "rebalanceoptions.h"
#include "rebalanceplan.h"

#include <atomic>
#include <string>

namespace shardscope::engine {

/** Name of ShardScope's own strategy (never a Citus strategy name). */
inline constexpr const char* kShardScopeMinBytes = "shardscope_min_bytes";

/** True for the names of ShardScope's own strategies. */
bool isShardScopeStrategy(const std::string& name);

/**
 * shardscope_min_bytes: reaches at least the byte balance (max/mean bytes per node) that Citus's plan for the
 * same options would reach, moving as few bytes as it can. Unlike Citus it looks at all colocation groups
 * together and at the real bytes of each shard group: it repeatedly takes the most loaded node and moves the
 * smallest shard group that brings it down to the target, else the largest that still narrows the gap to the
 * least loaded node. Placements where they are not allowed are evacuated first, largest first. Replicated
 * shard groups are left where they are. When it cannot beat Citus's plan (balance not reached, or more bytes),
 * it returns Citus's plan, with a notice saying so. options.strategy is the Citus strategy compared with
 * (by_disk_size unless given).
 */
Result<RebalancePlan> planMinBytesRebalance(const ClusterState& state, const RebalanceOptions& options,
                                            const std::atomic<bool>* cancel = nullptr);

} // namespace shardscope::engine
