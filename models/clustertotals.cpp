// SPDX-License-Identifier: MIT
#include "clustertotals.h"

namespace shardscope {

ClusterTotals ClusterTotals::compute(const engine::ClusterState& state)
{
    ClusterTotals totals;
    std::unordered_map<engine::TableOid, const engine::Table*> tables;
    for (const auto& table : state.tables) {
        tables.emplace(table.oid, &table);
        Totals& t = totals.byTable[table.oid];
        if (table.kind == engine::TableKind::Plain) {
            t.bytes = table.plainBytes;
            t.rows = table.plainRows;
        }
    }
    std::unordered_map<engine::ShardId, engine::TableOid> shardTable;
    shardTable.reserve(state.shards.size());
    for (const auto& shard : state.shards) {
        shardTable.emplace(shard.id, shard.table);
        ++totals.byTable[shard.table].shards;
    }
    for (const auto& placement : state.placements) {
        Totals& node = totals.byNodeGroup[placement.group];
        ++node.placements;
        node.bytes += placement.bytes;
        node.rows += placement.rows;
        const auto it = shardTable.find(placement.shard);
        if (it == shardTable.end()) {
            continue;
        }
        Totals& table = totals.byTable[it->second];
        ++table.placements;
        table.bytes += placement.bytes;
        table.rows += placement.rows;
        totals.cluster.placements++;
        totals.cluster.bytes += placement.bytes;
        totals.cluster.rows += placement.rows;
    }
    totals.cluster.shards = std::int64_t(state.shards.size());
    for (const auto& [oid, t] : totals.byTable) {
        const engine::Table* table = tables.count(oid) ? tables.at(oid) : nullptr;
        if (table == nullptr || table->colocationId == 0) {
            continue;
        }
        Totals& group = totals.byColocation[table->colocationId];
        group.shards = std::max(group.shards, t.shards); // shard groups: every table of a group has the same count
        group.placements += t.placements;
        group.bytes += t.bytes;
        group.rows += t.rows;
    }
    return totals;
}

} // namespace shardscope
