// SPDX-License-Identifier: MIT
#include "moveoperation.h"

#include "engine/clusterindex.h"
#include "operationsupport.h"

#include <algorithm>
#include <unordered_set>

namespace shardscope::engine::ops {

namespace {
std::string hostPort(const Node& node)
{
    return node.name + ":" + std::to_string(node.port);
}

bool hasPlacementOn(const ClusterIndex& index, ShardId shard, GroupId group)
{
    for (std::size_t p : index.placementsOfShard(shard)) {
        if (index.state().placements[p].group == group)
            return true;
    }
    return false;
}
} // namespace

Result<MoveOutcome> moveShardPlacementDetailed(const ClusterState& state, const MoveShardPlacement& request)
{
    const ClusterIndex index(state);
    const Node* source = index.nodeById(request.sourceNode);
    if (!source)
        return citusError("node " + std::to_string(request.sourceNode) + " could not be found");
    const Node* target = index.nodeById(request.targetNode);
    if (!target)
        return citusError("node " + std::to_string(request.targetNode) + " could not be found");
    if (hasMissingReferenceTables(state)) {
        return citusError("there are missing reference tables on some nodes", "XX000", {},
                          "Copy reference tables first with replicate_reference_tables() or use "
                          "citus_rebalance_start() that will do it automatically.");
    }
    if (source->name == target->name && source->port == target->port)
        return citusError("cannot move shard to the same node", "22023");
    const Shard* shard = index.shardById(request.shardId);
    if (!shard)
        return citusError("could not find valid entry for shard " + std::to_string(request.shardId));
    const Table* table = index.tableByOid(shard->table);
    if (!table)
        return citusError("could not find valid entry for shard " + std::to_string(request.shardId));
    switch (table->kind) {
    case TableKind::HashDistributed:
    case TableKind::SingleShard:
        break;
    case TableKind::Plain:
        return citusError("table " + qualifiedName(*table) +
                              " is a regular postgres table, you can only move shards of a citus table",
                          "0A000");
    case TableKind::CitusLocal:
        return citusError("table " + qualifiedName(*table) +
                              " is a local table, moving shard of a local table added to metadata is currently not "
                              "supported",
                          "0A000");
    case TableKind::Reference:
        return citusError("table " + qualifiedName(*table) +
                              " is a reference table, moving shard of a reference table is not supported",
                          "0A000");
    }
    const std::string target_ = hostPort(*target);
    if (!target->isActive) {
        return citusError("Moving shards to a non-active node is not supported", "0A000", {},
                          "Activate the target node via SELECT citus_activate_node('" + target->name + "', " +
                              std::to_string(target->port) + ");");
    }
    if (!target->shouldHaveShards) {
        return citusError("Moving shards to a node that shouldn't have a shard is not supported", "0A000", {},
                          "Allow shards on the target node via SELECT * FROM citus_set_node_property('" + target->name +
                              "', " + std::to_string(target->port) + ", 'shouldhaveshards', true);");
    }
    if (target->role != NodeRole::Primary)
        return citusError("Moving shards to a secondary (e.g., replica) node is not supported", "0A000");

    const std::vector<ShardId> group = index.shardGroupOf(request.shardId);
    std::vector<TableOid> tables;
    for (ShardId id : group) {
        if (const Shard* s = index.shardById(id))
            tables.push_back(s->table);
    }

    // Already moved: the target holds every shard and the source none of them (a WARNING, nothing changes).
    const bool done = std::all_of(group.begin(), group.end(), [&](ShardId id) {
        return hasPlacementOn(index, id, target->group) && !hasPlacementOn(index, id, source->group);
    });
    if (done) {
        MoveOutcome outcome{state, {}, {"shard is already present on node " + target_}};
        return outcome;
    }
    for (ShardId id : group) {
        if (!hasPlacementOn(index, id, source->group)) {
            return citusError("could not find placement matching \"" + hostPort(*source) + "\"", "22000", {},
                              "Confirm the placement still exists and try again.");
        }
        if (hasPlacementOn(index, id, target->group))
            return citusError("shard " + std::to_string(id) + " already exists in the target node", "22023");
    }
    if (request.mode == TransferMode::Auto) {
        if (const Status ok = checkReplicaIdentity(state, tables); !ok)
            return ok.error();
    }

    MoveOutcome outcome{state, group, {}};
    ClusterState& next = outcome.state;
    const std::unordered_set<ShardId> moving(group.begin(), group.end());
    std::vector<Placement> moved;
    for (ShardId id : group) { // ascending shard id, so new placement ids follow it
        for (std::size_t p : index.placementsOfShard(id)) {
            const Placement& old = state.placements[p];
            if (old.group != source->group)
                continue;
            Placement placement = old;
            placement.id = next.sequences.nextPlacementId++;
            placement.group = target->group;
            moved.push_back(placement);
        }
    }
    std::erase_if(next.placements,
                  [&](const Placement& p) { return p.group == source->group && moving.count(p.shard) != 0; });
    next.placements.insert(next.placements.end(), moved.begin(), moved.end());
    return outcome;
}

Result<ClusterState> moveShardPlacement(const ClusterState& state, const MoveShardPlacement& request)
{
    auto outcome = moveShardPlacementDetailed(state, request);
    if (!outcome)
        return outcome.error();
    return std::move(outcome->state);
}

} // namespace shardscope::engine::ops
