// SPDX-License-Identifier: MIT
#include "rebalanceplanner.h"

#include "planrows.h"
#include "rebalancecontext.h"
#include "rebalanceinput.h"
#include "rebalanceliststate.h"
#include "shardgroupcatalog.h"

#include <memory_resource>

namespace shardscope::engine {

namespace {

Error cancelledError()
{
    return Error::make("rebalance planning was cancelled", "shardscope.cancelled");
}

} // namespace

Result<RebalancePlan> planRebalance(const ClusterState& state, const RebalanceOptions& options,
                                    const std::atomic<bool>* cancel)
{
    const ShardGroupCatalog catalog(state);
    return planRebalance(catalog, options, cancel);
}

Result<RebalancePlan> planRebalance(const ShardGroupCatalog& catalog, const RebalanceOptions& options,
                                    const std::atomic<bool>* cancel)
{
    RebalanceContext context;
    context.cancel = cancel;
    if (auto built = buildRebalanceInput(catalog, options, context); !built.ok())
        return built.error();
    if (context.cancelled())
        return cancelledError();

    std::pmr::monotonic_buffer_resource memory;
    std::vector<std::uint32_t> scratch(catalog.state().shards.size(), ShardGroupCatalog::npos);
    std::vector<RebalanceListState> states;
    states.reserve(context.lists.size());
    for (std::size_t l = 0; l < context.lists.size(); ++l)
        states.emplace_back(context, l, scratch, &memory);
    if (context.cancelled())
        return cancelledError();

    for (RebalanceListState& listState : states)
        listState.evacuateDisallowed();

    if (!context.drainOnly) {
        for (RebalanceListState& listState : states) {
            const bool more = listState.balance();
            if (context.cancelled())
                return cancelledError();
            if (more) {
                context.plan.decisions.limitReached = true;
                context.plan.decisions.notices.push_back(
                    "NOTICE: Stopped searching before running out of moves: max_shard_moves (" +
                    std::to_string(context.maxShardMoves) +
                    ") was reached. Run the rebalancer again after these moves for a better balance.");
                break;
            }
        }
    }
    if (context.ignoredMoveCount > 0 && context.maxLoggedIgnoredMoves >= 0 &&
        context.ignoredMoveCount > context.maxLoggedIgnoredMoves) {
        context.plan.decisions.notices.push_back("NOTICE: Ignored " + std::to_string(context.ignoredMoveCount) +
                                                 " moves, " + std::to_string(context.maxLoggedIgnoredMoves) +
                                                 " of them shown above (citus.max_rebalancer_logged_ignored_moves)");
    }
    context.plan.decisions.ignoredMoveCount = context.ignoredMoveCount;
    for (const RebalanceListState& listState : states)
        context.plan.decisions.lists.push_back(listState.summary());
    expandPlanRows(catalog, context.plan);
    return std::move(context.plan);
}

} // namespace shardscope::engine
