// SPDX-License-Identifier: MIT
// EXPLAIN runs on a side connection to plain PostgreSQL 15: plans, ANALYZE of an INSERT rolled back, cancel of a
// slow statement, errors in plain words with the server's message.
#include "explain/explainrequest.h"
#include "explain/planreader.h"
#include "live/explainrunner.h"
#include "live/pgerrors.h"
#include "live/pgsession.h"
#include "pgtestserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace shardscope;
using namespace shardscope::live;

namespace {

ConnectionOptions testOptions()
{
    Result<ConnectionOptions> options = ConnectionOptions::parse(test::PgTestServer::conninfo().toStdString());
    return options ? options.value() : ConnectionOptions();
}

/** Runs one script and waits for its outcome. */
ExplainOutcome runAndWait(ExplainRunner& runner, const std::string& sql, const explain::ExplainOptions& options)
{
    QSignalSpy finished(&runner, &ExplainRunner::runFinished);
    const quint64 id = runner.run(explain::buildExplainScript(sql, options));
    if (!finished.wait(60000))
        return ExplainOutcome{};
    auto out = finished.takeFirst().at(0).value<ExplainOutcome>();
    return out.runId == id ? out : ExplainOutcome{};
}

} // namespace

class TestExplainRunner : public QObject
{
    Q_OBJECT

    std::unique_ptr<PgSession> m_session; // the test's own connection, to check what stayed

    std::string scalar(const std::string& sql)
    {
        Result<QueryResult> r = m_session->exec(sql);
        return r ? r->text(0, 0) : "error: " + r.error().message;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (test::PgTestServer::conninfo().isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
        m_session = std::make_unique<PgSession>(testOptions());
        QVERIFY(m_session->connect().ok());
        QVERIFY(m_session->exec("DROP TABLE IF EXISTS ex_runner").ok());
        QVERIFY(m_session->exec("CREATE TABLE ex_runner (id int PRIMARY KEY, v text)").ok());
        QVERIFY(m_session->exec("INSERT INTO ex_runner SELECT g, 'v' || g FROM generate_series(1, 100) g").ok());
        QVERIFY(m_session->exec("ANALYZE ex_runner").ok());
    }

    void cleanupTestCase()
    {
        if (m_session)
            (void)m_session->exec("DROP TABLE IF EXISTS ex_runner");
    }

    void plainExplain()
    {
        ExplainRunner runner(testOptions());
        const ExplainOutcome out = runAndWait(runner, "SELECT * FROM ex_runner WHERE v = 'v7'", {});
        QVERIFY2(out.ok, out.error.message.c_str());
        QVERIFY(!out.rolledBack);
        Result<explain::ExplainPlan> plan = explain::parsePlan(out.planJson);
        QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().message.c_str());
        QCOMPARE(QString::fromStdString(plan->first()->plan()->nodeType), QStringLiteral("Seq Scan"));
        QCOMPARE(QString::fromStdString(plan->first()->plan()->relationName), QStringLiteral("ex_runner"));
        QVERIFY(!plan->first()->plan()->analyzed());
        QVERIFY(!runner.isRunning());
    }

    void analyzeInsertIsRolledBack_data()
    {
        QTest::addColumn<bool>("allTasks");
        QTest::newRow("analyze") << false;
        // On plain PostgreSQL the Citus setting is only a placeholder: SET LOCAL must still work.
        QTest::newRow("analyze, all tasks") << true;
    }

    void analyzeInsertIsRolledBack()
    {
        QFETCH(bool, allTasks);
        ExplainRunner runner(testOptions());
        explain::ExplainOptions options;
        options.analyze = true;
        options.buffers = true;
        options.allTasks = allTasks;
        const ExplainOutcome out =
            runAndWait(runner, "INSERT INTO ex_runner SELECT g, 'new' FROM generate_series(1001, 1050) g", options);
        QVERIFY2(out.ok, out.error.message.c_str());
        QVERIFY(out.rolledBack);
        Result<explain::ExplainPlan> plan = explain::parsePlan(out.planJson);
        QVERIFY(plan.ok());
        const explain::PlanNode* root = plan->first()->plan();
        QCOMPARE(QString::fromStdString(root->nodeType), QStringLiteral("ModifyTable"));
        QVERIFY(root->analyzed());
        QCOMPARE(root->children.front().actualRows.value_or(-1), 50.0); // the INSERT really ran
        QCOMPARE(scalar("SELECT count(*) FROM ex_runner"), std::string("100"));
        // The runner's connection has no transaction left: a plain run after it works and sees 100 rows.
        const ExplainOutcome after = runAndWait(runner, "SELECT count(*) FROM ex_runner", {});
        QVERIFY2(after.ok, after.error.message.c_str());
    }

    void cancelSlowStatement_data()
    {
        QTest::addColumn<bool>("transaction");
        QTest::newRow("plain") << false;
        QTest::newRow("inside a transaction") << true;
    }

    void cancelSlowStatement()
    {
        QFETCH(bool, transaction);
        ExplainRunner runner(testOptions());
        QSignalSpy finished(&runner, &ExplainRunner::runFinished);
        QSignalSpy cancelled(&runner, &ExplainRunner::cancelRequested);
        explain::ExplainOptions options;
        options.analyze = true;
        options.allTasks = transaction;
        runner.run(explain::buildExplainScript("SELECT pg_sleep(60)", options));
        QVERIFY(runner.isRunning());
        // Let it reach the server (the connect takes a moment).
        QTRY_VERIFY_WITH_TIMEOUT(scalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'EXPLAIN%pg_sleep%' "
                                        "AND pid <> pg_backend_pid()") == "1",
                                 20000);
        QElapsedTimer timer;
        timer.start();
        runner.cancel();
        QCOMPARE(cancelled.count(), 1); // acknowledged at once, before the server answers
        QVERIFY(finished.wait(20000));
        QVERIFY(timer.elapsed() < 20000);
        const auto out = finished.at(0).at(0).value<ExplainOutcome>();
        QVERIFY(!out.ok);
        QVERIFY(out.cancelled);
        QCOMPARE(QString::fromStdString(out.error.code), QStringLiteral("57014"));
        QVERIFY2(QString::fromStdString(out.error.message).startsWith(QLatin1String("EXPLAIN was cancelled")),
                 out.error.message.c_str());
        QVERIFY(QString::fromStdString(out.error.detail).contains(QLatin1String("canceling statement")));
        // The same connection serves the next run (no aborted transaction left behind).
        const ExplainOutcome next = runAndWait(runner, "SELECT 1", {});
        QVERIFY2(next.ok, next.error.message.c_str());
    }

    void destroyingTheRunnerNeverWaits()
    {
        auto runner = std::make_unique<ExplainRunner>(testOptions());
        explain::ExplainOptions options;
        options.analyze = true;
        runner->run(explain::buildExplainScript("SELECT pg_sleep(60) AS ex_destroyed", options));
        const std::string running = "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'EXPLAIN%ex_destroyed%' "
                                    "AND pid <> pg_backend_pid()";
        QTRY_VERIFY_WITH_TIMEOUT(scalar(running) == "1", 20000);
        QElapsedTimer timer;
        timer.start();
        runner.reset(); // a page closed while its EXPLAIN runs
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        // The statement is cancelled on the server and its connection closed soon after.
        QTRY_VERIFY_WITH_TIMEOUT(scalar(running) == "0", 20000);
    }

    void errorsInPlainWords_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("analyze");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("server");
        QTest::newRow("syntax") << QStringLiteral("SELEC * FROM ex_runner") << false << QStringLiteral("42601")
                                << QStringLiteral("The statement is not valid SQL: ")
                                << QStringLiteral("syntax error at or near \"SELEC\"");
        QTest::newRow("missing table") << QStringLiteral("SELECT * FROM ex_nowhere") << false << QStringLiteral("42P01")
                                       << QStringLiteral("The statement names something that does not exist")
                                       << QStringLiteral("relation \"ex_nowhere\" does not exist");
        QTest::newRow("two statements") << QStringLiteral("SELECT 1; SELECT 2") << false << QStringLiteral("42601")
                                        << QStringLiteral("Only one statement can be explained at a time")
                                        << QStringLiteral("multiple commands");
        QTest::newRow("runtime error, rolled back")
            << QStringLiteral("INSERT INTO ex_runner VALUES (1, 'duplicate')") << true << QStringLiteral("23505")
            << QStringLiteral("The server could not explain the statement")
            << QStringLiteral("duplicate key value violates unique constraint");
    }

    void errorsInPlainWords()
    {
        QFETCH(QString, sql);
        QFETCH(bool, analyze);
        QFETCH(QString, code);
        QFETCH(QString, start);
        QFETCH(QString, server);
        ExplainRunner runner(testOptions());
        explain::ExplainOptions options;
        options.analyze = analyze;
        const ExplainOutcome out = runAndWait(runner, sql.toStdString(), options);
        QVERIFY(!out.ok);
        QVERIFY(!out.cancelled);
        QCOMPARE(QString::fromStdString(out.error.code), code);
        const QString message = QString::fromStdString(out.error.message);
        QVERIFY2(message.startsWith(start), qPrintable(message));
        QVERIFY2(message.contains(server), qPrintable(message));
        // The failed transaction is gone: the next run on the same connection works.
        const ExplainOutcome next = runAndWait(runner, "SELECT 1", {});
        QVERIFY2(next.ok, next.error.message.c_str());
        QCOMPARE(scalar("SELECT count(*) FROM ex_runner"), std::string("100"));
    }

    void unreachableServer()
    {
        // A port nothing listens on: the connection error, explained.
        Result<ConnectionOptions> options =
            ConnectionOptions::parse("host=127.0.0.1 port=1 user=postgres dbname=postgres connect_timeout=2");
        QVERIFY(options.ok());
        ExplainRunner runner(options.value());
        const ExplainOutcome out = runAndWait(runner, "SELECT 1", {});
        QVERIFY(!out.ok);
        QCOMPARE(QString::fromStdString(out.error.code), QString::fromLatin1(codes::kUnreachable));
        QVERIFY2(QString::fromStdString(out.error.message).contains(QLatin1String("cannot be reached")),
                 out.error.message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestExplainRunner)
#include "tst_explain_runner.moc"
