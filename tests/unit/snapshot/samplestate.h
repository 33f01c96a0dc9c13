// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"

#include <cstdint>
#include <limits>
#include <string>

namespace shardscope::test {

/** A small but complete state: every kind of table, a split (gapless) range, replicated reference placements. */
inline engine::ClusterState sampleState()
{
    using namespace engine;
    ClusterState s;
    s.name = "sample";
    Node coordinator;
    coordinator.id = 1;
    coordinator.group = 0;
    coordinator.name = "coord.example";
    coordinator.port = 5432;
    coordinator.hasMetadata = true;
    coordinator.metadataSynced = true;
    coordinator.shouldHaveShards = false;
    s.nodes.push_back(coordinator);
    for (int i = 1; i <= 2; ++i) {
        Node worker;
        worker.id = i + 1;
        worker.group = i;
        worker.name = "worker" + std::to_string(i);
        worker.port = 9700 + i;
        worker.rack = "rack-" + std::to_string(i);
        worker.freeDiskBytes = std::int64_t(1) << (30 + i);
        s.nodes.push_back(worker);
    }
    s.nodes[2].role = NodeRole::Secondary;
    s.nodes[2].isActive = false;

    s.colocationGroups.push_back({1, 2, 1, ColumnType::Int8, 0});
    s.colocationGroups.push_back({2, 1, -1, ColumnType::None, 0});
    s.colocationGroups.push_back({3, 1, 1, ColumnType::None, 0});

    Table users;
    users.oid = 16384;
    users.name = "users";
    users.distributionColumn = "user_id";
    users.columnType = ColumnType::Int8;
    users.colocationId = 1;
    s.tables.push_back(users);
    Table countries;
    countries.oid = 16390;
    countries.name = "countries";
    countries.kind = TableKind::Reference;
    countries.colocationId = 2;
    countries.replicationModel = 't';
    s.tables.push_back(countries);
    Table single;
    single.oid = 16395;
    single.schema = "tenant_a";
    single.name = "settings";
    single.kind = TableKind::SingleShard;
    single.colocationId = 3;
    s.tables.push_back(single);
    Table local;
    local.oid = 16400;
    local.name = "audit_log";
    local.kind = TableKind::CitusLocal;
    local.hasReplicaIdentity = false;
    s.tables.push_back(local);
    Table plain;
    plain.oid = 16405;
    plain.name = "staging";
    plain.kind = TableKind::Plain;
    plain.plainBytes = 123456789;
    plain.plainRows = 4242;
    s.tables.push_back(plain);
    Table partition = users;
    partition.oid = 16410;
    partition.name = "users_2026";
    partition.partitionOf = 16384;
    partition.replicationModel = 'c';
    s.tables.push_back(partition);

    s.shards.push_back({102008, 16384, std::numeric_limits<std::int32_t>::min(), -1, true});
    s.shards.push_back({102009, 16384, 0, std::numeric_limits<std::int32_t>::max(), true});
    s.shards.push_back({102010, 16390, 0, 0, false});
    s.shards.push_back({102011, 16395, 0, 0, false});
    s.shards.push_back({102012, 16400, 0, 0, false});
    s.shards.push_back({102013, 16410, std::numeric_limits<std::int32_t>::min(), -1, true});
    s.shards.push_back({102014, 16410, 0, std::numeric_limits<std::int32_t>::max(), true});

    PlacementId next = 1;
    s.placements.push_back({next++, 102008, 8192 * 100, 1000, 1});
    s.placements.push_back({next++, 102009, 8192 * 7, 70, 2});
    for (GroupId g = 0; g <= 2; ++g)
        s.placements.push_back({next++, 102010, 16384, 250, g});
    s.placements.push_back({next++, 102011, 0, 0, 1});
    s.placements.push_back({next++, 102012, 65536, 12, 0});
    s.placements.push_back({next++, 102013, 1, 1, 1});
    s.placements.push_back({next + 5, 102014, 2, 2, 2}); // a gap, as after a move

    s.sequences.nextShardId = 102015;
    s.sequences.nextPlacementId = next + 6;
    s.sequences.nextColocationId = 4;
    s.sequences.nextGroupId = 3;
    s.sequences.nextNodeId = 4;
    s.sequences.nextTableOid = 16415;
    return s;
}

} // namespace shardscope::test
