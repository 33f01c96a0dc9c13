// SPDX-License-Identifier: MIT
// Target: a 50 MB EXPLAIN (ANALYZE, VERBOSE, BUFFERS) plan with 10,000 tasks parses in under 1 s.
#include "explain/plananalysis.h"
#include "explain/planfile.h"
#include "explain/planjsonwriter.h"
#include "explain/planreader.h"
#include "explain/plantextwriter.h"
#include "testdata.h"

#include <benchmark/benchmark.h>
#include <cstdio>

using namespace shardscope;
using namespace shardscope::explain;

namespace {

constexpr int kTasks = 10000;
constexpr std::size_t kTargetBytes = 50u * 1000u * 1000u;

/**
 * The all-tasks capture (32 tasks of SELECT count(*) ... on 2 workers) grown to 10,000 tasks on 8 workers: task i
 * copies capture task i % 32 (so skew and figures stay real), gets its own shard name and worker, and the worker
 * plans are repeated under an Append until the document reaches 50 MB, as a wide query's plans would.
 */
const std::string& bigPlanJson()
{
    static const std::string json = [] {
        Result<ExplainPlan> loaded =
            loadPlanFile(test::dataPath(QStringLiteral("explain/03_explain_analyze_all_tasks_multi_shard_count.json")));
        if (!loaded) {
            std::fprintf(stderr, "cannot load the capture: %s\n", loaded.error().message.c_str());
            std::abort();
        }
        ExplainPlan plan = std::move(loaded).value();
        PlanNode& scan = plan.statements[0].root[0].children[0];
        const std::vector<CitusTask> captured = scan.job->tasks;
        std::string out;
        for (int copies = 1; copies < 64; ++copies) {
            scan.job->tasks.clear();
            scan.job->tasks.reserve(kTasks);
            for (int i = 0; i < kTasks; ++i) {
                CitusTask task = captured[static_cast<std::size_t>(i % captured.size())];
                task.node = "host=10.0.0." + std::to_string(1 + i % 8) + " port=5432 dbname=postgres";
                task.query = "SELECT count(*) AS count FROM public.events_" + std::to_string(200000 + i) +
                             " events WHERE (event_type OPERATOR(pg_catalog.=) 'checkout'::text)";
                PlanNode& root = task.remotePlan[0].root[0];
                if (copies > 1) {
                    PlanNode append;
                    append.nodeType = "Append";
                    append.startupCost = 0;
                    append.totalCost = *root.totalCost * copies;
                    append.planRows = *root.planRows * copies;
                    append.planWidth = 8;
                    append.children.assign(static_cast<std::size_t>(copies), root);
                    root = std::move(append);
                }
                scan.job->tasks.push_back(std::move(task));
            }
            scan.job->taskCount = kTasks;
            // One space per level keeps the document near 50 MB; PostgreSQL's two would give 80 MB.
            out = writePlanJson(plan, 1);
            if (out.size() >= kTargetBytes)
                break;
        }
        return out;
    }();
    return json;
}

void BM_ParseJson10kTasks(benchmark::State& state)
{
    const std::string& json = bigPlanJson();
    for (auto _ : state) {
        Result<ExplainPlan> plan = parsePlan(json);
        if (!plan || plan->statements[0].root[0].children[0].job->tasks.size() != kTasks) {
            state.SkipWithError("the generated plan did not parse");
            break;
        }
        benchmark::DoNotOptimize(plan);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(json.size()));
    state.counters["MB"] = static_cast<double>(json.size()) / 1e6;
    state.counters["tasks"] = kTasks;
}
BENCHMARK(BM_ParseJson10kTasks)->Unit(benchmark::kMillisecond);

void BM_ParseAndAnalyzeJson10kTasks(benchmark::State& state)
{
    const std::string& json = bigPlanJson();
    for (auto _ : state) {
        Result<ExplainPlan> plan = parsePlan(json);
        const PlanAnalysis analysis = analyzePlan(std::make_shared<const ExplainPlan>(std::move(plan).value()));
        if (analysis.tasks.size() != kTasks || analysis.workers.size() != 8) {
            state.SkipWithError("wrong analysis");
            break;
        }
        benchmark::DoNotOptimize(analysis);
    }
    state.counters["MB"] = static_cast<double>(json.size()) / 1e6;
}
BENCHMARK(BM_ParseAndAnalyzeJson10kTasks)->Unit(benchmark::kMillisecond);

void BM_ParseText10kTasks(benchmark::State& state)
{
    static const std::string text = writePlanText(parsePlan(bigPlanJson()).value());
    for (auto _ : state) {
        Result<ExplainPlan> plan = parsePlan(text);
        if (!plan) {
            state.SkipWithError(plan.error().message.c_str());
            break;
        }
        benchmark::DoNotOptimize(plan);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
    state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_ParseText10kTasks)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
