// SPDX-License-Identifier: MIT
// Plans captured from our own Citus 13.2.2 cluster with every task shown (router, multi-shard, CTE turned into a
// distributed subplan, repartition join, INSERT ... SELECT pushed down and repartitioned): every Citus part is
// read and the summary names the right tasks and workers.
#include "explain/plananalysis.h"
#include "explain/planfile.h"
#include "explain/plansummary.h"
#include "testdata.h"

#include <QTest>

using namespace shardscope;
using namespace shardscope::explain;

namespace {

/** The first Citus custom scan that has a job, depth first (through subplans and INSERT ... SELECT). */
const PlanNode* firstJobScan(const PlanNode& n)
{
    if (n.job)
        return &n;
    for (const ExplainStatement& s : n.selectQuery) {
        if (const PlanNode* p = s.plan(); p && firstJobScan(*p))
            return firstJobScan(*p);
    }
    for (const PlanNode& c : n.children) {
        if (const PlanNode* found = firstJobScan(c))
            return found;
    }
    return nullptr;
}

} // namespace

class TestExplainCitusPlans : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void citusPartsAndSummary_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("taskCount");   // the main job's Task Count
        QTest::addColumn<int>("tasksShown");  // tasks of the main job in the plan
        QTest::addColumn<int>("tasksInPlan"); // tasks of every job (subplans too)
        QTest::addColumn<QStringList>("workers");
        QTest::addColumn<QString>("tupleData"); // "Tuple data received from nodes" of the main job
        QTest::addColumn<QString>("dependentJobs");
        QTest::addColumn<int>("subplans");
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("analyzed");
        const QStringList both{QStringLiteral("127.0.0.1:9701"), QStringLiteral("127.0.0.1:9702")};
        QTest::newRow("router") << QStringLiteral("citus1322_all_tasks_router.json") << 1 << 1 << 1
                                << QStringList{QStringLiteral("127.0.0.1:9701")} << QStringLiteral("72 bytes")
                                << QString() << 0 << QString() << true;
        QTest::newRow("multi-shard") << QStringLiteral("citus1322_all_tasks_multi_shard.json") << 8 << 8 << 8 << both
                                     << QStringLiteral("392 bytes") << QString() << 0 << QString() << true;
        QTest::newRow("subplan") << QStringLiteral("citus1322_all_tasks_subplan.json") << 8 << 8 << 16 << both
                                 << QStringLiteral("48 bytes") << QString() << 1 << QString() << true;
        QTest::newRow("subplan, text") << QStringLiteral("citus1322_all_tasks_text_subplan.txt") << 8 << 8 << 16 << both
                                       << QStringLiteral("48 bytes") << QString() << 1 << QString() << true;
        QTest::newRow("repartition join")
            << QStringLiteral("citus1322_all_tasks_repartition_join.json") << 12 << 0 << 0 << QStringList()
            << QStringLiteral("216 bytes") << QStringLiteral("8/12 4/12") << 0 << QString() << true;
        QTest::newRow("repartition join, text")
            << QStringLiteral("citus1322_text_repartition_join.txt") << 12 << 0 << 0 << QStringList()
            << QStringLiteral("216 bytes") << QStringLiteral("8/12 4/12") << 0 << QString() << true;
        QTest::newRow("insert select pushdown")
            << QStringLiteral("citus1322_all_tasks_insert_select_pushdown.json") << 8 << 8 << 8 << both << QString()
            << QString() << 0 << QString() << true;
        QTest::newRow("insert select repartition")
            << QStringLiteral("citus1322_all_tasks_insert_select_repartition.json") << 8 << 8 << 8 << both << QString()
            << QString() << 0 << QStringLiteral("repartition") << false;
    }

    void citusPartsAndSummary()
    {
        QFETCH(QString, file);
        QFETCH(int, taskCount);
        QFETCH(int, tasksShown);
        QFETCH(int, tasksInPlan);
        QFETCH(QStringList, workers);
        QFETCH(QString, tupleData);
        QFETCH(QString, dependentJobs);
        QFETCH(int, subplans);
        QFETCH(QString, method);
        QFETCH(bool, analyzed);

        Result<ExplainPlan> loaded = loadPlanFile(test::dataPath(QStringLiteral("explain/") + file));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        auto plan = std::make_shared<const ExplainPlan>(std::move(loaded).value());
        const PlanNode* root = plan->first()->plan();
        QVERIFY(root);
        QCOMPARE(QString::fromStdString(root->insertSelectMethod), method);
        const PlanNode* scan = firstJobScan(*root);
        QVERIFY(scan && scan->isCitusScan());
        // The main job is the outermost scan's: for a subplan statement the outer scan holds the subplans.
        const PlanNode* outer = root->job ? root : nullptr;
        for (const PlanNode* n = root; !outer && n && !n->children.empty(); n = &n->children.front())
            outer = n->children.front().job ? &n->children.front() : nullptr;
        const PlanNode* main = outer ? outer : scan;
        QCOMPARE(static_cast<int>(main->subplans.size()), subplans);
        QCOMPARE(QString::fromStdString(main->job->tupleDataReceived), tupleData);
        QStringList deps;
        for (const CitusDependentJob& d : main->job->dependentJobs)
            deps << QStringLiteral("%1/%2").arg(d.mapTaskCount.value_or(-1)).arg(d.mergeTaskCount.value_or(-1));
        QCOMPARE(deps.join(QLatin1Char(' ')), dependentJobs);
        for (const CitusTask& t : main->job->tasks) {
            QVERIFY(!t.hostPort().empty());
            QCOMPARE(t.remotePlan.size(), std::size_t(1)); // every task carries its worker's plan
            QVERIFY(t.remotePlan.front().plan());
            if (analyzed && !file.contains(QLatin1String("insert_select")))
                QVERIFY2(QString::fromStdString(t.tupleDataReceived).endsWith(QLatin1String(" bytes")),
                         t.tupleDataReceived.c_str());
            QCOMPARE(t.remotePlan.front().plan()->analyzed(), analyzed);
        }

        const PlanAnalysis analysis = analyzePlan(plan);
        const PlanSummary summary = summarizePlan(analysis);
        QVERIFY(summary.distributed);
        QCOMPARE(summary.taskCount.value_or(-1), taskCount);
        QCOMPARE(summary.tasksShown.value_or(-1), tasksShown);
        QCOMPARE(static_cast<int>(analysis.tasks.size()), tasksInPlan);
        QStringList nodes;
        for (const std::string& w : summary.workerNodes)
            nodes << QString::fromStdString(w);
        QCOMPARE(nodes, workers);
        QVERIFY(!summary.sampled); // every task was asked for (repartition jobs explain none, nothing to re-run)
        QCOMPARE(summary.executionTimeMs.has_value(), analyzed);
        QCOMPARE(analysis.analyzed, analyzed);
        int perWorker = 0;
        for (const WorkerFigure& w : analysis.workers)
            perWorker += w.taskCount;
        QCOMPARE(perWorker, tasksInPlan);
    }

    void summaryNamesNodesAsTheTreeDoes()
    {
        // The worker's Index Scan, off by 80x, named with its schema as EXPLAIN VERBOSE prints it.
        Result<ExplainPlan> loaded =
            loadPlanFile(test::dataPath(QStringLiteral("explain/citus1322_all_tasks_router.json")));
        QVERIFY(loaded.ok());
        const PlanSummary s =
            summarizePlan(analyzePlan(std::make_shared<const ExplainPlan>(std::move(loaded).value())));
        QCOMPARE(QString::fromStdString(s.mostMisestimatedLabel),
                 QStringLiteral("Index Scan using events_pkey_102113 on ex_check.events_102113 events"));
        QCOMPARE(s.worstMisestimate.value_or(0), 80.0);
        QCOMPARE(QString::fromStdString(s.slowestNodeLabel), QStringLiteral("Custom Scan (Citus Adaptive)"));
    }

    void subplanTimeIsItsDuration_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("durationMs");
        QTest::newRow("json") << QStringLiteral("citus1322_all_tasks_subplan.json") << 35.31;
        QTest::newRow("text") << QStringLiteral("citus1322_all_tasks_text_subplan.txt") << 40.90;
    }

    void subplanTimeIsItsDuration()
    {
        QFETCH(QString, file);
        QFETCH(double, durationMs);
        Result<ExplainPlan> loaded = loadPlanFile(test::dataPath(QStringLiteral("explain/") + file));
        QVERIFY(loaded.ok());
        const PlanAnalysis analysis = analyzePlan(std::make_shared<const ExplainPlan>(std::move(loaded).value()));
        int subplanRows = 0;
        for (const PlanRow& row : analysis.rows) {
            if (row.kind != PlanRowKind::Subplan)
                continue;
            ++subplanRows;
            // The subplan's own nodes show no time (it ran before the job); its row carries Subplan Duration.
            QVERIFY(row.totalTimeMs);
            QCOMPARE(*row.totalTimeMs, durationMs);
            QCOMPARE(QString::fromStdString(findProperty(row.subplan->properties, "Intermediate Data Size")->display()),
                     QStringLiteral("66 bytes"));
            QCOMPARE(QString::fromStdString(findProperty(row.subplan->properties, "Result destination")->display()),
                     QStringLiteral("Send to 2 nodes"));
        }
        QCOMPARE(subplanRows, 1);
        // Coordinator nodes fed by a Citus scan carry Citus's fixed 100,000-row guess: no misestimate for them.
        for (const PlanRow& row : analysis.rows) {
            if (row.kind == PlanRowKind::Node && row.worker.empty() && !row.node->isCitusScan())
                QVERIFY2(!row.misestimate, row.node->label().c_str());
        }
        // Two jobs: the outer one (the main job) and the subplan's.
        QCOMPARE(analysis.jobs.size(), std::size_t(2));
        QCOMPARE(analysis.mainJob()->taskCount.value_or(-1), 8);
    }
};

QTEST_GUILESS_MAIN(TestExplainCitusPlans)
#include "tst_explaincitusplans.moc"
