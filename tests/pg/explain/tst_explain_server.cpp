// SPDX-License-Identifier: MIT
// Real plans from PostgreSQL 15: both formats parse and agree on the tree and the numbers.
#include "explain/plananalysis.h"
#include "explain/planreader.h"
#include "pgtestserver.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <libpq-fe.h>
#include <memory>

using namespace shardscope;
using namespace shardscope::explain;

namespace {

using PgResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

/** One line per node: what both formats must agree on. */
void flatten(const PlanNode& n, int depth, bool withActuals, QStringList& out)
{
    QString line = QString(depth * 2, QLatin1Char(' ')) +
                   QString::fromStdString(n.nodeType + '|' + n.joinType + '|' + n.strategy + '|' + n.relationName +
                                          '|' + n.indexName + '|' + n.subplanName);
    auto number = [](const std::optional<double>& v) { return v ? QString::number(*v, 'f', 3) : QStringLiteral("-"); };
    line += QLatin1Char('|') + number(n.startupCost) + QLatin1Char('|') + number(n.totalCost) + QLatin1Char('|') +
            number(n.planRows) + QLatin1Char('|') + number(n.planWidth);
    if (withActuals)
        line += QLatin1Char('|') + number(n.actualRows) + QLatin1Char('|') + number(n.actualLoops);
    out.append(line);
    for (const PlanNode& c : n.children)
        flatten(c, depth + 1, withActuals, out);
}

bool hasParallelNode(const PlanNode& n)
{
    if (n.nodeType == "Gather" || n.nodeType == "Gather Merge")
        return true;
    for (const PlanNode& c : n.children) {
        if (hasParallelNode(c))
            return true;
    }
    return false;
}

} // namespace

class TestExplainServer : public QObject
{
    Q_OBJECT

    PGconn* m_conn = nullptr;

    PgResultPtr exec(const QByteArray& sql) { return PgResultPtr(PQexec(m_conn, sql.constData()), &PQclear); }

    /** The EXPLAIN output as one document: the JSON value, or the text rows joined by newlines. */
    QByteArray explain(const QByteArray& options, const QByteArray& query)
    {
        const PgResultPtr r = exec("EXPLAIN (" + options + ") " + query);
        if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) {
            qWarning("%s", PQresultErrorMessage(r.get()));
            return {};
        }
        QByteArray out;
        for (int row = 0; row < PQntuples(r.get()); ++row)
            out += QByteArray(PQgetvalue(r.get(), row, 0)) + '\n';
        return out;
    }

    static ExplainPlan parse(const QByteArray& data)
    {
        Result<ExplainPlan> plan = parsePlan(std::string_view(data.constData(), static_cast<std::size_t>(data.size())));
        if (!plan) {
            qWarning("%s\n%s", plan.error().message.c_str(), data.constData());
            return {};
        }
        return std::move(plan).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString conninfo = test::PgTestServer::conninfo();
        QVERIFY2(!conninfo.isEmpty(), qPrintable(test::PgTestServer::error()));
        m_conn = PQconnectdb(conninfo.toUtf8().constData());
        QVERIFY2(PQstatus(m_conn) == CONNECTION_OK, PQerrorMessage(m_conn));
        const char* setup[] = {
            "DROP SCHEMA IF EXISTS explain_test CASCADE",
            "CREATE SCHEMA explain_test",
            "SET search_path = explain_test",
            "CREATE TABLE users(user_id bigint PRIMARY KEY, email text)",
            "CREATE TABLE events(event_id bigint, user_id bigint, event_type text, amount int, "
            "PRIMARY KEY (user_id, event_id))",
            "INSERT INTO users SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 2000) g",
            "INSERT INTO events SELECT g, 1 + g % 2000, (ARRAY['click','view','buy'])[1 + g % 3], g % 200 "
            "FROM generate_series(1, 60000) g",
            "ANALYZE users",
            "ANALYZE events",
            // Make a parallel plan cheap enough to be chosen on a small table.
            "SET max_parallel_workers_per_gather = 2",
            "SET parallel_setup_cost = 0",
            "SET parallel_tuple_cost = 0",
            "SET min_parallel_table_scan_size = 0",
            "SET work_mem = '8MB'",
        };
        for (const char* sql : setup) {
            const PgResultPtr r = exec(sql);
            QVERIFY2(PQresultStatus(r.get()) == PGRES_COMMAND_OK, PQresultErrorMessage(r.get()));
        }
    }

    void cleanupTestCase()
    {
        if (m_conn) {
            exec("DROP SCHEMA IF EXISTS explain_test CASCADE");
            PQfinish(m_conn);
        }
    }

    void formatsAgree_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::newRow("join") << QByteArray(
            "SELECT u.email, e.amount FROM users u JOIN events e ON e.user_id = u.user_id "
            "WHERE u.user_id < 50");
        QTest::newRow("aggregate") << QByteArray(
            "SELECT event_type, count(*), sum(amount) FROM events GROUP BY event_type "
            "ORDER BY 2 DESC");
        QTest::newRow("cte") << QByteArray(
            "WITH big AS MATERIALIZED (SELECT user_id, sum(amount) s FROM events GROUP BY 1) "
            "SELECT u.email FROM big JOIN users u USING (user_id) WHERE s > 100");
        QTest::newRow("subplans") << QByteArray(
            "SELECT user_id, (SELECT max(amount) FROM events e WHERE e.user_id = u.user_id) "
            "FROM users u WHERE user_id < (SELECT avg(user_id) FROM users)");
        QTest::newRow("left join limit") << QByteArray("SELECT * FROM users u LEFT JOIN events e USING (user_id) "
                                                       "ORDER BY user_id LIMIT 5");
        QTest::newRow("parallel") << QByteArray("SELECT count(*) FROM events WHERE amount > 10");
    }

    void formatsAgree()
    {
        QFETCH(QByteArray, query);
        // Estimates are deterministic, so costs and rows must match exactly.
        for (const QByteArray& options : {QByteArray("VERBOSE, SETTINGS"), QByteArray("COSTS, BUFFERS, SUMMARY")}) {
            const ExplainPlan json = parse(explain("FORMAT JSON, " + options, query));
            const ExplainPlan text = parse(explain("FORMAT TEXT, " + options, query));
            QVERIFY(json.first() && text.first());
            QStringList a, b;
            flatten(*json.first()->plan(), 0, false, a);
            flatten(*text.first()->plan(), 0, false, b);
            QCOMPARE(b, a);
            QCOMPARE(text.first()->planningTimeMs.has_value(), json.first()->planningTimeMs.has_value());
        }
        // ANALYZE: two runs give the same rows and loops (except across parallel workers) and both carry timings.
        const QByteArray options = "ANALYZE, BUFFERS, WAL, VERBOSE, SETTINGS";
        const ExplainPlan json = parse(explain("FORMAT JSON, " + options, query));
        const ExplainPlan text = parse(explain("FORMAT TEXT, " + options, query));
        QVERIFY(json.first() && text.first());
        const bool parallel = hasParallelNode(*json.first()->plan());
        QStringList a, b;
        flatten(*json.first()->plan(), 0, !parallel, a);
        flatten(*text.first()->plan(), 0, !parallel, b);
        QCOMPARE(b, a);
        QVERIFY(json.first()->executionTimeMs && text.first()->executionTimeMs);
        QVERIFY(json.first()->planningTimeMs && text.first()->planningTimeMs);
        QVERIFY(json.first()->plan()->buffers.present() || !text.first()->plan()->buffers.present());
        QVERIFY(findProperty(json.first()->properties, "Settings"));
        QVERIFY(findProperty(text.first()->properties, "Settings"));

        const PlanAnalysis fromJson = analyzePlan(std::make_shared<const ExplainPlan>(json));
        const PlanAnalysis fromText = analyzePlan(std::make_shared<const ExplainPlan>(text));
        QVERIFY(fromJson.analyzed && fromText.analyzed);
        QCOMPARE(fromText.rows.size(), fromJson.rows.size());
        QVERIFY(fromJson.slowestRow >= 0 && fromText.slowestRow >= 0);
        QVERIFY(!fromJson.distributed);
        if (QLatin1String(QTest::currentDataTag()) == QLatin1String("parallel")) {
            QVERIFY2(parallel, "the planner did not choose a parallel plan");
            QVERIFY(json.first()->plan()->children.at(0).workersPlanned);
        }
    }

    void walOfAnInsert()
    {
        QCOMPARE(PQresultStatus(exec("BEGIN").get()), PGRES_COMMAND_OK);
        const ExplainPlan json =
            parse(explain("ANALYZE, WAL, BUFFERS, FORMAT JSON",
                          "INSERT INTO users SELECT g, 'x' FROM generate_series(100001, 100100) g"));
        const ExplainPlan text =
            parse(explain("ANALYZE, WAL, BUFFERS, FORMAT TEXT",
                          "INSERT INTO users SELECT g, 'x' FROM generate_series(200001, 200100) g"));
        QCOMPARE(PQresultStatus(exec("ROLLBACK").get()), PGRES_COMMAND_OK);
        QVERIFY(json.first() && text.first());
        const PlanNode& a = *json.first()->plan();
        const PlanNode& b = *text.first()->plan();
        QCOMPARE(a.nodeType, std::string("ModifyTable"));
        QCOMPARE(b.nodeType, std::string("ModifyTable"));
        QCOMPARE(b.operation, std::string("Insert"));
        QCOMPARE(b.relationName, std::string("users"));
        QVERIFY(a.wal.records && *a.wal.records >= 100);
        QVERIFY(b.wal.records && *b.wal.records >= 100);
        QVERIFY(b.buffers.present());
    }

    void psqlFraming_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("text") << QStringLiteral("TEXT");
        QTest::newRow("json") << QStringLiteral("JSON");
    }

    void psqlFraming()
    {
        // What users paste: psql's aligned output, header, rule, "+" continuations and "(N rows)".
        QFETCH(QString, format);
        const QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
        if (psql.isEmpty())
            QSKIP("psql is not installed");
        const QString sql = QStringLiteral("SET search_path = explain_test; SET max_parallel_workers_per_gather = 2; "
                                           "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; "
                                           "SET min_parallel_table_scan_size = 0; SET work_mem = '8MB'; EXPLAIN "
                                           "(FORMAT %1) SELECT u.email, count(*) FROM users u "
                                           "JOIN events e USING (user_id) GROUP BY u.email")
                                .arg(format);
        QProcess process;
        process.start(psql, {QStringLiteral("--no-psqlrc"), QStringLiteral("-X"), QStringLiteral("-q"),
                             test::PgTestServer::conninfo(), QStringLiteral("-c"), sql});
        QVERIFY(process.waitForFinished(30000));
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(out.contains("QUERY PLAN") && out.contains("row"), out.constData());
        const ExplainPlan framed = parse(out);
        const ExplainPlan direct = parse(explain("FORMAT " + format.toLatin1(),
                                                 "SELECT u.email, count(*) FROM users u JOIN events e USING (user_id) "
                                                 "GROUP BY u.email"));
        QVERIFY(framed.first() && direct.first());
        QVERIFY(framed.samePlan(direct));
    }
};

QTEST_GUILESS_MAIN(TestExplainServer)
#include "tst_explain_server.moc"
