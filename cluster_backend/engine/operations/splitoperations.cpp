// SPDX-License-Identifier: MIT
#include "splitoperations.h"

#include "engine/clusterindex.h"
#include "engine/pghash.h"
#include "operationsupport.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace shardscope::engine::ops {

namespace {
struct SplitNames
{
    const char* operation; ///< "split" / "isolate"
    const char* target;    ///< "shard" / "tenant"
};

constexpr SplitNames kSplit{"split", "shard"};
constexpr SplitNames kIsolate{"isolate", "tenant"};

// The part of total that falls to a child of the given weight (weights of all children sum to 1).
std::int64_t shareOf(std::int64_t total, long double weight)
{
    return static_cast<std::int64_t>(static_cast<long double>(total) * weight);
}

// The checks and the split itself, shared by both entry points. state already has its reference copies.
Result<ClusterState> splitShardGroup(const ClusterState& state, ShardId shardId,
                                     const std::vector<std::int32_t>& points, const std::vector<NodeId>& nodeIds,
                                     TransferMode mode, SplitNames names,
                                     std::optional<std::pair<std::int32_t, double>> isolated = {})
{
    const ClusterIndex index(state);
    const Shard* shard = index.shardById(shardId);
    const Table* table = shard ? index.tableByOid(shard->table) : nullptr;
    if (!shard || !table)
        return citusError("could not find valid entry for shard " + std::to_string(shardId));
    const std::vector<ShardId> group = index.shardGroupOf(shardId);
    if (mode == TransferMode::Auto) {
        std::vector<TableOid> tables;
        for (ShardId id : group)
            tables.push_back(index.shardById(id)->table);
        if (const Status ok = checkReplicaIdentity(state, tables); !ok)
            return ok.error();
    }
    const std::string op = names.operation;
    const std::string target = names.target;
    if (table->kind != TableKind::HashDistributed || !shard->hasRange) {
        return citusError(
            "Cannot " + op + " " + target + " as operation is only supported for hash distributed tables.", "0A000");
    }
    std::size_t replication = 1;
    for (std::size_t pos : index.shardsOfTable(table->oid))
        replication = std::max(replication, index.placementsOfShard(state.shards[pos].id).size());
    if (replication > 1) {
        return citusError("Operation " + op + " not supported for " + target + " as replication factor '" +
                              std::to_string(replication) + "' is greater than 1.",
                          "0A000");
    }
    if (nodeIds.size() != points.size() + 1) {
        return citusError("Number of worker node ids should be one greater split points. NodeId count is '" +
                              std::to_string(nodeIds.size()) + "' and SplitPoint count is '" +
                              std::to_string(points.size()) + "'.",
                          "42601");
    }
    if (points.size() + 1 > 64000) {
        return citusError("Resulting shard count '" + std::to_string(points.size() + 1) +
                          "' with split is greater than max shard count '64000' limit.");
    }
    const std::int32_t min = shard->minValue;
    const std::int32_t max = shard->maxValue;
    if (min == max) {
        return citusError("Cannot split shard id \"" + std::to_string(shardId) + "\" as min/max range are equal: ('" +
                              std::to_string(min) + "', '" + std::to_string(max) + "').",
                          "42601");
    }
    for (std::size_t i = 0; i < points.size(); ++i) {
        const std::int32_t point = points[i];
        if (point < min || point > max) {
            return citusError("Split point " + std::to_string(point) + " is outside the min/max range(" +
                                  std::to_string(min) + ", " + std::to_string(max) + ") for shard id " +
                                  std::to_string(shardId) + ".",
                              "42601");
        }
        if (point == max) {
            return citusError("Invalid split point " + std::to_string(max) +
                                  ", as split points should be inclusive. Please use " + std::to_string(max - 1) +
                                  " instead.",
                              "42601");
        }
        if (i > 0 && point <= points[i - 1]) {
            return citusError("Invalid Split Points '" + std::to_string(points[i - 1]) + "' followed by '" +
                                  std::to_string(point) + "'. All split points should be strictly increasing.",
                              "42601");
        }
    }
    std::vector<const Node*> nodes;
    for (NodeId id : nodeIds) {
        const Node* node = id < 1 ? nullptr : index.nodeById(id);
        if (!node) {
            return citusError("Invalid Node Id '" + std::to_string(static_cast<std::uint32_t>(id)) + "'.", "25001");
        }
        nodes.push_back(node);
    }
    for (const Node* node : nodes) {
        if (nodeMissesReferenceTables(state, *node)) {
            return citusError("reference tables have not been replicated to node " + node->name + ":" +
                                  std::to_string(node->port) + " yet",
                              "XX000",
                              "Reference tables are lazily replicated after adding a node, but must exist before "
                              "shards can be created on that node.",
                              "Run SELECT replicate_reference_tables(); to ensure reference tables exist on all "
                              "nodes.");
        }
    }

    // Children ranges: [min,p1], [p1+1,p2], ..., [pk+1,max].
    std::vector<std::pair<std::int32_t, std::int32_t>> ranges;
    std::int64_t low = min;
    for (std::int32_t point : points) {
        ranges.emplace_back(static_cast<std::int32_t>(low), point);
        low = std::int64_t(point) + 1;
    }
    ranges.emplace_back(static_cast<std::int32_t>(low), max);
    // Sizes follow the hash range width, unless the caller knows the isolated tenant's share of the data.
    const std::int64_t fullWidth = std::int64_t(max) - min + 1;
    std::vector<long double> weights;
    for (const auto& [from, to] : ranges) {
        const auto width = static_cast<long double>(std::int64_t(to) - from + 1);
        if (!isolated) {
            weights.push_back(width / static_cast<long double>(fullWidth));
        } else if (from == isolated->first && to == isolated->first) {
            weights.push_back(static_cast<long double>(isolated->second));
        } else {
            weights.push_back(static_cast<long double>(1.0 - isolated->second) * width /
                              static_cast<long double>(fullWidth - 1));
        }
    }

    ClusterState next = state;
    std::vector<Shard> newShards;
    std::vector<Placement> newPlacements;
    for (ShardId sourceId : group) { // table by table, ascending shard id
        const Shard* source = index.shardById(sourceId);
        std::int64_t bytes = 0;
        std::int64_t rows = 0;
        for (std::size_t p : index.placementsOfShard(sourceId)) {
            bytes = std::max(bytes, state.placements[p].bytes);
            rows = std::max(rows, state.placements[p].rows);
        }
        std::int64_t bytesLeft = bytes;
        std::int64_t rowsLeft = rows;
        for (std::size_t j = 0; j < ranges.size(); ++j) {
            Shard child = *source;
            child.id = next.sequences.nextShardId++;
            child.minValue = ranges[j].first;
            child.maxValue = ranges[j].second;
            newShards.push_back(child);
            const bool last = j + 1 == ranges.size();
            Placement placement;
            placement.id = next.sequences.nextPlacementId++;
            placement.shard = child.id;
            placement.group = nodes[j]->group;
            placement.bytes = last ? bytesLeft : shareOf(bytes, weights[j]);
            placement.rows = last ? rowsLeft : shareOf(rows, weights[j]);
            bytesLeft -= placement.bytes;
            rowsLeft -= placement.rows;
            newPlacements.push_back(placement);
        }
    }
    const std::unordered_set<ShardId> removed(group.begin(), group.end());
    std::erase_if(next.shards, [&](const Shard& s) { return removed.count(s.id) != 0; });
    std::erase_if(next.placements, [&](const Placement& p) { return removed.count(p.shard) != 0; });
    next.shards.insert(next.shards.end(), newShards.begin(), newShards.end());
    next.placements.insert(next.placements.end(), newPlacements.begin(), newPlacements.end());
    sortCatalog(next);
    return next;
}
} // namespace

Result<ClusterState> splitShard(const ClusterState& state, const SplitShard& request)
{
    return splitShardGroup(state, request.shardId, request.splitPoints, request.nodeIds, request.mode, kSplit);
}

Result<IsolationOutcome> isolateTenantDetailed(const ClusterState& state, const IsolateTenant& request)
{
    const Table* table = findTable(state, request.schema, request.table);
    if (!table)
        return relationDoesNotExist(request.schema, request.table);
    if (table->kind == TableKind::Plain)
        return citusError("relation " + table->name + " is not distributed");
    if (table->kind != TableKind::HashDistributed) {
        return citusError("cannot isolate tenant because tenant isolation is only support for hash distributed tables",
                          "0A000");
    }
    const ClusterIndex index(state);
    if (!request.cascade && index.tablesOfColocationGroup(table->colocationId).size() > 1) {
        return citusError("cannot isolate tenant because \"" + table->name + "\" has colocated tables", "0A000", {},
                          "Use CASCADE option to isolate tenants for the colocated tables too. Example usage: "
                          "isolate_tenant_to_new_shard('" +
                              table->name + "', '" + request.tenantValue + "', 'CASCADE')");
    }
    ClusterState prepared = state;
    replicateReferenceTables(prepared); // EnsureReferenceTablesExistOnAllNodes

    const auto hashed = hashValue(table->columnType, request.tenantValue);
    if (!hashed)
        return hashed.error();
    const std::int32_t h = *hashed;
    const TableOid oid = table->oid;
    const std::string name = table->name;
    const ClusterIndex preparedIndex(prepared);
    const Shard* source = nullptr;
    for (std::size_t pos : preparedIndex.shardsOfTable(oid)) {
        const Shard& s = prepared.shards[pos];
        if (s.hasRange && s.minValue <= h && h <= s.maxValue) {
            source = &s;
            break;
        }
    }
    if (!source)
        return citusError("tenant does not have a shard");
    if (source->minValue == source->maxValue) {
        return citusError("table " + quoteIdent(name) + " has already been isolated for the given value", "55000");
    }
    const auto placements = preparedIndex.placementsOfShard(source->id);
    if (placements.size() > 1)
        return citusError("cannot isolate tenants when using shard replication", "0A000");
    if (placements.empty())
        return citusError("could not find valid entry for shard " + std::to_string(source->id));
    const Node* node = preparedIndex.nodeByGroup(prepared.placements[placements.front()].group);
    if (!node)
        return citusError("could not find valid entry for shard " + std::to_string(source->id));

    std::vector<std::int32_t> points;
    if (h == source->minValue)
        points = {h};
    else if (h == source->maxValue)
        points = {h - 1};
    else
        points = {h - 1, h};
    const std::vector<NodeId> nodeIds(points.size() + 1, node->id);
    auto split = splitShardGroup(
        prepared, source->id, points, nodeIds, request.mode, kIsolate,
        request.tenantShare < 0.0 ? std::nullopt : std::optional(std::pair(h, std::min(request.tenantShare, 1.0))));
    if (!split)
        return split.error();
    IsolationOutcome outcome{std::move(*split), 0};
    for (const Shard& s : outcome.state.shards) {
        if (s.table == oid && s.hasRange && s.minValue == h && s.maxValue == h)
            outcome.isolatedShard = s.id;
    }
    return outcome;
}

Result<ClusterState> isolateTenant(const ClusterState& state, const IsolateTenant& request)
{
    auto outcome = isolateTenantDetailed(state, request);
    if (!outcome)
        return outcome.error();
    return std::move(outcome->state);
}

} // namespace shardscope::engine::ops
