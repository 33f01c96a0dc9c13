// SPDX-License-Identifier: MIT
#pragma once

#include "explain/plannode.h"

#include <string>

namespace shardscope::explain {

/** How EXPLAIN's text format names a node ("Hash Left Join", "Partial HashAggregate", "Insert on t"). */
std::string textNodeName(const PlanNode& node);

/** Writes a plan in EXPLAIN's text format, Citus tasks and worker plans included (for reading, not parsing). */
std::string writePlanText(const ExplainPlan& plan);

} // namespace shardscope::explain
