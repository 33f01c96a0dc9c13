// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/clusterstate.h"
#include "rebalanceoptions.h"
#include "rebalanceplan.h"
#include "rebalancestrategy.h"

#include <atomic>

namespace shardscope::engine {

/**
 * Plans a rebalance exactly as Citus 13.2 does for the same catalog (reference §6): the same moves in the
 * same order. Pure: no threads, no I/O. cancel, when given, is polled; a set flag gives an Error with code
 * "shardscope.cancelled".
 */
Result<RebalancePlan> planRebalance(const ClusterState& state, const RebalanceOptions& options,
                                    const std::atomic<bool>* cancel = nullptr);

class ShardGroupCatalog;
/** The same over a catalog built once (callers planning several variants of one state). */
Result<RebalancePlan> planRebalance(const ShardGroupCatalog& catalog, const RebalanceOptions& options,
                                    const std::atomic<bool>* cancel = nullptr);

} // namespace shardscope::engine
