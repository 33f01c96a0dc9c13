// SPDX-License-Identifier: MIT
// Malformed, truncated and hostile plan files give a clear Error, never a crash or a stack overflow.
#include "explain/planjsonwriter.h"
#include "explain/planreader.h"
#include "explain/plantextreader.h"
#include "testdata.h"

#include <QTest>

using namespace shardscope;
using namespace shardscope::explain;

class TestExplainHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refused_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected"); // part of the message

        const QByteArray fixture = test::readData(QStringLiteral("explain/03_explain_analyze_multi_shard_count.json"));
        QVERIFY(!fixture.isEmpty());
        QTest::newRow("empty") << QByteArray() << QStringLiteral("holds no EXPLAIN plan");
        QTest::newRow("blank") << QByteArray("  \n\n  ") << QStringLiteral("holds no EXPLAIN plan");
        QTest::newRow("truncated json") << fixture.left(fixture.size() / 2) << QStringLiteral("Invalid EXPLAIN JSON");
        QTest::newRow("truncated in a number")
            << fixture.left(fixture.indexOf("250.0") + 4) << QStringLiteral("Invalid EXPLAIN JSON");
        QTest::newRow("deep arrays") << QByteArray(200000, '[') + QByteArray(200000, ']')
                                     << QStringLiteral("nested deeper than");
        QTest::newRow("deep objects") << QByteArray("{\"Plan\":").repeated(5000)
                                      << QStringLiteral("Invalid EXPLAIN JSON");
        QTest::newRow("huge number") << QByteArray("[{\"Plan\": {\"Node Type\": \"Result\", \"Plan Rows\": 1e999}}]")
                                     << QStringLiteral("Invalid EXPLAIN JSON");
        QTest::newRow("huge task count")
            << QByteArray("[{\"Plan\": {\"Node Type\": \"Custom Scan\", \"Distributed Query\": {\"Job\": "
                          "{\"Task Count\": 123456789012345678901234567890}}}}]")
            << QStringLiteral("Invalid EXPLAIN JSON");
        QTest::newRow("rows is a string")
            << QByteArray("[{\"Plan\": {\"Node Type\": \"Result\", \"Plan Rows\": \"many\"}}]")
            << QStringLiteral("\"Plan Rows\" must be a number");
        QTest::newRow("plans is an object") << QByteArray("[{\"Plan\": {\"Node Type\": \"Result\", \"Plans\": {}}}]")
                                            << QStringLiteral("\"Plans\" must be an array");
        QTest::newRow("tasks is a number")
            << QByteArray(
                   "[{\"Plan\": {\"Node Type\": \"Custom Scan\", \"Distributed Query\": {\"Job\": {\"Tasks\": 3}}}}]")
            << QStringLiteral("\"Tasks\" must be an array");
        QTest::newRow("remote plan is a string")
            << QByteArray("[{\"Plan\": {\"Node Type\": \"Custom Scan\", \"Distributed Query\": {\"Job\": {\"Tasks\": "
                          "[{\"Remote Plan\": \"x\"}]}}}}]")
            << QStringLiteral("\"Remote Plan\" must be an array");
        QTest::newRow("no node type") << QByteArray("[{\"Plan\": {\"Plan Rows\": 3}}]")
                                      << QStringLiteral("no \"Node Type\"");
        QTest::newRow("no plan") << QByteArray("[{\"Planning Time\": 3}]") << QStringLiteral("no \"Plan\"");
        QTest::newRow("empty array") << QByteArray("[]") << QStringLiteral("holds no plan");
        QTest::newRow("json scalar in array") << QByteArray("[1, 2]") << QStringLiteral("must be a JSON object");
        QTest::newRow("binary junk") << QByteArray("\x7f"
                                                   "ELF\x02\x01\x01\0\0\0\xff\xfe",
                                                   14)
                                     << QStringLiteral("not UTF-8 text");
        QTest::newRow("invalid utf8") << QByteArray("Seq Scan on t\xc3\x28  (cost=1..2 rows=1 width=1)")
                                      << QStringLiteral("not UTF-8 text");
        QTest::newRow("server error") << test::readData(QStringLiteral(
                                             "explain/03_explain_analyze_insert_select_repartition.ERROR.txt"))
                                      << QStringLiteral("server error instead of a plan");
        QTest::newRow("server error in text capture")
            << test::readData(
                   QStringLiteral("explain/03_text_explain_analyze_verbose_insert_select_pull_to_coordinator.txt"))
            << QStringLiteral("not supported for INSERT ... SELECT");
        QTest::newRow("arrow first") << QByteArray("->  Seq Scan on t  (cost=1..2 rows=1 width=1)")
                                     << QStringLiteral("starts with an arrow");
        QTest::newRow("bad cost") << QByteArray("Seq Scan on t  (cost=1..x rows=1 width=1)")
                                  << QStringLiteral("malformed figures");
        QTest::newRow("nan cost") << QByteArray("Seq Scan on t  (cost=nan..inf rows=1 width=1)")
                                  << QStringLiteral("malformed figures");
        QTest::newRow("unclosed figures")
            << QByteArray("Seq Scan on t  (cost=1..2 rows=1 width=1") << QStringLiteral("unclosed parenthesis");
        QTest::newRow("label without plan") << QByteArray("Result  (cost=1..2 rows=1 width=1)\n  InitPlan 1\n")
                                            << QStringLiteral("not followed by a plan node");
        QTest::newRow("bad planning time") << QByteArray("Result  (cost=1..2 rows=1 width=1)\nPlanning Time: soon\n")
                                           << QStringLiteral("\"Planning Time\" is not a number");
        QByteArray deepText("Result  (cost=1..2 rows=1 width=1)\n");
        for (int i = 1; i < 500; ++i)
            deepText += QByteArray(i * 6 - 4, ' ') + "->  Result  (cost=1..2 rows=1 width=1)\n";
        QTest::newRow("deep text") << deepText << QStringLiteral("nested deeper than");
    }

    void refused()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        const Result<ExplainPlan> plan =
            parsePlan(std::string_view(data.constData(), static_cast<std::size_t>(data.size())));
        QVERIFY(!plan.ok());
        const QString message = QString::fromStdString(plan.error().message);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QCOMPARE(plan.error().code, std::string("shardscope.invalid_plan"));
    }

    void everyPrefixOfAFixtureIsSafe()
    {
        // Cutting a plan anywhere gives a plan or an Error, never a crash.
        for (const char* file : {"explain/03_explain_analyze_colocated_join.json",
                                 "explain/03_text_explain_analyze_verbose_colocated_join.txt"}) {
            const QByteArray data = test::readData(QLatin1String(file));
            QVERIFY(!data.isEmpty());
            int parsed = 0;
            for (qsizetype cut = 0; cut < data.size(); cut += 7) {
                const Result<ExplainPlan> plan =
                    parsePlan(std::string_view(data.constData(), static_cast<std::size_t>(cut)));
                parsed += plan.ok() ? 1 : 0;
                if (plan.ok())
                    QVERIFY(!writePlanJson(*plan).empty());
            }
            // A cut JSON document never parses; a cut text plan does whenever the cut falls in a detail line.
            QCOMPARE(parsed > 0, QByteArray(file).endsWith(".txt"));
        }
    }

    void deepButAcceptableTextNests()
    {
        QByteArray text("Result  (cost=1..2 rows=1 width=1)\n");
        for (int i = 1; i < 100; ++i)
            text += QByteArray(i * 6 - 4, ' ') + "->  Result  (cost=1..2 rows=1 width=1)\n";
        const Result<ExplainPlan> plan =
            parsePlanText(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        QVERIFY(plan.ok());
        int depth = 0;
        for (const PlanNode* n = plan->first()->plan(); !n->children.empty(); n = &n->children[0])
            ++depth;
        QCOMPARE(depth, 99);
    }
};

QTEST_GUILESS_MAIN(TestExplainHostile)
#include "tst_explainhostile.moc"
