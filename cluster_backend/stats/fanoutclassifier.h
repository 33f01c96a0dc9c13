// SPDX-License-Identifier: MIT
#pragma once

#include "fanout.h"
#include "statementshape.h"
#include "tablecatalog.h"

#include <string>
#include <string_view>
#include <vector>

namespace shardscope::stats {

/** What citus_stat_statements recorded about a statement's executions (empty: nothing known). */
struct ExecutionEvidence
{
    std::vector<std::string> executors; ///< "adaptive" (router, multi-shard, pushdown), "insert-select"
    bool everyCallKeyed = false;        ///< every Citus execution was a router one naming one key value
};

/**
 * The fan-out of one execution of a statement, from its shape and the cluster's tables, following Citus's
 * router and pruning rules (reference §8.1): equality (=, IN, = ANY) on the distribution column prunes to
 * that many shards; colocated tables joined on their distribution columns prune together; reference tables
 * go anywhere; distributed tables of different colocation groups, or not joined on the distribution column,
 * need repartitioning. INSERT ... SELECT is pushed down, repartitioned or pulled through the coordinator as
 * Citus plans it. What the shape cannot decide is Unknown with the reason.
 */
Fanout classifyFanout(const StatementShape& shape, const TableCatalog& catalog);
/**
 * As above, settling what the text alone cannot with what Citus recorded: the executor tells whether an
 * INSERT ... SELECT was pushed down, and executions that each named one key value were router executions.
 */
Fanout classifyFanout(const StatementShape& shape, const TableCatalog& catalog, const ExecutionEvidence& evidence);
/** Parses and classifies; a statement that does not parse is Unknown with the parser's message. */
Fanout classifyStatement(std::string_view sql, const TableCatalog& catalog);
Fanout classifyStatement(std::string_view sql, const TableCatalog& catalog, const ExecutionEvidence& evidence);

} // namespace shardscope::stats
