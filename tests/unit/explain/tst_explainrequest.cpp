// SPDX-License-Identifier: MIT
// The EXPLAIN script the page shows before running: options, rollback of data-changing statements.
#include "explain/explainrequest.h"

#include <QTest>

using namespace shardscope::explain;

class TestExplainRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void script_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("analyze");
        QTest::addColumn<bool>("allTasks");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("SELECT 1;") << false << false
                               << QStringLiteral("EXPLAIN (FORMAT JSON) SELECT 1;\n");
        QTest::newRow("analyze select") << QStringLiteral("SELECT 'insert into'") << true << false
                                        << QStringLiteral(
                                               "EXPLAIN (ANALYZE, WAL, FORMAT JSON) SELECT 'insert into';\n");
        QTest::newRow("analyze insert") << QStringLiteral("  insert into t values (1) ; ") << true << false
                                        << QStringLiteral("BEGIN;\nEXPLAIN (ANALYZE, WAL, FORMAT JSON) insert into t "
                                                          "values (1);\nROLLBACK;\n");
        QTest::newRow("cte update") << QStringLiteral("WITH u AS (UPDATE t SET v = 1 RETURNING *) SELECT * FROM u")
                                    << true << false
                                    << QStringLiteral("BEGIN;\nEXPLAIN (ANALYZE, WAL, FORMAT JSON) WITH u AS (UPDATE t "
                                                      "SET v = 1 RETURNING *) SELECT * FROM u;\nROLLBACK;\n");
        QTest::newRow("all tasks") << QStringLiteral("SELECT count(*) FROM events -- delete") << false << true
                                   << QStringLiteral("BEGIN;\nSET LOCAL citus.explain_all_tasks = on;\nEXPLAIN (FORMAT "
                                                     "JSON) SELECT count(*) FROM events -- delete\n;\nROLLBACK;\n");
    }

    void script()
    {
        QFETCH(QString, sql);
        QFETCH(bool, analyze);
        QFETCH(bool, allTasks);
        QFETCH(QString, expected);
        ExplainOptions options;
        options.analyze = analyze;
        options.wal = true; // dropped without ANALYZE
        options.allTasks = allTasks;
        const ExplainScript script = buildExplainScript(sql.toStdString(), options);
        QCOMPARE(QString::fromStdString(script.text), expected);
        QCOMPARE(script.rolledBack, analyze && expected.startsWith(QLatin1String("BEGIN")));
        // The statements sent one by one are the same text, and the EXPLAIN is the one whose rows are the plan.
        QString joined;
        for (const std::string& statement : script.statements)
            joined += QString::fromStdString(statement) + QStringLiteral(";\n");
        QCOMPARE(joined, expected);
        QVERIFY(script.explainIndex < script.statements.size());
        QVERIFY(QString::fromStdString(script.statements[script.explainIndex]).startsWith(QLatin1String("EXPLAIN (")));
        QCOMPARE(script.transaction, expected.startsWith(QLatin1String("BEGIN")));
    }

    void repartitionJoins()
    {
        ExplainOptions options;
        options.repartitionJoins = true;
        const ExplainScript script = buildExplainScript("SELECT 1", options);
        QCOMPARE(QString::fromStdString(script.text),
                 QStringLiteral("BEGIN;\nSET LOCAL citus.enable_repartition_joins = on;\nEXPLAIN (FORMAT JSON) SELECT "
                                "1;\nROLLBACK;\n"));
        QCOMPARE(script.explainIndex, std::size_t(2));
        QVERIFY(!script.rolledBack);
    }
};

QTEST_GUILESS_MAIN(TestExplainRequest)
#include "tst_explainrequest.moc"
