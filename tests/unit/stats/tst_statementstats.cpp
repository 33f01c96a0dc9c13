// SPDX-License-Identifier: MIT
// Aggregating citus_stat_statements (one row per key value) with pg_stat_statements, on the real cluster's rows.
#include "fixturecsv.h"
#include "stats/statementstats.h"

#include <QTest>

using namespace shardscope::stats;

namespace {

std::vector<CitusStatRow> citusRows()
{
    std::vector<CitusStatRow> rows;
    for (const auto& row : shardscope::test::readCsv(QStringLiteral("stats/04_citus_stat_statements_raw.csv"))) {
        CitusStatRow r;
        r.queryId = row[QStringLiteral("queryid")].toLongLong();
        r.userId = row[QStringLiteral("userid")].toUInt();
        r.dbId = row[QStringLiteral("dbid")].toUInt();
        r.query = row[QStringLiteral("query")].toStdString();
        r.executor = row[QStringLiteral("executor")].toStdString();
        if (!row[QStringLiteral("partition_key")].isEmpty())
            r.partitionKey = row[QStringLiteral("partition_key")].toStdString();
        r.calls = row[QStringLiteral("calls")].toLongLong();
        rows.push_back(r);
    }
    return rows;
}

std::vector<PgStatRow> pgssRows()
{
    std::vector<PgStatRow> rows;
    for (const auto& row : shardscope::test::readCsv(QStringLiteral("stats/04_pg_stat_statements_raw.csv"))) {
        PgStatRow r;
        r.queryId = row[QStringLiteral("queryid")].toLongLong();
        r.userId = row[QStringLiteral("userid")].toUInt();
        r.dbId = row[QStringLiteral("dbid")].toUInt();
        r.query = row[QStringLiteral("query")].toStdString();
        r.calls = row[QStringLiteral("calls")].toLongLong();
        r.totalTimeMs = row[QStringLiteral("total_exec_time")].toDouble();
        rows.push_back(r);
    }
    return rows;
}

const StatementFigures* byQuery(const std::vector<StatementFigures>& all, const char* query)
{
    for (const StatementFigures& figures : all) {
        if (figures.query == query)
            return &figures;
    }
    return nullptr;
}

} // namespace

class TestStatementStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureRowsAreRead()
    {
        QCOMPARE(citusRows().size(), std::size_t{527});
        QVERIFY(pgssRows().size() > 20);
    }

    void perStatement_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<qint64>("calls");
        QTest::addColumn<qint64>("citusCalls");
        QTest::addColumn<qint64>("keyedCalls");
        QTest::addColumn<int>("distinctKeys");
        QTest::addColumn<double>("totalTimeMs");
        // 240 key rows summing to 300 calls, and pg_stat_statements' 300 calls / 543.574 ms counted once.
        QTest::newRow("router select") << QStringLiteral("SELECT count(*) FROM events WHERE user_id = $1")
                                       << qint64{300} << qint64{300} << qint64{300} << 240 << 543.574;
        QTest::newRow("router insert") << QStringLiteral(
                                              "INSERT INTO events (user_id, event_type, payload) VALUES ($1, $2, $3)")
                                       << qint64{200} << qint64{200} << qint64{200} << 150 << 92.733;
        QTest::newRow("multi-shard") << QStringLiteral("SELECT count(*) FROM events WHERE event_type = $1")
                                     << qint64{20} << qint64{20} << qint64{0} << 0 << 1396.821;
        QTest::newRow("update") << QStringLiteral("UPDATE users SET email = email WHERE user_id = $1") << qint64{20}
                                << qint64{20} << qint64{20} << 20 << 6.747;
    }

    void perStatement()
    {
        QFETCH(QString, query);
        QFETCH(qint64, calls);
        QFETCH(qint64, citusCalls);
        QFETCH(qint64, keyedCalls);
        QFETCH(int, distinctKeys);
        QFETCH(double, totalTimeMs);
        const auto citus = citusRows();
        const auto pgss = pgssRows();
        const std::vector<StatementFigures> all = aggregateStatements(citus, pgss);
        const StatementFigures* figures = byQuery(all, query.toUtf8().constData());
        QVERIFY(figures != nullptr);
        QCOMPARE(figures->calls, calls);
        QCOMPARE(figures->citusCalls, citusCalls);
        QCOMPARE(figures->keyedCalls, keyedCalls);
        QCOMPARE(figures->distinctKeys, distinctKeys);
        QVERIFY(figures->totalTimeMs.has_value());
        QCOMPARE(std::round(*figures->totalTimeMs * 1000) / 1000, totalTimeMs);
        QCOMPARE(*figures->meanTimeMs, *figures->totalTimeMs / static_cast<double>(calls));
        QCOMPARE(figures->executors, std::vector<std::string>{"adaptive"});
    }

    void totalsMatchTheExecutorSummary()
    {
        // 04_citus_executor_stats.csv: 522 keyed rows with 651 calls, 5 unkeyed rows with 39 calls.
        const auto citus = citusRows();
        const std::vector<StatementFigures> all = aggregateStatements(citus, {});
        qint64 keyed = 0;
        qint64 total = 0;
        for (const StatementFigures& figures : all) {
            keyed += figures.keyedCalls;
            total += figures.citusCalls;
            QCOMPARE(figures.calls, figures.citusCalls); // without pg_stat_statements the Citus calls are used
            QVERIFY(!figures.totalTimeMs.has_value());
        }
        QCOMPARE(keyed, qint64{651});
        QCOMPARE(total, qint64{690});
        QCOMPARE(all.size(), std::size_t{11});
    }

    void joinedViewWouldOvercount()
    {
        // The plain join of both views repeats pg_stat_statements' figures on each key row: 240 x 300 calls.
        qint64 joinedCalls = 0;
        for (const auto& row :
             shardscope::test::readCsv(QStringLiteral("stats/04_citus_stat_statements_join_pgss.csv"))) {
            if (row[QStringLiteral("query")] == QLatin1String("SELECT count(*) FROM events WHERE user_id = $1"))
                joinedCalls += row[QStringLiteral("pgss_calls")].toLongLong();
        }
        QCOMPARE(joinedCalls, qint64{240 * 300});
        const auto citus = citusRows();
        const auto pgss = pgssRows();
        QCOMPARE(byQuery(aggregateStatements(citus, pgss), "SELECT count(*) FROM events WHERE user_id = $1")->calls,
                 qint64{300});
    }

    void sortedByTotalTime()
    {
        const auto citus = citusRows();
        const auto pgss = pgssRows();
        const std::vector<StatementFigures> all = aggregateStatements(citus, pgss);
        QCOMPARE(all.front().query, std::string("SELECT count(*) FROM events WHERE event_type = $1"));
        for (std::size_t i = 1; i < all.size(); ++i)
            QVERIFY(all[i - 1].totalTimeMs.value_or(-1) >= all[i].totalTimeMs.value_or(-1));
    }

    void nestedRows_data()
    {
        // As Citus 13.2 / PostgreSQL 15 record them: the query of an EXPLAIN is a nested row with the
        // EXPLAIN's text under the statement's own queryid.
        QTest::addColumn<QString>("nestedText");
        QTest::addColumn<bool>("nestedFirst");
        QTest::addColumn<qint64>("calls");
        QTest::newRow("plain explain") << QStringLiteral("EXPLAIN SELECT name FROM users WHERE user_id = $1") << true
                                       << qint64{2};
        QTest::newRow("plain explain after")
            << QStringLiteral("explain SELECT name FROM users WHERE user_id = $1") << false << qint64{2};
        QTest::newRow("explain analyze runs it")
            << QStringLiteral("EXPLAIN (ANALYZE) SELECT name FROM users WHERE user_id = $1") << true << qint64{3};
        QTest::newRow("inside a function")
            << QStringLiteral("SELECT name FROM users WHERE user_id = $1") << true << qint64{3};
    }

    void nestedRows()
    {
        QFETCH(QString, nestedText);
        QFETCH(bool, nestedFirst);
        QFETCH(qint64, calls);
        const PgStatRow top{42, 10, 5, "/* app */ SELECT name FROM users WHERE user_id = $1", 2, 4.0, true};
        const PgStatRow nested{42, 10, 5, nestedText.toStdString(), 1, 1.0, false};
        const std::vector<PgStatRow> rows = nestedFirst ? std::vector{nested, top} : std::vector{top, nested};
        const std::vector<StatementFigures> all = aggregateStatements({}, rows);
        QCOMPARE(all.size(), std::size_t{1});
        QCOMPARE(all.front().query, top.query); // the top-level text, whatever came first
        QCOMPARE(all.front().calls, calls);
    }
};

QTEST_APPLESS_MAIN(TestStatementStats)
#include "tst_statementstats.moc"
