// SPDX-License-Identifier: MIT
#include "workloadsimulator.h"

#include <cmath>
#include <string_view>

namespace shardscope::sim {

namespace {

using stats::FanoutClass;

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t fnv1a(std::string_view text)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : text)
        hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return hash;
}

constexpr std::uint32_t kUserId = 10;  // the application's role
constexpr std::uint32_t kDbId = 16384; // the demo database

// Share of a tenant in the router traffic: user_id 1 is hot, the rest fall off slowly.
double tenantWeight(int tenant)
{
    return tenant == 1 ? 8.0 : 1.0 / std::pow(static_cast<double>(tenant - 1), 0.6);
}

} // namespace

WorkloadSimulator::WorkloadSimulator(std::uint64_t seed) : m_seed(seed) {}

const std::vector<WorkloadStatement>& WorkloadSimulator::statements()
{
    // Normalized as pg_stat_statements prints them ($n for constants), against the demo schema.
    static const std::vector<WorkloadStatement> all = {
        {"SELECT * FROM users WHERE user_id = $1", FanoutClass::Router, "adaptive", 420, 0.42, true},
        {"SELECT event_type, count(*) FROM events WHERE user_id = $1 GROUP BY event_type", FanoutClass::Router,
         "adaptive", 260, 3.1, true},
        {"INSERT INTO events (user_id, event_type, payload) VALUES ($1, $2, $3)", FanoutClass::Router, "adaptive", 900,
         0.65, true},
        {"UPDATE users SET last_seen = now() WHERE user_id = $1", FanoutClass::Router, "adaptive", 140, 0.8, true},
        {"SELECT u.name, e.event_type, e.created_at FROM users u JOIN events e ON u.user_id = e.user_id WHERE "
         "u.user_id = $1 ORDER BY e.created_at DESC LIMIT $2",
         FanoutClass::Router, "adaptive", 95, 4.6, true},
        {"SELECT value FROM app_settings WHERE name = $1", FanoutClass::Router, "adaptive", 30, 0.3, false},
        {"SELECT count(*) FROM events WHERE created_at > $1", FanoutClass::MultiShard, "adaptive", 6, 310, false},
        {"SELECT event_type, count(*) FROM events GROUP BY event_type", FanoutClass::MultiShard, "adaptive", 2, 820,
         false},
        {"SELECT site_id, count(*) FROM page_views WHERE viewed_at >= $1 GROUP BY site_id", FanoutClass::MultiShard,
         "adaptive", 3, 240, false},
        {"SELECT * FROM events WHERE user_id IN ($1, $2, $3)", FanoutClass::MultiShard, "adaptive", 12, 7.5, false},
        {"SELECT c.name, count(*) FROM users u JOIN countries c ON u.country_code = c.code GROUP BY c.name",
         FanoutClass::MultiShard, "adaptive", 1.5, 140, false},
        {"SELECT sum(o.amount) FROM orders o JOIN products p ON o.product_id = p.product_id WHERE p.category = $1",
         FanoutClass::MultiShard, "adaptive", 2.5, 95, false},
        {"SELECT name, code FROM countries WHERE code = $1", FanoutClass::Reference, "adaptive", 75, 0.2, false},
        {"SELECT p.name, p.price FROM products p WHERE p.product_id = $1", FanoutClass::Reference, "adaptive", 180,
         0.25, false},
        {"INSERT INTO events (user_id, event_type, created_at) SELECT user_id, $1, now() FROM users WHERE "
         "last_seen < $2",
         FanoutClass::MultiShard, "adaptive", 0.2, 1900, false}, // colocated on user_id: pushed down
        {"INSERT INTO page_views (site_id, visitor_id, viewed_at) SELECT $1, user_id, now() FROM events WHERE "
         "event_type = $2",
         FanoutClass::Repartition, "insert-select", 0.1, 2600, false}, // site_id from a constant: repartitioned
        {"SELECT p.site_id, count(*) FROM page_views p JOIN events e ON p.visitor_id = e.user_id GROUP BY "
         "p.site_id",
         FanoutClass::Repartition, "adaptive", 0.3, 4200, false},
        {"WITH recent AS (SELECT user_id FROM events WHERE created_at > $1) SELECT count(DISTINCT user_id) FROM "
         "recent",
         FanoutClass::Unknown, "adaptive", 0.8, 380, false},
        {"SELECT count(*) FROM pg_stat_activity", FanoutClass::Unknown, "adaptive", 1, 0.9, false, false},
    };
    return all;
}

double WorkloadSimulator::unit(std::uint64_t a, std::uint64_t b, std::uint64_t c) const
{
    const std::uint64_t h = splitmix(splitmix(splitmix(m_seed ^ a) ^ b) ^ c);
    return static_cast<double>(h >> 11) * 0x1.0p-53;
}

std::int64_t WorkloadSimulator::callsAt(std::size_t statement, std::int64_t tick) const
{
    if (tick <= 0)
        return 0;
    // rate * tick plus a jitter smaller than one tick's calls: cumulative, never decreasing.
    const double rate = statements()[statement].callsPerTick * (0.8 + 0.4 * unit(1, statement, 0));
    const double jitter = 0.3 * rate * unit(2, statement, static_cast<std::uint64_t>(tick));
    return static_cast<std::int64_t>(std::floor(rate * static_cast<double>(tick) + jitter));
}

stats::StatementStatsInput WorkloadSimulator::statsAt(std::int64_t tick) const
{
    stats::StatementStatsInput input;
    input.simulated = true;
    input.notice = "simulated workload of the embedded demo cluster";
    double weights = 0;
    for (int tenant = 1; tenant <= kTenants; ++tenant)
        weights += tenantWeight(tenant);

    const auto& all = statements();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const WorkloadStatement& statement = all[i];
        const auto queryId = static_cast<std::int64_t>(splitmix(fnv1a(statement.query)));
        std::int64_t calls = 0;
        if (statement.tenantKeyed) {
            // One citus_stat_statements row per key value; a tenant's share varies a little per statement.
            const std::int64_t total = callsAt(i, tick);
            for (int tenant = 1; tenant <= kTenants; ++tenant) {
                const double share =
                    tenantWeight(tenant) * (0.85 + 0.3 * unit(3, i, static_cast<std::uint64_t>(tenant)));
                const auto keyCalls =
                    static_cast<std::int64_t>(std::floor(static_cast<double>(total) * share / weights));
                if (keyCalls == 0)
                    continue;
                calls += keyCalls;
                input.citus.push_back(stats::CitusStatRow{queryId, kUserId, kDbId, statement.query, statement.executor,
                                                          std::to_string(tenant), keyCalls});
            }
        } else {
            calls = callsAt(i, tick);
            if (statement.citusTracked && calls > 0)
                input.citus.push_back(stats::CitusStatRow{queryId, kUserId, kDbId, statement.query, statement.executor,
                                                          std::nullopt, calls});
        }
        if (calls == 0)
            continue;
        const double mean = statement.meanMs * (0.9 + 0.2 * unit(4, i, 0));
        input.pgss.push_back(
            stats::PgStatRow{queryId, kUserId, kDbId, statement.query, calls, mean * static_cast<double>(calls)});
    }
    return input;
}

} // namespace shardscope::sim
