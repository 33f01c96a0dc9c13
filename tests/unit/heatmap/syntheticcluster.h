// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"

#include <cstdint>

namespace shardscope::test {

/**
 * A cluster built by hand for heatmap tests and benchmarks: a coordinator (shouldhaveshards=false) and
 * `workers` workers; colocation group 1 holds `tables` hash tables of `shardGroups` uniform shards each,
 * placed round-robin over the workers (shard group k on worker k % workers), bytes growing with k; one
 * reference table on every node. Shards are created in reverse hash order so tests see the sort. replicas > 1
 * also places group k on the next workers (a dense matrix for benchmarks).
 */
inline engine::ClusterState makeSyntheticCluster(int workers, int shardGroups, int tables = 2, int replicas = 1)
{
    using namespace engine;
    ClusterState s;
    s.name = "synthetic";
    Node coordinator;
    coordinator.id = 1;
    coordinator.group = 0;
    coordinator.name = "coordinator";
    coordinator.shouldHaveShards = false;
    s.nodes.push_back(coordinator);
    for (int w = 0; w < workers; ++w) {
        Node n;
        n.id = w + 2;
        n.group = w + 1;
        n.name = "worker-" + std::to_string(w + 1);
        s.nodes.push_back(n);
    }
    s.colocationGroups.push_back({1, shardGroups, 1, ColumnType::Int8, 0});
    s.colocationGroups.push_back({2, 1, -1, ColumnType::None, 0});
    ShardId nextShard = 102008;
    PlacementId nextPlacement = 1;
    const std::int64_t step = (std::int64_t(1) << 32) / shardGroups;
    for (int t = 0; t < tables; ++t) {
        Table table;
        table.oid = TableOid(16400 + t);
        table.name = "t" + std::to_string(t);
        table.distributionColumn = "id";
        table.columnType = ColumnType::Int8;
        table.colocationId = 1;
        s.tables.push_back(table);
        for (int k = shardGroups - 1; k >= 0; --k) {
            Shard shard;
            shard.id = nextShard++;
            shard.table = table.oid;
            shard.hasRange = true;
            shard.minValue = std::int32_t(INT32_MIN + k * step);
            shard.maxValue = k == shardGroups - 1 ? INT32_MAX : std::int32_t(INT32_MIN + (k + 1) * step - 1);
            s.shards.push_back(shard);
            for (int r = 0; r < replicas; ++r) {
                const auto group = GroupId((k + r) % workers + 1);
                s.placements.push_back({nextPlacement++, shard.id, 1000 * (k + 1) * (t + 1), 10 * (k + 1), group});
            }
        }
    }
    Table ref;
    ref.oid = 16500;
    ref.name = "countries";
    ref.kind = TableKind::Reference;
    ref.colocationId = 2;
    ref.replicationModel = 't';
    s.tables.push_back(ref);
    Shard refShard;
    refShard.id = nextShard++;
    refShard.table = ref.oid;
    s.shards.push_back(refShard);
    for (const Node& n : s.nodes)
        s.placements.push_back({nextPlacement++, refShard.id, 8192, 5, n.group});
    return s;
}

} // namespace shardscope::test
