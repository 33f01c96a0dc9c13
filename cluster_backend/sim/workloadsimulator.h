// SPDX-License-Identifier: MIT
#pragma once

#include "stats/statementreport.h"
#include "workloadstatement.h"

#include <cstdint>
#include <vector>

namespace shardscope::sim {

/**
 * Statement statistics for the embedded demo cluster (makeDemoCluster): what citus_stat_statements and
 * pg_stat_statements would show after a web application ran `tick` minutes against it. Router queries by
 * user_id (user_id 1 is the hot tenant), multi-shard aggregates, reference lookups and joins, an
 * INSERT ... SELECT, a repartition join and a local query. Counters are cumulative and never decrease as
 * the tick advances; the same seed and tick always give the same rows. Marked simulated.
 */
class WorkloadSimulator
{
public:
    static constexpr std::uint64_t kDefaultSeed = 0x5eed2026;
    /** Minutes of history the first snapshot already shows. */
    static constexpr std::int64_t kStartTick = 720;

    explicit WorkloadSimulator(std::uint64_t seed = kDefaultSeed);

    /** The statements of the workload, each with the fan-out class it is meant to have. */
    static const std::vector<WorkloadStatement>& statements();
    /** Tenants (user_id 1..kTenants) the router statements are spread over. */
    static constexpr int kTenants = 40;

    stats::StatementStatsInput statsAt(std::int64_t tick) const;
    std::uint64_t seed() const { return m_seed; }

private:
    double unit(std::uint64_t a, std::uint64_t b, std::uint64_t c) const; // deterministic in [0, 1)
    std::int64_t callsAt(std::size_t statement, std::int64_t tick) const;

    std::uint64_t m_seed;
};

} // namespace shardscope::sim
