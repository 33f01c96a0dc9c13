// SPDX-License-Identifier: MIT
#include "plansimulation.h"

#include "shardgroupcatalog.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace shardscope::engine {

namespace {

/** Bytes and placements per active primary (node id order), with the balance-node flag. */
struct Loads
{
    std::vector<const Node*> nodes;
    std::vector<std::int64_t> bytes;
    std::vector<std::int64_t> shards;
    std::vector<std::int64_t> distributedShards; ///< placements of non-reference tables
};

} // namespace

std::unordered_set<ShardId> referenceShards(const ClusterState& state)
{
    std::unordered_set<TableOid> tables;
    for (const Table& table : state.tables) {
        if (table.kind == TableKind::Reference)
            tables.insert(table.oid);
    }
    std::unordered_set<ShardId> shards;
    for (const Shard& shard : state.shards) {
        if (tables.count(shard.table) != 0)
            shards.insert(shard.id);
    }
    return shards;
}

namespace {

Loads loadsOf(const ClusterState& state)
{
    Loads loads;
    std::unordered_map<GroupId, std::size_t> index;
    for (const Node& node : state.nodes) {
        if (node.isActive && node.role == NodeRole::Primary) {
            index.emplace(node.group, loads.nodes.size());
            loads.nodes.push_back(&node);
        }
    }
    loads.bytes.assign(loads.nodes.size(), 0);
    loads.shards.assign(loads.nodes.size(), 0);
    loads.distributedShards.assign(loads.nodes.size(), 0);
    const std::unordered_set<ShardId> reference = referenceShards(state);
    for (const Placement& placement : state.placements) {
        const auto it = index.find(placement.group);
        if (it == index.end())
            continue;
        loads.bytes[it->second] += placement.bytes;
        ++loads.shards[it->second];
        if (reference.count(placement.shard) == 0)
            ++loads.distributedShards[it->second];
    }
    return loads;
}

ByteBalance balanceOf(const Loads& loads)
{
    std::vector<double> values;
    ByteBalance balance;
    for (std::size_t i = 0; i < loads.nodes.size(); ++i) {
        if (loads.nodes[i]->shouldHaveShards || loads.distributedShards[i] > 0) {
            values.push_back(static_cast<double>(loads.bytes[i]));
            balance.maxBytes = std::max(balance.maxBytes, loads.bytes[i]);
        }
    }
    double sum = 0.0;
    for (double v : values)
        sum += v;
    if (values.empty() || sum <= 0.0)
        return balance;
    const double mean = sum / static_cast<double>(values.size());
    double squares = 0.0;
    for (double v : values)
        squares += (v - mean) * (v - mean);
    balance.maxOverMean = static_cast<double>(balance.maxBytes) / mean;
    balance.coefficientOfVariation = std::sqrt(squares / static_cast<double>(values.size())) / mean;
    return balance;
}

} // namespace

ByteBalance byteBalance(const ClusterState& state)
{
    return balanceOf(loadsOf(state));
}

Result<ClusterState> applyRebalancePlan(const ClusterState& state, const RebalancePlan& plan)
{
    const ShardGroupCatalog catalog(state);
    std::unordered_map<NodeId, GroupId> groupOf;
    for (const Node& node : state.nodes)
        groupOf.emplace(node.id, node.group);
    std::vector<GroupId> group(state.placements.size());
    for (std::size_t p = 0; p < state.placements.size(); ++p)
        group[p] = state.placements[p].group;
    std::vector<PlacementId> newId(state.placements.size(), 0);
    // New placement ids follow every existing one, as the sequence guarantees on a real cluster.
    PlacementId next = state.sequences.nextPlacementId;
    for (const Placement& placement : state.placements)
        next = std::max(next, placement.id + 1);

    for (const PlanRow& row : plan.rows) {
        if (row.moveIndex >= plan.moves.size())
            return Error::make("plan row for shard " + std::to_string(row.shardId) + " has no move",
                               "shardscope.invalid_value");
        const PlannedMove& move = plan.moves[row.moveIndex];
        const auto from = groupOf.find(move.source);
        const auto to = groupOf.find(move.target);
        if (from == groupOf.end() || to == groupOf.end())
            return Error::make("plan moves between unknown nodes", "shardscope.invalid_value");
        const std::uint32_t shard = catalog.shardIndex(row.shardId);
        if (shard == ShardGroupCatalog::npos)
            return Error::make("shard " + std::to_string(row.shardId) + " does not exist", "shardscope.invalid_value");
        std::uint32_t found = ShardGroupCatalog::npos;
        for (std::uint32_t p : catalog.placementsOfShard(shard)) {
            if (group[p] == to->second)
                return Error::make("shard " + std::to_string(row.shardId) + " already has a placement on " +
                                       row.targetName + ":" + std::to_string(row.targetPort),
                                   "shardscope.invalid_value");
            if (group[p] == from->second)
                found = p;
        }
        if (found == ShardGroupCatalog::npos)
            return Error::make("shard " + std::to_string(row.shardId) + " has no placement on " + row.sourceName + ":" +
                                   std::to_string(row.sourcePort),
                               "shardscope.invalid_value");
        group[found] = to->second;
        newId[found] = next++;
    }

    ClusterState after = state;
    for (std::size_t p = 0; p < state.placements.size(); ++p) {
        if (newId[p] != 0) {
            after.placements[p].group = group[p];
            after.placements[p].id = newId[p];
        }
    }
    std::sort(after.placements.begin(), after.placements.end(),
              [](const Placement& a, const Placement& b) { return a.id < b.id; });
    after.sequences.nextPlacementId = next;
    return after;
}

Result<PlanSimulation> simulatePlan(const ClusterState& state, const RebalancePlan& plan,
                                    double copyRateMegabytesPerSecond)
{
    if (!(copyRateMegabytesPerSecond > 0.0) || !std::isfinite(copyRateMegabytesPerSecond))
        return Error::make("copy rate must be a positive number of MB per second", "shardscope.invalid_value");
    auto after = applyRebalancePlan(state, plan);
    if (!after.ok())
        return after.error();
    PlanSimulation simulation;
    const Loads before = loadsOf(state);
    const Loads later = loadsOf(*after);
    for (std::size_t i = 0; i < before.nodes.size(); ++i) {
        const Node* node = before.nodes[i];
        simulation.nodes.push_back({node->id, node->name, node->port, node->shouldHaveShards, before.bytes[i],
                                    later.bytes[i], before.shards[i], later.shards[i]});
    }
    std::sort(simulation.nodes.begin(), simulation.nodes.end(),
              [](const NodeLoadChange& a, const NodeLoadChange& b) { return a.node < b.node; });
    simulation.before = balanceOf(before);
    simulation.after = balanceOf(later);

    std::map<std::pair<NodeId, NodeId>, std::size_t> pairIndex;
    std::vector<bool> counted(plan.moves.size(), false);
    for (const PlanRow& row : plan.rows) {
        const PlannedMove& move = plan.moves[row.moveIndex];
        const auto key = std::make_pair(move.source, move.target);
        auto it = pairIndex.find(key);
        if (it == pairIndex.end()) {
            it = pairIndex.emplace(key, simulation.pairs.size()).first;
            simulation.pairs.push_back({move.source, move.target, 0, 0, 0});
        }
        NodePairTransfer& pair = simulation.pairs[it->second];
        pair.bytes += row.bytes;
        ++pair.shards;
        if (!counted[row.moveIndex]) {
            counted[row.moveIndex] = true;
            ++pair.groupMoves;
        }
        simulation.bytesToMove += row.bytes;
        ++simulation.shardsToMove;
    }
    simulation.groupMoves = static_cast<std::int64_t>(plan.moves.size());
    simulation.copyRateBytesPerSecond = copyRateMegabytesPerSecond * 1e6;
    simulation.estimatedSeconds = static_cast<double>(simulation.bytesToMove) / simulation.copyRateBytesPerSecond;
    simulation.stateAfter = std::move(after).value();
    return simulation;
}

} // namespace shardscope::engine
