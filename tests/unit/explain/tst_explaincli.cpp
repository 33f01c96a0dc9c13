// SPDX-License-Identifier: MIT
// shardscope-cli explain end to end: the process, its output and its exit status.
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList& args, const QByteArray& input = {})
{
    QProcess process;
    process.start(QStringLiteral(SHARDSCOPE_CLI), args);
    if (!input.isNull()) {
        process.write(input);
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestExplainCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void json_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("analyze one of 32")
            << QStringLiteral("03_explain_analyze_multi_shard_count.json")
            << QByteArray(R"({"distributed":true,"execution_time_ms":102.889,"planning_time_ms":1.921,)"
                          R"("slowest_node":{"node_type":"Custom Scan","self_time_ms":102.783},"task_count":32,)"
                          R"("tasks_shown":1,"worker_nodes":["127.0.0.1:9702"]})");
        QTest::newRow("all tasks text")
            << QStringLiteral("03_explain_analyze_all_tasks_text_multi_shard_count.txt")
            << QByteArray(R"({"distributed":true,"execution_time_ms":106.195,"planning_time_ms":1.897,)"
                          R"("slowest_node":{"node_type":"Custom Scan","self_time_ms":106.095},"task_count":32,)"
                          R"("tasks_shown":32,"worker_nodes":["127.0.0.1:9701","127.0.0.1:9702"]})");
        QTest::newRow("plain explain")
            << QStringLiteral("03_explain_router_select.json")
            << QByteArray(R"({"distributed":true,"execution_time_ms":null,"planning_time_ms":null,)"
                          R"("slowest_node":null,"task_count":1,"tasks_shown":1,"worker_nodes":["127.0.0.1:9702"]})");
        QTest::newRow("repartition")
            << QStringLiteral("03_text_explain_verbose_repartition_join_dual.txt")
            << QByteArray(R"({"distributed":true,"execution_time_ms":null,"planning_time_ms":null,)"
                          R"("slowest_node":null,"task_count":12,"tasks_shown":0,"worker_nodes":[]})");
    }

    void json()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, expected);
        const Run run =
            runCli({QStringLiteral("explain"), QStringLiteral("--file"),
                    shardscope::test::dataPath(QStringLiteral("explain/") + file), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isObject());
        QCOMPARE(doc.toJson(QJsonDocument::Compact), expected);
        QVERIFY(run.err.isEmpty());
    }

    void standardInput()
    {
        const QByteArray plan =
            shardscope::test::readData(QStringLiteral("explain/03_explain_text_multi_shard_count.txt"));
        const Run run = runCli(
            {QStringLiteral("explain"), QStringLiteral("--file"), QStringLiteral("-"), QStringLiteral("--json")}, plan);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(o.value(QStringLiteral("task_count")).toInt(), 32);
        QCOMPARE(o.value(QStringLiteral("worker_nodes")).toArray().size(), 1);
    }

    void readableSummary()
    {
        const Run run =
            runCli({QStringLiteral("explain"), QStringLiteral("--file"),
                    shardscope::test::dataPath(QStringLiteral("explain/03_explain_analyze_colocated_join.json"))});
        QCOMPARE(run.exitCode, 0);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(QLatin1String("Task count:       32")), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("1 (One of 32)")));
        QVERIFY(out.contains(QLatin1String("citus.explain_all_tasks")));
        QVERIFY(out.contains(QLatin1String("Slowest node:     Custom Scan (Citus Adaptive)")));
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file") << QStringList{QStringLiteral("--file"), QStringLiteral("/nonexistent/plan.json")}
                                      << QByteArray() << 1 << QStringLiteral("Cannot read the plan file");
        QTest::newRow("garbage stdin") << QStringList{QStringLiteral("--file"), QStringLiteral("-")}
                                       << QByteArray("{\"Plan\": [") << 1 << QStringLiteral("Invalid EXPLAIN JSON");
        QTest::newRow("server error")
            << QStringList{QStringLiteral("--file"),
                           shardscope::test::dataPath(
                               QStringLiteral("explain/03_explain_analyze_insert_select_repartition.ERROR.txt"))}
            << QByteArray() << 1 << QStringLiteral("server error instead of a plan");
        QTest::newRow("no file option") << QStringList{QStringLiteral("--json")} << QByteArray() << 2
                                        << QStringLiteral("needs --file");
    }

    void failures()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        args.prepend(QStringLiteral("explain"));
        const Run run = runCli(args, input);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestExplainCli)
#include "tst_explaincli.moc"
