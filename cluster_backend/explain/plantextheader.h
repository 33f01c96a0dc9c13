// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "explain/plannode.h"

#include <string_view>

namespace shardscope::explain {

/**
 * Fills a node from one text-format node line ("Hash Left Join  (cost=...) (actual time=...)"): node type and
 * the JSON fields the name encodes (join type, aggregate strategy, relation, index, alias), costs and actuals.
 * Returns an error message (empty on success).
 */
std::string parseTextNodeLine(std::string_view line, PlanNode& node);

/** "shared hit=80 read=3, temp written=2" into counters; false when a figure is not a number. */
bool parseTextBuffers(std::string_view value, PlanBuffers& buffers);
/** "records=1 fpi=0 bytes=60" into counters; false when a figure is not a number. */
bool parseTextWal(std::string_view value, PlanWal& wal);

} // namespace shardscope::explain
