// SPDX-License-Identifier: MIT
#pragma once

#include "engine/rebalance/rebalancestrategy.h"
#include "pgsession.h"

#include <string>
#include <vector>

namespace shardscope::live {

/** A row of pg_dist_rebalance_strategy, functions as the server names them (regproc text). */
struct StrategyRow
{
    std::string name;
    bool isDefault = false;
    std::string shardCostFunction;
    std::string nodeCapacityFunction;
    std::string shardAllowedFunction;
    float defaultThreshold = 0.0F;
    float minimumThreshold = 0.0F;
    float improvementThreshold = 0.0F;

    /** True when every function is one Citus ships, so the engine knows it without asking the server. */
    bool builtinFunctions() const;

    bool operator==(const StrategyRow&) const = default;
};

/** pg_dist_rebalance_strategy, in catalog order. */
Result<std::vector<StrategyRow>> readRebalanceStrategies(PgSession& session);

/**
 * The strategy named (empty: the one marked default) as the planner needs it. Citus's own functions map to
 * the engine's kinds; a user-defined function is evaluated by the server in one statement over the catalog
 * (costs of every shard, capacities of every node that may hold shards, the shard/node pairs it refuses),
 * exactly the values Citus's rebalancer would get from it at this moment. The thresholds are the row's.
 * Errors: no such strategy (Citus's wording), or a function that fails on the server (named, with the
 * server's message).
 */
Result<engine::RebalanceStrategy> loadRebalanceStrategy(PgSession& session, const std::string& name);

/** The engine strategy for a row whose functions are all built in; an error naming the first custom one. */
Result<engine::RebalanceStrategy> builtinStrategyFor(const StrategyRow& row);

} // namespace shardscope::live
