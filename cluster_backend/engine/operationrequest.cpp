// SPDX-License-Identifier: MIT
#include "operationrequest.h"

#include "operations/drainoperation.h"
#include "operations/moveoperation.h"
#include "operations/nodeoperations.h"
#include "operations/operationsupport.h"
#include "operations/splitoperations.h"
#include "operations/tableoperations.h"

namespace shardscope::engine {

namespace {
template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

using ops::quoteLiteral;

std::string nodeArgs(const std::string& name, std::int32_t port)
{
    return quoteLiteral(name) + ", " + std::to_string(port);
}

std::string tableArg(const std::string& schema, const std::string& name)
{
    return quoteLiteral(ops::regclassText(schema, name));
}

std::string modeArg(TransferMode mode, const char* parameter)
{
    if (mode == TransferMode::Auto)
        return {};
    return std::string(", ") + parameter + " => " + quoteLiteral(transferModeName(mode));
}
} // namespace

std::string_view transferModeName(TransferMode mode)
{
    switch (mode) {
    case TransferMode::Auto:
        return "auto";
    case TransferMode::ForceLogical:
        return "force_logical";
    case TransferMode::BlockWrites:
        return "block_writes";
    }
    return "auto";
}

Result<ClusterState> applyOperation(const ClusterState& state, const OperationRequest& request)
{
    return std::visit(
        Overloaded{
            [&](const SetCoordinatorHost& r) { return ops::setCoordinatorHost(state, r); },
            [&](const AddNode& r) { return ops::addNode(state, r); },
            [&](const RemoveNode& r) { return ops::removeNode(state, r); },
            [&](const DisableNode& r) { return ops::disableNode(state, r); },
            [&](const ActivateNode& r) { return ops::activateNode(state, r); },
            [&](const SetNodeShouldHaveShards& r) { return ops::setNodeShouldHaveShards(state, r); },
            [&](const CreatePlainTable& r) { return ops::createPlainTable(state, r); },
            [&](const CreateDistributedTable& r) { return ops::createDistributedTable(state, r); },
            [&](const CreateReferenceTable& r) { return ops::createReferenceTable(state, r); },
            [&](const UndistributeTable& r) { return ops::undistributeTable(state, r); },
            [&](const MoveShardPlacement& r) { return ops::moveShardPlacement(state, r); },
            [&](const IsolateTenant& r) { return ops::isolateTenant(state, r); },
            [&](const SplitShard& r) { return ops::splitShard(state, r); },
            [&](const DrainNode& r) { return ops::drainNode(state, r); },
            [&](const ReplicateReferenceTables& r) { return ops::replicateReferenceTablesOperation(state, r); },
        },
        request);
}

std::string operationSql(const OperationRequest& request)
{
    return std::visit(
        Overloaded{
            [](const SetCoordinatorHost& r) {
                return "SELECT citus_set_coordinator_host(" + nodeArgs(r.name, r.port) + ");";
            },
            [](const AddNode& r) { return "SELECT citus_add_node(" + nodeArgs(r.name, r.port) + ");"; },
            [](const RemoveNode& r) { return "SELECT citus_remove_node(" + nodeArgs(r.name, r.port) + ");"; },
            [](const DisableNode& r) {
                return "SELECT citus_disable_node(" + nodeArgs(r.name, r.port) +
                       (r.synchronous ? ", synchronous => true" : "") + ");";
            },
            [](const ActivateNode& r) { return "SELECT citus_activate_node(" + nodeArgs(r.name, r.port) + ");"; },
            [](const SetNodeShouldHaveShards& r) {
                return "SELECT citus_set_node_property(" + nodeArgs(r.name, r.port) + ", 'shouldhaveshards', " +
                       (r.value ? "true" : "false") + ");";
            },
            [](const CreatePlainTable& r) { return "CREATE TABLE " + ops::regclassText(r.schema, r.name) + " ();"; },
            [](const CreateDistributedTable& r) {
                std::string sql;
                if (r.replicationFactor != 1)
                    sql = "SET citus.shard_replication_factor = " + std::to_string(r.replicationFactor) + "; ";
                sql += "SELECT create_distributed_table(" + tableArg(r.schema, r.name) + ", " +
                       (r.column.empty() ? std::string("NULL") : quoteLiteral(r.column));
                std::string colocate = r.colocateWith;
                for (char& c : colocate)
                    c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
                if (colocate != "default")
                    sql += ", colocate_with => " + quoteLiteral(colocate == "none" ? colocate : r.colocateWith);
                if (r.shardCount)
                    sql += ", shard_count => " + std::to_string(*r.shardCount);
                return sql + ");";
            },
            [](const CreateReferenceTable& r) {
                return "SELECT create_reference_table(" + tableArg(r.schema, r.name) + ");";
            },
            [](const UndistributeTable& r) {
                return "SELECT undistribute_table(" + tableArg(r.schema, r.name) +
                       (r.cascadeViaForeignKeys ? ", cascade_via_foreign_keys => true" : "") + ");";
            },
            [](const MoveShardPlacement& r) {
                std::string sql = "SELECT citus_move_shard_placement(" + std::to_string(r.shardId) + ", " +
                                  std::to_string(r.sourceNode) + ", " + std::to_string(r.targetNode);
                if (r.mode != TransferMode::Auto)
                    sql += ", " + quoteLiteral(transferModeName(r.mode));
                return sql + ");";
            },
            [](const IsolateTenant& r) {
                return "SELECT isolate_tenant_to_new_shard(" + tableArg(r.schema, r.table) + ", " +
                       quoteLiteral(r.tenantValue) + (r.cascade ? ", 'CASCADE'" : "") +
                       modeArg(r.mode, "shard_transfer_mode") + ");";
            },
            [](const SplitShard& r) {
                std::string points;
                for (std::size_t i = 0; i < r.splitPoints.size(); ++i)
                    points += (i ? ", " : "") + quoteLiteral(std::to_string(r.splitPoints[i]));
                std::string nodes;
                for (std::size_t i = 0; i < r.nodeIds.size(); ++i)
                    nodes += (i ? ", " : "") + std::to_string(r.nodeIds[i]);
                return "SELECT citus_split_shard_by_split_points(" + std::to_string(r.shardId) + ", ARRAY[" + points +
                       "]::text[], ARRAY[" + nodes + "]::int[]" + modeArg(r.mode, "shard_transfer_mode") + ");";
            },
            [](const DrainNode& r) {
                std::string sql =
                    "SELECT citus_drain_node(" + nodeArgs(r.name, r.port) + modeArg(r.mode, "shard_transfer_mode");
                if (!r.strategy.empty())
                    sql += ", rebalance_strategy => " + quoteLiteral(r.strategy);
                return sql + ");";
            },
            [](const ReplicateReferenceTables& r) {
                return "SELECT replicate_reference_tables(" +
                       (r.mode == TransferMode::Auto
                            ? std::string()
                            : "shard_transfer_mode => " + quoteLiteral(transferModeName(r.mode))) +
                       ");";
            },
        },
        request);
}

} // namespace shardscope::engine
