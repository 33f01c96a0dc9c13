// SPDX-License-Identifier: MIT
#pragma once

#include "columntype.h"
#include "ids.h"

#include <string>
#include <vector>

namespace shardscope::engine {

enum class NodeRole : std::uint8_t
{
    Primary,
    Secondary,
    Unavailable,
};

/** A row of pg_dist_node. */
struct Node
{
    NodeId id = 0;
    GroupId group = 0;
    std::string name;
    std::int32_t port = 5432;
    std::string rack = "default";
    NodeRole role = NodeRole::Primary;
    std::string cluster = "default";
    bool isActive = true;
    bool hasMetadata = false;
    bool metadataSynced = false;
    bool shouldHaveShards = true;
    /** Bytes of free disk as far as the server tells; negative when unknown. */
    std::int64_t freeDiskBytes = -1;

    bool isCoordinator() const { return group == 0; }
    bool operator==(const Node&) const = default;
};

enum class TableKind : std::uint8_t
{
    HashDistributed, ///< partmethod 'h'
    Reference,       ///< partmethod 'n', repmodel 't'
    SingleShard,     ///< partmethod 'n', colocated, no distribution column
    CitusLocal,      ///< partmethod 'n', colocationid 0 (citus_tables says "local")
    Plain,           ///< a PostgreSQL table not (yet) known to Citus: no pg_dist_partition row, no shards
};

/** A row of pg_dist_partition plus the names users see. */
struct Table
{
    TableOid oid = 0;
    std::string schema = "public";
    std::string name;
    TableKind kind = TableKind::HashDistributed;
    std::string distributionColumn; ///< empty when there is none
    ColumnType columnType = ColumnType::None;
    ColocationId colocationId = 0;
    char replicationModel = 's'; ///< 's' streaming, 'c' statement, 't' two-phase (reference)
    bool hasReplicaIdentity = true;
    TableOid partitionOf = 0;    ///< parent of a partition, 0 otherwise
    std::int64_t plainBytes = 0; ///< Plain tables only: data held on the coordinator
    std::int64_t plainRows = 0;  ///< Plain tables only

    bool operator==(const Table&) const = default;
};

/** A row of pg_dist_colocation. shardCount is the count at creation (not maintained after splits). */
struct ColocationGroup
{
    ColocationId id = 0;
    std::int32_t shardCount = 0;
    std::int32_t replicationFactor = 1;
    ColumnType columnType = ColumnType::None;
    std::uint32_t collation = 0;

    bool operator==(const ColocationGroup&) const = default;
};

/** A row of pg_dist_shard; hash ranges are inclusive int32 bounds. */
struct Shard
{
    ShardId id = 0;
    TableOid table = 0;
    std::int32_t minValue = 0;
    std::int32_t maxValue = 0;
    bool hasRange = false; ///< false for reference, single-shard and local tables (NULL min/max)

    bool operator==(const Shard&) const = default;
};

/** A row of pg_dist_placement with the size figures ShardScope shows. Kept small: there may be millions. */
struct Placement
{
    PlacementId id = 0;
    ShardId shard = 0;
    std::int64_t bytes = 0; ///< from citus_shard_sizes(); 0 when unknown
    std::int64_t rows = 0;  ///< estimated live rows; 0 when unknown
    GroupId group = 0;

    bool operator==(const Placement&) const = default;
};

/** The next values of Citus's catalog sequences. */
struct Sequences
{
    ShardId nextShardId = 102008;
    PlacementId nextPlacementId = 1;
    ColocationId nextColocationId = 1;
    GroupId nextGroupId = 1;
    NodeId nextNodeId = 1;
    TableOid nextTableOid = 16384; ///< embedded cluster only: oids for tables it creates

    bool operator==(const Sequences&) const = default;
};

/**
 * A whole cluster's sharding metadata as plain values.
 *
 * Vectors are kept in catalog order: nodes by id, colocation groups by id, tables in creation order
 * (pg_dist_partition's physical order, which the rebalancer depends on), shards by id, placements by id.
 * Operations return a new state instead of changing one in place, so a snapshot shown in the GUI never
 * changes under it.
 */
struct ClusterState
{
    std::string name; ///< what the user calls this cluster
    std::vector<Node> nodes;
    std::vector<ColocationGroup> colocationGroups;
    std::vector<Table> tables;
    std::vector<Shard> shards;
    std::vector<Placement> placements;
    Sequences sequences;

    bool operator==(const ClusterState&) const = default;
};

} // namespace shardscope::engine
