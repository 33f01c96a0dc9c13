// SPDX-License-Identifier: MIT
// Derived figures: self vs total time (loops, parallel workers), misestimates, tasks and workers.
#include "explain/plananalysis.h"
#include "explain/planfile.h"
#include "explain/planreader.h"
#include "explain/plansummary.h"
#include "testdata.h"

#include <QTest>
#include <cmath>

using namespace shardscope;
using namespace shardscope::explain;

namespace {

PlanAnalysis analyzeText(const std::string& text)
{
    Result<ExplainPlan> plan = parsePlan(text);
    if (!plan)
        qWarning("%s", plan.error().message.c_str());
    return analyzePlan(std::make_shared<const ExplainPlan>(plan ? std::move(plan).value() : ExplainPlan{}));
}

PlanAnalysis analyzeFile(const QString& name)
{
    Result<ExplainPlan> plan = loadPlanFile(test::dataPath(QStringLiteral("explain/") + name));
    return analyzePlan(std::make_shared<const ExplainPlan>(plan ? std::move(plan).value() : ExplainPlan{}));
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

} // namespace

class TestExplainAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void selfTime_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::addColumn<double>("rootTotal");
        QTest::addColumn<double>("rootSelf");
        QTest::addColumn<double>("leafTotal");

        QTest::newRow("simple")
            << QStringLiteral(
                   "Sort  (cost=1..2 rows=10 width=4) (actual time=1.000..5.000 rows=10 loops=1)\n"
                   "  ->  Seq Scan on t  (cost=0..1 rows=10 width=4) (actual time=0.100..3.000 rows=10 loops=1)\n")
            << 5.0 << 2.0 << 3.0;
        // The inner side of a nested loop runs once per outer row: time per loop times loops.
        QTest::newRow("loops")
            << QStringLiteral("Nested Loop  (cost=1..2 rows=10 width=4) (actual time=0.000..10.000 rows=10 loops=1)\n"
                              "  ->  Index Scan using i on t  (cost=0..1 rows=1 width=4) (actual time=0.010..0.020 "
                              "rows=1 loops=100)\n")
            << 10.0 << 8.0 << 2.0;
        // Below a Gather with 2 workers, loops count 3 processes running at the same time.
        QTest::newRow("parallel")
            << QStringLiteral("Gather  (cost=1..2 rows=10 width=4) (actual time=0.000..12.000 rows=30 loops=1)\n"
                              "  Workers Planned: 2\n"
                              "  Workers Launched: 2\n"
                              "  ->  Parallel Seq Scan on t  (cost=0..1 rows=4 width=4) (actual time=0.010..9.000 "
                              "rows=10 loops=3)\n")
            << 12.0 << 3.0 << 9.0;
        // Children slower than the parent (CTE double counting) never give a negative self time.
        QTest::newRow("clamped")
            << QStringLiteral(
                   "Result  (cost=1..2 rows=10 width=4) (actual time=0.000..1.000 rows=1 loops=1)\n"
                   "  ->  Seq Scan on t  (cost=0..1 rows=10 width=4) (actual time=0.100..3.000 rows=10 loops=1)\n")
            << 1.0 << 0.0 << 3.0;
    }

    void selfTime()
    {
        QFETCH(QString, plan);
        QFETCH(double, rootTotal);
        QFETCH(double, rootSelf);
        QFETCH(double, leafTotal);
        const PlanAnalysis a = analyzeText(plan.toStdString());
        QCOMPARE(a.rows.size(), std::size_t(2));
        QVERIFY(near(*a.rows[0].totalTimeMs, rootTotal));
        QVERIFY(near(*a.rows[0].selfTimeMs, rootSelf));
        QVERIFY(near(*a.rows[1].totalTimeMs, leafTotal));
        QVERIFY(near(*a.rows[1].selfTimeMs, leafTotal));
        QVERIFY(a.analyzed);
        QCOMPARE(a.slowestRow, rootSelf > leafTotal ? 0 : 1);
    }

    void misestimate()
    {
        const PlanAnalysis a =
            analyzeText("Hash Join  (cost=1..2 rows=10 width=4) (actual time=0.000..5.000 rows=1000 loops=1)\n"
                        "  ->  Seq Scan on a  (cost=0..1 rows=400 width=4) (actual time=0.100..1.000 rows=4 loops=1)\n"
                        "  ->  Hash  (cost=0..1 rows=0 width=4) (actual time=0.100..1.000 rows=0 loops=1)\n"
                        "        ->  Seq Scan on b  (cost=0..1 rows=1 width=4) (never executed)\n");
        QVERIFY(near(*a.rows[0].misestimate, 100.0));
        QVERIFY(a.rows[0].underestimated);
        QVERIFY(near(*a.rows[1].misestimate, 100.0));
        QVERIFY(!a.rows[1].underestimated);
        QVERIFY(near(*a.rows[2].misestimate, 1.0)); // 0 vs 0 rows counts as 1 vs 1
        QVERIFY(!a.rows[3].misestimate);            // never executed
        QCOMPARE(a.mostMisestimatedRow, 0);         // the first of equal factors
        QCOMPARE(*a.rows[3].totalTimeMs, 0.0);
    }

    void citusScanIsNotAMisestimate()
    {
        // Citus's custom scan always estimates 100000 rows; that is no planner mistake.
        const PlanAnalysis a = analyzeFile(QStringLiteral("03_explain_analyze_multi_shard_count.json"));
        QVERIFY(a.distributed);
        QCOMPARE(a.rows[1].node->customPlanProvider, std::string("Citus Adaptive"));
        QVERIFY(!a.rows[1].misestimate);
        QCOMPARE(a.rows[2].kind, PlanRowKind::Task);
        QCOMPARE(a.rows[2].worker, std::string("127.0.0.1:9702"));
        QCOMPARE(a.rows[3].worker, std::string("127.0.0.1:9702")); // the worker's plan knows where it ran
        QCOMPARE(a.rows[3].depth, 3);
        QVERIFY(near(*a.rows[0].selfTimeMs, 102.797 - 102.783));
        QVERIFY(near(*a.rows[2].totalTimeMs, 34.129));
        QCOMPARE(a.slowestRow, 1);
        QVERIFY(a.sampled());
        QCOMPARE(a.jobs.size(), std::size_t(1));
        QCOMPARE(a.jobs[0].tasksInPlan, 1);
        QVERIFY(!a.jobs[0].allTasksShown);
    }

    void allTasksPerWorker_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("json") << QStringLiteral("03_explain_analyze_all_tasks_multi_shard_count.json");
        QTest::newRow("text") << QStringLiteral("03_explain_analyze_all_tasks_text_multi_shard_count.txt");
    }

    void allTasksPerWorker()
    {
        QFETCH(QString, file);
        const PlanAnalysis a = analyzeFile(file);
        QCOMPARE(a.tasks.size(), std::size_t(32));
        QVERIFY(!a.sampled());
        QVERIFY(a.jobs.at(0).allTasksShown);
        QCOMPARE(a.workers.size(), std::size_t(2));
        QCOMPARE(a.workers[0].worker, std::string("127.0.0.1:9701"));
        QCOMPARE(a.workers[1].worker, std::string("127.0.0.1:9702"));
        QCOMPARE(a.workers[0].taskCount + a.workers[1].taskCount, 32);
        double sum = 0;
        double max = 0;
        for (const TaskFigure& t : a.tasks) {
            QVERIFY(t.timeMs);
            QVERIFY(!t.worker.empty());
            sum += *t.timeMs;
            max = std::max(max, *t.timeMs);
        }
        QVERIFY(near(a.workers[0].totalTimeMs + a.workers[1].totalTimeMs, sum));
        QVERIFY(near(std::max(a.workers[0].maxTimeMs, a.workers[1].maxTimeMs), max));
        // The hot tenant's shard (user 1, 20% of the events) is the slowest task by far.
        const auto slowest =
            std::max_element(a.tasks.begin(), a.tasks.end(),
                             [](const TaskFigure& x, const TaskFigure& y) { return *x.timeMs < *y.timeMs; });
        QVERIFY(*slowest->timeMs > 3 * (sum - *slowest->timeMs) / 31);

        const PlanSummary s = summarizePlan(a);
        QCOMPARE(*s.taskCount, std::int64_t(32));
        QCOMPARE(*s.tasksShown, std::int64_t(32));
        QCOMPARE(s.tasksShownText, std::string("All"));
        QCOMPARE(s.workerNodes, (std::vector<std::string>{"127.0.0.1:9701", "127.0.0.1:9702"}));
        QCOMPARE(s.slowestNodeType, std::string("Custom Scan"));
    }

    void repartitionJobRows()
    {
        const PlanAnalysis a = analyzeFile(QStringLiteral("03_explain_repartition_join_dual.json"));
        QCOMPARE(a.rows.size(), std::size_t(4));
        QCOMPARE(a.rows[2].kind, PlanRowKind::DependentJob);
        QCOMPARE(a.rows[3].kind, PlanRowKind::DependentJob);
        QCOMPARE(a.rows[1].children, (std::vector<int>{2, 3}));
        QVERIFY(!a.analyzed);
        QCOMPARE(a.slowestRow, -1);
        QVERIFY(!a.sampled()); // "None, not supported": nothing to re-run with all tasks
        const PlanSummary s = summarizePlan(a);
        QCOMPARE(*s.tasksShown, std::int64_t(0));
        QVERIFY(s.workerNodes.empty());
    }

    void plainPostgresPlan()
    {
        const PlanAnalysis a = analyzeText("Seq Scan on t  (cost=0.00..35.50 rows=2550 width=4)\n");
        QVERIFY(!a.distributed);
        const PlanSummary s = summarizePlan(a);
        QVERIFY(!s.taskCount && !s.tasksShown && !s.executionTimeMs && !s.slowestSelfTimeMs);
    }
};

QTEST_GUILESS_MAIN(TestExplainAnalysis)
#include "tst_explainanalysis.moc"
