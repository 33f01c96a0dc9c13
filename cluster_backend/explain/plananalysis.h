// SPDX-License-Identifier: MIT
#pragma once

#include "explain/plannode.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace shardscope::explain {

/** What a row of the combined coordinator + worker picture stands for. */
enum class PlanRowKind : std::uint8_t
{
    Node,         ///< a plan node (coordinator, worker, subplan or INSERT ... SELECT part)
    Task,         ///< a Citus task; its child is the worker's plan
    Subplan,      ///< a Citus distributed subplan; its child is the subplan's plan
    DependentJob, ///< a Citus repartition step (MapMergeJob)
};

/** One row of the plan picture, with the figures derived for it. */
struct PlanRow
{
    PlanRowKind kind = PlanRowKind::Node;
    const PlanNode* node = nullptr;                  ///< Node
    const ExplainStatement* statement = nullptr;     ///< Node rows that are a statement's root
    const CitusTask* task = nullptr;                 ///< Task
    const CitusSubplan* subplan = nullptr;           ///< Subplan
    const CitusDependentJob* dependentJob = nullptr; ///< DependentJob
    int parent = -1;
    std::vector<int> children;
    int depth = 0;
    std::string worker; ///< "host:port" for a task and everything it ran; empty on the coordinator
    int taskIndex = -1; ///< into PlanAnalysis::tasks, for a task and its worker plan

    /** Inclusive time over all loops, in ms; for nodes below a Gather, divided among the parallel processes. */
    std::optional<double> totalTimeMs;
    /** totalTimeMs minus the children's (never negative); a Citus scan keeps its wait for the workers. */
    std::optional<double> selfTimeMs;
    /** max(actual, estimate) / min(actual, estimate) of rows per loop (each at least 1); Citus scans excluded. */
    std::optional<double> misestimate;
    bool underestimated = false; ///< more rows than estimated
};

/** A Citus task and the time it took on its worker. */
struct TaskFigure
{
    int row = -1;
    int jobRow = -1; ///< the custom scan row the task belongs to
    std::string worker;
    std::optional<double> timeMs; ///< the worker's Execution Time, else its plan root's total time
};

/** All tasks of the plan that ran on one worker. */
struct WorkerFigure
{
    std::string worker;
    int taskCount = 0;
    double totalTimeMs = 0;
    double maxTimeMs = 0;
    bool timed = false; ///< whether any of its tasks has a time
};

/** A Citus job (one per Citus custom scan), in plan order: the first is the statement's main job. */
struct JobFigure
{
    int row = -1;
    std::optional<std::int64_t> taskCount;
    std::string tasksShown;
    int tasksInPlan = 0;
    int dependentJobs = 0;
    bool allTasksShown = false;
};

/** Rows off by this factor or more are a misestimate worth pointing at. */
inline constexpr double kNotableMisestimate = 2.0;

/** A parsed plan with its picture flattened into rows and the derived figures. */
struct PlanAnalysis
{
    std::shared_ptr<const ExplainPlan> plan;
    std::vector<PlanRow> rows;
    std::vector<int> roots; ///< top rows, one per statement
    bool distributed = false;
    bool analyzed = false; ///< the plan carries ANALYZE figures
    int slowestRow = -1;
    int mostMisestimatedRow = -1; ///< -1 when no node's rows are off by kNotableMisestimate or more
    std::vector<JobFigure> jobs;
    std::vector<TaskFigure> tasks;
    std::vector<WorkerFigure> workers; ///< sorted by worker
    std::optional<double> planningTimeMs;
    std::optional<double> executionTimeMs;

    /** The main job, or nullptr when the plan is not distributed. */
    const JobFigure* mainJob() const { return jobs.empty() ? nullptr : &jobs.front(); }
    /** Distinct "host:port" of all tasks, sorted. */
    std::vector<std::string> workerNodes() const;
    /** True when some job explains only some of its tasks ("One of 32"; repartition jobs explain none). */
    bool sampled() const;
};

/** Flattens a plan and computes self times, misestimates and per-task / per-worker figures. */
PlanAnalysis analyzePlan(std::shared_ptr<const ExplainPlan> plan);

} // namespace shardscope::explain
