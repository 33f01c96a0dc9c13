// SPDX-License-Identifier: MIT
#pragma once

#include "engine/ids.h"

#include <cstdint>
#include <string>
#include <vector>

namespace shardscope::engine {

/** Which phase of the rebalancer produced a move (reference §6.4 / §6.5). */
enum class RebalancePhase : std::uint8_t
{
    Evacuate, ///< phase 1: a placement on a node where it is not allowed
    Balance,  ///< phase 2: balancing within the threshold window
};

/** One planned move of a whole shard group, named by its representative shard. */
struct PlannedMove
{
    ShardId shard = 0; ///< representative shard id
    TableOid table = 0;
    ColocationId colocationId = 0;
    NodeId source = 0;
    NodeId target = 0;
    float cost = 0.0F;      ///< the strategy's cost of the group (float4)
    std::int64_t bytes = 0; ///< real bytes of the whole shard group (every colocated shard)
    RebalancePhase phase = RebalancePhase::Balance;
};

/** A row of get_rebalance_table_shards_plan, plus the real bytes ShardScope previews show. */
struct PlanRow
{
    std::string tableName; ///< as regclass prints it: schema-qualified unless in public
    ShardId shardId = 0;
    std::int64_t shardSize = 0; ///< pg_dist_placement.shardlength semantics: 0 for hash tables
    std::string sourceName;
    std::int32_t sourcePort = 0;
    std::string targetName;
    std::int32_t targetPort = 0;
    std::int64_t bytes = 0;    ///< real bytes of this shard on its source (not a Citus column)
    std::size_t moveIndex = 0; ///< index into RebalancePlan::moves
};

/** A move phase 2 found but skipped because it did not improve enough ("Ignoring move of shard ..."). */
struct IgnoredMove
{
    ShardId shard = 0;
    NodeId source = 0;
    NodeId target = 0;
    float improvement = 0.0F;
    float added = 0.0F;
    float improvementThreshold = 0.0F;
};

/** A placement phase 1 had to evacuate but could place nowhere ("Not allowed to move shard ... anywhere"). */
struct UnmovableShard
{
    ShardId shard = 0;
    NodeId source = 0;
};

/** Utilization of one node in one balanced list, at the end of planning. */
struct NodeFillSummary
{
    NodeId node = 0;
    float capacity = 0.0F;
    float totalCost = 0.0F;
    float utilization = 0.0F; ///< +inf when capacity is 0
};

/** One list the rebalancer balanced on its own: a colocation group's representative, or the pooled leftovers. */
struct RebalanceListSummary
{
    TableOid representative = 0; ///< 0 for the pooled list of small groups
    bool pooled = false;
    std::size_t placements = 0;
    float average = 0.0F;
    float lower = 0.0F; ///< threshold window, float4 as Citus computes it
    float upper = 0.0F;
    bool balanced = false;              ///< phase 2 ran for this list
    bool withinWindow = false;          ///< at the end no node was above the window ("nothing to do")
    std::size_t moves = 0;              ///< moves planned for this list (both phases)
    std::vector<NodeFillSummary> nodes; ///< sorted worker order
};

/** What the planner decided not to do, and why. */
struct RebalanceDecisions
{
    float threshold = 0.0F;                ///< effective threshold after the minimum clamp
    bool thresholdClamped = false;         ///< the requested threshold was below the strategy's minimum
    float improvementThreshold = 0.0F;     ///< effective improvement threshold
    std::vector<IgnoredMove> ignoredMoves; ///< the first 10,000 (ignoredMoveCount has them all)
    std::int64_t ignoredMoveCount = 0;
    std::vector<UnmovableShard> notAllowedAnywhere;
    std::vector<RebalanceListSummary> lists;
    bool limitReached = false; ///< max_shard_moves stopped the search
    /** Citus's WARNING/NOTICE texts in the order the server would send them. */
    std::vector<std::string> notices;
};

/** The planned moves (in execution order), the expanded Citus rows and the decisions. */
struct RebalancePlan
{
    std::vector<PlannedMove> moves;
    std::vector<PlanRow> rows;
    RebalanceDecisions decisions;
};

} // namespace shardscope::engine
