// SPDX-License-Identifier: MIT
#pragma once

#include "engine/distributionadvice.h"
#include "engine/operationrequest.h"

#include <optional>
#include <vector>

namespace shardscope::sim {

/**
 * Local tables of the demo that are not distributed yet, with their columns, keys and a deterministic sample
 * of values per column (what pg_stats would offer on a live cluster), for the distribution wizard:
 * customers (a clean case), invoices (a foreign key to the distributed users table) and audit_log (a primary
 * key without its tenant column, NULLs in it).
 */
std::vector<engine::PlainTableInfo> demoPlainTables();

/** The CREATE TABLE requests that add the demo's local tables to a cluster (sizes included). */
std::vector<engine::CreatePlainTable> demoPlainTableRequests();

/** The demo's description of a local table; empty when the demo has none of that name. */
std::optional<engine::PlainTableInfo> demoPlainTable(const std::string& schema, const std::string& name);

} // namespace shardscope::sim
