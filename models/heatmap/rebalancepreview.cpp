// SPDX-License-Identifier: MIT
#include "rebalancepreview.h"

#include "engine/rebalance/minbytesplanner.h"
#include "engine/rebalance/rebalanceplanner.h"

#include <algorithm>

namespace shardscope {

using namespace engine;

std::vector<std::string> RebalancePreview::strategies()
{
    return {"by_disk_size", "by_shard_count", kShardScopeMinBytes};
}

RebalancePreview RebalancePreview::compute(const ClusterState& state, const RebalancePreviewOptions& options,
                                           const std::atomic<bool>* cancel)
{
    RebalancePreview preview;
    preview.options = options;
    const bool ours = isShardScopeStrategy(options.strategy);
    Result<RebalanceStrategy> strategy =
        builtinRebalanceStrategy(ours ? std::string("by_disk_size") : options.strategy);
    if (!strategy) {
        preview.error = strategy.error();
        return preview;
    }
    RebalanceOptions planOptions;
    planOptions.strategy = *strategy;
    planOptions.threshold = options.threshold;
    planOptions.maxShardMoves = options.maxShardMoves;
    if (options.drainNode != 0) {
        const auto node = std::find_if(state.nodes.begin(), state.nodes.end(),
                                       [&](const Node& n) { return n.id == options.drainNode; });
        if (node == state.nodes.end()) {
            preview.error = Error::make("node to drain not found", "shardscope.invalid_value");
            return preview;
        }
        planOptions.entryPoint = RebalanceEntryPoint::DrainNode;
        planOptions.drainNode = NodeAddress{node->name, node->port};
    }
    Result<RebalancePlan> plan = ours && options.drainNode == 0 ? planMinBytesRebalance(state, planOptions, cancel)
                                                                : planRebalance(state, planOptions, cancel);
    if (!plan) {
        preview.error = plan.error();
        return preview;
    }
    preview.plan = std::move(plan).value();
    Result<PlanSimulation> simulation = simulatePlan(state, preview.plan);
    if (!simulation) {
        preview.error = simulation.error();
        return preview;
    }
    preview.simulation = std::move(simulation).value();
    return preview;
}

bool RebalancePreview::fitsBackgroundRebalance() const
{
    return !error && !isShardScopeStrategy(options.strategy) && !options.threshold &&
           options.maxShardMoves >= RebalancePreviewOptions{}.maxShardMoves && options.drainNode == 0;
}

std::vector<OperationRequest> RebalancePreview::requests(const ClusterState& state) const
{
    std::vector<OperationRequest> result;
    if (error)
        return result;
    if (options.drainNode != 0) {
        for (const Node& n : state.nodes) {
            if (n.id == options.drainNode) {
                const bool ours = isShardScopeStrategy(options.strategy);
                result.emplace_back(DrainNode{n.name, n.port, options.mode, ours ? std::string() : options.strategy});
            }
        }
        return result;
    }
    for (const PlannedMove& m : plan.moves)
        result.emplace_back(MoveShardPlacement{m.shard, m.source, m.target, options.mode});
    return result;
}

} // namespace shardscope
