// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/clusterstate.h"
#include "sqlquote.h"

#include <string>
#include <string_view>
#include <vector>

namespace shardscope::engine::ops {

/** An error as Citus raises it: message, SQLSTATE, detail and hint. */
Error citusError(std::string message, std::string sqlstate = "XX000", std::string detail = {}, std::string hint = {});

/** schema.name as generate_qualified_relation_name prints it (each part through quoteIdent). */
std::string qualifiedName(const Table& table);
/** The regclass text a user types for a table: name alone in public, schema.name otherwise. */
std::string regclassText(std::string_view schema, std::string_view name);

/** "node at "name:port" does not exist" */
Error nodeDoesNotExist(std::string_view name, std::int32_t port);
/** "relation "x" does not exist" */
Error relationDoesNotExist(std::string_view schema, std::string_view name);

Node* findNode(ClusterState& state, std::string_view name, std::int32_t port);
const Node* findNode(const ClusterState& state, std::string_view name, std::int32_t port);
const Node* findNodeById(const ClusterState& state, NodeId id);
const Node* primaryOfGroup(const ClusterState& state, GroupId group);
const Table* findTable(const ClusterState& state, std::string_view schema, std::string_view name);
/** Resolves a colocate_with / regclass text ("t", "s.t", quoted parts) in the state. */
const Table* findTableByText(const ClusterState& state, std::string_view text);
const Table* findTableByOid(const ClusterState& state, TableOid oid);
const Shard* findShard(const ClusterState& state, ShardId id);

/** Reference table ids in creation order. */
std::vector<TableOid> referenceTables(const ClusterState& state);
/** True when an active primary lacks a placement of some reference table. */
bool hasMissingReferenceTables(const ClusterState& state);
/** True when the node lacks a placement of some reference table. */
bool nodeMissesReferenceTables(const ClusterState& state, const Node& node);
/**
 * Copies every reference table to the active primaries lacking it (sorted node order, then table
 * creation order), with new placement ids: Citus's lazy replication.
 */
void replicateReferenceTables(ClusterState& state);

/** Placements on a group ordered by shard id (Citus's check order for "only placement" errors). */
Status checkNoOnlyPlacements(const ClusterState& state, const Node& node);

/** Restores the catalog orders of ClusterState after edits: shards and placements by id. */
void sortCatalog(ClusterState& state);
/** Drops colocation groups that no table uses any more. */
void dropEmptyColocationGroups(ClusterState& state);

/** "cannot use logical replication to transfer shards of the relation ..." for tables lacking one. */
Status checkReplicaIdentity(const ClusterState& state, const std::vector<TableOid>& tables);

/** The biggest placement size of a shard (citus_shards' shard_size), and its rows. */
std::int64_t shardBytes(const ClusterState& state, ShardId shard);

} // namespace shardscope::engine::ops
