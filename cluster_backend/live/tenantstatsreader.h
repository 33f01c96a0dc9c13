// SPDX-License-Identifier: MIT
#pragma once

#include "pgsession.h"
#include "queryresult.h"

#include <cstdint>
#include <string>
#include <vector>

namespace shardscope::live {

/** One row of citus_stat_tenants (Citus 11.3+): a tenant's traffic in the current and the previous period. */
struct TenantStatRow
{
    std::int64_t nodeId = 0; ///< the node whose shard holds the tenant
    std::int64_t colocationId = 0;
    std::string tenant; ///< tenant_attribute: the distribution column value as text
    std::int64_t readsThisPeriod = 0;
    std::int64_t readsLastPeriod = 0;
    std::int64_t queriesThisPeriod = 0;
    std::int64_t queriesLastPeriod = 0;
    double cpuSecondsThisPeriod = 0.0;
    double cpuSecondsLastPeriod = 0.0;

    bool operator==(const TenantStatRow&) const = default;
};

/** What a coordinator tells about its tenants. available is false when it cannot tell; notice says why. */
struct TenantStats
{
    std::vector<TenantStatRow> rows;
    bool available = true;
    std::string notice;
    int periodSeconds = 0; ///< citus.stat_tenants_period, 0 when unknown
};

/** The columns the reader selects, in order (also the header of the test fixture). */
const std::vector<std::string>& tenantStatColumns();

/** Turns rows of citus_stat_tenants (text format, columns by name) into values; bad numbers are an error. */
Result<std::vector<TenantStatRow>> parseTenantStatRows(const QueryResult& result);

/**
 * Reads citus_stat_tenants through an open session (blocking: worker threads and shardscope-cli only). Without
 * the view (plain PostgreSQL, Citus before 11.3) or with citus.stat_tenants_track = 'none' the answer is not
 * available, with a notice that says what to change.
 */
Result<TenantStats> readTenantStats(PgSession& session);
/** Connects with the conninfo and reads as readTenantStats(). */
Result<TenantStats> loadTenantStats(const std::string& conninfo);

} // namespace shardscope::live
