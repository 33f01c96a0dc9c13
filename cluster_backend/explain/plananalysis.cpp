// SPDX-License-Identifier: MIT
#include "explain/plananalysis.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace shardscope::explain {

namespace {

class PlanFlattener
{
public:
    explicit PlanFlattener(PlanAnalysis& out) : m_out(out) {}

    int statement(const ExplainStatement& s, int parent, int depth, int parallelProcesses);

private:
    int add(PlanRow row);
    int node(const PlanNode& n, const ExplainStatement* s, int parent, int depth, int parallelProcesses);
    void job(const PlanNode& n, int row, int depth);

    PlanAnalysis& m_out;
    std::vector<bool> m_citusBelow; ///< per row: a Citus scan feeds it (its row estimate is Citus's placeholder)
    std::string m_worker;
    int m_taskIndex = -1;
};

int PlanFlattener::add(PlanRow row)
{
    row.worker = m_worker;
    row.taskIndex = m_taskIndex;
    m_out.rows.push_back(std::move(row));
    m_citusBelow.push_back(false);
    const int index = static_cast<int>(m_out.rows.size()) - 1;
    if (const int parent = m_out.rows.back().parent; parent >= 0)
        m_out.rows[static_cast<std::size_t>(parent)].children.push_back(index);
    return index;
}

int PlanFlattener::statement(const ExplainStatement& s, int parent, int depth, int parallelProcesses)
{
    const PlanNode* root = s.plan();
    return root ? node(*root, &s, parent, depth, parallelProcesses) : -1;
}

int PlanFlattener::node(const PlanNode& n, const ExplainStatement* s, int parent, int depth, int parallelProcesses)
{
    PlanRow row;
    row.node = &n;
    row.statement = s;
    row.parent = parent;
    row.depth = depth;
    if (n.actualTotalTimeMs && n.actualLoops) {
        const double loops = *n.actualLoops;
        const double processes = std::max(1.0, std::min(static_cast<double>(parallelProcesses), loops));
        row.totalTimeMs = *n.actualTotalTimeMs * loops / processes;
    }
    if (n.executed() && n.planRows && n.actualRows && !n.isCitusScan()) {
        const double actual = std::max(*n.actualRows, 1.0);
        const double estimate = std::max(*n.planRows, 1.0);
        row.misestimate = std::max(actual, estimate) / std::min(actual, estimate);
        row.underestimated = actual > estimate;
    }
    if (n.analyzed())
        m_out.analyzed = true;
    const int index = add(std::move(row));

    if (n.isCitusScan())
        m_out.distributed = true;
    if (n.job)
        job(n, index, depth + 1);
    for (const ExplainStatement& select : n.selectQuery)
        statement(select, index, depth + 1, 1);

    // Below a Gather, each node's loops count every parallel process (workers + leader).
    int processes = parallelProcesses;
    if (n.nodeType == "Gather" || n.nodeType == "Gather Merge")
        processes = static_cast<int>(std::clamp<std::int64_t>(n.workersLaunched.value_or(0), 0, 1024)) + 1;
    double childTime = 0;
    bool citusBelow = false;
    for (const PlanNode& child : n.children) {
        const int c = node(child, nullptr, index, depth + 1, processes);
        childTime += m_out.rows[static_cast<std::size_t>(c)].totalTimeMs.value_or(0);
        citusBelow = citusBelow || child.isCitusScan() || m_citusBelow[static_cast<std::size_t>(c)];
    }
    PlanRow& self = m_out.rows[static_cast<std::size_t>(index)];
    m_citusBelow[static_cast<std::size_t>(index)] = citusBelow;
    if (citusBelow) {
        // Citus estimates every distributed scan at a fixed 100,000 rows; what is built on it is no estimate.
        self.misestimate.reset();
        self.underestimated = false;
    }
    if (self.totalTimeMs)
        self.selfTimeMs = std::max(0.0, *self.totalTimeMs - childTime);
    return index;
}

/** "Subplan Duration" in ms: a number in JSON, "40.90 ms" in text. */
std::optional<double> subplanDuration(const CitusSubplan& sub)
{
    const PlanValue* v = findProperty(sub.properties, "Subplan Duration");
    if (!v)
        return std::nullopt;
    if (v->kind == PlanValue::Kind::Number)
        return v->number;
    if (v->kind == PlanValue::Kind::Integer)
        return static_cast<double>(v->integer);
    if (v->kind == PlanValue::Kind::String) {
        char* end = nullptr;
        const double ms = std::strtod(v->text.c_str(), &end);
        if (end != v->text.c_str() && std::isfinite(ms) && ms >= 0)
            return ms;
    }
    return std::nullopt;
}

void PlanFlattener::job(const PlanNode& n, int row, int depth)
{
    const CitusJob& j = *n.job;
    JobFigure figure;
    figure.row = row;
    figure.taskCount = j.taskCount;
    figure.tasksShown = j.tasksShown;
    figure.tasksInPlan = static_cast<int>(j.tasks.size());
    figure.dependentJobs = static_cast<int>(j.dependentJobs.size());
    figure.allTasksShown = j.allTasksShown();
    m_out.jobs.push_back(figure);

    for (const CitusSubplan& sub : n.subplans) {
        PlanRow subRow;
        subRow.kind = PlanRowKind::Subplan;
        subRow.subplan = &sub;
        subRow.parent = row;
        subRow.depth = depth;
        // The subplan ran before the job; its nodes show no time, "Subplan Duration" says how long it took.
        subRow.totalTimeMs = subplanDuration(sub);
        const int subIndex = add(std::move(subRow));
        for (const ExplainStatement& s : sub.plans) {
            const int root = statement(s, subIndex, depth + 1, 1);
            if (root >= 0 && !m_out.rows[static_cast<std::size_t>(subIndex)].totalTimeMs)
                m_out.rows[static_cast<std::size_t>(subIndex)].totalTimeMs =
                    m_out.rows[static_cast<std::size_t>(root)].totalTimeMs;
        }
    }
    for (const CitusTask& t : j.tasks) {
        const std::string savedWorker = m_worker;
        const int savedTask = m_taskIndex;
        m_worker = t.hostPort();
        m_taskIndex = static_cast<int>(m_out.tasks.size());
        m_out.tasks.push_back({-1, row, m_worker, std::nullopt});

        PlanRow taskRow;
        taskRow.kind = PlanRowKind::Task;
        taskRow.task = &t;
        taskRow.parent = row;
        taskRow.depth = depth;
        const int taskIndex = add(std::move(taskRow));
        std::optional<double> time;
        for (const ExplainStatement& s : t.remotePlan) {
            const int root = statement(s, taskIndex, depth + 1, 1);
            if (s.executionTimeMs)
                time = time.value_or(0) + *s.executionTimeMs;
            else if (root >= 0 && m_out.rows[static_cast<std::size_t>(root)].totalTimeMs)
                time = time.value_or(0) + *m_out.rows[static_cast<std::size_t>(root)].totalTimeMs;
        }
        TaskFigure& taskFigure = m_out.tasks[static_cast<std::size_t>(m_taskIndex)];
        taskFigure.row = taskIndex;
        taskFigure.timeMs = time;
        m_out.rows[static_cast<std::size_t>(taskIndex)].totalTimeMs = time;
        m_worker = savedWorker;
        m_taskIndex = savedTask;
    }
    for (const CitusDependentJob& d : j.dependentJobs) {
        PlanRow depRow;
        depRow.kind = PlanRowKind::DependentJob;
        depRow.dependentJob = &d;
        depRow.parent = row;
        depRow.depth = depth;
        add(std::move(depRow));
    }
}

} // namespace

std::vector<std::string> PlanAnalysis::workerNodes() const
{
    std::vector<std::string> out;
    out.reserve(workers.size());
    for (const WorkerFigure& w : workers) {
        if (!w.worker.empty())
            out.push_back(w.worker);
    }
    return out;
}

bool PlanAnalysis::sampled() const
{
    return std::any_of(jobs.begin(), jobs.end(), [](const JobFigure& j) {
        return !j.allTasksShown && j.tasksInPlan > 0 && j.taskCount && *j.taskCount > j.tasksInPlan;
    });
}

PlanAnalysis analyzePlan(std::shared_ptr<const ExplainPlan> plan)
{
    PlanAnalysis out;
    out.plan = std::move(plan);
    if (!out.plan)
        return out;
    PlanFlattener flattener(out);
    for (const ExplainStatement& s : out.plan->statements) {
        const int root = flattener.statement(s, -1, 0, 1);
        if (root >= 0)
            out.roots.push_back(root);
    }
    if (const ExplainStatement* first = out.plan->first()) {
        out.planningTimeMs = first->planningTimeMs;
        out.executionTimeMs = first->executionTimeMs;
    }

    double slowest = -1;
    double worst = 0;
    for (std::size_t i = 0; i < out.rows.size(); ++i) {
        const PlanRow& row = out.rows[i];
        if (row.kind != PlanRowKind::Node)
            continue;
        if (row.selfTimeMs && *row.selfTimeMs > slowest) {
            slowest = *row.selfTimeMs;
            out.slowestRow = static_cast<int>(i);
        }
        // Smaller misses are normal, not worth pointing at.
        if (row.misestimate && *row.misestimate >= kNotableMisestimate && *row.misestimate > worst) {
            worst = *row.misestimate;
            out.mostMisestimatedRow = static_cast<int>(i);
        }
    }

    std::map<std::string, WorkerFigure> workers;
    for (const TaskFigure& t : out.tasks) {
        WorkerFigure& w = workers[t.worker];
        w.worker = t.worker;
        ++w.taskCount;
        if (t.timeMs) {
            w.timed = true;
            w.totalTimeMs += *t.timeMs;
            w.maxTimeMs = std::max(w.maxTimeMs, *t.timeMs);
        }
    }
    for (auto& [name, figure] : workers)
        out.workers.push_back(std::move(figure));
    return out;
}

} // namespace shardscope::explain
