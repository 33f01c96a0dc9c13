// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"
#include "engine/rebalance/rebalanceoptions.h"

#include <string>
#include <vector>

namespace shardscope::test {

/** One move as the literal transcription plans it. */
struct LiteralMove
{
    engine::ShardId shard = 0;
    engine::NodeId source = 0;
    engine::NodeId target = 0;
    bool operator==(const LiteralMove&) const = default;
};

struct LiteralPlan
{
    bool failed = false;
    std::vector<LiteralMove> moves;
    std::vector<engine::ShardId> notAllowedAnywhere;
    long long ignoredMoves = 0;
    bool limitReached = false;
};

/**
 * An independent, deliberately literal and slow transcription of §6 of the reference (plain vectors, every
 * ordering re-sorted from scratch at each step), used as the oracle of the randomized tests. It shares no
 * code with the engine's planner. Supports the GetPlan and DrainNode entry points.
 */
LiteralPlan literalRebalance(const engine::ClusterState& state, const engine::RebalanceOptions& options);

} // namespace shardscope::test
