// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace shardscope::explain {

/** The options of the EXPLAIN page. */
struct ExplainOptions
{
    bool analyze = false;
    bool verbose = false;
    bool buffers = false;
    bool settings = false;
    bool wal = false;      ///< needs ANALYZE (PostgreSQL refuses WAL without it)
    bool allTasks = false; ///< SET LOCAL citus.explain_all_tasks = on
};

/** What will be sent to run an EXPLAIN, shown to the user before it runs. */
struct ExplainScript
{
    std::string text;        ///< the statements, in order
    bool rolledBack = false; ///< ANALYZE of a data-changing statement: run inside a transaction rolled back
};

/** Whether a statement changes data (INSERT, UPDATE, DELETE, MERGE, also inside WITH, or SELECT ... INTO). */
bool changesData(const std::string& sql);

/**
 * The EXPLAIN (..., FORMAT JSON) script for a statement. ANALYZE of a data-changing statement, and the
 * citus.explain_all_tasks setting, go in a transaction (BEGIN ... ROLLBACK) so nothing stays changed.
 */
ExplainScript buildExplainScript(const std::string& sql, const ExplainOptions& options);

} // namespace shardscope::explain
