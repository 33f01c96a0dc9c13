// SPDX-License-Identifier: MIT
#pragma once

#include "explain/plananalysis.h"

#include <optional>
#include <string>
#include <vector>

namespace shardscope::explain {

/** The headline figures of a plan (what `shardscope-cli explain` prints). */
struct PlanSummary
{
    bool distributed = false;
    std::optional<std::int64_t> taskCount;  ///< the main job's Task Count
    std::optional<std::int64_t> tasksShown; ///< how many of the main job's tasks the plan holds
    std::string tasksShownText;             ///< Citus's wording: "One of 32", "All", ...
    std::vector<std::string> workerNodes;   ///< distinct "host:port" of every task in the plan
    std::optional<double> planningTimeMs;
    std::optional<double> executionTimeMs;
    std::string slowestNodeType; ///< empty without ANALYZE
    std::string slowestNodeLabel;
    std::optional<double> slowestSelfTimeMs;
    std::string mostMisestimatedLabel;
    std::optional<double> worstMisestimate;
    bool sampled = false; ///< only some of the tasks were explained
};

PlanSummary summarizePlan(const PlanAnalysis& analysis);

} // namespace shardscope::explain
