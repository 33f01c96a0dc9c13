// SPDX-License-Identifier: MIT
// readPlainTableInfo against a real PostgreSQL: types as format_type spells them, pg_stats figures after
// ANALYZE (and none before), primary/unique keys and foreign keys in both directions, names that need
// quoting, a missing table. readPreflightFacts on a server without Citus: every part unknown, with the
// server's reason, nothing invented.
#include "live/columnstatsreader.h"
#include "live/preflightreader.h"
#include "pgtestserver.h"

#include <QTest>
#include <algorithm>

using namespace shardscope;
using namespace shardscope::live;

namespace {

const engine::PlainColumn* columnNamed(const engine::PlainTableInfo& info, const std::string& name)
{
    const auto it = std::find_if(info.columns.begin(), info.columns.end(),
                                 [&](const engine::PlainColumn& c) { return c.name == name; });
    return it == info.columns.end() ? nullptr : &*it;
}

} // namespace

class TestColumnStatsServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgSession> m_session;

    void run(const std::string& sql)
    {
        auto result = m_session->exec(sql);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (test::PgTestServer::conninfo().isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
        auto options = ConnectionOptions::parse(test::PgTestServer::conninfo().toStdString());
        QVERIFY(options.ok());
        m_session = std::make_unique<PgSession>(*options);
        QVERIFY(m_session->connect().ok());
        run("DROP SCHEMA IF EXISTS \"Col Stats\" CASCADE");
        run("CREATE SCHEMA \"Col Stats\"");
        run("CREATE TABLE \"Col Stats\".customers (id bigint PRIMARY KEY, region text)");
        run("CREATE TABLE \"Col Stats\".\"Orders\" (order_id bigint NOT NULL, customer_id bigint NOT NULL "
            "REFERENCES \"Col Stats\".customers(id), status varchar(12), amount numeric(10,2), note text, "
            "PRIMARY KEY (customer_id, order_id), UNIQUE (order_id))");
        run("CREATE TABLE \"Col Stats\".items (order_id bigint REFERENCES \"Col Stats\".\"Orders\"(order_id), "
            "sku text)");
        run("INSERT INTO \"Col Stats\".customers SELECT g, 'r' || (g % 4) FROM generate_series(1, 50) g");
        run("INSERT INTO \"Col Stats\".\"Orders\" SELECT g, 1 + g % 50, CASE WHEN g % 4 = 0 THEN 'open' ELSE "
            "'done' END, g, NULL FROM generate_series(1, 4000) g");
    }

    void cleanupTestCase()
    {
        if (m_session)
            m_session->exec("DROP SCHEMA IF EXISTS \"Col Stats\" CASCADE");
    }

    void beforeAnalyzeNoStatistics()
    {
        auto info = readPlainTableInfo(*m_session, "Col Stats", "Orders");
        QVERIFY2(info.ok(), info.ok() ? "" : info.error().message.c_str());
        QCOMPARE(info->columns.size(), std::size_t(5));
        for (const engine::PlainColumn& column : info->columns) {
            QVERIFY(!column.distinct.has_value());
            QVERIFY(!column.nullFraction.has_value());
            QVERIFY(column.sampleValues.empty());
        }
    }

    void columnsAndTypes_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("notNull");
        QTest::newRow("bigint key") << "order_id"
                                    << "bigint" << true;
        QTest::newRow("varchar keeps its length") << "status"
                                                  << "character varying(12)" << false;
        QTest::newRow("numeric keeps precision") << "amount"
                                                 << "numeric(10,2)" << false;
        QTest::newRow("text") << "note"
                              << "text" << false;
    }

    void columnsAndTypes()
    {
        QFETCH(QString, column);
        QFETCH(QString, type);
        QFETCH(bool, notNull);
        auto info = readPlainTableInfo(*m_session, "Col Stats", "Orders");
        QVERIFY(info.ok());
        QCOMPARE(info->columns.front().name, std::string("order_id")); // attribute order
        const engine::PlainColumn* c = columnNamed(*info, column.toStdString());
        QVERIFY(c);
        QCOMPARE(QString::fromStdString(c->typeName), type);
        QCOMPARE(c->notNull, notNull);
    }

    void statisticsAfterAnalyze()
    {
        run("ANALYZE \"Col Stats\".\"Orders\"");
        auto info = readPlainTableInfo(*m_session, "Col Stats", "Orders");
        QVERIFY(info.ok());
        QCOMPARE(info->rows, std::int64_t(4000));
        const engine::PlainColumn* customer = columnNamed(*info, "customer_id");
        QVERIFY(customer && customer->distinct);
        QCOMPARE(*customer->distinct, 50.0);
        QCOMPARE(*customer->nullFraction, 0.0);
        QCOMPARE(customer->sampleValues.size(), std::size_t(50));
        QCOMPARE(customer->sampleWeights.size(), std::size_t(50));
        const engine::PlainColumn* unique = columnNamed(*info, "order_id");
        QCOMPARE(*unique->distinct, -1.0); // every row distinct, as a fraction
        const engine::PlainColumn* status = columnNamed(*info, "status");
        QCOMPARE(*status->distinct, 2.0);
        std::vector<std::string> values = status->sampleValues;
        std::sort(values.begin(), values.end());
        QCOMPARE(values, (std::vector<std::string>{"done", "open"}));
        QVERIFY(std::abs(status->sampleWeights[0] - 0.75) < 0.01); // "done" first: most common
        const engine::PlainColumn* note = columnNamed(*info, "note");
        QCOMPARE(*note->nullFraction, 1.0);
    }

    void keys()
    {
        auto info = readPlainTableInfo(*m_session, "Col Stats", "Orders");
        QVERIFY(info.ok());
        QCOMPARE(info->uniqueKeys.size(), std::size_t(2));
        QVERIFY(info->uniqueKeys[0].primary);
        QCOMPARE(info->uniqueKeys[0].columns, (std::vector<std::string>{"customer_id", "order_id"}));
        QVERIFY(!info->uniqueKeys[1].primary);
        QCOMPARE(info->uniqueKeys[1].columns, (std::vector<std::string>{"order_id"}));

        QCOMPARE(info->foreignKeys.size(), std::size_t(2));
        const auto outgoing = std::find_if(info->foreignKeys.begin(), info->foreignKeys.end(),
                                           [](const engine::ForeignKey& k) { return !k.incoming; });
        const auto incoming = std::find_if(info->foreignKeys.begin(), info->foreignKeys.end(),
                                           [](const engine::ForeignKey& k) { return k.incoming; });
        QVERIFY(outgoing != info->foreignKeys.end() && incoming != info->foreignKeys.end());
        QCOMPARE(outgoing->columns, std::vector<std::string>{"customer_id"});
        QCOMPARE(outgoing->otherSchema, std::string("Col Stats"));
        QCOMPARE(outgoing->otherTable, std::string("customers"));
        QCOMPARE(outgoing->otherColumns, std::vector<std::string>{"id"});
        // Incoming: the referencing table's columns, then ours.
        QCOMPARE(incoming->otherTable, std::string("items"));
        QCOMPARE(incoming->columns, std::vector<std::string>{"order_id"});
        QCOMPARE(incoming->otherColumns, std::vector<std::string>{"order_id"});
    }

    void missingTable_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("table");
        QTest::newRow("no such table") << "Col Stats"
                                       << "nope";
        QTest::newRow("case matters") << "Col Stats"
                                      << "orders";
        QTest::newRow("quote in the name") << "Col Stats"
                                           << "x'; DROP TABLE customers; --";
    }

    void missingTable()
    {
        QFETCH(QString, schema);
        QFETCH(QString, table);
        auto info = readPlainTableInfo(*m_session, schema.toStdString(), table.toStdString());
        QVERIFY(!info.ok());
        QVERIFY(info.error().message.find("not found") != std::string::npos);
        QVERIFY(m_session->exec("SELECT 1 FROM \"Col Stats\".customers LIMIT 1").ok());
    }

    void preflightWithoutCitusIsUnknown()
    {
        auto facts = readPreflightFacts(*m_session);
        QVERIFY(facts.ok());
        QVERIFY(!facts->healthKnown);
        QVERIFY(facts->healthError.find("citus_check_cluster_node_health") != std::string::npos);
        QVERIFY(!facts->diskKnown);
        QVERIFY(!facts->diskError.empty());
        QVERIFY(!facts->jobsKnown);
        QVERIFY(facts->jobsError.find("pg_dist_background_job") != std::string::npos);
        QCOMPARE(facts->desiredPercentFree, 10.0); // Citus's default when the setting is not there
        QVERIFY(m_session->exec("SELECT 1").ok()); // the session is still usable
    }

    void disconnectedSessionIsAnError()
    {
        auto options = ConnectionOptions::parse(test::PgTestServer::conninfo().toStdString());
        PgSession idle(*options);
        QVERIFY(!readPlainTableInfo(idle, "Col Stats", "Orders").ok());
        QVERIFY(!readPreflightFacts(idle).ok());
    }
};

QTEST_GUILESS_MAIN(TestColumnStatsServer)
#include "tst_columnstats_server.moc"
