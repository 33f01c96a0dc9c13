// SPDX-License-Identifier: MIT
#pragma once

#include "tenantactivity.h"

#include <cstdint>
#include <vector>

namespace shardscope::sim {

/**
 * Tenant traffic for the embedded demo cluster, shaped as citus_stat_tenants would show it a minute (one
 * period) into `tick`: users and events by user_id (user_id 1 is the hot tenant, as in the statement
 * workload), page_views by site_id, orders by customer_id. Each tenant's node is the node of the shard its
 * value routes to in the given state, so moving that shard moves the tenant. The same seed, state and tick
 * always give the same rows; groups whose demo table is gone are left out. Marked simulated by the caller.
 */
class TenantActivitySimulator
{
public:
    static constexpr std::uint64_t kDefaultSeed = 0x7e4a47;

    explicit TenantActivitySimulator(std::uint64_t seed = kDefaultSeed);

    /** Busiest first (queries in both periods), at most citus.stat_tenants_limit's default of 100 rows. */
    std::vector<TenantActivity> activityAt(const engine::ClusterState& state, std::int64_t tick) const;

private:
    double unit(std::uint64_t a, std::uint64_t b, std::uint64_t c) const; // deterministic in [0, 1)

    std::uint64_t m_seed;
};

} // namespace shardscope::sim
