// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "clusterstate.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace shardscope::engine {

/** citus.shard_transfer_mode */
enum class TransferMode : std::uint8_t
{
    Auto,
    ForceLogical,
    BlockWrites,
};

/** citus_set_coordinator_host(host, port): registers the coordinator as group 0 (shouldhaveshards=false). */
struct SetCoordinatorHost
{
    std::string name;
    std::int32_t port = 5432;
};

/** citus_add_node(name, port, groupid => -1): a primary worker in a new group. */
struct AddNode
{
    std::string name;
    std::int32_t port = 5432;
};

/** citus_remove_node(name, port) */
struct RemoveNode
{
    std::string name;
    std::int32_t port = 5432;
};

/** citus_disable_node(name, port, synchronous) */
struct DisableNode
{
    std::string name;
    std::int32_t port = 5432;
    bool synchronous = false;
};

/** citus_activate_node(name, port) */
struct ActivateNode
{
    std::string name;
    std::int32_t port = 5432;
};

/** citus_set_node_property(name, port, 'shouldhaveshards', value) */
struct SetNodeShouldHaveShards
{
    std::string name;
    std::int32_t port = 5432;
    bool value = true;
};

/**
 * CREATE TABLE of a plain PostgreSQL table (TableKind::Plain) that can be distributed later. bytes/rows
 * are the data it holds; distributing it spreads them over the new shards.
 */
struct CreatePlainTable
{
    std::string schema = "public";
    std::string name;
    std::int64_t bytes = 0;
    std::int64_t rows = 0;
};

/**
 * create_distributed_table(table, column, colocate_with => ..., shard_count => ...). An empty column makes a
 * single-shard table. The table is the plain table of that name, or a new empty one when there is none.
 * replicationFactor plays citus.shard_replication_factor (SET before the call).
 */
struct CreateDistributedTable
{
    std::string schema = "public";
    std::string name;
    std::string column; ///< empty: distribution_column => NULL (single-shard table)
    ColumnType columnType = ColumnType::Int8;
    std::string colocateWith = "default"; ///< "default", "none" or a table name (schema-qualified or not)
    std::optional<std::int32_t> shardCount;
    std::int32_t replicationFactor = 1;
};

/** create_reference_table(table); the table is created empty when it does not exist yet. */
struct CreateReferenceTable
{
    std::string schema = "public";
    std::string name;
};

/** undistribute_table(table): back to a plain table on the coordinator. */
struct UndistributeTable
{
    std::string schema = "public";
    std::string name;
    bool cascadeViaForeignKeys = false;
};

/** citus_move_shard_placement(shard_id, source_node_id, target_node_id, transfer_mode): the whole shard group. */
struct MoveShardPlacement
{
    ShardId shardId = 0;
    NodeId sourceNode = 0;
    NodeId targetNode = 0;
    TransferMode mode = TransferMode::Auto;
};

/** isolate_tenant_to_new_shard(table, tenant_id, cascade_option, shard_transfer_mode). */
struct IsolateTenant
{
    std::string schema = "public";
    std::string table;
    std::string tenantValue; ///< as text, converted to the distribution column's type
    bool cascade = false;    ///< cascade_option => 'CASCADE'
    TransferMode mode = TransferMode::Auto;
    /**
     * Not part of the SQL: the tenant's share (0..1) of its shard's bytes and rows, when known (e.g. from
     * citus_stat_tenants), so the new [h,h] shard gets the tenant's data; negative: sizes follow hash range width.
     */
    double tenantShare = -1.0;
};

/** citus_split_shard_by_split_points(shard_id, split_points, node_ids, shard_transfer_mode). */
struct SplitShard
{
    ShardId shardId = 0;
    std::vector<std::int32_t> splitPoints;
    std::vector<NodeId> nodeIds;
    TransferMode mode = TransferMode::Auto;
};

/** citus_drain_node(name, port, shard_transfer_mode, rebalance_strategy). */
struct DrainNode
{
    std::string name;
    std::int32_t port = 5432;
    TransferMode mode = TransferMode::Auto;
    std::string strategy; ///< empty: the default strategy
};

/** replicate_reference_tables(shard_transfer_mode): copies reference tables to every active primary lacking them. */
struct ReplicateReferenceTables
{
    TransferMode mode = TransferMode::Auto;
};

/** One operation on a cluster, as a plain value (the UI never builds SQL itself). */
using OperationRequest =
    std::variant<SetCoordinatorHost, AddNode, RemoveNode, DisableNode, ActivateNode, SetNodeShouldHaveShards,
                 CreatePlainTable, CreateDistributedTable, CreateReferenceTable, UndistributeTable, MoveShardPlacement,
                 IsolateTenant, SplitShard, DrainNode, ReplicateReferenceTables>;

/**
 * Applies a request with Citus's rules. The input is never changed; an invalid request gives an Error in
 * Citus's wording and no state.
 */
Result<ClusterState> applyOperation(const ClusterState& state, const OperationRequest& request);

/**
 * The SQL a user would run on the coordinator for the request, for previews: identifiers quoted like
 * quote_ident, literals like quote_literal, ending with ';'. CreatePlainTable gives a CREATE TABLE without
 * columns (the model does not know them).
 */
std::string operationSql(const OperationRequest& request);

/** 'auto', 'force_logical' or 'block_writes'. */
std::string_view transferModeName(TransferMode mode);

} // namespace shardscope::engine
