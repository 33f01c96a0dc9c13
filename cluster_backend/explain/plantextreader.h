// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "explain/plannode.h"

#include <string_view>

namespace shardscope::explain {

/** Deepest node nesting accepted in a text plan. */
inline constexpr std::size_t kMaxPlanTextDepth = 400;

/**
 * Parses EXPLAIN's text format (psql's framing already removed, see parsePlan()): the indentation tree with
 * "->" arrows, "(cost=... rows=... width=...)" and "(actual time=... rows=... loops=...)", "Key: value"
 * detail lines, InitPlan/SubPlan labels, and Citus's "Task Count:", "Tasks Shown:", "->  Task",
 * "Node: host=... port=...", "->  MapMergeJob" and "->  Distributed Subplan" blocks. Worker plans become
 * the tasks' remote plans, so the result has the same shape as the JSON form of the same plan.
 */
Result<ExplainPlan> parsePlanText(std::string_view text);

} // namespace shardscope::explain
