// SPDX-License-Identifier: MIT
#include "tenantactivity.h"

#include "engine/shardrouter.h"

namespace shardscope::sim {

Result<TenantLocation> locateTenant(const engine::ClusterIndex& index, engine::ColocationId group,
                                    std::string_view tenant)
{
    const auto tables = index.tablesOfColocationGroup(group);
    const engine::Table* anchor = nullptr;
    for (const engine::TableOid oid : tables) {
        const engine::Table* table = index.tableByOid(oid);
        if (table && table->kind == engine::TableKind::HashDistributed) {
            anchor = table;
            break;
        }
    }
    if (!anchor)
        return Error::make("colocation group " + std::to_string(group) + " has no hash-distributed table",
                           "shardscope.tenant_unroutable");
    const engine::ClusterState& state = index.state();
    std::vector<engine::HashRange> ranges;
    std::vector<engine::ShardId> ids;
    for (const std::size_t position : index.shardsOfTable(anchor->oid)) {
        const engine::Shard& shard = state.shards[position];
        if (!shard.hasRange)
            continue;
        ranges.push_back({shard.minValue, shard.maxValue});
        ids.push_back(shard.id);
    }
    if (ranges.empty())
        return Error::make("table " + anchor->name + " has no shards", "shardscope.tenant_unroutable");
    const engine::ShardRouter router(std::move(ranges));
    auto route = router.route(anchor->columnType, tenant);
    if (!route)
        return route.error();
    if (route->shardIndex < 0)
        return Error::make("no shard of " + anchor->name + " holds '" + std::string(tenant) + "'",
                           "shardscope.tenant_unroutable");
    TenantLocation location;
    location.shard = ids[std::size_t(route->shardIndex)];
    for (const std::size_t placement : index.placementsOfShard(location.shard)) {
        if (const engine::Node* node = index.nodeByGroup(state.placements[placement].group)) {
            location.node = node->id;
            break;
        }
    }
    return location;
}

} // namespace shardscope::sim
