// SPDX-License-Identifier: MIT
#pragma once

#include "clusterstate.h"

#include <cstddef>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace shardscope::engine {

/**
 * Fast lookups over one ClusterState, built once in O(n). The index keeps a pointer to the state: the state
 * must outlive it and must not change while it is used. Lookups return nullptr / empty when nothing matches.
 */
class ClusterIndex
{
public:
    explicit ClusterIndex(const ClusterState& state);

    const ClusterState& state() const { return *m_state; }

    const Node* nodeById(NodeId id) const;
    /** The primary node of a group (the coordinator for group 0). */
    const Node* nodeByGroup(GroupId group) const;
    const Node* nodeByNameAndPort(std::string_view name, std::int32_t port) const;

    const Table* tableByOid(TableOid oid) const;
    /** An empty schema means "public". */
    const Table* tableByName(std::string_view schema, std::string_view name) const;
    const ColocationGroup* colocationGroup(ColocationId id) const;

    const Shard* shardById(ShardId id) const;
    /** Indexes into state().placements of the shard's placements, ascending placement id. */
    std::span<const std::size_t> placementsOfShard(ShardId id) const;
    /** Indexes into state().placements of the placements on a group, ascending placement id. */
    std::span<const std::size_t> placementsOnGroup(GroupId group) const;
    /** Indexes into state().shards of a table's shards in range order (min, then id; no range last). */
    std::span<const std::size_t> shardsOfTable(TableOid table) const;
    /** Tables of a colocation group in creation order (0 gives nothing). */
    std::span<const TableOid> tablesOfColocationGroup(ColocationId id) const;

    /** Position of a shard in its table's range order, -1 when unknown. */
    int shardIndexInTable(ShardId id) const;
    /**
     * The shard group of a shard: the shard at the same range position in every table of its colocation group,
     * ascending shard id. Just the shard itself for a table without colocation group.
     */
    std::vector<ShardId> shardGroupOf(ShardId id) const;

    /** Position of a shard in state().shards, or npos. */
    std::size_t shardPosition(ShardId id) const;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

private:
    // Groups of indexes stored back to back (compressed rows): the items of key k are
    // items[offsets[k] .. offsets[k + 1]).
    struct Rows
    {
        std::vector<std::size_t> offsets;
        std::vector<std::size_t> items;
        std::span<const std::size_t> row(std::size_t k) const
        {
            return {items.data() + offsets[k], offsets[k + 1] - offsets[k]};
        }
    };

    const ClusterState* m_state;
    std::unordered_map<NodeId, std::size_t> m_nodeById;
    std::unordered_map<GroupId, std::size_t> m_primaryByGroup;
    std::unordered_map<TableOid, std::size_t> m_tableByOid;
    std::unordered_map<ColocationId, std::size_t> m_colocationById;
    std::unordered_map<ColocationId, std::vector<TableOid>> m_tablesByColocation;
    std::unordered_map<GroupId, std::size_t> m_groupSlot;
    std::vector<std::pair<ShardId, std::size_t>> m_shardsById; ///< (id, position) by id; empty when shards are sorted
    bool m_shardsSorted = true;
    Rows m_placementsByShard;      ///< key: shard position
    Rows m_placementsByGroup;      ///< key: m_groupSlot
    Rows m_shardsByTable;          ///< key: table position
    std::vector<int> m_shardIndex; ///< by shard position
};

/** True when a's placement order puts it first: Citus's shard interval order (min, then id; no range last). */
bool shardRangeLess(const Shard& a, const Shard& b);

/** §3.1: nodes compared by name (byte-wise), then port. */
bool nodeNameLess(const Node& a, const Node& b);

/** Active primary nodes sorted by name then port; with onlyShouldHaveShards, only those with shouldhaveshards. */
std::vector<const Node*> sortedActivePrimaries(const ClusterState& state, bool onlyShouldHaveShards);

} // namespace shardscope::engine
