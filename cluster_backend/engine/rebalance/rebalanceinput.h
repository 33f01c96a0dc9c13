// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "rebalancecontext.h"
#include "rebalanceoptions.h"
#include "shardgroupcatalog.h"

namespace shardscope::engine {

/**
 * §6.2 and §6.8: resolves the entry point's options, the sorted workers, the lists of placements
 * (representative tables in catalog order, pooled leftovers last) and the float4 cost of every listed shard.
 */
Status buildRebalanceInput(const ShardGroupCatalog& catalog, const RebalanceOptions& options,
                           RebalanceContext& context);

} // namespace shardscope::engine
