// SPDX-License-Identifier: MIT
#include "tenantactivitysimulator.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace shardscope::sim {

namespace {

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/** One tenant-keyed group of the demo schema and the traffic its tenants get per period. */
struct GroupProfile
{
    std::string_view table;
    int tenants;
    double queriesPerPeriod; ///< all tenants together
    double readShare;
    double cpuSecondsPerQuery;
    bool hotFirst; ///< tenant 1 is hot (user_id 1 in the demo)
};

constexpr GroupProfile kProfiles[] = {
    {"users", 40, 5200.0, 0.72, 0.00045, true},
    {"page_views", 12, 1800.0, 0.25, 0.0011, false},
    {"orders", 25, 900.0, 0.6, 0.0007, false},
};

constexpr std::size_t kLimit = 100;

double tenantWeight(const GroupProfile& profile, int tenant)
{
    if (profile.hotFirst && tenant == 1)
        return 8.0;
    return 1.0 / std::pow(static_cast<double>(profile.hotFirst ? tenant - 1 : tenant), 0.6);
}

} // namespace

TenantActivitySimulator::TenantActivitySimulator(std::uint64_t seed) : m_seed(seed) {}

double TenantActivitySimulator::unit(std::uint64_t a, std::uint64_t b, std::uint64_t c) const
{
    const std::uint64_t h = splitmix(splitmix(splitmix(m_seed ^ a) ^ b) ^ c);
    return static_cast<double>(h >> 11) * 0x1.0p-53;
}

std::vector<TenantActivity> TenantActivitySimulator::activityAt(const engine::ClusterState& state,
                                                                std::int64_t tick) const
{
    const engine::ClusterIndex index(state);
    std::vector<TenantActivity> rows;
    const auto period = static_cast<std::uint64_t>(std::max<std::int64_t>(tick, 1));
    // How far the current period has run: the view's "this period" columns grow through a period.
    const double elapsed = 0.15 + 0.8 * unit(9, period, 0);
    for (std::size_t g = 0; g < std::size(kProfiles); ++g) {
        const GroupProfile& profile = kProfiles[g];
        const engine::Table* table = index.tableByName("public", profile.table);
        if (!table || table->kind != engine::TableKind::HashDistributed)
            continue;
        double weights = 0;
        for (int tenant = 1; tenant <= profile.tenants; ++tenant)
            weights += tenantWeight(profile, tenant);
        for (int tenant = 1; tenant <= profile.tenants; ++tenant) {
            TenantActivity row;
            row.colocationId = table->colocationId;
            row.tenant = std::to_string(tenant);
            const auto location = locateTenant(index, table->colocationId, row.tenant);
            row.nodeId = location ? location->node : 0;
            const double share = tenantWeight(profile, tenant) / weights;
            const auto key = static_cast<std::uint64_t>(g * 1000 + std::size_t(tenant));
            const auto queries = [&](std::uint64_t p, double fraction) {
                const double jitter = 0.75 + 0.5 * unit(1, key, p);
                return static_cast<std::int64_t>(std::floor(profile.queriesPerPeriod * share * jitter * fraction));
            };
            row.queriesLastPeriod = queries(period - 1, 1.0);
            row.queriesThisPeriod = queries(period, elapsed);
            const double reads = profile.readShare * (0.9 + 0.2 * unit(2, key, 0));
            row.readsLastPeriod = static_cast<std::int64_t>(std::floor(double(row.queriesLastPeriod) * reads));
            row.readsThisPeriod = static_cast<std::int64_t>(std::floor(double(row.queriesThisPeriod) * reads));
            const double cost = profile.cpuSecondsPerQuery * (0.6 + 0.8 * unit(3, key, 0));
            row.cpuSecondsLastPeriod = double(row.queriesLastPeriod) * cost;
            row.cpuSecondsThisPeriod = double(row.queriesThisPeriod) * cost;
            if (row.queriesLastPeriod + row.queriesThisPeriod > 0)
                rows.push_back(std::move(row));
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const TenantActivity& a, const TenantActivity& b) {
        return a.queriesThisPeriod + a.queriesLastPeriod > b.queriesThisPeriod + b.queriesLastPeriod;
    });
    if (rows.size() > kLimit)
        rows.resize(kLimit);
    return rows;
}

} // namespace shardscope::sim
