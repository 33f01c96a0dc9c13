// SPDX-License-Identifier: MIT
#pragma once

#include "engine/distributionadvice.h"
#include "pgsession.h"

namespace shardscope::live {

/**
 * Reads what the distribution advice needs about a plain table from the server: its columns and types,
 * pg_stats (n_distinct, null_frac, most common values and their frequencies; empty when the table was never
 * analyzed), the estimated row count, PRIMARY KEY / UNIQUE indexes and the foreign keys from and to it.
 * Runs on the caller's session, meant for a side connection's worker thread, never the GUI thread.
 */
Result<engine::PlainTableInfo> readPlainTableInfo(PgSession& session, const std::string& schema,
                                                  const std::string& table);

} // namespace shardscope::live
