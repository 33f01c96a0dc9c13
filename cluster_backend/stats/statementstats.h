// SPDX-License-Identifier: MIT
#pragma once

#include "fanout.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace shardscope::stats {

/** A row of citus_stat_statements: one per (query, executor, distribution key value). */
struct CitusStatRow
{
    std::int64_t queryId = 0;
    std::uint32_t userId = 0;
    std::uint32_t dbId = 0;
    std::string query;
    std::string executor;                    ///< "adaptive" or "insert-select"
    std::optional<std::string> partitionKey; ///< the key value of a router execution, else NULL
    std::int64_t calls = 0;
};

/** The pg_stat_statements columns ShardScope uses. */
struct PgStatRow
{
    std::int64_t queryId = 0;
    std::uint32_t userId = 0;
    std::uint32_t dbId = 0;
    std::string query;
    std::int64_t calls = 0;
    double totalTimeMs = 0;
    bool toplevel = true; ///< false: run inside another statement (a function, or the query of an EXPLAIN)
};

/** One normalized statement with its Citus and PostgreSQL figures combined. */
struct StatementFigures
{
    std::int64_t queryId = 0;
    std::uint32_t userId = 0;
    std::uint32_t dbId = 0;
    std::string query;
    std::vector<std::string> executors; ///< sorted, distinct
    std::int64_t calls = 0;             ///< pg_stat_statements calls when known, else the Citus calls
    std::int64_t citusCalls = 0;        ///< sum over the statement's citus_stat_statements rows
    std::int64_t keyedCalls = 0;        ///< calls whose router execution named one distribution key value
    int distinctKeys = 0;               ///< distinct key values seen (tenants)
    std::optional<double> totalTimeMs;  ///< from pg_stat_statements
    std::optional<double> meanTimeMs;
    Fanout fanout; ///< filled in by the caller (classifyStatement)
};

/**
 * Combines both views per (queryid, userid, dbid). citus_stat_statements has one row per key value, so its
 * calls are summed while pg_stat_statements figures are taken once per statement (a plain join of the two
 * views repeats them on every key row). Statements only in pg_stat_statements are kept (no Citus rows:
 * e.g. local queries), sorted by total time, then calls, descending. Top-level and nested rows of a statement
 * add up, and the text is the top-level one; the nested row of a plain EXPLAIN (the statement was planned,
 * not run) is not counted.
 */
std::vector<StatementFigures> aggregateStatements(std::span<const CitusStatRow> citus, std::span<const PgStatRow> pgss);

} // namespace shardscope::stats
