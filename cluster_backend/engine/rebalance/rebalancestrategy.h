// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/ids.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace shardscope::engine {

/** How a strategy weighs a shard group (pg_dist_rebalance_strategy.shard_cost_function). */
enum class ShardCostKind : std::uint8_t
{
    One,        ///< citus_shard_cost_1: every shard group costs 1.0
    DiskSize,   ///< citus_shard_cost_by_disk_size: bytes of the shard group + base cost, as float4
    CustomData, ///< RebalanceStrategy::shardCost, keyed by the representative shard id
};

/** What a strategy says a node can hold (node_capacity_function). */
enum class NodeCapacityKind : std::uint8_t
{
    One,        ///< citus_node_capacity_1
    CustomData, ///< RebalanceStrategy::nodeCapacity, keyed by node id
};

/** Which (shard, node) pairs a strategy allows (shard_allowed_on_node_function). */
enum class ShardAllowedKind : std::uint8_t
{
    All,          ///< citus_shard_allowed_on_node_true
    OnlyListed,   ///< only the pairs in RebalanceStrategy::allowedPairs
    AllButListed, ///< every pair except those in RebalanceStrategy::disallowedPairs
};

/** A (representative shard id, node id) pair. */
struct ShardNodePair
{
    ShardId shard = 0;
    NodeId node = 0;
    bool operator==(const ShardNodePair&) const = default;
};

/**
 * A row of pg_dist_rebalance_strategy, with the user-defined functions of a custom strategy given as data.
 * Thresholds are float4 like the catalog columns.
 */
struct RebalanceStrategy
{
    std::string name = "by_disk_size";
    ShardCostKind cost = ShardCostKind::DiskSize;
    NodeCapacityKind capacity = NodeCapacityKind::One;
    ShardAllowedKind allowed = ShardAllowedKind::All;
    float defaultThreshold = 0.1F;
    float minimumThreshold = 0.01F;
    float improvementThreshold = 0.5F;
    /** citus.rebalancer_by_disk_size_base_cost, added to every shard group's bytes (DiskSize only). */
    std::int64_t diskSizeBaseCost = 104857600;

    /** CustomData costs; shards not listed cost defaultShardCost. */
    std::unordered_map<ShardId, float> shardCost;
    float defaultShardCost = 1.0F;
    /** CustomData capacities; nodes not listed have defaultNodeCapacity. */
    std::unordered_map<NodeId, float> nodeCapacity;
    float defaultNodeCapacity = 1.0F;
    std::vector<ShardNodePair> allowedPairs;    ///< ShardAllowedKind::OnlyListed
    std::vector<ShardNodePair> disallowedPairs; ///< ShardAllowedKind::AllButListed

    /** The two strategies Citus ships. */
    static RebalanceStrategy byShardCount();
    static RebalanceStrategy byDiskSize();
};

/**
 * A built-in strategy by name ("by_shard_count", "by_disk_size"); anything else gives Citus's error
 * "could not find rebalance strategy with name NAME".
 */
Result<RebalanceStrategy> builtinRebalanceStrategy(const std::string& name);

} // namespace shardscope::engine
