// SPDX-License-Identifier: MIT
// EXPLAIN (ANALYZE, FORMAT JSON) run through the EXPLAIN runner on a real Citus coordinator (CITUS_TEST_DSN): router,
// multi-shard, CTE turned into a distributed subplan, repartition join and INSERT ... SELECT, every task shown; the
// tasks' workers are where the catalog puts the shards; a sampled plan re-run with all tasks; Citus's refusals in
// plain words. Everything lives in the schema ex_check_test, dropped at the end.
#include "explain/explainrequest.h"
#include "explain/plananalysis.h"
#include "explain/planreader.h"
#include "explain/plansummary.h"
#include "live/explainrunner.h"
#include "live/pgsession.h"

#include <QSignalSpy>
#include <QTest>

using namespace shardscope;
using namespace shardscope::live;

namespace {

ConnectionOptions citusOptions()
{
    Result<ConnectionOptions> options = ConnectionOptions::parse(qEnvironmentVariable("CITUS_TEST_DSN").toStdString());
    return options ? options.value() : ConnectionOptions();
}

explain::ExplainOptions optionsFrom(bool analyze, bool allTasks, bool repartition)
{
    explain::ExplainOptions o;
    o.analyze = analyze;
    o.verbose = true;
    o.buffers = analyze;
    o.allTasks = allTasks;
    o.repartitionJoins = repartition;
    return o;
}

struct Run
{
    ExplainOutcome outcome;
    explain::PlanAnalysis analysis;
    explain::PlanSummary summary;
};

Run runAndAnalyze(ExplainRunner& runner, const QString& sql, const explain::ExplainOptions& options)
{
    Run run;
    QSignalSpy finished(&runner, &ExplainRunner::runFinished);
    runner.run(explain::buildExplainScript(sql.toStdString(), options));
    if (!finished.wait(120000))
        return run;
    run.outcome = finished.takeFirst().at(0).value<ExplainOutcome>();
    if (!run.outcome.ok)
        return run;
    Result<explain::ExplainPlan> plan = explain::parsePlan(run.outcome.planJson);
    if (!plan) {
        run.outcome.ok = false;
        run.outcome.error = plan.error();
        return run;
    }
    run.analysis = explain::analyzePlan(std::make_shared<const explain::ExplainPlan>(std::move(plan).value()));
    run.summary = explain::summarizePlan(run.analysis);
    return run;
}

QStringList toList(const std::vector<std::string>& values)
{
    QStringList out;
    for (const std::string& v : values)
        out << QString::fromStdString(v);
    return out;
}

} // namespace

class TestCitusExplain : public QObject
{
    Q_OBJECT

    std::unique_ptr<PgSession> m_session;

    QStringList column(const std::string& sql)
    {
        QStringList out;
        Result<QueryResult> r = m_session->exec(sql);
        if (!r)
            return {QStringLiteral("error: ") + QString::fromStdString(r.error().message)};
        for (std::size_t i = 0; i < r->rows.size(); ++i)
            out << QString::fromStdString(r->text(i, 0));
        return out;
    }

    /** "host:port" of the nodes holding placements of a table (or of one shard of it). */
    QStringList placementNodes(const std::string& where)
    {
        QStringList nodes = column("SELECT DISTINCT nodename || ':' || nodeport FROM pg_dist_shard_placement p JOIN "
                                   "pg_dist_shard s USING (shardid) WHERE " +
                                   where);
        nodes.sort();
        return nodes;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("CITUS_TEST_DSN"))
            QSKIP("CITUS_TEST_DSN is not set: no Citus coordinator to test against.");
        m_session = std::make_unique<PgSession>(citusOptions());
        const Status connected = m_session->connect();
        QVERIFY2(connected.ok(), connected.ok() ? "" : connected.error().message.c_str());
        QCOMPARE(column("SELECT count(*) FROM pg_extension WHERE extname = 'citus'"), QStringList{QStringLiteral("1")});
        for (const char* sql : {
                 "DROP SCHEMA IF EXISTS ex_check_test CASCADE",
                 "CREATE SCHEMA ex_check_test",
                 "CREATE TABLE ex_check_test.events (tenant_id int NOT NULL, id bigint NOT NULL, kind text, amount "
                 "numeric, PRIMARY KEY (tenant_id, id))",
                 "CREATE TABLE ex_check_test.tenants (tenant_id int PRIMARY KEY, name text)",
                 "CREATE TABLE ex_check_test.events_copy (tenant_id int NOT NULL, id bigint NOT NULL, kind text, "
                 "amount numeric)",
                 "CREATE TABLE ex_check_test.items (item_id bigint PRIMARY KEY, tenant_id int, price numeric)",
                 "SELECT create_distributed_table('ex_check_test.events', 'tenant_id', shard_count := 8)",
                 "SELECT create_distributed_table('ex_check_test.tenants', 'tenant_id', colocate_with := "
                 "'ex_check_test.events')",
                 "SELECT create_distributed_table('ex_check_test.events_copy', 'tenant_id', colocate_with := "
                 "'ex_check_test.events')",
                 "SELECT create_distributed_table('ex_check_test.items', 'item_id', shard_count := 4)",
                 "INSERT INTO ex_check_test.tenants SELECT g, 'tenant ' || g FROM generate_series(1, 50) g",
                 "INSERT INTO ex_check_test.events SELECT 1 + g % 50, g, CASE WHEN g % 3 = 0 THEN 'click' ELSE "
                 "'view' END, g % 97 FROM generate_series(1, 5000) g",
                 "INSERT INTO ex_check_test.items SELECT g, 1 + g % 50, g % 13 FROM generate_series(1, 1000) g",
                 "ANALYZE ex_check_test.events, ex_check_test.tenants, ex_check_test.items",
             }) {
            Result<QueryResult> r = m_session->exec(sql);
            QVERIFY2(r.ok(), r.ok() ? sql : r.error().message.c_str());
        }
    }

    void cleanupTestCase()
    {
        if (m_session && m_session->isConnected())
            (void)m_session->exec("DROP SCHEMA IF EXISTS ex_check_test CASCADE");
    }

    void allTasks_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("analyze");
        QTest::addColumn<bool>("repartition");
        QTest::addColumn<int>("taskCount");
        QTest::addColumn<int>("tasksInPlan");
        QTest::addColumn<int>("subplans");
        QTest::addColumn<int>("dependentJobs");
        QTest::addColumn<QString>("placementsWhere"); // where the tasks must have run
        QTest::newRow("router") << QStringLiteral("SELECT kind, amount FROM ex_check_test.events WHERE tenant_id = 7 "
                                                  "ORDER BY id LIMIT 5")
                                << true << false << 1 << 1 << 0 << 0
                                << QStringLiteral("shardid = get_shard_id_for_distribution_column("
                                                  "'ex_check_test.events', 7)");
        QTest::newRow("multi-shard") << QStringLiteral("SELECT kind, count(*) FROM ex_check_test.events GROUP BY kind")
                                     << true << false << 8 << 8 << 0 << 0
                                     << QStringLiteral("logicalrelid = 'ex_check_test.events'::regclass");
        QTest::newRow("cte subplan") << QStringLiteral(
                                            "WITH top AS (SELECT tenant_id, count(*) AS n FROM ex_check_test.events "
                                            "GROUP BY tenant_id ORDER BY n DESC, tenant_id LIMIT 3) SELECT t.name, "
                                            "top.n FROM top JOIN ex_check_test.tenants t USING (tenant_id)")
                                     << true << false << 8 << 16 << 1 << 0
                                     << QStringLiteral("logicalrelid = 'ex_check_test.events'::regclass");
        QTest::newRow("repartition join")
            << QStringLiteral("SELECT count(*) FROM ex_check_test.events e JOIN ex_check_test.items i ON e.id = "
                              "i.item_id")
            << true << true << 12 << 0 << 0 << 2 << QString();
        QTest::newRow("insert select pushdown")
            << QStringLiteral("INSERT INTO ex_check_test.events_copy SELECT * FROM ex_check_test.events WHERE kind = "
                              "'click'")
            << true << false << 8 << 8 << 0 << 0 << QStringLiteral("logicalrelid = 'ex_check_test.events'::regclass");
        QTest::newRow("insert select repartition (plan only)")
            << QStringLiteral("INSERT INTO ex_check_test.items (item_id, tenant_id, price) SELECT id + 100000, "
                              "tenant_id, amount FROM ex_check_test.events WHERE id <= 300")
            << false << false << 8 << 8 << 0 << 0 << QStringLiteral("logicalrelid = 'ex_check_test.events'::regclass");
    }

    void allTasks()
    {
        QFETCH(QString, sql);
        QFETCH(bool, analyze);
        QFETCH(bool, repartition);
        QFETCH(int, taskCount);
        QFETCH(int, tasksInPlan);
        QFETCH(int, subplans);
        QFETCH(int, dependentJobs);
        QFETCH(QString, placementsWhere);
        ExplainRunner runner(citusOptions());
        const Run run = runAndAnalyze(runner, sql, optionsFrom(analyze, true, repartition));
        QVERIFY2(run.outcome.ok, run.outcome.error.message.c_str());
        QVERIFY(run.summary.distributed);
        QCOMPARE(run.summary.taskCount.value_or(-1), taskCount);
        QCOMPARE(static_cast<int>(run.analysis.tasks.size()), tasksInPlan);
        QVERIFY(!run.summary.sampled);
        QCOMPARE(run.analysis.analyzed, analyze);
        int subplanRows = 0;
        int dependentRows = 0;
        for (const explain::PlanRow& row : run.analysis.rows) {
            subplanRows += row.kind == explain::PlanRowKind::Subplan ? 1 : 0;
            dependentRows += row.kind == explain::PlanRowKind::DependentJob ? 1 : 0;
            // Tasks that send rows back say how much ("Tuple data received from node").
            if (row.kind == explain::PlanRowKind::Task && analyze && !sql.startsWith(QLatin1String("INSERT")))
                QVERIFY(!row.task->tupleDataReceived.empty());
        }
        QCOMPARE(subplanRows, subplans);
        QCOMPARE(dependentRows, dependentJobs);
        const QStringList expected =
            placementsWhere.isEmpty() ? QStringList() : placementNodes(placementsWhere.toStdString());
        QCOMPARE(toList(run.summary.workerNodes), expected);
        QCOMPARE(column("SELECT count(*) FROM ex_check_test.events_copy"), QStringList{QStringLiteral("0")});
        QCOMPARE(column("SELECT count(*) FROM ex_check_test.items"), QStringList{QStringLiteral("1000")});
    }

    void sampledPlanRerunWithAllTasks()
    {
        ExplainRunner runner(citusOptions());
        const QString sql = QStringLiteral("SELECT count(*) FROM ex_check_test.events");
        const Run sampled = runAndAnalyze(runner, sql, optionsFrom(true, false, false));
        QVERIFY2(sampled.outcome.ok, sampled.outcome.error.message.c_str());
        QVERIFY(sampled.summary.sampled);
        QCOMPARE(sampled.summary.tasksShown.value_or(-1), 1);
        QCOMPARE(QString::fromStdString(sampled.summary.tasksShownText), QStringLiteral("One of 8"));
        const Run all = runAndAnalyze(runner, sql, optionsFrom(true, true, false));
        QVERIFY2(all.outcome.ok, all.outcome.error.message.c_str());
        QVERIFY(!all.summary.sampled);
        QCOMPARE(all.summary.tasksShown.value_or(-1), 8);
        QCOMPARE(all.analysis.workers.size(), std::size_t(placementNodes("logicalrelid = "
                                                                         "'ex_check_test.events'::regclass")
                                                              .size()));
    }

    void citusRefusalsInPlainWords_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("analyze");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("hint");
        QTest::newRow("repartition join not allowed")
            << QStringLiteral("SELECT count(*) FROM ex_check_test.events e JOIN ex_check_test.items i ON e.id = "
                              "i.item_id")
            << false << QStringLiteral("Citus needs a repartition join to run this statement")
            << QStringLiteral("repartition joins");
        QTest::newRow("analyze of a repartitioned insert select")
            << QStringLiteral("INSERT INTO ex_check_test.items (item_id, tenant_id, price) SELECT id + 100000, "
                              "tenant_id, amount FROM ex_check_test.events WHERE id <= 300")
            << true << QStringLiteral("Citus cannot run EXPLAIN ANALYZE of this statement")
            << QStringLiteral("without ANALYZE");
    }

    void citusRefusalsInPlainWords()
    {
        QFETCH(QString, sql);
        QFETCH(bool, analyze);
        QFETCH(QString, start);
        QFETCH(QString, hint);
        ExplainRunner runner(citusOptions());
        const Run run = runAndAnalyze(runner, sql, optionsFrom(analyze, false, false));
        QVERIFY(!run.outcome.ok);
        QVERIFY2(QString::fromStdString(run.outcome.error.message).startsWith(start),
                 run.outcome.error.message.c_str());
        QVERIFY2(QString::fromStdString(run.outcome.error.hint).contains(hint), run.outcome.error.hint.c_str());
        // Nothing stayed: the runner's connection is usable and no row was added.
        QVERIFY(runAndAnalyze(runner, QStringLiteral("SELECT 1"), {}).outcome.ok);
        QCOMPARE(column("SELECT count(*) FROM ex_check_test.items"), QStringList{QStringLiteral("1000")});
    }
};

QTEST_GUILESS_MAIN(TestCitusExplain)
#include "tst_citus_explain.moc"
