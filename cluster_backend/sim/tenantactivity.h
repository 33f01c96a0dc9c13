// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/clusterindex.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace shardscope::sim {

/** A tenant's traffic, shaped as a row of citus_stat_tenants: current and previous period. */
struct TenantActivity
{
    std::int64_t colocationId = 0;
    std::string tenant; ///< the distribution column value as text
    std::int64_t nodeId = 0;
    std::int64_t readsThisPeriod = 0;
    std::int64_t readsLastPeriod = 0;
    std::int64_t queriesThisPeriod = 0;
    std::int64_t queriesLastPeriod = 0;
    double cpuSecondsThisPeriod = 0.0;
    double cpuSecondsLastPeriod = 0.0;

    bool operator==(const TenantActivity&) const = default;
};

/** Where a tenant's rows live: the shard of the group's first table that holds the value, and its node. */
struct TenantLocation
{
    engine::ShardId shard = 0;
    engine::NodeId node = 0; ///< 0 when the shard has no placement on a known node
};

/**
 * Routes a tenant value to its shard through the colocation group's distribution column type and the shard
 * ranges of the group's first hash-distributed table, as Citus does. Fails for an unknown group, a group
 * without distribution column or a value that does not parse as the column's type.
 */
Result<TenantLocation> locateTenant(const engine::ClusterIndex& index, engine::ColocationId group,
                                    std::string_view tenant);

} // namespace shardscope::sim
