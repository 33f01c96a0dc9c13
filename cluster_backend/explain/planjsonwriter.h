// SPDX-License-Identifier: MIT
#pragma once

#include "explain/plannode.h"

#include <string>

namespace shardscope::explain {

/**
 * Writes a plan as EXPLAIN (FORMAT JSON) would, Citus parts included, indented by two spaces (or compact when
 * indent is 0). parsePlanJson() of the result gives back an equal plan.
 */
std::string writePlanJson(const ExplainPlan& plan, int indent = 2);

} // namespace shardscope::explain
