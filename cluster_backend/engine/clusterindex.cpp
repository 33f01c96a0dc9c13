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

namespace {
template <class Map, class Key, class Vec>
auto* lookup(const Map& map, const Key& key, const Vec& vec)
{
    const auto it = map.find(key);
    return it == map.end() ? nullptr : &vec[it->second];
}

// Fills rows from a key per item (npos: the item is left out); items keep ascending order inside a row.
template <class KeyOf>
void buildRows(std::size_t keyCount, std::size_t itemCount, KeyOf keyOf, std::vector<std::size_t>& offsets,
               std::vector<std::size_t>& items)
{
    offsets.assign(keyCount + 1, 0);
    std::vector<std::size_t> keys(itemCount);
    for (std::size_t i = 0; i < itemCount; ++i) {
        keys[i] = keyOf(i);
        if (keys[i] != ClusterIndex::npos)
            ++offsets[keys[i] + 1];
    }
    for (std::size_t k = 0; k < keyCount; ++k)
        offsets[k + 1] += offsets[k];
    items.assign(offsets[keyCount], 0);
    std::vector<std::size_t> fill(offsets.begin(), offsets.end() - 1);
    for (std::size_t i = 0; i < itemCount; ++i) {
        if (keys[i] != ClusterIndex::npos)
            items[fill[keys[i]]++] = i;
    }
}
} // namespace

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

    // Shards: binary search by id, through a sorted copy only when the state is not in catalog order.
    for (std::size_t i = 1; i < state.shards.size() && m_shardsSorted; ++i)
        m_shardsSorted = state.shards[i - 1].id < state.shards[i].id;
    if (!m_shardsSorted) {
        m_shardsById.reserve(state.shards.size());
        for (std::size_t i = 0; i < state.shards.size(); ++i)
            m_shardsById.emplace_back(state.shards[i].id, i);
        std::sort(m_shardsById.begin(), m_shardsById.end());
    }

    buildRows(
        state.tables.size(), state.shards.size(),
        [&](std::size_t i) {
            const auto it = m_tableByOid.find(state.shards[i].table);
            return it == m_tableByOid.end() ? npos : it->second;
        },
        m_shardsByTable.offsets, m_shardsByTable.items);
    m_shardIndex.assign(state.shards.size(), -1);
    const auto less = [&state](std::size_t a, std::size_t b) {
        return shardRangeLess(state.shards[a], state.shards[b]);
    };
    for (std::size_t t = 0; t < state.tables.size(); ++t) {
        const auto begin = m_shardsByTable.items.begin() + static_cast<std::ptrdiff_t>(m_shardsByTable.offsets[t]);
        const auto end = m_shardsByTable.items.begin() + static_cast<std::ptrdiff_t>(m_shardsByTable.offsets[t + 1]);
        if (!std::is_sorted(begin, end, less))
            std::sort(begin, end, less);
        int k = 0;
        for (auto it = begin; it != end; ++it)
            m_shardIndex[*it] = k++;
    }

    // Placements by shard and by group, ascending placement id inside each row.
    std::vector<std::size_t> order(state.placements.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const bool placementsSorted = std::is_sorted(state.placements.begin(), state.placements.end(),
                                                 [](const Placement& a, const Placement& b) { return a.id < b.id; });
    if (!placementsSorted) {
        std::sort(order.begin(), order.end(),
                  [&state](std::size_t a, std::size_t b) { return state.placements[a].id < state.placements[b].id; });
    }
    for (const Placement& p : state.placements)
        m_groupSlot.emplace(p.group, m_groupSlot.size());
    buildRows(
        state.shards.size(), order.size(),
        [&](std::size_t i) { return shardPosition(state.placements[order[i]].shard); }, m_placementsByShard.offsets,
        m_placementsByShard.items);
    buildRows(
        m_groupSlot.size(), order.size(),
        [&](std::size_t i) { return m_groupSlot.at(state.placements[order[i]].group); }, m_placementsByGroup.offsets,
        m_placementsByGroup.items);
    for (std::size_t& item : m_placementsByShard.items)
        item = order[item];
    for (std::size_t& item : m_placementsByGroup.items)
        item = order[item];
}

std::size_t ClusterIndex::shardPosition(ShardId id) const
{
    const auto& shards = m_state->shards;
    if (m_shardsSorted) {
        const auto it = std::lower_bound(shards.begin(), shards.end(), id,
                                         [](const Shard& s, ShardId value) { return s.id < value; });
        return it != shards.end() && it->id == id ? static_cast<std::size_t>(it - shards.begin()) : npos;
    }
    const auto it = std::lower_bound(m_shardsById.begin(), m_shardsById.end(), std::pair<ShardId, std::size_t>(id, 0));
    return it != m_shardsById.end() && it->first == id ? it->second : npos;
}

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
    const std::size_t pos = shardPosition(id);
    return pos == npos ? nullptr : &m_state->shards[pos];
}

std::span<const std::size_t> ClusterIndex::placementsOfShard(ShardId id) const
{
    const std::size_t pos = shardPosition(id);
    return pos == npos ? std::span<const std::size_t>() : m_placementsByShard.row(pos);
}

std::span<const std::size_t> ClusterIndex::placementsOnGroup(GroupId group) const
{
    const auto it = m_groupSlot.find(group);
    return it == m_groupSlot.end() ? std::span<const std::size_t>() : m_placementsByGroup.row(it->second);
}

std::span<const std::size_t> ClusterIndex::shardsOfTable(TableOid table) const
{
    const auto it = m_tableByOid.find(table);
    return it == m_tableByOid.end() ? std::span<const std::size_t>() : m_shardsByTable.row(it->second);
}

std::span<const TableOid> ClusterIndex::tablesOfColocationGroup(ColocationId id) const
{
    const auto it = m_tablesByColocation.find(id);
    return it == m_tablesByColocation.end() ? std::span<const TableOid>() : std::span<const TableOid>(it->second);
}

int ClusterIndex::shardIndexInTable(ShardId id) const
{
    const std::size_t pos = shardPosition(id);
    return pos == npos ? -1 : m_shardIndex[pos];
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
