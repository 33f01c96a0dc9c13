// SPDX-License-Identifier: MIT
#include "drainoperation.h"

#include "engine/clusterindex.h"
#include "moveoperation.h"
#include "operationsupport.h"

#include <algorithm>
#include <limits>
#include <set>

namespace shardscope::engine::ops {

namespace {
constexpr float kDiskSizeBaseCost = 104857600.0F; // citus.rebalancer_by_disk_size_base_cost

struct Fill
{
    const Node* node = nullptr;
    float capacity = 0.0F;
    float totalCost = 0.0F;
    float utilization = 0.0F;
    std::set<ShardId> shards;
};

float utilizationOf(float total, float capacity)
{
    return capacity <= 0.0F ? std::numeric_limits<float>::infinity() : total / capacity;
}

// Ascending node order of §6.3: utilization up, capacity down, nodeid up.
bool ascending(const Fill& a, const Fill& b)
{
    if (a.utilization != b.utilization)
        return a.utilization < b.utilization;
    if (a.capacity != b.capacity)
        return a.capacity > b.capacity;
    return a.node->id < b.node->id;
}

struct Candidate
{
    float cost = 0.0F;
    ShardId shard = 0;
};
} // namespace

Result<DrainOutcome> drainNodeDetailed(const ClusterState& state, const DrainNode& request)
{
    const bool byShardCount = request.strategy == "by_shard_count";
    if (!request.strategy.empty() && !byShardCount && request.strategy != "by_disk_size")
        return citusError("could not find rebalance strategy with name " + request.strategy);
    const Node* drained = findNode(state, request.name, request.port);
    if (!drained || drained->role != NodeRole::Primary)
        return citusError("node " + request.name + ":" + std::to_string(request.port) + " not found");

    DrainOutcome outcome{state, {}, {}};
    ClusterState& next = outcome.state;
    findNode(next, request.name, request.port)->shouldHaveShards = false;
    const NodeId drainedId = drained->id;
    const GroupId drainedGroup = drained->group;

    const auto workers = sortedActivePrimaries(next, false);
    std::size_t allowedCount = 0;
    for (const Node* worker : workers)
        allowedCount += worker->shouldHaveShards ? 1 : 0;
    if (allowedCount < 1) {
        return citusError("Shard replication factor (1) cannot be greater than number of nodes with "
                          "should_have_shards=true (" +
                          std::to_string(allowedCount) + ").");
    }

    // Lists (§6.2): one representative table per colocation group, only the drained node's placements.
    const ClusterIndex index(next);
    std::vector<std::vector<Candidate>> lists;
    std::vector<Candidate> leftovers;
    std::set<ColocationId> seen;
    for (const Table& table : next.tables) {
        if (table.kind != TableKind::HashDistributed && table.kind != TableKind::SingleShard)
            continue;
        if (table.colocationId != 0 && !seen.insert(table.colocationId).second)
            continue;
        std::vector<const Placement*> placements;
        for (std::size_t pos : index.shardsOfTable(table.oid)) {
            for (std::size_t p : index.placementsOfShard(next.shards[pos].id)) {
                if (next.placements[p].group == drainedGroup)
                    placements.push_back(&next.placements[p]);
            }
        }
        std::sort(placements.begin(), placements.end(),
                  [](const Placement* a, const Placement* b) { return a->id < b->id; });
        std::vector<Candidate> list;
        for (const Placement* placement : placements) {
            float cost = 1.0F;
            if (!byShardCount) {
                std::int64_t bytes = 0;
                for (ShardId id : index.shardGroupOf(placement->shard)) {
                    const Table* owner = index.tableByOid(index.shardById(id)->table);
                    if (owner && owner->partitionOf == 0)
                        bytes += shardBytes(next, id);
                }
                cost = static_cast<float>(static_cast<double>(bytes) + kDiskSizeBaseCost);
                if (cost <= 0.0F)
                    cost = 1.0F;
            }
            list.push_back({cost, placement->shard});
        }
        if (list.size() >= allowedCount)
            lists.push_back(std::move(list));
        else
            leftovers.insert(leftovers.end(), list.begin(), list.end());
    }
    if (!leftovers.empty())
        lists.push_back(std::move(leftovers));

    // Phase 1 per list: every placement is disallowed (its node has shouldhaveshards=false now).
    std::vector<DrainMove> moves;
    for (auto& list : lists) {
        std::vector<Fill> fills;
        for (const Node* worker : workers) {
            Fill fill;
            fill.node = worker;
            fill.capacity = worker->shouldHaveShards ? 1.0F : 0.0F;
            fill.utilization = utilizationOf(0.0F, fill.capacity);
            fills.push_back(fill);
        }
        for (const Candidate& c : list) {
            for (Fill& fill : fills) {
                if (fill.node->id == drainedId) {
                    fill.totalCost += c.cost;
                    fill.utilization = utilizationOf(fill.totalCost, fill.capacity);
                    fill.shards.insert(c.shard);
                }
            }
        }
        std::stable_sort(list.begin(), list.end(), [](const Candidate& a, const Candidate& b) {
            return a.cost != b.cost ? a.cost > b.cost : a.shard < b.shard;
        });
        for (const Candidate& c : list) {
            std::vector<Fill*> order;
            for (Fill& fill : fills)
                order.push_back(&fill);
            std::sort(order.begin(), order.end(), [](const Fill* a, const Fill* b) { return ascending(*a, *b); });
            Fill* target = nullptr;
            for (Fill* fill : order) {
                if (fill->shards.count(c.shard) == 0 && fill->node->shouldHaveShards) {
                    target = fill;
                    break;
                }
            }
            if (!target) {
                outcome.warnings.push_back("Not allowed to move shard " + std::to_string(c.shard) + " anywhere from " +
                                           request.name + ":" + std::to_string(request.port));
                continue;
            }
            for (Fill& fill : fills) {
                if (fill.node->id != drainedId)
                    continue;
                fill.totalCost -= c.cost;
                fill.utilization = utilizationOf(fill.totalCost, fill.capacity);
                fill.shards.erase(c.shard);
            }
            target->totalCost += c.cost;
            target->utilization = utilizationOf(target->totalCost, target->capacity);
            target->shards.insert(c.shard);
            moves.push_back({c.shard, drainedId, target->node->id});
        }
    }

    // Execution: missing reference tables first, then each move on its whole shard group.
    replicateReferenceTables(next);
    for (const DrainMove& move : moves) {
        auto moved = moveShardPlacement(next, MoveShardPlacement{move.shard, move.source, move.target, request.mode});
        if (!moved)
            return moved.error();
        next = std::move(*moved);
    }
    outcome.moves = std::move(moves);
    return outcome;
}

Result<ClusterState> drainNode(const ClusterState& state, const DrainNode& request)
{
    auto outcome = drainNodeDetailed(state, request);
    if (!outcome)
        return outcome.error();
    return std::move(outcome->state);
}

} // namespace shardscope::engine::ops
