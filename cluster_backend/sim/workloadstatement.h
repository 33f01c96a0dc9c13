// SPDX-License-Identifier: MIT
#pragma once

#include "stats/fanout.h"

#include <string>

namespace shardscope::sim {

/** One statement of the simulated workload, normalized as pg_stat_statements shows it. */
struct WorkloadStatement
{
    std::string query;
    stats::FanoutClass claimed = stats::FanoutClass::Unknown; ///< what the fan-out classifier must say
    std::string executor = "adaptive";                        ///< citus_stat_statements' executor
    double callsPerTick = 0;                                  ///< average calls per simulated minute
    double meanMs = 0;                                        ///< average execution time
    bool tenantKeyed = false; ///< router by user_id: one citus_stat_statements row per key value
    bool citusTracked = true; ///< false: only pg_stat_statements has it (a local query)
};

} // namespace shardscope::sim
