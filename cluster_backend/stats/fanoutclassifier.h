// SPDX-License-Identifier: MIT
#pragma once

#include "fanout.h"
#include "statementshape.h"
#include "tablecatalog.h"

#include <string_view>

namespace shardscope::stats {

/**
 * The fan-out of one execution of a statement, from its shape and the cluster's tables, following Citus's
 * router and pruning rules (reference §8.1): equality (=, IN, = ANY) on the distribution column prunes to
 * that many shards; colocated tables joined on their distribution columns prune together; reference tables
 * go anywhere; distributed tables of different colocation groups, or not joined on the distribution column,
 * need repartitioning. What the shape cannot decide is Unknown with the reason.
 */
Fanout classifyFanout(const StatementShape& shape, const TableCatalog& catalog);
/** Parses and classifies; a statement that does not parse is Unknown with the parser's message. */
Fanout classifyStatement(std::string_view sql, const TableCatalog& catalog);

} // namespace shardscope::stats
