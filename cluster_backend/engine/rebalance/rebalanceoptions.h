// SPDX-License-Identifier: MIT
#pragma once

#include "engine/ids.h"
#include "rebalancestrategy.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace shardscope::engine {

/** Which Citus function the plan stands for: each one fixes some options (reference §6.8). */
enum class RebalanceEntryPoint : std::uint8_t
{
    GetPlan,              ///< get_rebalance_table_shards_plan: every option as given
    RebalanceTableShards, ///< rebalance_table_shards: improvement threshold is always the strategy's
    RebalanceStart,       ///< citus_rebalance_start: all groups, strategy threshold, 10,000,000 moves, no exclusions
    DrainNode,            ///< citus_drain_node: only drainNode's placements, drain_only, 0 moves, improvement 0
};

/** host:port of a node. */
struct NodeAddress
{
    std::string name;
    std::int32_t port = 5432;
    bool operator==(const NodeAddress&) const = default;
};

/** The arguments of a rebalance; unset optionals take the strategy's values. */
struct RebalanceOptions
{
    RebalanceEntryPoint entryPoint = RebalanceEntryPoint::GetPlan;
    RebalanceStrategy strategy = RebalanceStrategy::byDiskSize();
    std::optional<float> threshold;            ///< float4; clamped up to strategy.minimumThreshold
    std::optional<float> improvementThreshold; ///< float4
    std::int64_t maxShardMoves = 1000000;
    /** Compared with the representative table's shard ids only (as Citus does). */
    std::vector<ShardId> excludedShards;
    bool drainOnly = false;
    /** One relation as regclass text ("name" for public, "schema.name" otherwise); empty = all groups. */
    std::string relation;
    /**
     * citus_drain_node semantics: the node is treated as shouldhaveshards=false and only its placements are
     * planned (so the other nodes look empty). Used with RebalanceEntryPoint::DrainNode.
     */
    std::optional<NodeAddress> drainNode;
    /** citus.shard_replication_factor: the planner refuses when fewer nodes may hold shards. */
    std::int32_t shardReplicationFactor = 1;
    /** citus.max_rebalancer_logged_ignored_moves (-1 = all): how many ignored moves get a notice. */
    std::int32_t maxLoggedIgnoredMoves = 5;
};

/** citus_drain_node(name, port, rebalance_strategy => strategy) as planner options (§6.8). */
inline RebalanceOptions drainNodeOptions(NodeAddress node, RebalanceStrategy strategy = RebalanceStrategy::byDiskSize())
{
    RebalanceOptions options;
    options.entryPoint = RebalanceEntryPoint::DrainNode;
    options.strategy = std::move(strategy);
    options.drainNode = std::move(node);
    return options;
}

} // namespace shardscope::engine
