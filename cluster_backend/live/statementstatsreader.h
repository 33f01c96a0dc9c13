// SPDX-License-Identifier: MIT
#pragma once

#include "pgsession.h"
#include "stats/statementreport.h"

#include <string>

namespace shardscope::live {

/**
 * Reads pg_stat_statements and, on a Citus coordinator, citus_stat_statements through an open session (blocking:
 * worker threads and shardscope-cli only). Without pg_stat_statements it fails with a hint to load it; without
 * citus_stat_statements (plain PostgreSQL) it returns the pg_stat_statements rows with citusAvailable false and
 * a notice saying so (limited mode).
 */
Result<stats::StatementStatsInput> readStatementStats(PgSession& session);
/** Connects with the conninfo and reads as readStatementStats(). */
Result<stats::StatementStatsInput> loadStatementStats(const std::string& conninfo);

} // namespace shardscope::live
