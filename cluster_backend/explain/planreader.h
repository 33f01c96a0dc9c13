// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "explain/plannode.h"

#include <string_view>

namespace shardscope::explain {

/** Largest plan file accepted (a 10,000-task plan is about 50 MB). */
inline constexpr std::size_t kMaxPlanBytes = 512u * 1024u * 1024u;

/**
 * Reads a plan as a user has it: EXPLAIN's JSON or text, bare or as psql prints it (the "QUERY PLAN" header,
 * the dashed rule, the leading space, "+" line continuations and the "(N rows)" footer), optionally preceded
 * by "-- ..." SQL comment lines. A psql "ERROR:" instead of a plan, binary data and every defect give an Error.
 */
Result<ExplainPlan> parsePlan(std::string_view data);

} // namespace shardscope::explain
