// SPDX-License-Identifier: MIT
#include "shardgroupcatalog.h"

#include <algorithm>

namespace shardscope::engine {

namespace {

bool rangeLess(const Shard& a, const Shard& b)
{
    if (a.hasRange != b.hasRange)
        return a.hasRange;
    if (a.hasRange && a.minValue != b.minValue)
        return a.minValue < b.minValue;
    return a.id < b.id;
}

bool plainIdentifier(const std::string& name)
{
    if (name.empty() || (name[0] >= '0' && name[0] <= '9'))
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::string quoteIdentifier(const std::string& name)
{
    if (plainIdentifier(name))
        return name;
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

} // namespace

ShardGroupCatalog::ShardGroupCatalog(const ClusterState& state) : m_state(&state)
{
    const auto shardCount = static_cast<std::uint32_t>(state.shards.size());
    for (std::uint32_t t = 0; t < state.tables.size(); ++t) {
        m_tableByOid.emplace(state.tables[t].oid, t);
        if (state.tables[t].colocationId != 0)
            m_tablesOfColocation[state.tables[t].colocationId].push_back(t);
    }
    for (const Node& node : state.nodes) {
        if (node.isActive && node.role == NodeRole::Primary)
            m_activePrimaryByGroup.emplace(node.group, &node);
    }

    m_idsAscending = std::is_sorted(state.shards.begin(), state.shards.end(),
                                    [](const Shard& a, const Shard& b) { return a.id < b.id; });
    // Shard ids are usually one dense run from a sequence: index them with a flat array then.
    if (shardCount > 0) {
        ShardId lo = state.shards.front().id;
        ShardId hi = lo;
        for (const Shard& shard : state.shards) {
            lo = std::min(lo, shard.id);
            hi = std::max(hi, shard.id);
        }
        if (hi - lo < static_cast<ShardId>(shardCount) * 4 + 1024) {
            m_denseBase = lo;
            m_dense.assign(static_cast<std::size_t>(hi - lo + 1), npos);
            for (std::uint32_t i = 0; i < shardCount; ++i)
                m_dense[static_cast<std::size_t>(state.shards[i].id - lo)] = i;
        } else {
            m_sparse.reserve(shardCount);
            for (std::uint32_t i = 0; i < shardCount; ++i)
                m_sparse.emplace(state.shards[i].id, i);
        }
    }

    // Table of each shard, and the shards of each table in range order (CSR).
    m_tableOfShard.resize(shardCount, npos);
    m_tableShardOffsets.assign(state.tables.size() + 1, 0);
    TableOid lastOid = 0;
    std::uint32_t lastTable = npos;
    for (std::uint32_t i = 0; i < shardCount; ++i) {
        const TableOid oid = state.shards[i].table;
        if (oid != lastOid || lastTable == npos) {
            lastOid = oid;
            lastTable = tableIndex(oid);
        }
        m_tableOfShard[i] = lastTable;
        if (lastTable != npos)
            ++m_tableShardOffsets[lastTable + 1];
    }
    for (std::size_t t = 0; t < state.tables.size(); ++t)
        m_tableShardOffsets[t + 1] += m_tableShardOffsets[t];
    m_tableShards.resize(m_tableShardOffsets.back());
    {
        std::vector<std::uint32_t> fill(m_tableShardOffsets.begin(), m_tableShardOffsets.end() - 1);
        for (std::uint32_t i = 0; i < shardCount; ++i) {
            if (m_tableOfShard[i] != npos)
                m_tableShards[fill[m_tableOfShard[i]]++] = i;
        }
    }
    m_positionInTable.assign(shardCount, npos);
    for (std::size_t t = 0; t < state.tables.size(); ++t) {
        auto first = m_tableShards.begin() + m_tableShardOffsets[t];
        auto last = m_tableShards.begin() + m_tableShardOffsets[t + 1];
        auto less = [&](std::uint32_t a, std::uint32_t b) { return rangeLess(state.shards[a], state.shards[b]); };
        if (!std::is_sorted(first, last, less))
            std::sort(first, last, less);
        for (auto it = first; it != last; ++it)
            m_positionInTable[*it] = static_cast<std::uint32_t>(it - first);
    }

    // Placements of each shard (CSR), ascending placement id.
    m_placementOffsets.assign(shardCount + 1, 0);
    std::vector<std::uint32_t> shardOfPlacement(state.placements.size(), npos);
    for (std::uint32_t p = 0; p < state.placements.size(); ++p) {
        const std::uint32_t s = shardIndex(state.placements[p].shard);
        shardOfPlacement[p] = s;
        if (s != npos)
            ++m_placementOffsets[s + 1];
    }
    for (std::uint32_t s = 0; s < shardCount; ++s)
        m_placementOffsets[s + 1] += m_placementOffsets[s];
    m_placements.resize(m_placementOffsets.back());
    std::vector<std::uint32_t> fill(m_placementOffsets.begin(), m_placementOffsets.end() - 1);
    for (std::uint32_t p = 0; p < state.placements.size(); ++p) {
        if (shardOfPlacement[p] != npos)
            m_placements[fill[shardOfPlacement[p]]++] = p;
    }
    for (std::uint32_t s = 0; s < shardCount; ++s) {
        auto first = m_placements.begin() + m_placementOffsets[s];
        auto last = m_placements.begin() + m_placementOffsets[s + 1];
        if (last - first > 1) {
            std::sort(first, last, [&](std::uint32_t a, std::uint32_t b) {
                return state.placements[a].id < state.placements[b].id;
            });
        }
    }
}

std::uint32_t ShardGroupCatalog::shardIndex(ShardId id) const
{
    if (!m_dense.empty()) {
        if (id < m_denseBase || id - m_denseBase >= static_cast<ShardId>(m_dense.size()))
            return npos;
        return m_dense[static_cast<std::size_t>(id - m_denseBase)];
    }
    const auto it = m_sparse.find(id);
    return it == m_sparse.end() ? npos : it->second;
}

std::uint32_t ShardGroupCatalog::tableIndex(TableOid oid) const
{
    const auto it = m_tableByOid.find(oid);
    return it == m_tableByOid.end() ? npos : it->second;
}

std::span<const std::uint32_t> ShardGroupCatalog::placementsOfShard(std::uint32_t shard) const
{
    return {m_placements.data() + m_placementOffsets[shard], m_placements.data() + m_placementOffsets[shard + 1]};
}

const Node* ShardGroupCatalog::activePrimary(GroupId group) const
{
    const auto it = m_activePrimaryByGroup.find(group);
    return it == m_activePrimaryByGroup.end() ? nullptr : it->second;
}

GroupId ShardGroupCatalog::firstActiveGroup(std::uint32_t shard) const
{
    for (std::uint32_t p : placementsOfShard(shard)) {
        const GroupId group = m_state->placements[p].group;
        if (activePrimary(group) != nullptr)
            return group;
    }
    return -1;
}

std::int64_t ShardGroupCatalog::bytesOnGroup(std::uint32_t shard, GroupId group) const
{
    for (std::uint32_t p : placementsOfShard(shard)) {
        if (m_state->placements[p].group == group)
            return m_state->placements[p].bytes;
    }
    return 0;
}

std::vector<std::uint32_t> ShardGroupCatalog::shardGroup(std::uint32_t shard) const
{
    const std::uint32_t table = m_tableOfShard[shard];
    const ColocationId colocation = table == npos ? 0 : m_state->tables[table].colocationId;
    const auto it = m_tablesOfColocation.find(colocation);
    if (colocation == 0 || it == m_tablesOfColocation.end())
        return {shard};
    const std::uint32_t position = m_positionInTable[shard];
    std::vector<std::uint32_t> group;
    group.reserve(it->second.size());
    for (std::uint32_t t : it->second) {
        if (m_tableShardOffsets[t] + position < m_tableShardOffsets[t + 1])
            group.push_back(m_tableShards[m_tableShardOffsets[t] + position]);
    }
    std::sort(group.begin(), group.end(),
              [&](std::uint32_t a, std::uint32_t b) { return m_state->shards[a].id < m_state->shards[b].id; });
    return group;
}

std::int64_t ShardGroupCatalog::shardGroupDiskBytes(std::uint32_t shard, GroupId group) const
{
    const std::vector<std::uint32_t> members = shardGroup(shard);
    const bool partitioned = std::any_of(members.begin(), members.end(), [&](std::uint32_t member) {
        return m_state->tables[m_tableOfShard[member]].partitionOf != 0;
    });
    std::int64_t total = 0;
    if (!partitioned) {
        for (std::uint32_t member : members)
            total += bytesOnGroup(member, group);
        return total;
    }
    for (std::uint32_t member : members) {
        const Table& table = m_state->tables[m_tableOfShard[member]];
        if (table.partitionOf != 0)
            continue;
        std::int64_t own = bytesOnGroup(member, group);
        std::int64_t partitions = 0;
        for (std::uint32_t other : members) {
            if (m_state->tables[m_tableOfShard[other]].partitionOf == table.oid)
                partitions += bytesOnGroup(other, group);
        }
        total += std::max(own, partitions);
    }
    return total;
}

std::int64_t ShardGroupCatalog::shardGroupBytes(std::uint32_t shard, GroupId group) const
{
    std::int64_t total = 0;
    for (std::uint32_t member : shardGroup(shard))
        total += bytesOnGroup(member, group);
    return total;
}

std::string ShardGroupCatalog::regclassName(std::uint32_t table) const
{
    const Table& t = m_state->tables[table];
    if (t.schema.empty() || t.schema == "public")
        return quoteIdentifier(t.name);
    return quoteIdentifier(t.schema) + "." + quoteIdentifier(t.name);
}

} // namespace shardscope::engine
