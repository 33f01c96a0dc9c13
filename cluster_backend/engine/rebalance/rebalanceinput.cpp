// SPDX-License-Identifier: MIT
#include "rebalanceinput.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace shardscope::engine {

namespace {

bool isDistributed(const Table& table)
{
    return table.kind == TableKind::HashDistributed || table.kind == TableKind::SingleShard;
}

std::string formatFloat(float value)
{
    std::string text = std::to_string(value);
    while (text.size() > 1 && text.back() == '0')
        text.pop_back();
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text;
}

/** Finds a table by regclass text: "name" (public) or "schema.name", optionally double-quoted parts. */
std::uint32_t findRelation(const ShardGroupCatalog& catalog, const std::string& relation)
{
    const auto& tables = catalog.state().tables;
    for (std::uint32_t t = 0; t < tables.size(); ++t) {
        if (catalog.regclassName(t) == relation)
            return t;
        const std::string schema = tables[t].schema.empty() ? std::string("public") : tables[t].schema;
        if (relation == schema + "." + tables[t].name)
            return t;
        if (relation == tables[t].name && schema == "public")
            return t;
    }
    return ShardGroupCatalog::npos;
}

/** Effective options of an entry point (§6.8). */
struct Effective
{
    float threshold = 0.0F;
    float improvementThreshold = 0.0F;
    std::int64_t maxShardMoves = 0;
    bool drainOnly = false;
    bool useExcluded = true;
    bool useRelation = true;
};

Effective effectiveOptions(const RebalanceOptions& options)
{
    const RebalanceStrategy& strategy = options.strategy;
    Effective e;
    e.threshold = options.threshold.value_or(strategy.defaultThreshold);
    e.improvementThreshold = options.improvementThreshold.value_or(strategy.improvementThreshold);
    e.maxShardMoves = options.maxShardMoves;
    e.drainOnly = options.drainOnly;
    switch (options.entryPoint) {
    case RebalanceEntryPoint::GetPlan:
        break;
    case RebalanceEntryPoint::RebalanceTableShards:
        e.improvementThreshold = strategy.improvementThreshold;
        break;
    case RebalanceEntryPoint::RebalanceStart:
        e.threshold = strategy.defaultThreshold;
        e.improvementThreshold = strategy.improvementThreshold;
        e.maxShardMoves = 10000000;
        e.useExcluded = false;
        e.useRelation = false;
        break;
    case RebalanceEntryPoint::DrainNode:
        e.threshold = strategy.defaultThreshold;
        e.improvementThreshold = 0.0F;
        e.maxShardMoves = 0;
        e.drainOnly = true;
        e.useExcluded = false;
        e.useRelation = false;
        break;
    }
    return e;
}

Status validateStrategy(const RebalanceStrategy& strategy)
{
    for (const auto& [shard, cost] : strategy.shardCost) {
        if (std::isnan(cost))
            return Error::make("shard cost of shard " + std::to_string(shard) + " is not a number",
                               "shardscope.invalid_value");
    }
    for (const auto& [node, capacity] : strategy.nodeCapacity) {
        if (std::isnan(capacity))
            return Error::make("capacity of node " + std::to_string(node) + " is not a number",
                               "shardscope.invalid_value");
    }
    if (std::isnan(strategy.defaultShardCost) || std::isnan(strategy.defaultNodeCapacity))
        return Error::make("strategy defaults must be numbers", "shardscope.invalid_value");
    return Done{};
}

float shardCost(const ShardGroupCatalog& catalog, const RebalanceStrategy& strategy,
                const std::vector<std::uint32_t>& singleTableGroup, std::uint32_t shard)
{
    switch (strategy.cost) {
    case ShardCostKind::One:
        return 1.0F;
    case ShardCostKind::CustomData: {
        const auto it = strategy.shardCost.find(catalog.state().shards[shard].id);
        return it == strategy.shardCost.end() ? strategy.defaultShardCost : it->second;
    }
    case ShardCostKind::DiskSize:
        break;
    }
    const GroupId group = catalog.firstActiveGroup(shard);
    const std::uint32_t table = catalog.tableIndexOfShard(shard);
    const std::int64_t bytes = (table != ShardGroupCatalog::npos && singleTableGroup[table] != 0)
                                   ? catalog.bytesOnGroup(shard, group)
                                   : catalog.shardGroupDiskBytes(shard, group);
    const auto cost = static_cast<float>(bytes + strategy.diskSizeBaseCost);
    return cost <= 0.0F ? 1.0F : cost;
}

} // namespace

Status buildRebalanceInput(const ShardGroupCatalog& catalog, const RebalanceOptions& options, RebalanceContext& context)
{
    const ClusterState& state = catalog.state();
    const RebalanceStrategy& strategy = options.strategy;
    if (auto valid = validateStrategy(strategy); !valid.ok())
        return valid.error();
    const Effective effective = effectiveOptions(options);
    context.catalog = &catalog;
    context.improvementThreshold = effective.improvementThreshold;
    context.maxShardMoves = effective.maxShardMoves;
    context.drainOnly = effective.drainOnly;
    context.maxLoggedIgnoredMoves = options.maxLoggedIgnoredMoves;
    context.allowedKind = strategy.allowed;
    context.pairs = strategy.allowed == ShardAllowedKind::OnlyListed ? strategy.allowedPairs : strategy.disallowedPairs;
    std::sort(context.pairs.begin(), context.pairs.end(), RebalanceContext::pairLess);

    const bool draining = options.drainNode.has_value();
    if (options.entryPoint == RebalanceEntryPoint::DrainNode && !draining)
        return Error::make("citus_drain_node needs the node to drain", "shardscope.invalid_value");

    // Workers: active primaries sorted by (name, port); the drained node no longer should have shards.
    std::vector<const Node*> sorted;
    for (const Node& node : state.nodes) {
        if (node.isActive && node.role == NodeRole::Primary)
            sorted.push_back(&node);
    }
    std::sort(sorted.begin(), sorted.end(), [](const Node* a, const Node* b) {
        const int c = a->name.compare(b->name);
        return c != 0 ? c < 0 : a->port < b->port;
    });
    std::int64_t drainedWorker = -1;
    if (draining) {
        const auto it = std::find_if(sorted.begin(), sorted.end(), [&](const Node* node) {
            return node->name == options.drainNode->name && node->port == options.drainNode->port;
        });
        if (it == sorted.end()) {
            return Error::make("node at \"" + options.drainNode->name + ":" + std::to_string(options.drainNode->port) +
                                   "\" does not exist",
                               "XX000");
        }
        drainedWorker = it - sorted.begin();
    }
    std::unordered_map<GroupId, std::uint32_t> workerOfGroup;
    std::int32_t allowedNodeCount = 0;
    for (std::size_t w = 0; w < sorted.size(); ++w) {
        RebalanceWorker worker;
        worker.node = sorted[w];
        worker.shouldHaveShards = sorted[w]->shouldHaveShards && static_cast<std::int64_t>(w) != drainedWorker;
        if (worker.shouldHaveShards) {
            ++allowedNodeCount;
            if (strategy.capacity == NodeCapacityKind::CustomData) {
                const auto it = strategy.nodeCapacity.find(sorted[w]->id);
                worker.capacity = it == strategy.nodeCapacity.end() ? strategy.defaultNodeCapacity : it->second;
            } else {
                worker.capacity = 1.0F;
            }
        }
        workerOfGroup.emplace(sorted[w]->group, static_cast<std::uint32_t>(w));
        context.workers.push_back(worker);
    }
    if (allowedNodeCount < options.shardReplicationFactor) {
        return Error::make("Shard replication factor (" + std::to_string(options.shardReplicationFactor) +
                               ") cannot be greater than number of nodes with should_have_shards=true (" +
                               std::to_string(allowedNodeCount) + ").",
                           "XX000");
    }

    // Relations: the one asked for, or one representative per colocation group in catalog order.
    std::vector<std::uint32_t> relations;
    if (effective.useRelation && !options.relation.empty()) {
        const std::uint32_t t = findRelation(catalog, options.relation);
        if (t == ShardGroupCatalog::npos)
            return Error::make("relation \"" + options.relation + "\" does not exist", "42P01");
        if (!isDistributed(state.tables[t]))
            return Error::make("table " + options.relation + " is not a distributed table", "22023");
        relations.push_back(t);
    } else {
        std::unordered_set<ColocationId> seen;
        for (std::uint32_t t = 0; t < state.tables.size(); ++t) {
            const Table& table = state.tables[t];
            if (!isDistributed(table))
                continue;
            if (table.colocationId != 0 && !seen.insert(table.colocationId).second)
                continue;
            relations.push_back(t);
        }
    }
    std::vector<std::uint32_t> relationOfTable(state.tables.size(), ShardGroupCatalog::npos);
    for (std::uint32_t r = 0; r < relations.size(); ++r)
        relationOfTable[relations[r]] = r;

    std::unordered_set<ShardId> excluded;
    if (effective.useExcluded)
        excluded.insert(options.excludedShards.begin(), options.excludedShards.end());

    // Active placements of each relation, in placement-id order.
    struct Entry
    {
        PlacementId id;
        std::uint32_t shard;
        std::uint32_t worker;
    };
    std::vector<std::vector<Entry>> placements(relations.size());
    GroupId lastGroup = 0;
    std::uint32_t lastWorker = ShardGroupCatalog::npos;
    bool haveLast = false;
    for (const Placement& placement : state.placements) {
        const std::uint32_t shard = catalog.shardIndex(placement.shard);
        if (shard == ShardGroupCatalog::npos)
            continue;
        const std::uint32_t table = catalog.tableIndexOfShard(shard);
        if (table == ShardGroupCatalog::npos || relationOfTable[table] == ShardGroupCatalog::npos)
            continue;
        if (!haveLast || placement.group != lastGroup) {
            const auto it = workerOfGroup.find(placement.group);
            lastWorker = it == workerOfGroup.end() ? ShardGroupCatalog::npos : it->second;
            lastGroup = placement.group;
            haveLast = true;
        }
        if (lastWorker == ShardGroupCatalog::npos)
            continue;
        if (draining && static_cast<std::int64_t>(lastWorker) != drainedWorker)
            continue;
        if (!excluded.empty() && excluded.count(placement.shard) != 0)
            continue;
        placements[relationOfTable[table]].push_back({placement.id, shard, lastWorker});
    }

    RebalanceListInput leftovers;
    leftovers.pooled = true;
    for (std::uint32_t r = 0; r < relations.size(); ++r) {
        auto& entries = placements[r];
        if (!std::is_sorted(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.id < b.id; }))
            std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.id < b.id; });
        const bool own = static_cast<std::int64_t>(entries.size()) >= allowedNodeCount;
        RebalanceListInput list;
        list.representative = state.tables[relations[r]].oid;
        RebalanceListInput& into = own ? list : leftovers;
        for (const Entry& entry : entries) {
            into.shards.push_back(entry.shard);
            into.workers.push_back(entry.worker);
        }
        if (own)
            context.lists.push_back(std::move(list));
    }
    if (!leftovers.shards.empty())
        context.lists.push_back(std::move(leftovers));

    // Threshold and its minimum (§6.2).
    context.threshold = effective.threshold;
    if (context.threshold < strategy.minimumThreshold) {
        context.plan.decisions.notices.push_back(
            "WARNING: threshold " + formatFloat(context.threshold) + " is below the minimum threshold " +
            formatFloat(strategy.minimumThreshold) + " of strategy " + strategy.name + "; using the minimum");
        context.threshold = strategy.minimumThreshold;
        context.plan.decisions.thresholdClamped = true;
    }
    context.plan.decisions.threshold = context.threshold;
    context.plan.decisions.improvementThreshold = context.improvementThreshold;

    // Costs (§6.1): one float4 per listed shard.
    std::vector<std::uint32_t> singleTableGroup(state.tables.size(), 0);
    {
        std::unordered_map<ColocationId, int> members;
        for (const Table& table : state.tables) {
            if (table.colocationId != 0)
                ++members[table.colocationId];
        }
        for (std::size_t t = 0; t < state.tables.size(); ++t) {
            const ColocationId id = state.tables[t].colocationId;
            singleTableGroup[t] = (id == 0 || members[id] == 1) ? 1 : 0;
        }
    }
    context.costOfShard.assign(state.shards.size(), 0.0F);
    for (const RebalanceListInput& list : context.lists) {
        for (std::uint32_t shard : list.shards)
            context.costOfShard[shard] = shardCost(catalog, strategy, singleTableGroup, shard);
    }
    return Done{};
}

} // namespace shardscope::engine
