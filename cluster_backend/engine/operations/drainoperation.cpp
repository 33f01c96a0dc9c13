// SPDX-License-Identifier: MIT
#include "drainoperation.h"

#include "engine/rebalance/rebalanceplanner.h"
#include "moveoperation.h"
#include "operationsupport.h"

namespace shardscope::engine::ops {

Result<DrainOutcome> drainNodeDetailed(const ClusterState& state, const DrainNode& request)
{
    auto strategy = builtinRebalanceStrategy(request.strategy.empty() ? "by_disk_size" : request.strategy);
    if (!strategy)
        return strategy.error();
    const Node* drained = findNode(state, request.name, request.port);
    if (!drained || drained->role != NodeRole::Primary)
        return citusError("node " + request.name + ":" + std::to_string(request.port) + " not found");

    // Citus commits shouldhaveshards=false first, in its own transaction.
    DrainOutcome outcome{state, {}, {}};
    ClusterState& next = outcome.state;
    findNode(next, request.name, request.port)->shouldHaveShards = false;

    RebalanceOptions options;
    options.entryPoint = RebalanceEntryPoint::DrainNode;
    options.strategy = *strategy;
    options.drainOnly = true;
    options.drainNode = NodeAddress{request.name, request.port};
    auto plan = planRebalance(next, options);
    if (!plan)
        return plan.error();
    outcome.warnings = plan->decisions.notices;

    // Execution: missing reference tables first, then each move on its whole shard group.
    replicateReferenceTables(next);
    for (const PlannedMove& move : plan->moves) {
        auto moved = moveShardPlacement(next, MoveShardPlacement{move.shard, move.source, move.target, request.mode});
        if (!moved)
            return moved.error();
        next = std::move(*moved);
        outcome.moves.push_back({move.shard, move.source, move.target});
    }
    return outcome;
}

Result<ClusterState> drainNode(const ClusterState& state, const DrainNode& request)
{
    auto outcome = drainNodeDetailed(state, request);
    if (!outcome)
        return outcome.error();
    return std::move(outcome->state);
}

} // namespace shardscope::engine::ops
