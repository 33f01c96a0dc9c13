// SPDX-License-Identifier: MIT
#include "operationsupport.h"

#include "engine/clusterindex.h"

#include <algorithm>
#include <set>

namespace shardscope::engine::ops {

Error citusError(std::string message, std::string sqlstate, std::string detail, std::string hint)
{
    return Error{std::move(message), std::move(sqlstate), std::move(detail), std::move(hint), {}};
}

std::string qualifiedName(const Table& table)
{
    return quoteIdent(table.schema) + "." + quoteIdent(table.name);
}

std::string regclassText(std::string_view schema, std::string_view name)
{
    if (schema.empty() || schema == "public")
        return quoteIdent(name);
    return quoteIdent(schema) + "." + quoteIdent(name);
}

Error nodeDoesNotExist(std::string_view name, std::int32_t port)
{
    return citusError("node at \"" + std::string(name) + ":" + std::to_string(port) + "\" does not exist");
}

Error relationDoesNotExist(std::string_view schema, std::string_view name)
{
    const std::string shown =
        (schema.empty() || schema == "public") ? std::string(name) : std::string(schema) + "." + std::string(name);
    return citusError("relation \"" + shown + "\" does not exist", "42P01");
}

Node* findNode(ClusterState& state, std::string_view name, std::int32_t port)
{
    for (Node& node : state.nodes) {
        if (node.name == name && node.port == port)
            return &node;
    }
    return nullptr;
}

const Node* findNode(const ClusterState& state, std::string_view name, std::int32_t port)
{
    return findNode(const_cast<ClusterState&>(state), name, port);
}

const Node* findNodeById(const ClusterState& state, NodeId id)
{
    for (const Node& node : state.nodes) {
        if (node.id == id)
            return &node;
    }
    return nullptr;
}

const Node* primaryOfGroup(const ClusterState& state, GroupId group)
{
    for (const Node& node : state.nodes) {
        if (node.group == group && node.role == NodeRole::Primary)
            return &node;
    }
    return nullptr;
}

const Table* findTable(const ClusterState& state, std::string_view schema, std::string_view name)
{
    const std::string_view wanted = schema.empty() ? std::string_view("public") : schema;
    for (const Table& table : state.tables) {
        if (table.name == name && table.schema == wanted)
            return &table;
    }
    return nullptr;
}

namespace {
// One part of a possibly quoted, dotted name: unquoted parts fold to lower case, as PostgreSQL does.
std::vector<std::string> splitQualifiedName(std::string_view text)
{
    std::vector<std::string> parts(1);
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                parts.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                parts.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == '.') {
            parts.emplace_back();
        } else {
            parts.back() += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    return parts;
}
} // namespace

const Table* findTableByText(const ClusterState& state, std::string_view text)
{
    const auto parts = splitQualifiedName(text);
    if (parts.size() == 1)
        return findTable(state, "public", parts[0]);
    if (parts.size() == 2)
        return findTable(state, parts[0], parts[1]);
    return nullptr;
}

const Table* findTableByOid(const ClusterState& state, TableOid oid)
{
    for (const Table& table : state.tables) {
        if (table.oid == oid)
            return &table;
    }
    return nullptr;
}

const Shard* findShard(const ClusterState& state, ShardId id)
{
    const auto it = std::lower_bound(state.shards.begin(), state.shards.end(), id,
                                     [](const Shard& s, ShardId value) { return s.id < value; });
    if (it != state.shards.end() && it->id == id)
        return &*it;
    for (const Shard& shard : state.shards) { // tolerate a state not sorted by id
        if (shard.id == id)
            return &shard;
    }
    return nullptr;
}

std::vector<TableOid> referenceTables(const ClusterState& state)
{
    std::vector<TableOid> out;
    for (const Table& table : state.tables) {
        if (table.kind == TableKind::Reference)
            out.push_back(table.oid);
    }
    return out;
}

namespace {
std::vector<ShardId> referenceShards(const ClusterState& state)
{
    const auto tables = referenceTables(state);
    std::vector<ShardId> shards;
    if (tables.empty())
        return shards;
    for (const Shard& shard : state.shards) {
        if (std::find(tables.begin(), tables.end(), shard.table) != tables.end())
            shards.push_back(shard.id);
    }
    return shards;
}

// (shard, group) pairs of the reference placements, in one pass over the placements.
std::set<std::pair<ShardId, GroupId>> referencePlacements(const ClusterState& state, const std::vector<ShardId>& shards)
{
    std::set<std::pair<ShardId, GroupId>> out;
    if (shards.empty())
        return out;
    const std::set<ShardId> wanted(shards.begin(), shards.end());
    for (const Placement& p : state.placements) {
        if (wanted.count(p.shard) != 0)
            out.emplace(p.shard, p.group);
    }
    return out;
}
} // namespace

bool nodeMissesReferenceTables(const ClusterState& state, const Node& node)
{
    const auto shards = referenceShards(state);
    const auto placed = referencePlacements(state, shards);
    return std::any_of(shards.begin(), shards.end(), [&](ShardId shard) {
        return placed.count({shard, node.group}) == 0;
    });
}

bool hasMissingReferenceTables(const ClusterState& state)
{
    const auto shards = referenceShards(state);
    const auto placed = referencePlacements(state, shards);
    for (const Node* node : sortedActivePrimaries(state, false)) {
        for (ShardId shard : shards) {
            if (placed.count({shard, node->group}) == 0)
                return true;
        }
    }
    return false;
}

void replicateReferenceTables(ClusterState& state)
{
    const auto shards = referenceShards(state);
    if (shards.empty())
        return;
    const auto nodes = sortedActivePrimaries(state, false);
    std::vector<GroupId> groups;
    for (const Node* node : nodes)
        groups.push_back(node->group);
    const auto placed = referencePlacements(state, shards);
    for (GroupId group : groups) {
        for (ShardId shard : shards) {
            if (placed.count({shard, group}) != 0)
                continue;
            Placement copy;
            copy.id = state.sequences.nextPlacementId++;
            copy.shard = shard;
            copy.group = group;
            copy.bytes = shardBytes(state, shard);
            for (const Placement& p : state.placements) {
                if (p.shard == shard) {
                    copy.rows = p.rows;
                    break;
                }
            }
            state.placements.push_back(copy);
        }
    }
}

Status checkNoOnlyPlacements(const ClusterState& state, const Node& node)
{
    std::vector<const Placement*> onNode;
    for (const Placement& p : state.placements) {
        if (p.group == node.group)
            onNode.push_back(&p);
    }
    std::sort(onNode.begin(), onNode.end(), [](const Placement* a, const Placement* b) {
        return a->shard != b->shard ? a->shard < b->shard : a->id < b->id;
    });
    std::set<GroupId> activeGroups;
    for (const Node& n : state.nodes) {
        if (n.isActive && n.role == NodeRole::Primary)
            activeGroups.insert(n.group);
    }
    for (const Placement* placement : onNode) {
        const bool elsewhere =
            std::any_of(state.placements.begin(), state.placements.end(), [&](const Placement& other) {
                return other.shard == placement->shard && other.group != node.group &&
                       activeGroups.count(other.group) != 0;
            });
        if (elsewhere)
            continue;
        const Shard* shard = findShard(state, placement->shard);
        const Table* table = shard ? findTableByOid(state, shard->table) : nullptr;
        return citusError("cannot remove or disable the node " + node.name + ":" + std::to_string(node.port) +
                              " because because it contains the only shard placement for shard " +
                              std::to_string(placement->shard),
                          "XX000",
                          "One of the table(s) that prevents the operation complete successfully is " +
                              (table ? qualifiedName(*table) : std::string("?")),
                          "To proceed, either drop the tables or use undistribute_table() function to convert "
                          "them to local tables");
    }
    return Done{};
}

void sortCatalog(ClusterState& state)
{
    std::stable_sort(state.shards.begin(), state.shards.end(),
                     [](const Shard& a, const Shard& b) { return a.id < b.id; });
    std::stable_sort(state.placements.begin(), state.placements.end(),
                     [](const Placement& a, const Placement& b) { return a.id < b.id; });
}

void dropEmptyColocationGroups(ClusterState& state)
{
    std::set<ColocationId> used;
    for (const Table& table : state.tables)
        used.insert(table.colocationId);
    std::erase_if(state.colocationGroups, [&](const ColocationGroup& g) { return used.count(g.id) == 0; });
}

Status checkReplicaIdentity(const ClusterState& state, const std::vector<TableOid>& tables)
{
    for (TableOid oid : tables) {
        const Table* table = findTableByOid(state, oid);
        if (table && !table->hasReplicaIdentity) {
            return citusError("cannot use logical replication to transfer shards of the relation " + table->name +
                                  " since it doesn't have a REPLICA IDENTITY or PRIMARY KEY",
                              "0A000",
                              "UPDATE and DELETE commands on the shard will error out during logical replication "
                              "unless there is a REPLICA IDENTITY or PRIMARY KEY.",
                              "If you wish to continue without a replica identity set the shard_transfer_mode to "
                              "'force_logical' or 'block_writes'.");
        }
    }
    return Done{};
}

std::int64_t shardBytes(const ClusterState& state, ShardId shard)
{
    std::int64_t bytes = 0;
    for (const Placement& p : state.placements) {
        if (p.shard == shard)
            bytes = std::max(bytes, p.bytes);
    }
    return bytes;
}

} // namespace shardscope::engine::ops
