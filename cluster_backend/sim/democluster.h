// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"

namespace shardscope::sim {

/**
 * The demo cluster: a coordinator (shouldhaveshards=false) and four workers holding the schema of the Citus
 * introduction (users and events colocated by user_id in 32 shards, countries and products as reference
 * tables, page_views by site_id in their own group, orders, a single-shard table), created by running the
 * engine's operations in order, so ids and placements are what Citus would give. Sizes and row counts are
 * deterministic; user_id 1 is a hot tenant whose shard group is much bigger than the others.
 */
engine::ClusterState makeDemoCluster();

} // namespace shardscope::sim
