// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "explain/plannode.h"

#include <string_view>

namespace shardscope::explain {

/** Deepest JSON nesting accepted; deeper documents are refused instead of exhausting the stack. */
inline constexpr std::size_t kMaxPlanJsonDepth = 1024;

/**
 * Parses EXPLAIN (FORMAT JSON) output: the array PostgreSQL prints, a single statement object, or pgAdmin's
 * [{"QUERY PLAN": [...]}] wrapping. Citus's distributed parts (Distributed Query, Job, Tasks with their doubly
 * nested Remote Plan, Dependent Jobs, Subplans, Select Query) become typed values. Syntax errors, wrong types and
 * absurd nesting give an Error naming the place.
 */
Result<ExplainPlan> parsePlanJson(std::string_view json);

/** Where a JSON member sits, for isModelledPlanKey(). */
enum class PlanKeyContext : std::uint8_t
{
    Statement,
    Node,
    Task,
    DependentJob,
    Subplan,
};

/**
 * Whether the JSON reader gives key a typed meaning in that context ("Plan Rows" on a node, "Remote Plan" on a
 * task). The text reader renames detail lines that would collide, so every plan writes back unambiguously.
 */
bool isModelledPlanKey(PlanKeyContext context, std::string_view key);

} // namespace shardscope::explain
