// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersnapshot.h"
#include "engine/clusterstate.h"

#include <memory>

namespace shardscope::test {

/**
 * A small hand-made cluster: coordinator + 2 workers (worker-2 with shouldhaveshards off), users and events
 * colocated in group 1 with 2 shards each, countries as a reference table, one single-shard table, one plain
 * table. Sizes are simple numbers so the expected dumps are easy to check by hand.
 */
inline engine::ClusterState smallCluster()
{
    using namespace engine;
    ClusterState s;
    s.name = "small";
    s.nodes = {
        Node{.id = 1, .group = 0, .name = "coord", .port = 5432, .shouldHaveShards = false},
        Node{.id = 2, .group = 1, .name = "worker-1", .port = 5432},
        Node{.id = 3, .group = 2, .name = "worker-2", .port = 5433, .shouldHaveShards = false},
    };
    s.colocationGroups = {
        ColocationGroup{.id = 1, .shardCount = 2, .columnType = ColumnType::Int8},
        ColocationGroup{.id = 2, .shardCount = 1, .replicationFactor = 3},
        ColocationGroup{.id = 3, .shardCount = 1},
    };
    s.tables = {
        Table{.oid = 16400,
              .name = "users",
              .distributionColumn = "user_id",
              .columnType = ColumnType::Int8,
              .colocationId = 1},
        Table{.oid = 16401,
              .name = "events",
              .distributionColumn = "user_id",
              .columnType = ColumnType::Int8,
              .colocationId = 1},
        Table{.oid = 16402,
              .name = "countries",
              .kind = TableKind::Reference,
              .distributionColumn = {},
              .colocationId = 2,
              .replicationModel = 't'},
        Table{.oid = 16403,
              .schema = "app",
              .name = "settings",
              .kind = TableKind::SingleShard,
              .distributionColumn = {},
              .colocationId = 3},
        Table{.oid = 16404,
              .name = "staging",
              .kind = TableKind::Plain,
              .distributionColumn = {},
              .plainBytes = 4096,
              .plainRows = 10},
    };
    s.shards = {
        Shard{.id = 102008, .table = 16400, .minValue = INT32_MIN, .maxValue = -1, .hasRange = true},
        Shard{.id = 102009, .table = 16400, .minValue = 0, .maxValue = INT32_MAX, .hasRange = true},
        Shard{.id = 102010, .table = 16401, .minValue = INT32_MIN, .maxValue = -1, .hasRange = true},
        Shard{.id = 102011, .table = 16401, .minValue = 0, .maxValue = INT32_MAX, .hasRange = true},
        Shard{.id = 102012, .table = 16402},
        Shard{.id = 102013, .table = 16403},
    };
    s.placements = {
        Placement{.id = 1, .shard = 102008, .bytes = 1024, .rows = 10, .group = 1},
        Placement{.id = 2, .shard = 102009, .bytes = 2048, .rows = 20, .group = 2},
        Placement{.id = 3, .shard = 102010, .bytes = 1048576, .rows = 1000, .group = 1},
        Placement{.id = 4, .shard = 102011, .bytes = 8192, .rows = 80, .group = 2},
        Placement{.id = 5, .shard = 102012, .bytes = 512, .rows = 5, .group = 0},
        Placement{.id = 6, .shard = 102012, .bytes = 512, .rows = 5, .group = 1},
        Placement{.id = 7, .shard = 102012, .bytes = 512, .rows = 5, .group = 2},
        Placement{.id = 8, .shard = 102013, .bytes = 0, .rows = 0, .group = 1},
    };
    return s;
}

inline ClusterSnapshot snapshotOf(engine::ClusterState state, quint64 generation = 1)
{
    ClusterSnapshot snapshot;
    snapshot.state = std::make_shared<const engine::ClusterState>(std::move(state));
    snapshot.sourceName = QStringLiteral("test");
    snapshot.generation = generation;
    return snapshot;
}

} // namespace shardscope::test
