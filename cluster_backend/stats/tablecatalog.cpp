// SPDX-License-Identifier: MIT
#include "tablecatalog.h"

#include <set>
#include <unordered_map>

namespace shardscope::stats {

TableCatalog TableCatalog::fromClusterState(const engine::ClusterState& state)
{
    std::unordered_map<engine::ShardId, engine::TableOid> tableOfShard;
    std::unordered_map<engine::TableOid, int> shardCount;
    for (const engine::Shard& shard : state.shards) {
        tableOfShard.emplace(shard.id, shard.table);
        ++shardCount[shard.table];
    }
    std::unordered_map<engine::TableOid, std::set<engine::GroupId>> groups;
    for (const engine::Placement& placement : state.placements) {
        if (const auto it = tableOfShard.find(placement.shard); it != tableOfShard.end())
            groups[it->second].insert(placement.group);
    }
    TableCatalog catalog;
    for (const engine::Table& table : state.tables) {
        const auto shards = shardCount.find(table.oid);
        const auto nodes = groups.find(table.oid);
        catalog.add(CatalogTable{table.schema, table.name, table.kind, table.distributionColumn, table.colocationId,
                                 shards == shardCount.end() ? 0 : shards->second,
                                 nodes == groups.end() ? 0 : static_cast<int>(nodes->second.size())});
    }
    return catalog;
}

void TableCatalog::add(CatalogTable table)
{
    m_tables.push_back(std::move(table));
}

const CatalogTable* TableCatalog::find(std::string_view schema, std::string_view name) const
{
    const CatalogTable* match = nullptr;
    for (const CatalogTable& table : m_tables) {
        if (table.name != name)
            continue;
        if (!schema.empty()) {
            if (table.schema == schema)
                return &table;
        } else if (table.schema == "public") {
            return &table;
        } else if (match == nullptr) {
            match = &table;
        }
    }
    return match;
}

} // namespace shardscope::stats
