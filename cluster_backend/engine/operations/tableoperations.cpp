// SPDX-License-Identifier: MIT
#include "tableoperations.h"

#include "engine/clusterindex.h"
#include "operationsupport.h"

#include <algorithm>

namespace shardscope::engine::ops {

namespace {
constexpr std::int32_t kDefaultShardCount = 32;
constexpr std::int32_t kMaxShardCount = 64000;
constexpr std::int32_t kMaxReplicationFactor = 100;

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// §2.1: the ranges of a new table (the last shard absorbs the remainder).
std::pair<std::int32_t, std::int32_t> uniformRange(std::int64_t index, std::int64_t count)
{
    const std::int64_t increment = (std::int64_t(1) << 32) / count;
    const std::int64_t min = -(std::int64_t(1) << 31) + index * increment;
    const std::int64_t max = index == count - 1 ? std::int64_t(2147483647) : min + increment - 1;
    return {static_cast<std::int32_t>(min), static_cast<std::int32_t>(max)};
}

// Citus inserts the coordinator itself when a Citus table is created on an empty pg_dist_node.
void insertCoordinatorIfClusterEmpty(ClusterState& state)
{
    if (!state.nodes.empty())
        return;
    Node coordinator;
    coordinator.id = state.sequences.nextNodeId++;
    coordinator.group = 0;
    coordinator.name = "localhost";
    coordinator.hasMetadata = true;
    coordinator.metadataSynced = true;
    coordinator.shouldHaveShards = true;
    state.nodes.push_back(coordinator);
}

// The table to turn into a Citus table: the plain table of that name, or a new one.
Result<Table*> prepareTable(ClusterState& state, const std::string& schema, const std::string& name)
{
    for (Table& table : state.tables) {
        if (table.name == name && table.schema == (schema.empty() ? "public" : schema)) {
            if (table.kind != TableKind::Plain && table.kind != TableKind::CitusLocal)
                return citusError("table \"" + name + "\" is already distributed", "42P16");
            return &table;
        }
    }
    if (name.empty())
        return citusError("a table name is required", "shardscope.invalid_value");
    Table table;
    table.oid = state.sequences.nextTableOid++;
    table.schema = schema.empty() ? "public" : schema;
    table.name = name;
    table.kind = TableKind::Plain;
    state.tables.push_back(table);
    return &state.tables.back();
}

// Spreads a plain table's data over its new placements (the rows Citus copies in).
void spreadPlainData(std::vector<Placement>& placements, std::size_t firstNew, std::int64_t bytes, std::int64_t rows,
                     std::size_t shardCount, bool everyPlacementFull)
{
    if (bytes == 0 && rows == 0)
        return;
    std::size_t shardIndex = 0;
    ShardId lastShard = 0;
    for (std::size_t i = firstNew; i < placements.size(); ++i) {
        Placement& p = placements[i];
        if (everyPlacementFull) {
            p.bytes = bytes;
            p.rows = rows;
            continue;
        }
        if (i != firstNew && p.shard != lastShard)
            ++shardIndex;
        lastShard = p.shard;
        const auto n = static_cast<std::int64_t>(shardCount);
        const auto k = static_cast<std::int64_t>(shardIndex);
        p.bytes = bytes / n + (k < bytes % n ? 1 : 0);
        p.rows = rows / n + (k < rows % n ? 1 : 0);
    }
}

Error tableNotDistributed(const std::string& name)
{
    return citusError("relation " + name + " is not distributed");
}
} // namespace

Result<ClusterState> createPlainTable(const ClusterState& state, const CreatePlainTable& request)
{
    if (request.name.empty())
        return citusError("a table name is required", "shardscope.invalid_value");
    const std::string schema = request.schema.empty() ? "public" : request.schema;
    if (findTable(state, schema, request.name))
        return citusError("relation \"" + request.name + "\" already exists", "42P07");
    if (request.bytes < 0 || request.rows < 0)
        return citusError("sizes cannot be negative", "shardscope.invalid_value");
    ClusterState next = state;
    Table table;
    table.oid = next.sequences.nextTableOid++;
    table.schema = schema;
    table.name = request.name;
    table.kind = TableKind::Plain;
    table.plainBytes = request.bytes;
    table.plainRows = request.rows;
    next.tables.push_back(table);
    return next;
}

Result<ClusterState> createDistributedTable(const ClusterState& state, const CreateDistributedTable& request)
{
    const bool singleShard = request.column.empty();
    const std::string colocateWith = lower(request.colocateWith);
    const bool byDefault = colocateWith == "default";
    const bool byNone = colocateWith == "none";
    std::int32_t shardCount = kDefaultShardCount;
    if (!singleShard) {
        if (request.shardCount) {
            if (!byDefault && !byNone)
                return citusError("Cannot use colocate_with with a table and shard_count at the same time");
            shardCount = *request.shardCount;
        }
        if (shardCount < 1 || shardCount > kMaxShardCount) {
            return citusError(std::to_string(shardCount) +
                              " is outside the valid range for parameter \"shard_count\" (1 .. 64000)");
        }
        if (request.columnType == ColumnType::None)
            return citusError("a distribution column needs a type", "shardscope.invalid_value");
    } else {
        if (request.shardCount) {
            return citusError("shard_count can't be specified when the distribution column is null because in "
                              "that case it's automatically set to 1");
        }
        shardCount = 1;
    }
    if (request.replicationFactor < 1 || request.replicationFactor > kMaxReplicationFactor) {
        return citusError(std::to_string(request.replicationFactor) +
                              " is outside the valid range for parameter \"citus.shard_replication_factor\" (1 .. "
                              "100)",
                          "22023");
    }

    ClusterState next = state;
    const std::string schema = request.schema.empty() ? "public" : request.schema;
    auto prepared = prepareTable(next, schema, request.name);
    if (!prepared)
        return prepared.error();
    const TableOid oid = (*prepared)->oid;
    insertCoordinatorIfClusterEmpty(next);
    if (singleShard && request.replicationFactor > 1) {
        return citusError("could not create single shard table: citus.shard_replication_factor is greater than 1",
                          "XX000", {}, "Consider setting citus.shard_replication_factor to 1 and try again");
    }

    const ColumnType type = singleShard ? ColumnType::None : request.columnType;
    const std::uint32_t typeOid = columnTypeOid(type);
    const std::uint32_t collation = singleShard ? 0 : defaultCollation(type);
    std::int32_t replicationFactor = request.replicationFactor;
    char replicationModel = replicationFactor > 1 ? 'c' : 's';
    ColocationId colocationId = 0;

    if (byDefault) {
        for (const ColocationGroup& group : next.colocationGroups) {
            if (group.shardCount != shardCount || group.replicationFactor != replicationFactor ||
                columnTypeOid(group.columnType) != typeOid || group.collation != collation)
                continue;
            if (colocationId == 0 || group.id < colocationId) // the smallest matching id
                colocationId = group.id;
        }
        if (colocationId != 0 && request.shardCount) {
            // strict shard_count: a group whose table was split no longer matches
            const ClusterIndex index(next);
            const auto tables = index.tablesOfColocationGroup(colocationId);
            if (!tables.empty() && index.shardsOfTable(tables.front()).size() != static_cast<std::size_t>(shardCount))
                colocationId = 0;
        }
    } else if (!byNone) {
        const Table* source = findTableByText(next, request.colocateWith);
        if (!source)
            return citusError("relation \"" + request.colocateWith + "\" does not exist", "42P01");
        if (source->kind == TableKind::Plain)
            return tableNotDistributed(source->name);
        if (source->kind == TableKind::CitusLocal) {
            return citusError("cannot distribute relation", "0A000",
                              "Currently, colocate_with option is not supported with append / range distributed "
                              "tables and local tables added to metadata.");
        }
        if (columnTypeOid(source->columnType) != typeOid || source->kind == TableKind::Reference) {
            return citusError("cannot colocate tables " + source->name + " and " + request.name, "XX000",
                              "Distribution column types don't match for " + source->name + " and " + request.name +
                                  ".");
        }
        replicationModel = source->replicationModel;
        colocationId = source->colocationId;
        for (const ColocationGroup& group : next.colocationGroups) {
            if (group.id == colocationId)
                replicationFactor = group.replicationFactor;
        }
    }

    const auto candidates = sortedActivePrimaries(next, true);
    if (candidates.empty()) {
        return citusError("no worker nodes are available for placing shards", "22023", {}, "Add more worker nodes.");
    }

    // The colocated table whose shards the new one copies, if the group has one.
    TableOid colocatedTable = 0;
    if (colocationId != 0) {
        for (const Table& table : next.tables) {
            if (table.colocationId == colocationId && table.oid != oid) {
                colocatedTable = table.oid;
                break;
            }
        }
    }
    if (colocatedTable == 0 && !singleShard && static_cast<std::size_t>(replicationFactor) > candidates.size()) {
        return citusError("replication_factor (" + std::to_string(replicationFactor) +
                              ") exceeds number of worker nodes (" + std::to_string(candidates.size()) + ")",
                          "22023", {}, "Add more worker nodes or try again with a lower replication factor.");
    }

    // create_distributed_table copies missing reference tables first.
    replicateReferenceTables(next);
    const std::size_t firstNewPlacement = next.placements.size();

    if (colocatedTable != 0) {
        const ClusterIndex index(next);
        std::vector<Shard> newShards;
        std::vector<Placement> newPlacements;
        for (std::size_t shardPos : index.shardsOfTable(colocatedTable)) {
            const Shard& source = next.shards[shardPos];
            Shard shard = source;
            shard.id = next.sequences.nextShardId++;
            shard.table = oid;
            newShards.push_back(shard);
            std::vector<const Node*> nodes;
            for (std::size_t p : index.placementsOfShard(source.id)) {
                if (const Node* node = index.nodeByGroup(next.placements[p].group))
                    nodes.push_back(node);
            }
            std::sort(nodes.begin(), nodes.end(), [](const Node* a, const Node* b) { return nodeNameLess(*a, *b); });
            for (const Node* node : nodes) {
                Placement placement;
                placement.id = next.sequences.nextPlacementId++;
                placement.shard = shard.id;
                placement.group = node->group;
                newPlacements.push_back(placement);
            }
        }
        next.shards.insert(next.shards.end(), newShards.begin(), newShards.end());
        next.placements.insert(next.placements.end(), newPlacements.begin(), newPlacements.end());
    } else {
        if (colocationId == 0) {
            ColocationGroup group;
            group.id = next.sequences.nextColocationId++;
            group.shardCount = shardCount;
            group.replicationFactor = replicationFactor;
            group.columnType = type;
            group.collation = collation;
            next.colocationGroups.push_back(group);
            colocationId = group.id;
        }
        const std::size_t nodeCount = candidates.size();
        for (std::int32_t i = 0; i < shardCount; ++i) {
            Shard shard;
            shard.id = next.sequences.nextShardId++;
            shard.table = oid;
            if (!singleShard) {
                shard.hasRange = true;
                std::tie(shard.minValue, shard.maxValue) = uniformRange(i, shardCount);
            }
            next.shards.push_back(shard);
            for (std::int32_t r = 0; r < replicationFactor; ++r) {
                const std::size_t slot = singleShard ? static_cast<std::size_t>(colocationId) % nodeCount
                                                     : static_cast<std::size_t>(i + r) % nodeCount;
                Placement placement;
                placement.id = next.sequences.nextPlacementId++;
                placement.shard = shard.id;
                placement.group = candidates[slot]->group;
                next.placements.push_back(placement);
            }
        }
    }

    Table* table = nullptr;
    for (Table& t : next.tables) {
        if (t.oid == oid)
            table = &t;
    }
    table->kind = singleShard ? TableKind::SingleShard : TableKind::HashDistributed;
    table->distributionColumn = request.column;
    table->columnType = type;
    table->colocationId = colocationId;
    table->replicationModel = replicationModel;
    spreadPlainData(next.placements, firstNewPlacement, table->plainBytes, table->plainRows,
                    static_cast<std::size_t>(shardCount), false);
    table->plainBytes = 0;
    table->plainRows = 0;
    sortCatalog(next);
    return next;
}

Result<ClusterState> createReferenceTable(const ClusterState& state, const CreateReferenceTable& request)
{
    ClusterState next = state;
    const std::string schema = request.schema.empty() ? "public" : request.schema;
    auto prepared = prepareTable(next, schema, request.name);
    if (!prepared)
        return prepared.error();
    const TableOid oid = (*prepared)->oid;
    insertCoordinatorIfClusterEmpty(next);
    replicateReferenceTables(next);

    ColocationId colocationId = 0;
    for (const ColocationGroup& group : next.colocationGroups) {
        if (group.replicationFactor == -1 && group.shardCount == 1 && group.columnType == ColumnType::None) {
            colocationId = group.id;
            break;
        }
    }
    if (colocationId == 0) {
        ColocationGroup group;
        group.id = next.sequences.nextColocationId++;
        group.shardCount = 1;
        group.replicationFactor = -1;
        next.colocationGroups.push_back(group);
        colocationId = group.id;
    }
    Shard shard;
    shard.id = next.sequences.nextShardId++;
    shard.table = oid;
    next.shards.push_back(shard);
    const std::size_t firstNew = next.placements.size();
    for (const Node* node : sortedActivePrimaries(next, false)) {
        Placement placement;
        placement.id = next.sequences.nextPlacementId++;
        placement.shard = shard.id;
        placement.group = node->group;
        next.placements.push_back(placement);
    }
    for (Table& table : next.tables) {
        if (table.oid != oid)
            continue;
        table.kind = TableKind::Reference;
        table.distributionColumn.clear();
        table.columnType = ColumnType::None;
        table.colocationId = colocationId;
        table.replicationModel = 't';
        spreadPlainData(next.placements, firstNew, table.plainBytes, table.plainRows, 1, true);
        table.plainBytes = 0;
        table.plainRows = 0;
    }
    sortCatalog(next);
    return next;
}

Result<ClusterState> undistributeTable(const ClusterState& state, const UndistributeTable& request)
{
    const Table* found = findTable(state, request.schema, request.name);
    if (!found)
        return relationDoesNotExist(request.schema, request.name);
    if (found->kind == TableKind::Plain)
        return citusError("cannot undistribute table because the table is not distributed");
    ClusterState next = state;
    const TableOid oid = found->oid;
    const ClusterIndex index(state);
    std::int64_t bytes = 0;
    std::int64_t rows = 0;
    for (std::size_t pos : index.shardsOfTable(oid)) {
        const ShardId shard = state.shards[pos].id;
        std::int64_t shardBytesMax = 0;
        std::int64_t shardRows = 0;
        for (std::size_t p : index.placementsOfShard(shard)) {
            shardBytesMax = std::max(shardBytesMax, state.placements[p].bytes);
            shardRows = std::max(shardRows, state.placements[p].rows);
        }
        bytes += shardBytesMax;
        rows += shardRows;
    }
    std::erase_if(next.placements, [&](const Placement& p) {
        const Shard* shard = index.shardById(p.shard);
        return shard && shard->table == oid;
    });
    std::erase_if(next.shards, [oid](const Shard& s) { return s.table == oid; });
    for (Table& table : next.tables) {
        if (table.oid != oid)
            continue;
        table.kind = TableKind::Plain;
        table.distributionColumn.clear();
        table.columnType = ColumnType::None;
        table.colocationId = 0;
        table.replicationModel = 's';
        table.plainBytes = bytes;
        table.plainRows = rows;
    }
    dropEmptyColocationGroups(next);
    return next;
}

Result<ClusterState> replicateReferenceTablesOperation(const ClusterState& state, const ReplicateReferenceTables&)
{
    ClusterState next = state;
    replicateReferenceTables(next);
    return next;
}

} // namespace shardscope::engine::ops
