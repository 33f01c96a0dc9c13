// SPDX-License-Identifier: MIT
#include "whatif.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace shardscope::engine {

namespace {

Status addNodes(ClusterState& state, const WhatIf& whatIf)
{
    if (whatIf.addNodes < 0 || whatIf.addNodes > 10000)
        return Error::make("the number of nodes to add must be between 0 and 10000", "shardscope.invalid_value");
    NodeId nextId = state.sequences.nextNodeId;
    GroupId nextGroup = state.sequences.nextGroupId;
    for (const Node& node : state.nodes) {
        nextId = std::max(nextId, node.id + 1);
        nextGroup = std::max(nextGroup, node.group + 1);
    }
    PlacementId nextPlacement = state.sequences.nextPlacementId;
    for (const Placement& placement : state.placements)
        nextPlacement = std::max(nextPlacement, placement.id + 1);
    // Reference shards and the bytes of one of their copies: the rebalancer copies them to new nodes first.
    std::unordered_set<TableOid> referenceTables;
    for (const Table& table : state.tables) {
        if (table.kind == TableKind::Reference)
            referenceTables.insert(table.oid);
    }
    std::vector<std::pair<ShardId, std::int64_t>> referenceShards;
    for (const Shard& shard : state.shards) {
        if (referenceTables.count(shard.table) == 0)
            continue;
        std::int64_t bytes = 0;
        for (const Placement& placement : state.placements) {
            if (placement.shard == shard.id) {
                bytes = placement.bytes;
                break;
            }
        }
        referenceShards.emplace_back(shard.id, bytes);
    }
    for (int k = 1; k <= whatIf.addNodes; ++k) {
        Node node;
        node.id = nextId++;
        node.group = nextGroup++;
        node.name = whatIf.newNodePrefix + std::to_string(k);
        node.port = 5432;
        state.nodes.push_back(node);
        for (const auto& [shard, bytes] : referenceShards)
            state.placements.push_back({nextPlacement++, shard, bytes, 0, node.group});
    }
    state.sequences.nextNodeId = nextId;
    state.sequences.nextGroupId = nextGroup;
    state.sequences.nextPlacementId = nextPlacement;
    return Done{};
}

Status changeShardCount(ClusterState& state, const WhatIf& whatIf)
{
    if (whatIf.newShardCount < 1 || whatIf.newShardCount > 64000)
        return Error::make("shard_count must be between 1 and 64000", "22023");
    const auto relation = std::find_if(state.tables.begin(), state.tables.end(), [&](const Table& table) {
        return table.name == whatIf.shardCountRelation || table.schema + "." + table.name == whatIf.shardCountRelation;
    });
    if (relation == state.tables.end())
        return Error::make("relation \"" + whatIf.shardCountRelation + "\" does not exist", "42P01");
    if (relation->kind != TableKind::HashDistributed)
        return Error::make("shard_count can only be changed for hash-distributed tables", "22023");

    std::vector<const Node*> candidates;
    for (const Node& node : state.nodes) {
        if (node.isActive && node.role == NodeRole::Primary && node.shouldHaveShards)
            candidates.push_back(&node);
    }
    std::sort(candidates.begin(), candidates.end(), [](const Node* a, const Node* b) {
        const int c = a->name.compare(b->name);
        return c != 0 ? c < 0 : a->port < b->port;
    });
    if (candidates.empty())
        return Error::make("no node should have shards", "shardscope.invalid_value");

    const ColocationId oldGroup = relation->colocationId;
    const TableOid relationOid = relation->oid;
    std::unordered_set<TableOid> tables;
    for (const Table& table : state.tables) {
        if ((oldGroup != 0 && table.colocationId == oldGroup) || table.oid == relationOid)
            tables.insert(table.oid);
    }
    std::unordered_map<TableOid, std::int64_t> bytes;
    std::unordered_map<ShardId, TableOid> dropped;
    for (const Shard& shard : state.shards) {
        if (tables.count(shard.table) != 0)
            dropped.emplace(shard.id, shard.table);
    }
    for (const Placement& placement : state.placements) {
        const auto it = dropped.find(placement.shard);
        if (it != dropped.end())
            bytes[it->second] += placement.bytes;
    }
    std::erase_if(state.shards, [&](const Shard& shard) { return dropped.count(shard.id) != 0; });
    std::erase_if(state.placements, [&](const Placement& placement) { return dropped.count(placement.shard) != 0; });

    ColocationId nextColocation = state.sequences.nextColocationId;
    for (const ColocationGroup& group : state.colocationGroups)
        nextColocation = std::max(nextColocation, group.id + 1);
    const ColocationId newGroup = nextColocation++;
    state.colocationGroups.push_back({newGroup, whatIf.newShardCount, 1, relation->columnType, 0});
    std::erase_if(state.colocationGroups, [&](const ColocationGroup& group) { return group.id == oldGroup; });
    state.sequences.nextColocationId = nextColocation;

    ShardId nextShard = state.sequences.nextShardId;
    PlacementId nextPlacement = state.sequences.nextPlacementId;
    for (const Placement& placement : state.placements)
        nextPlacement = std::max(nextPlacement, placement.id + 1);
    const std::int64_t count = whatIf.newShardCount;
    const std::int64_t increment = 4294967296LL / count;
    for (Table& table : state.tables) {
        if (tables.count(table.oid) == 0)
            continue;
        table.colocationId = newGroup;
        const std::int64_t total = bytes[table.oid];
        for (std::int64_t i = 0; i < count; ++i) {
            Shard shard;
            shard.id = nextShard++;
            shard.table = table.oid;
            shard.hasRange = true;
            shard.minValue = static_cast<std::int32_t>(-2147483648LL + i * increment);
            shard.maxValue =
                static_cast<std::int32_t>(i == count - 1 ? 2147483647LL : -2147483648LL + (i + 1) * increment - 1);
            state.shards.push_back(shard);
            const std::int64_t share = total / count + (i == count - 1 ? total % count : 0);
            const Node* node = candidates[static_cast<std::size_t>(i) % candidates.size()];
            state.placements.push_back({nextPlacement++, shard.id, share, 0, node->group});
        }
    }
    state.sequences.nextShardId = nextShard;
    state.sequences.nextPlacementId = nextPlacement;
    std::sort(state.shards.begin(), state.shards.end(), [](const Shard& a, const Shard& b) { return a.id < b.id; });
    return Done{};
}

} // namespace

Result<ClusterState> applyWhatIf(const ClusterState& state, const WhatIf& whatIf)
{
    ClusterState changed = state;
    if (auto added = addNodes(changed, whatIf); !added.ok())
        return added.error();
    for (const NodeAddress& address : whatIf.removeNodes) {
        const auto node = std::find_if(changed.nodes.begin(), changed.nodes.end(),
                                       [&](const Node& n) { return n.name == address.name && n.port == address.port; });
        if (node == changed.nodes.end())
            return Error::make("node at \"" + address.name + ":" + std::to_string(address.port) + "\" does not exist",
                               "XX000");
        node->shouldHaveShards = false;
    }
    if (!whatIf.shardCountRelation.empty()) {
        if (auto changedCount = changeShardCount(changed, whatIf); !changedCount.ok())
            return changedCount.error();
    }
    return changed;
}

} // namespace shardscope::engine
