// SPDX-License-Identifier: MIT
#include "clusterindex.h"

#include <algorithm>

namespace shardscope::engine {

bool shardRangeLess(const Shard& a, const Shard& b)
{
    if (a.hasRange != b.hasRange)
        return a.hasRange;
    if (a.hasRange && a.minValue != b.minValue)
        return a.minValue < b.minValue;
    return a.id < b.id;
}

bool nodeNameLess(const Node& a, const Node& b)
{
    // strncmp compares bytes as unsigned char, as std::string::compare does
    const int c = a.name.compare(b.name);
    if (c != 0)
        return c < 0;
    return a.port < b.port;
}

std::vector<const Node*> sortedActivePrimaries(const ClusterState& state, bool onlyShouldHaveShards)
{
    std::vector<const Node*> nodes;
    for (const Node& node : state.nodes) {
        if (node.isActive && node.role == NodeRole::Primary && (!onlyShouldHaveShards || node.shouldHaveShards))
            nodes.push_back(&node);
    }
    std::sort(nodes.begin(), nodes.end(), [](const Node* a, const Node* b) { return nodeNameLess(*a, *b); });
    return nodes;
}

ClusterIndex::ClusterIndex(const ClusterState& state) : m_state(&state)
{
    for (std::size_t i = 0; i < state.nodes.size(); ++i) {
        const Node& node = state.nodes[i];
        m_nodeById.emplace(node.id, i);
        if (node.role == NodeRole::Primary)
            m_primaryByGroup.emplace(node.group, i);
    }
    for (std::size_t i = 0; i < state.colocationGroups.size(); ++i)
        m_colocationById.emplace(state.colocationGroups[i].id, i);
    for (std::size_t i = 0; i < state.tables.size(); ++i) {
        const Table& table = state.tables[i];
        m_tableByOid.emplace(table.oid, i);
        if (table.colocationId != 0)
            m_tablesByColocation[table.colocationId].push_back(table.oid);
    }
    for (std::size_t i = 0; i < state.shards.size(); ++i) {
        m_shardById.emplace(state.shards[i].id, i);
        m_shardsByTable[state.shards[i].table].push_back(i);
    }
    for (auto& [table, list] : m_shardsByTable) {
        std::sort(list.begin(), list.end(),
                  [&state](std::size_t a, std::size_t b) { return shardRangeLess(state.shards[a], state.shards[b]); });
        for (std::size_t k = 0; k < list.size(); ++k)
            m_shardIndex.emplace(state.shards[list[k]].id, static_cast<int>(k));
    }
    for (std::size_t i = 0; i < state.placements.size(); ++i) {
        m_placementsByShard[state.placements[i].shard].push_back(i);
        m_placementsByGroup[state.placements[i].group].push_back(i);
    }
    const auto byPlacementId = [&state](std::size_t a, std::size_t b) {
        return state.placements[a].id < state.placements[b].id;
    };
    for (auto& [shard, list] : m_placementsByShard)
        std::sort(list.begin(), list.end(), byPlacementId);
    for (auto& [group, list] : m_placementsByGroup)
        std::sort(list.begin(), list.end(), byPlacementId);
}

namespace {
template <class Map, class Key, class Vec>
auto* lookup(const Map& map, const Key& key, const Vec& vec)
{
    const auto it = map.find(key);
    return it == map.end() ? nullptr : &vec[it->second];
}

template <class Map, class Key>
auto spanOf(const Map& map, const Key& key)
{
    using Elem = typename Map::mapped_type::value_type;
    const auto it = map.find(key);
    return it == map.end() ? std::span<const Elem>() : std::span<const Elem>(it->second);
}
} // namespace

const Node* ClusterIndex::nodeById(NodeId id) const
{
    return lookup(m_nodeById, id, m_state->nodes);
}

const Node* ClusterIndex::nodeByGroup(GroupId group) const
{
    return lookup(m_primaryByGroup, group, m_state->nodes);
}

const Node* ClusterIndex::nodeByNameAndPort(std::string_view name, std::int32_t port) const
{
    for (const Node& node : m_state->nodes) {
        if (node.name == name && node.port == port)
            return &node;
    }
    return nullptr;
}

const Table* ClusterIndex::tableByOid(TableOid oid) const
{
    return lookup(m_tableByOid, oid, m_state->tables);
}

const Table* ClusterIndex::tableByName(std::string_view schema, std::string_view name) const
{
    const std::string_view wanted = schema.empty() ? std::string_view("public") : schema;
    for (const Table& table : m_state->tables) {
        if (table.name == name && table.schema == wanted)
            return &table;
    }
    return nullptr;
}

const ColocationGroup* ClusterIndex::colocationGroup(ColocationId id) const
{
    return lookup(m_colocationById, id, m_state->colocationGroups);
}

const Shard* ClusterIndex::shardById(ShardId id) const
{
    return lookup(m_shardById, id, m_state->shards);
}

std::span<const std::size_t> ClusterIndex::placementsOfShard(ShardId id) const
{
    return spanOf(m_placementsByShard, id);
}

std::span<const std::size_t> ClusterIndex::placementsOnGroup(GroupId group) const
{
    return spanOf(m_placementsByGroup, group);
}

std::span<const std::size_t> ClusterIndex::shardsOfTable(TableOid table) const
{
    return spanOf(m_shardsByTable, table);
}

std::span<const TableOid> ClusterIndex::tablesOfColocationGroup(ColocationId id) const
{
    return spanOf(m_tablesByColocation, id);
}

int ClusterIndex::shardIndexInTable(ShardId id) const
{
    const auto it = m_shardIndex.find(id);
    return it == m_shardIndex.end() ? -1 : it->second;
}

std::vector<ShardId> ClusterIndex::shardGroupOf(ShardId id) const
{
    const Shard* shard = shardById(id);
    if (!shard)
        return {};
    const Table* table = tableByOid(shard->table);
    const int index = shardIndexInTable(id);
    if (!table || table->colocationId == 0 || index < 0)
        return {id};
    std::vector<ShardId> group;
    for (TableOid oid : tablesOfColocationGroup(table->colocationId)) {
        const auto shards = shardsOfTable(oid);
        if (static_cast<std::size_t>(index) < shards.size())
            group.push_back(m_state->shards[shards[static_cast<std::size_t>(index)]].id);
    }
    std::sort(group.begin(), group.end());
    return group;
}

} // namespace shardscope::engine
