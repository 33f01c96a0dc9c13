// SPDX-License-Identifier: MIT
#include "nodeoperations.h"

#include "engine/clusterindex.h"
#include "operationsupport.h"

#include <algorithm>
#include <set>

namespace shardscope::engine::ops {

namespace {
// Placements of replicated tables (reference tables, RF > 1) on a group: what remove/activate delete.
void deleteReplicatedPlacements(ClusterState& state, GroupId group)
{
    std::set<TableOid> replicated;
    for (const Table& table : state.tables) {
        if (table.kind == TableKind::Reference || table.replicationModel == 'c')
            replicated.insert(table.oid);
    }
    std::set<ShardId> shards;
    for (const Shard& shard : state.shards) {
        if (replicated.count(shard.table) != 0)
            shards.insert(shard.id);
    }
    std::erase_if(state.placements, [&](const Placement& p) { return p.group == group && shards.count(p.shard) != 0; });
}

Node newNode(ClusterState& state, const std::string& name, std::int32_t port)
{
    Node node;
    node.id = state.sequences.nextNodeId++;
    node.name = name;
    node.port = port;
    return node;
}
} // namespace

Result<ClusterState> setCoordinatorHost(const ClusterState& state, const SetCoordinatorHost& request)
{
    ClusterState next = state;
    for (Node& node : next.nodes) {
        if (node.group == 0 && node.role == NodeRole::Primary) {
            node.name = request.name;
            node.port = request.port;
            return next;
        }
    }
    Node coordinator = newNode(next, request.name, request.port);
    coordinator.group = 0;
    coordinator.hasMetadata = true;
    coordinator.metadataSynced = true;
    coordinator.shouldHaveShards = false;
    next.nodes.push_back(coordinator);
    return next;
}

Result<ClusterState> addNode(const ClusterState& state, const AddNode& request)
{
    if (findNode(state, request.name, request.port))
        return state;
    if (request.name != "localhost") {
        const Node* coordinator = primaryOfGroup(state, 0);
        if (coordinator && coordinator->name == "localhost") {
            return citusError("cannot add a worker node when the coordinator hostname is set to localhost", "XX000",
                              "Worker nodes need to be able to connect to the coordinator to transfer data.",
                              "Use SELECT citus_set_coordinator_host('<hostname>') to configure the coordinator "
                              "hostname");
        }
    }
    ClusterState next = state;
    const GroupId group = next.sequences.nextGroupId++;
    Node node = newNode(next, request.name, request.port);
    node.group = group;
    node.hasMetadata = true;
    node.metadataSynced = true;
    next.nodes.push_back(node);
    return next;
}

Result<ClusterState> removeNode(const ClusterState& state, const RemoveNode& request)
{
    const Node* node = findNode(state, request.name, request.port);
    if (!node)
        return nodeDoesNotExist(request.name, request.port);
    ClusterState next = state;
    if (node->role == NodeRole::Primary) {
        if (const Status ok = checkNoOnlyPlacements(state, *node); !ok)
            return ok.error();
        deleteReplicatedPlacements(next, node->group);
    }
    const NodeId id = node->id;
    std::erase_if(next.nodes, [id](const Node& n) { return n.id == id; });
    return next;
}

Result<ClusterState> disableNode(const ClusterState& state, const DisableNode& request)
{
    const Node* node = findNode(state, request.name, request.port);
    if (!node)
        return nodeDoesNotExist(request.name, request.port);
    if (node->group == 0)
        return citusError("cannot change \"isactive\" field of the coordinator node");
    const auto workers = sortedActivePrimaries(state, false);
    const Node* first = nullptr;
    for (const Node* worker : workers) {
        if (worker->group != 0) {
            first = worker;
            break;
        }
    }
    if (first && first->id == node->id && !request.synchronous) {
        return citusError("disabling the first worker node in the metadata is not allowed", "55000",
                          "Citus uses the first worker node in the metadata for certain internal operations when "
                          "replicated tables are modified. Synchronous mode ensures that all nodes have the same "
                          "view of the first worker node, which is used for certain locking operations.",
                          "You can force disabling node, SELECT citus_disable_node('" + node->name + "', " +
                              std::to_string(node->port) + ", synchronous:=true);");
    }
    ClusterState next = state;
    Node* target = findNode(next, request.name, request.port);
    target->isActive = false;
    if (target->role == NodeRole::Primary) {
        if (const Status ok = checkNoOnlyPlacements(next, *target); !ok)
            return ok.error();
    }
    return next;
}

Result<ClusterState> activateNode(const ClusterState& state, const ActivateNode& request)
{
    const Node* node = findNode(state, request.name, request.port);
    if (!node)
        return nodeDoesNotExist(request.name, request.port);
    ClusterState next = state;
    Node* target = findNode(next, request.name, request.port);
    // An inactive node's replicated placements are dropped and copied again lazily (reference §5).
    if (!target->isActive)
        deleteReplicatedPlacements(next, target->group);
    target->isActive = true;
    return next;
}

Result<ClusterState> setNodeShouldHaveShards(const ClusterState& state, const SetNodeShouldHaveShards& request)
{
    if (!findNode(state, request.name, request.port))
        return nodeDoesNotExist(request.name, request.port);
    ClusterState next = state;
    findNode(next, request.name, request.port)->shouldHaveShards = request.value;
    return next;
}

} // namespace shardscope::engine::ops
