// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace shardscope::explain {

/** The options of the EXPLAIN page. */
struct ExplainOptions
{
    bool analyze = false;
    bool verbose = false;
    bool buffers = false;
    bool settings = false;
    bool wal = false;              ///< needs ANALYZE (PostgreSQL refuses WAL without it)
    bool allTasks = false;         ///< SET LOCAL citus.explain_all_tasks = on
    bool repartitionJoins = false; ///< SET LOCAL citus.enable_repartition_joins = on
};

/** What will be sent to run an EXPLAIN, shown to the user before it runs. */
struct ExplainScript
{
    std::string text;         ///< the statements, in order
    bool rolledBack = false;  ///< ANALYZE of a data-changing statement: run inside a transaction rolled back
    bool transaction = false; ///< BEGIN ... ROLLBACK around the EXPLAIN (rolled back, or SET LOCAL settings)
    /** The same statements one by one, without the semicolons, as they are sent. */
    std::vector<std::string> statements;
    std::size_t explainIndex = 0; ///< which of statements is the EXPLAIN whose rows are the plan
};

/** Whether a statement changes data (INSERT, UPDATE, DELETE, MERGE, also inside WITH, or SELECT ... INTO). */
bool changesData(const std::string& sql);

/**
 * The EXPLAIN (..., FORMAT JSON) script for a statement. ANALYZE of a data-changing statement, and the
 * Citus settings (SET LOCAL), go in a transaction (BEGIN ... ROLLBACK) so nothing stays changed.
 */
ExplainScript buildExplainScript(const std::string& sql, const ExplainOptions& options);

} // namespace shardscope::explain
