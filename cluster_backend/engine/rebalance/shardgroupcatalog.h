// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace shardscope::engine {

/**
 * Lean lookups the rebalancer needs over a ClusterState of up to millions of placements: shards by id,
 * placements by shard, a shard's position in its table and its shard group. Built once in O(n) (plus a
 * sort only when a table's shard ids are not already in range order). The state must outlive the catalog.
 */
class ShardGroupCatalog
{
public:
    static constexpr std::uint32_t npos = 0xFFFFFFFFU;

    explicit ShardGroupCatalog(const ClusterState& state);

    const ClusterState& state() const { return *m_state; }

    /** True when state().shards is sorted by id (the catalog order), so index order is id order. */
    bool idsAscending() const { return m_idsAscending; }
    /** Index into state().shards, or npos. */
    std::uint32_t shardIndex(ShardId id) const;
    /** Index into state().tables, or npos. */
    std::uint32_t tableIndex(TableOid oid) const;
    std::uint32_t tableIndexOfShard(std::uint32_t shard) const { return m_tableOfShard[shard]; }
    /** Indexes into state().shards of a table's shards in range order. */
    std::span<const std::uint32_t> shardsOfTable(std::uint32_t table) const
    {
        return {m_tableShards.data() + m_tableShardOffsets[table],
                m_tableShards.data() + m_tableShardOffsets[table + 1]};
    }
    /** Indexes into state().placements of a shard's placements, ascending placement id. */
    std::span<const std::uint32_t> placementsOfShard(std::uint32_t shard) const;
    /** The primary node of a group when it is active, else nullptr. */
    const Node* activePrimary(GroupId group) const;
    /** Group of the shard's first active placement (lowest placement id on an active primary), or -1. */
    GroupId firstActiveGroup(std::uint32_t shard) const;
    /** Bytes of a shard's placement on a group (0 when it has none there). */
    std::int64_t bytesOnGroup(std::uint32_t shard, GroupId group) const;
    /** Every shard of the shard's shard group (same range position in each colocated table), ascending id. */
    std::vector<std::uint32_t> shardGroup(std::uint32_t shard) const;
    /**
     * citus_shard_cost_by_disk_size's byte count: non-partition shards of the group on the given node
     * group, a partitioned parent counting its partitions (or its own figure when that is larger).
     */
    std::int64_t shardGroupDiskBytes(std::uint32_t shard, GroupId group) const;
    /** Bytes of every shard of the group on that node group (partitions included once). */
    std::int64_t shardGroupBytes(std::uint32_t shard, GroupId group) const;
    /** Qualified name as regclass prints it: "name" in public, "schema.name" otherwise, quoted when needed. */
    std::string regclassName(std::uint32_t table) const;

private:
    const ClusterState* m_state;
    bool m_idsAscending = true;
    ShardId m_denseBase = 0;
    std::vector<std::uint32_t> m_dense; ///< id - m_denseBase -> shard index, when ids are dense
    std::unordered_map<ShardId, std::uint32_t> m_sparse;
    std::unordered_map<TableOid, std::uint32_t> m_tableByOid;
    std::unordered_map<GroupId, const Node*> m_activePrimaryByGroup;
    std::vector<std::uint32_t> m_tableOfShard;
    std::vector<std::uint32_t> m_placementOffsets; ///< CSR over shards
    std::vector<std::uint32_t> m_placements;
    std::vector<std::uint32_t> m_tableShardOffsets; ///< CSR over tables: shards in range order
    std::vector<std::uint32_t> m_tableShards;
    std::vector<std::uint32_t> m_positionInTable;
    std::unordered_map<ColocationId, std::vector<std::uint32_t>> m_tablesOfColocation; ///< creation order
};

} // namespace shardscope::engine
