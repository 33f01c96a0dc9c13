// SPDX-License-Identifier: MIT
// Every captured Citus plan parses, keeps its distributed parts and survives a JSON round trip.
#include "explain/planfile.h"
#include "explain/planjsonreader.h"
#include "explain/planjsonwriter.h"
#include "explain/planreader.h"
#include "explain/plantextwriter.h"
#include "testdata.h"

#include <QDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::explain;

namespace {

ExplainPlan load(const QString& name)
{
    Result<ExplainPlan> plan = loadPlanFile(test::dataPath(QStringLiteral("explain/") + name));
    if (!plan)
        qWarning("%s: %s", qPrintable(name), plan.error().message.c_str());
    return plan ? std::move(plan).value() : ExplainPlan{};
}

/** Node labels in pre-order (coordinator, tasks and worker plans), for comparing shapes. */
void shape(const PlanNode& n, int depth, QStringList& out);

void shape(const ExplainStatement& s, int depth, QStringList& out)
{
    if (const PlanNode* root = s.plan())
        shape(*root, depth, out);
}

void shape(const PlanNode& n, int depth, QStringList& out)
{
    out.append(QString(depth * 2, QLatin1Char(' ')) +
               QString::fromStdString(n.nodeType + ' ' + n.customPlanProvider + ' ' + n.joinType + ' ' + n.strategy));
    if (n.job) {
        for (const CitusTask& t : n.job->tasks) {
            out.append(QString(depth * 2 + 2, QLatin1Char(' ')) + QStringLiteral("Task ") +
                       QString::fromStdString(t.hostPort()));
            for (const ExplainStatement& s : t.remotePlan)
                shape(s, depth + 2, out);
        }
        for (std::size_t i = 0; i < n.job->dependentJobs.size(); ++i)
            out.append(QString(depth * 2 + 2, QLatin1Char(' ')) + QStringLiteral("MapMergeJob"));
    }
    for (const ExplainStatement& s : n.selectQuery)
        shape(s, depth + 1, out);
    for (const PlanNode& c : n.children)
        shape(c, depth + 1, out);
}

QStringList planFiles()
{
    QDir dir(test::dataPath(QStringLiteral("explain")));
    QStringList files = dir.entryList({QStringLiteral("03_*.json"), QStringLiteral("03_*text*.txt"),
                                       QStringLiteral("citus1322_*.json"), QStringLiteral("citus1322_*text*.txt")},
                                      QDir::Files);
    files.removeIf([](const QString& f) {
        // Some captures hold the server's refusal instead of a plan; tst_explainhostile checks their error.
        return test::readData(QStringLiteral("explain/") + f).contains("\nERROR:");
    });
    return files;
}

} // namespace

class TestExplainParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixtureParsesAndRoundTrips_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = planFiles();
        QVERIFY(files.size() >= 35);
        for (const QString& f : files)
            QTest::newRow(qPrintable(f)) << f;
    }

    void everyFixtureParsesAndRoundTrips()
    {
        QFETCH(QString, file);
        Result<ExplainPlan> plan = loadPlanFile(test::dataPath(QStringLiteral("explain/") + file));
        QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().message.c_str());
        QCOMPARE(plan->sourceFormat, file.endsWith(QLatin1String(".json")) ? PlanFormat::Json : PlanFormat::Text);
        QVERIFY(plan->first() && plan->first()->plan());

        for (int indent : {2, 0}) {
            const std::string json = writePlanJson(*plan, indent);
            Result<ExplainPlan> again = parsePlanJson(json);
            QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
            QVERIFY(again->samePlan(*plan));
            QCOMPARE(writePlanJson(*again, indent), json);
        }
        // The text rendering is readable by the text parser and keeps the shape.
        Result<ExplainPlan> fromText = parsePlan(writePlanText(*plan));
        QVERIFY2(fromText.ok(), fromText.ok() ? "" : fromText.error().message.c_str());
        QStringList a, b;
        shape(*plan->first(), 0, a);
        shape(*fromText->first(), 0, b);
        QCOMPARE(b, a);
    }

    void jsonAndTextAgreeOnShape_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("text");
        for (const char* key :
             {"multi_shard_count", "router_select", "colocated_join", "reference_join", "insert_router",
              "insert_select_pushdown", "insert_select_repartition", "insert_select_pull_to_coordinator",
              "repartition_join_single", "repartition_join_dual"})
            QTest::newRow(key) << QStringLiteral("03_explain_%1.json").arg(QLatin1String(key))
                               << QStringLiteral("03_text_explain_verbose_%1.txt").arg(QLatin1String(key));
        QTest::newRow("analyze all tasks") << QStringLiteral("03_explain_analyze_all_tasks_multi_shard_count.json")
                                           << QStringLiteral("03_explain_analyze_all_tasks_text_multi_shard_count.txt");
    }

    void jsonAndTextAgreeOnShape()
    {
        QFETCH(QString, json);
        QFETCH(QString, text);
        const ExplainPlan a = load(json);
        const ExplainPlan b = load(text);
        QVERIFY(a.first() && b.first());
        QStringList shapeA, shapeB;
        shape(*a.first(), 0, shapeA);
        shape(*b.first(), 0, shapeB);
        // Task order and the sampled task's worker may differ between two runs; compare the node skeleton.
        auto strip = [](QStringList list) {
            for (QString& line : list) {
                if (line.trimmed().startsWith(QLatin1String("Task")))
                    line = line.left(line.indexOf(QLatin1String("Task")) + 4);
            }
            return list;
        };
        QCOMPARE(strip(shapeB), strip(shapeA));
    }

    void citusPartsOfAnAnalyzedPlan()
    {
        const ExplainPlan plan = load(QStringLiteral("03_explain_analyze_multi_shard_count.json"));
        const ExplainStatement& s = *plan.first();
        QCOMPARE(*s.planningTimeMs, 1.921);
        QCOMPARE(*s.executionTimeMs, 102.889);
        QVERIFY(findProperty(s.properties, "Query Identifier"));
        const PlanNode& agg = *s.plan();
        QCOMPARE(agg.nodeType, std::string("Aggregate"));
        QCOMPARE(agg.buffers.sharedHit, std::optional<std::int64_t>(80));
        QCOMPARE(agg.children.size(), std::size_t(1));
        const PlanNode& scan = agg.children[0];
        QCOMPARE(scan.customPlanProvider, std::string("Citus Adaptive"));
        QVERIFY(scan.job);
        QCOMPARE(*scan.job->taskCount, std::int64_t(32));
        QCOMPARE(scan.job->tasksShown, std::string("One of 32"));
        QCOMPARE(scan.job->tupleDataReceived, std::string("256 bytes"));
        QVERIFY(!scan.job->allTasksShown());
        QCOMPARE(scan.job->tasks.size(), std::size_t(1));
        const CitusTask& task = scan.job->tasks[0];
        QCOMPARE(task.hostPort(), std::string("127.0.0.1:9702"));
        QCOMPARE(task.tupleDataReceived, std::string("8 bytes"));
        QVERIFY(task.query.find("events_102041") != std::string::npos);
        QCOMPARE(task.remotePlan.size(), std::size_t(1));
        QCOMPARE(*task.remotePlan[0].executionTimeMs, 34.129);
        const PlanNode& seq = task.remotePlan[0].plan()->children.at(0);
        QCOMPARE(seq.label(), std::string("Seq Scan on events_102041 events"));
        QCOMPARE(*seq.actualRows, 14257.0);
        QCOMPARE(*seq.planRows, 14000.0);
        QCOMPARE(findProperty(seq.properties, "Rows Removed by Filter")->integer, std::int64_t(98010));
    }

    void citusPartsOfATextPlan()
    {
        const ExplainPlan plan = load(QStringLiteral("03_explain_analyze_verbose_text_multi_shard_count.txt"));
        QCOMPARE(plan.sourceSql,
                 std::string(
                     "EXPLAIN (ANALYZE, VERBOSE, BUFFERS) SELECT count(*) FROM events WHERE event_type = 'checkout'"));
        const ExplainStatement& s = *plan.first();
        QCOMPARE(*s.planningTimeMs, 1.93);
        QCOMPARE(*s.executionTimeMs, 108.106);
        QVERIFY(findProperty(s.properties, "Planning")->member("Buffers"));
        const PlanNode& agg = *s.plan();
        QCOMPARE(*agg.actualTotalTimeMs, 108.022);
        QCOMPARE(*agg.buffers.sharedHit, std::int64_t(80));
        const PlanNode& scan = agg.children.at(0);
        QCOMPARE(scan.buffers.sharedHit, std::optional<std::int64_t>(80)); // the line after the task block
        QCOMPARE(*scan.job->taskCount, std::int64_t(32));
        QCOMPARE(scan.job->tasksShown, std::string("One of 32"));
        const CitusTask& task = scan.job->tasks.at(0);
        QCOMPARE(task.node, std::string("host=127.0.0.1 port=9702 dbname=postgres"));
        QCOMPARE(*task.remotePlan.at(0).planningTimeMs, 0.283);
        const PlanNode& seq = task.remotePlan.at(0).plan()->children.at(0);
        QCOMPARE(seq.schema, std::string("public"));
        QCOMPARE(seq.relationName, std::string("events_102041"));
        QCOMPARE(seq.alias, std::string("events"));
        QCOMPARE(*seq.buffers.sharedHit, std::int64_t(1787));
        QCOMPARE(findProperty(seq.properties, "Filter")->text, std::string("(events.event_type = 'checkout'::text)"));
    }

    void repartitionAndInsertSelect()
    {
        const ExplainPlan dual = load(QStringLiteral("03_explain_repartition_join_dual.json"));
        const PlanNode& scan = dual.first()->plan()->children.at(0);
        QCOMPARE(scan.job->dependentJobs.size(), std::size_t(2));
        QCOMPARE(*scan.job->dependentJobs[1].mapTaskCount, std::int64_t(32));
        QCOMPARE(*scan.job->dependentJobs[1].mergeTaskCount, std::int64_t(12));
        QCOMPARE(scan.job->tasksShown, std::string("None, not supported for re-partition queries"));

        const ExplainPlan text = load(QStringLiteral("03_text_explain_verbose_repartition_join_dual.txt"));
        QVERIFY(text.samePlan(text));
        QCOMPARE(text.first()->plan()->children.at(0).job->dependentJobs,
                 dual.first()->plan()->children.at(0).job->dependentJobs);

        for (const char* file :
             {"03_explain_insert_select_repartition.json", "03_text_explain_verbose_insert_select_repartition.txt"}) {
            const ExplainPlan plan = load(QLatin1String(file));
            const PlanNode& insert = *plan.first()->plan();
            QCOMPARE(insert.customPlanProvider, std::string("Citus INSERT ... SELECT"));
            QCOMPARE(insert.insertSelectMethod, std::string("repartition"));
            QCOMPARE(insert.selectQuery.size(), std::size_t(1));
            QCOMPARE(insert.selectQuery[0].plan()->job->tasks.at(0).hostPort(), std::string("127.0.0.1:9701"));
        }
    }

    void textNodeNames_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("nodeType");
        QTest::addColumn<QString>("detail"); // join type / strategy / relation / index
        QTest::newRow("hash left join") << QStringLiteral("Hash Left Join  (cost=1.00..2.00 rows=3 width=4)")
                                        << QStringLiteral("Hash Join") << QStringLiteral("Left");
        QTest::newRow("nested loop") << QStringLiteral("Nested Loop  (cost=1.00..2.00 rows=3 width=4)")
                                     << QStringLiteral("Nested Loop") << QStringLiteral("Inner");
        QTest::newRow("nested loop anti") << QStringLiteral("Nested Loop Anti Join  (cost=1.00..2.00 rows=3 width=4)")
                                          << QStringLiteral("Nested Loop") << QStringLiteral("Anti");
        QTest::newRow("partial hashagg") << QStringLiteral("Partial HashAggregate  (cost=1.00..2.00 rows=3 width=4)")
                                         << QStringLiteral("Aggregate") << QStringLiteral("Hashed");
        QTest::newRow("index scan")
            << QStringLiteral("Index Scan Backward using t_pkey on public.t x  (cost=0.1..2 rows=3 width=4)")
            << QStringLiteral("Index Scan") << QStringLiteral("t_pkey");
        QTest::newRow("insert") << QStringLiteral("Insert on public.events_102067  (cost=0.00..0.01 rows=0 width=0)")
                                << QStringLiteral("ModifyTable") << QStringLiteral("events_102067");
        QTest::newRow("parallel seq")
            << QStringLiteral("Parallel Seq Scan on t  (cost=0.00..1.00 rows=1 width=4) (never executed)")
            << QStringLiteral("Seq Scan") << QStringLiteral("t");
    }

    void textNodeNames()
    {
        QFETCH(QString, line);
        QFETCH(QString, nodeType);
        QFETCH(QString, detail);
        Result<ExplainPlan> plan = parsePlan(line.toStdString());
        QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().message.c_str());
        const PlanNode& n = *plan->first()->plan();
        QCOMPARE(QString::fromStdString(n.nodeType), nodeType);
        const QString got = QString::fromStdString(!n.joinType.empty()    ? n.joinType
                                                   : !n.strategy.empty()  ? n.strategy
                                                   : !n.indexName.empty() ? n.indexName
                                                                          : n.relationName);
        QCOMPARE(got, detail);
        QVERIFY(n.startupCost && n.planRows);
    }

    void psqlFramingIsRemoved()
    {
        const QByteArray bare = test::readData(QStringLiteral("explain/03_explain_analyze_text_multi_shard_count.txt"));
        QStringList lines = QString::fromUtf8(bare).split(QLatin1Char('\n'));
        lines.removeFirst(); // the "-- SQL" line
        while (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        QString framed = QStringLiteral("                 QUERY PLAN\n----------------------------------------\n");
        for (const QString& l : lines)
            framed += QLatin1Char(' ') + l + QStringLiteral("   \n");
        framed += QStringLiteral("(%1 rows)\n\n").arg(lines.size());
        Result<ExplainPlan> a = parsePlan(bare.toStdString());
        Result<ExplainPlan> b = parsePlan(framed.toStdString());
        QVERIFY(a.ok());
        QVERIFY2(b.ok(), b.ok() ? "" : b.error().message.c_str());
        QVERIFY(a->samePlan(*b));

        // A JSON plan as psql prints it: one row whose lines end in "+".
        const QByteArray json = test::readData(QStringLiteral("explain/03_explain_router_select.json"));
        QString framedJson = QStringLiteral(" QUERY PLAN\n------------\n");
        const QStringList jsonLines = QString::fromUtf8(json).trimmed().split(QLatin1Char('\n'));
        for (int i = 0; i < jsonLines.size(); ++i)
            framedJson += QLatin1Char(' ') + jsonLines[i] +
                          (i + 1 < jsonLines.size() ? QStringLiteral(" +\n") : QStringLiteral("\n"));
        framedJson += QStringLiteral("(1 row)\n");
        Result<ExplainPlan> c = parsePlan(json.toStdString());
        Result<ExplainPlan> d = parsePlan(framedJson.toStdString());
        QVERIFY(c.ok());
        QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
        QVERIFY(c->samePlan(*d));
    }

    void initPlansAndSubPlansInText()
    {
        const std::string text =
            "Result  (cost=1.00..1.01 rows=1 width=4) (actual time=0.1..0.1 rows=1 loops=1)\n"
            "  InitPlan 1 (returns $0)\n"
            "    ->  Limit  (cost=0.00..1.00 rows=1 width=4) (actual time=0.05..0.05 rows=1 loops=1)\n"
            "          ->  Seq Scan on t  (cost=0.00..10.00 rows=10 width=4) (actual time=0.01..0.01 rows=1 loops=1)\n"
            "  SubPlan 2\n"
            "    ->  Result  (cost=0.00..0.01 rows=1 width=4) (never executed)\n"
            "Planning Time: 0.100 ms\n"
            "Execution Time: 0.200 ms\n";
        Result<ExplainPlan> plan = parsePlan(text);
        QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().message.c_str());
        const PlanNode& root = *plan->first()->plan();
        QCOMPARE(root.children.size(), std::size_t(2));
        QCOMPARE(root.children[0].subplanName, std::string("InitPlan 1 (returns $0)"));
        QCOMPARE(root.children[0].parentRelationship, std::string("InitPlan"));
        QCOMPARE(root.children[0].children.size(), std::size_t(1));
        QCOMPARE(root.children[1].parentRelationship, std::string("SubPlan"));
        QCOMPARE(*root.children[1].actualLoops, 0.0);
        QCOMPARE(*plan->first()->executionTimeMs, 0.2);
    }
};

QTEST_GUILESS_MAIN(TestExplainParser)
#include "tst_explainparser.moc"
