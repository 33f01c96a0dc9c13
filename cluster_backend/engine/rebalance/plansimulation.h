// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/clusterstate.h"
#include "rebalanceplan.h"

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace shardscope::engine {

/** Load of one active primary before and after a plan (every placement counts, reference tables included). */
struct NodeLoadChange
{
    NodeId node = 0;
    std::string name;
    std::int32_t port = 0;
    bool shouldHaveShards = true;
    std::int64_t bytesBefore = 0;
    std::int64_t bytesAfter = 0;
    std::int64_t shardsBefore = 0; ///< placements
    std::int64_t shardsAfter = 0;
};

/** Data copied from one node to another by a plan. */
struct NodePairTransfer
{
    NodeId source = 0;
    NodeId target = 0;
    std::int64_t bytes = 0;
    std::int64_t shards = 0;     ///< output rows (every colocated shard)
    std::int64_t groupMoves = 0; ///< planned moves (shard groups)
};

/**
 * Skew of bytes over the "balance nodes" (active primaries that should have shards or hold placements of
 * distributed tables; a coordinator holding only reference tables is not one). Bytes include every placement:
 * maxOverMean = max / mean, coefficientOfVariation = population standard deviation / mean (1 and 0 when empty).
 */
struct ByteBalance
{
    double maxOverMean = 1.0;
    double coefficientOfVariation = 0.0;
    std::int64_t maxBytes = 0;
};

/** What a plan does to a state. */
struct PlanSimulation
{
    std::vector<NodeLoadChange> nodes; ///< node id order
    ByteBalance before;
    ByteBalance after;
    std::int64_t bytesToMove = 0;
    std::int64_t shardsToMove = 0;
    std::int64_t groupMoves = 0;
    std::vector<NodePairTransfer> pairs; ///< in order of first use
    double copyRateBytesPerSecond = 0.0;
    double estimatedSeconds = 0.0; ///< moves run one after the other (as citus_rebalance_start schedules them)
    ClusterState stateAfter;
};

/**
 * Applies a plan's rows to a state as citus_move_shard_placement would: each moved shard's placement leaves
 * the source for the target with a new placement id (from the sequence). Error when a row's shard is not on
 * its source.
 */
Result<ClusterState> applyRebalancePlan(const ClusterState& state, const RebalancePlan& plan);

/** Ids of the reference tables' shards. */
std::unordered_set<ShardId> referenceShards(const ClusterState& state);

/** Byte balance of a state (see ByteBalance). */
ByteBalance byteBalance(const ClusterState& state);

/** Applies the plan and reports before/after; copyRateMegabytesPerSecond is in 10^6 bytes per second. */
Result<PlanSimulation> simulatePlan(const ClusterState& state, const RebalancePlan& plan,
                                    double copyRateMegabytesPerSecond = 100.0);

} // namespace shardscope::engine
