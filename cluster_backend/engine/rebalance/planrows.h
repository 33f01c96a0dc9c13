// SPDX-License-Identifier: MIT
#pragma once

#include "rebalanceplan.h"
#include "shardgroupcatalog.h"

namespace shardscope::engine {

/**
 * Fills plan.rows from plan.moves as get_rebalance_table_shards_plan prints them (§6.7): every shard of each
 * moved shard group, ascending shard id, move order kept; also sets each move's real bytes.
 */
void expandPlanRows(const ShardGroupCatalog& catalog, RebalancePlan& plan);

} // namespace shardscope::engine
