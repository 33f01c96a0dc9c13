// SPDX-License-Identifier: MIT
#include "explain/plansummary.h"

#include "explain/plantextwriter.h"

namespace shardscope::explain {

PlanSummary summarizePlan(const PlanAnalysis& analysis)
{
    PlanSummary s;
    s.distributed = analysis.distributed;
    if (const JobFigure* job = analysis.mainJob()) {
        s.taskCount = job->taskCount;
        s.tasksShown = job->tasksInPlan;
        s.tasksShownText = job->tasksShown;
    }
    s.workerNodes = analysis.workerNodes();
    s.planningTimeMs = analysis.planningTimeMs;
    s.executionTimeMs = analysis.executionTimeMs;
    if (analysis.slowestRow >= 0) {
        const PlanRow& row = analysis.rows[static_cast<std::size_t>(analysis.slowestRow)];
        s.slowestNodeType = row.node->nodeType;
        s.slowestNodeLabel = textNodeName(*row.node); // as the tree names it ("HashAggregate")
        s.slowestSelfTimeMs = row.selfTimeMs;
    }
    if (analysis.mostMisestimatedRow >= 0) {
        const PlanRow& row = analysis.rows[static_cast<std::size_t>(analysis.mostMisestimatedRow)];
        s.mostMisestimatedLabel = textNodeName(*row.node);
        s.worstMisestimate = row.misestimate;
    }
    s.sampled = analysis.sampled();
    return s;
}

} // namespace shardscope::explain
