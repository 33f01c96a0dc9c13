// SPDX-License-Identifier: MIT
#include "statevalidator.h"

#include "statenames.h"

#include <algorithm>
#include <limits>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace shardscope::snapshot {

namespace {

using namespace engine;

constexpr std::int32_t kMaxShardCount = 64000; // Citus's limit for shard_count

Status invalid(std::string message)
{
    return Error::make(std::move(message), "shardscope.snapshot_invalid");
}

std::string at(std::string_view array, std::size_t index)
{
    return std::string(array) + "[" + std::to_string(index) + "]";
}

Status validateNodes(const std::vector<Node>& nodes)
{
    std::unordered_set<NodeId> ids;
    std::unordered_set<std::string> endpoints;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Node& node = nodes[i];
        const std::string where = at("nodes", i) + " (node " + std::to_string(node.id) + ")";
        if (node.id < 1)
            return invalid(at("nodes", i) + ": node id " + std::to_string(node.id) + " must be at least 1");
        if (!ids.insert(node.id).second)
            return invalid(where + ": duplicate node id " + std::to_string(node.id));
        if (node.group < 0)
            return invalid(where + ": group id " + std::to_string(node.group) + " must not be negative");
        if (node.name.empty())
            return invalid(where + ": the node name is empty");
        if (node.port < 1 || node.port > 65535)
            return invalid(where + ": port " + std::to_string(node.port) + " is not between 1 and 65535");
        if (!endpoints.insert(node.name + ":" + std::to_string(node.port)).second)
            return invalid(where + ": another node already has name " + node.name + " and port " +
                           std::to_string(node.port));
    }
    return Done{};
}

Status validateColocationGroups(const std::vector<ColocationGroup>& groups)
{
    std::unordered_set<ColocationId> ids;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const ColocationGroup& group = groups[i];
        const std::string where = at("colocation_groups", i) + " (colocation group " + std::to_string(group.id) + ")";
        if (group.id < 1)
            return invalid(at("colocation_groups", i) + ": colocation id " + std::to_string(group.id) +
                           " must be at least 1");
        if (!ids.insert(group.id).second)
            return invalid(where + ": duplicate colocation id " + std::to_string(group.id));
        if (group.shardCount < 0 || group.shardCount > kMaxShardCount)
            return invalid(where + ": shard count " + std::to_string(group.shardCount) + " is not between 0 and " +
                           std::to_string(kMaxShardCount));
        // -1 is what Citus stores for the reference tables' group.
        if (group.replicationFactor != -1 && (group.replicationFactor < 1 || group.replicationFactor > 1000))
            return invalid(where + ": replication factor " + std::to_string(group.replicationFactor) +
                           " is neither -1 nor between 1 and 1000");
    }
    return Done{};
}

Status validateTables(const ClusterState& state, std::unordered_map<TableOid, std::size_t>& tableIndex)
{
    std::unordered_set<ColocationId> groups;
    for (const ColocationGroup& group : state.colocationGroups)
        groups.insert(group.id);
    std::unordered_set<std::string> names;
    for (std::size_t i = 0; i < state.tables.size(); ++i) {
        const Table& table = state.tables[i];
        if (table.oid == 0)
            return invalid(at("tables", i) + ": table oid 0 is not valid");
        const std::string where = at("tables", i) + " (" + table.schema + "." + table.name + ")";
        if (!tableIndex.emplace(table.oid, i).second)
            return invalid(where + ": duplicate table oid " + std::to_string(table.oid));
        if (table.name.empty() || table.schema.empty())
            return invalid(at("tables", i) + ": the table name and schema must not be empty");
        if (!names.insert(table.schema + '\0' + table.name).second)
            return invalid(where + ": another table has the same schema and name");
        const bool hash = table.kind == TableKind::HashDistributed;
        if (hash && (table.distributionColumn.empty() || table.columnType == ColumnType::None))
            return invalid(where + ": a hash-distributed table needs a distribution column and its type");
        if (!hash && (!table.distributionColumn.empty() || table.columnType != ColumnType::None))
            return invalid(where + ": only hash-distributed tables have a distribution column");
        if (table.colocationId < 0 || (table.colocationId != 0 && !groups.count(table.colocationId)))
            return invalid(where + ": colocation group " + std::to_string(table.colocationId) + " does not exist");
        if (table.replicationModel != 's' && table.replicationModel != 'c' && table.replicationModel != 't')
            return invalid(where + ": replication model must be 's', 'c' or 't'");
        if (table.plainBytes < 0 || table.plainRows < 0)
            return invalid(where + ": plain bytes and rows must not be negative");
    }
    for (std::size_t i = 0; i < state.tables.size(); ++i) {
        const Table& table = state.tables[i];
        if (table.partitionOf != 0 && (table.partitionOf == table.oid || !tableIndex.count(table.partitionOf)))
            return invalid(at("tables", i) + " (" + table.schema + "." + table.name + "): parent table oid " +
                           std::to_string(table.partitionOf) + " does not exist");
    }
    return Done{};
}

Status validateShards(const ClusterState& state, const std::unordered_map<TableOid, std::size_t>& tableIndex)
{
    TableOid lastOid = 0;
    TableKind kind = TableKind::Plain;
    std::string tableName;
    for (std::size_t i = 0; i < state.shards.size(); ++i) {
        const Shard& shard = state.shards[i];
        // Built only on the error path: a million shards must stay cheap to check.
        const auto where = [&] { return at("shards", i) + " (shard " + std::to_string(shard.id) + ")"; };
        if (shard.id < 1)
            return invalid(where() + ": shard id must be at least 1");
        if (shard.table != lastOid || lastOid == 0) {
            const auto table = tableIndex.find(shard.table);
            if (table == tableIndex.end())
                return invalid(where() + ": table oid " + std::to_string(shard.table) + " does not exist");
            lastOid = shard.table;
            kind = state.tables[table->second].kind;
            tableName = state.tables[table->second].name;
        }
        if (kind == TableKind::Plain)
            return invalid(where() + ": table " + tableName + " is not known to Citus and has no shards");
        if (shard.hasRange != (kind == TableKind::HashDistributed))
            return invalid(where() + (shard.hasRange ? ": only shards of hash-distributed tables have a hash range"
                                                     : ": a shard of a hash-distributed table needs a hash range"));
        if (shard.hasRange && shard.minValue > shard.maxValue)
            return invalid(where() + ": min value " + std::to_string(shard.minValue) + " is greater than max value " +
                           std::to_string(shard.maxValue));
        if (!shard.hasRange && (shard.minValue != 0 || shard.maxValue != 0))
            return invalid(where() + ": a shard without a range must have min and max 0");
    }
    return Done{};
}

/** Shard ids in ascending order with their position in state.shards (sorted only when needed). */
struct ShardLookup
{
    std::vector<ShardId> sortedIds; ///< empty when state.shards is already ascending
    const std::vector<Shard>* shards = nullptr;
    std::size_t last = 0;

    std::size_t size() const { return sortedIds.empty() ? shards->size() : sortedIds.size(); }
    ShardId idAt(std::size_t k) const { return sortedIds.empty() ? (*shards)[k].id : sortedIds[k]; }

    /** Position of id in ascending order, or npos. Checks the neighbours of the last hit first. */
    std::size_t find(ShardId id)
    {
        const std::size_t n = size();
        for (std::size_t k = last; k < std::min(n, last + 2); ++k) {
            if (idAt(k) == id)
                return last = k;
        }
        std::size_t lo = 0;
        std::size_t hi = n;
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (idAt(mid) < id)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < n && idAt(lo) == id)
            return last = lo;
        return std::string::npos;
    }
};

Status buildShardLookup(const std::vector<Shard>& shards, ShardLookup& lookup)
{
    lookup.shards = &shards;
    const bool ascending = std::adjacent_find(shards.begin(), shards.end(), [](const Shard& a, const Shard& b) {
                               return a.id >= b.id;
                           }) == shards.end();
    if (ascending)
        return Done{};
    lookup.sortedIds.reserve(shards.size());
    for (const Shard& shard : shards)
        lookup.sortedIds.push_back(shard.id);
    std::sort(lookup.sortedIds.begin(), lookup.sortedIds.end());
    const auto duplicate = std::adjacent_find(lookup.sortedIds.begin(), lookup.sortedIds.end());
    if (duplicate != lookup.sortedIds.end())
        return invalid("shards: duplicate shard id " + std::to_string(*duplicate));
    return Done{};
}

Status validatePlacements(const ClusterState& state)
{
    ShardLookup shards;
    if (Status status = buildShardLookup(state.shards, shards); !status)
        return status;
    std::vector<GroupId> nodeGroups;
    for (const Node& node : state.nodes)
        nodeGroups.push_back(node.group);
    std::sort(nodeGroups.begin(), nodeGroups.end());

    // (shard position, group) packed in 64 bits: a shard has at most one placement per group.
    std::vector<std::uint64_t> keys;
    keys.reserve(state.placements.size());
    bool idsAscending = true;
    for (std::size_t i = 0; i < state.placements.size(); ++i) {
        const Placement& placement = state.placements[i];
        const std::string_view array = "placements";
        if (placement.id < 1)
            return invalid(at(array, i) + ": placement id " + std::to_string(placement.id) + " must be at least 1");
        if (i > 0 && placement.id <= state.placements[i - 1].id)
            idsAscending = false;
        const std::size_t shard = shards.find(placement.shard);
        if (shard == std::string::npos)
            return invalid(at(array, i) + " (placement " + std::to_string(placement.id) + "): shard " +
                           std::to_string(placement.shard) + " does not exist");
        if (!std::binary_search(nodeGroups.begin(), nodeGroups.end(), placement.group))
            return invalid(at(array, i) + " (placement " + std::to_string(placement.id) + "): no node has group " +
                           std::to_string(placement.group));
        if (placement.bytes < 0 || placement.rows < 0)
            return invalid(at(array, i) + " (placement " + std::to_string(placement.id) +
                           "): bytes and rows must not be negative");
        keys.push_back((std::uint64_t(shard) << 32) | std::uint32_t(placement.group));
    }
    if (!idsAscending) {
        std::vector<PlacementId> ids;
        ids.reserve(state.placements.size());
        for (const Placement& placement : state.placements)
            ids.push_back(placement.id);
        std::sort(ids.begin(), ids.end());
        if (const auto duplicate = std::adjacent_find(ids.begin(), ids.end()); duplicate != ids.end())
            return invalid("placements: duplicate placement id " + std::to_string(*duplicate));
    }
    if (!std::is_sorted(keys.begin(), keys.end()))
        std::sort(keys.begin(), keys.end());
    if (const auto duplicate = std::adjacent_find(keys.begin(), keys.end()); duplicate != keys.end())
        return invalid("placements: shard " + std::to_string(shards.idAt(*duplicate >> 32)) +
                       " has two placements on group " + std::to_string(std::int32_t(*duplicate & 0xFFFFFFFFu)));
    return Done{};
}

Status validateSequences(const Sequences& sequences)
{
    if (sequences.nextShardId < 1 || sequences.nextPlacementId < 1 || sequences.nextColocationId < 1 ||
        sequences.nextGroupId < 1 || sequences.nextNodeId < 1 || sequences.nextTableOid < 1)
        return invalid("sequences: every next value must be at least 1");
    return Done{};
}

} // namespace

Status validateClusterState(const ClusterState& state)
{
    if (Status status = validateNodes(state.nodes); !status)
        return status;
    if (Status status = validateColocationGroups(state.colocationGroups); !status)
        return status;
    std::unordered_map<TableOid, std::size_t> tableIndex;
    if (Status status = validateTables(state, tableIndex); !status)
        return status;
    if (Status status = validateShards(state, tableIndex); !status)
        return status;
    if (Status status = validatePlacements(state); !status)
        return status;
    return validateSequences(state.sequences);
}

} // namespace shardscope::snapshot
