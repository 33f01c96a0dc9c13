// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"
#include "engine/rebalance/rebalanceoptions.h"

#include <random>

namespace shardscope::test {

/**
 * Random small clusters for the randomized rebalancer suite: 2-7 workers (some with shouldhaveshards=false,
 * some inactive, names that sort differently from their ids), 1-4 colocation groups of 1-3 tables with 1-24
 * shards by default (often fewer than nodes), replication factor 1 or 2, single-shard and reference tables, random byte
 * sizes from 0 to tens of GB (float4 rounding) and ties.
 */
engine::ClusterState randomCluster(std::mt19937_64& rng, int maxShards = 24);

/** Random options for a state: strategy (built-in or custom data), thresholds, limits, exclusions, etc. */
engine::RebalanceOptions randomOptions(const engine::ClusterState& state, std::mt19937_64& rng);

} // namespace shardscope::test
