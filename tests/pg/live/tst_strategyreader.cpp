// SPDX-License-Identifier: MIT
// Rebalance strategies read from a catalog-shaped pg_dist_rebalance_strategy on plain PostgreSQL: custom SQL
// functions evaluated by the server in one statement each, their failures named, a dropped function, the
// default strategy, and Citus's wording for a strategy that does not exist.
#include "live/catalogreader.h"
#include "live/strategyreader.h"
#include "pgtestserver.h"
#include "syntheticcatalog.h"

#include <QTest>

using namespace shardscope;
using namespace shardscope::live;

namespace {

const char* const kSchema = "shardscope_strategy_catalog";

} // namespace

class TestStrategyReader : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgSession> m_session;

    void exec(const std::string& sql)
    {
        auto result = m_session->exec(sql);
        QVERIFY2(result.ok(), result.ok() ? "" : (sql + ": " + result.error().message).c_str());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (test::PgTestServer::conninfo().isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
        m_session =
            std::make_unique<PgSession>(*ConnectionOptions::parse(test::PgTestServer::conninfo().toStdString()));
        QVERIFY(m_session->connect().ok());
        test::SyntheticCatalogShape shape;
        shape.schema = kSchema;
        shape.workers = 3;
        shape.hashTables = 2;
        shape.shardsPerTable = 4;
        QVERIFY(test::createSyntheticCatalog(*m_session, shape).ok());
        const std::string s = kSchema;
        exec("CREATE TABLE " + s +
             ".pg_dist_rebalance_strategy (name name NOT NULL, default_strategy bool NOT NULL DEFAULT false, "
             "shard_cost_function regproc NOT NULL, node_capacity_function regproc NOT NULL, "
             "shard_allowed_on_node_function regproc NOT NULL, default_threshold float4 NOT NULL, "
             "minimum_threshold float4 NOT NULL DEFAULT 0, improvement_threshold float4 NOT NULL DEFAULT 0)");
        exec("CREATE FUNCTION " + s +
             ".cost(shardid bigint) RETURNS real LANGUAGE sql AS "
             "$$SELECT (shardid % 3 + 0.5)::real$$");
        exec("CREATE FUNCTION " + s + ".capacity(nodeid int) RETURNS real LANGUAGE sql AS $$SELECT nodeid::real$$");
        exec("CREATE FUNCTION " + s +
             ".allowed(shardid bigint, nodeid int) RETURNS boolean LANGUAGE sql AS "
             "$$SELECT CASE WHEN shardid % 4 = 0 THEN nodeid = 2 WHEN shardid % 4 = 1 "
             "THEN NULL ELSE true END$$");
        exec("CREATE FUNCTION " + s +
             ".failing(shardid bigint) RETURNS real LANGUAGE sql AS "
             "$$SELECT (1 / (shardid - shardid))::real$$");
        exec("CREATE FUNCTION " + s + ".gone(nodeid int) RETURNS real LANGUAGE sql AS $$SELECT 1::real$$");
        exec("INSERT INTO " + s +
             ".pg_dist_rebalance_strategy VALUES "
             "('custom', true, '" +
             s + ".cost', '" + s + ".capacity', '" + s +
             ".allowed', 0.1, "
             "0.01, 0.25), "
             "('failing', false, '" +
             s + ".failing', '" + s + ".capacity', '" + s +
             ".allowed', 0, 0, 0), "
             "('dangling', false, '" +
             s + ".cost', '" + s + ".gone', '" + s + ".allowed', 0, 0, 0)");
        exec("DROP FUNCTION " + s + ".gone(int)");
        exec("SET search_path = " + s + ", pg_catalog");
    }

    void cleanupTestCase()
    {
        if (!m_session)
            return;
        (void)m_session->exec("RESET search_path");
        (void)test::dropSyntheticCatalog(*m_session, kSchema);
    }

    void rowsListed()
    {
        auto rows = readRebalanceStrategies(*m_session);
        QVERIFY2(rows.ok(), rows.ok() ? "" : rows.error().message.c_str());
        QCOMPARE(rows->size(), std::size_t(3));
        QCOMPARE((*rows)[0].name, std::string("custom"));
        QVERIFY((*rows)[0].isDefault);
        QCOMPARE((*rows)[0].shardCostFunction, std::string(kSchema) + ".cost");
        QCOMPARE((*rows)[0].improvementThreshold, 0.25F);
        QVERIFY(!(*rows)[0].builtinFunctions());
        QVERIFY((*rows)[2].nodeCapacityFunction.rfind("(dropped function, oid ", 0) == 0);
        auto offline = builtinStrategyFor((*rows)[0]);
        QVERIFY(!offline.ok());
        QCOMPARE(offline.error().message, "The rebalance strategy custom uses the SQL function " +
                                              std::string(kSchema) + ".cost, which only the server can evaluate.");
    }

    void listedInTheSnapshot()
    {
        CatalogOptions options;
        options.schema = kSchema;
        auto snapshot = readCitusCatalog(*m_session, options);
        QVERIFY2(snapshot.ok(), snapshot.ok() ? "" : snapshot.error().message.c_str());
        QCOMPARE(snapshot->strategies.size(), std::size_t(3));
        QCOMPARE(snapshot->strategies[1].name, std::string("failing"));
        QVERIFY(snapshot->warnings.empty());
    }

    void customFunctionsEvaluated()
    {
        auto strategy = loadRebalanceStrategy(*m_session, ""); // the default one
        QVERIFY2(strategy.ok(), strategy.ok() ? "" : strategy.error().message.c_str());
        QCOMPARE(strategy->name, std::string("custom"));
        QCOMPARE(int(strategy->cost), int(engine::ShardCostKind::CustomData));
        QCOMPARE(int(strategy->capacity), int(engine::NodeCapacityKind::CustomData));
        QCOMPARE(int(strategy->allowed), int(engine::ShardAllowedKind::AllButListed));
        QCOMPARE(strategy->defaultThreshold, 0.1F);
        QCOMPARE(strategy->minimumThreshold, 0.01F);
        // Hash-distributed shards only (the reference table's shard is never rebalanced).
        QCOMPARE(strategy->shardCost.size(), std::size_t(2 * 4));
        for (const auto& [shard, cost] : strategy->shardCost)
            QCOMPARE(cost, float(shard % 3) + 0.5F);
        // Nodes that may hold shards: the three workers, not the coordinator.
        QCOMPARE(strategy->nodeCapacity.size(), std::size_t(3));
        for (const auto& [node, capacity] : strategy->nodeCapacity)
            QCOMPARE(capacity, float(node));
        // Refused: false and NULL alike.
        std::size_t expected = 0;
        for (const auto& [shard, cost] : strategy->shardCost) {
            (void)cost;
            expected += shard % 4 == 0 ? 2 : shard % 4 == 1 ? 3 : 0;
        }
        QCOMPARE(strategy->disallowedPairs.size(), expected);
        for (const engine::ShardNodePair& pair : strategy->disallowedPairs)
            QVERIFY(pair.shard % 4 == 1 || (pair.shard % 4 == 0 && pair.node != 2));
    }

    void failuresNamed_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code");
        QTest::newRow("function fails")
            << QStringLiteral("failing")
            << QStringLiteral("The rebalance strategy's shard cost function %1.failing failed on the server: division "
                              "by zero")
                   .arg(QLatin1String(kSchema))
            << QStringLiteral("22012");
        QTest::newRow("function dropped")
            << QStringLiteral("dangling")
            << QStringLiteral("The rebalance strategy dangling names a function that no longer exists (dropped "
                              "function, oid ")
            << QStringLiteral("42883");
        QTest::newRow("no such strategy")
            << QStringLiteral("by_magic") << QStringLiteral("could not find rebalance strategy with name by_magic")
            << QStringLiteral("XX000");
    }

    void failuresNamed()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        QFETCH(QString, code);
        auto strategy = loadRebalanceStrategy(*m_session, name.toStdString());
        QVERIFY(!strategy.ok());
        QVERIFY2(QString::fromStdString(strategy.error().message).startsWith(message),
                 strategy.error().message.c_str());
        QCOMPARE(QString::fromStdString(strategy.error().code), code);
        QVERIFY(m_session->exec("SELECT 1").ok()); // the session is still usable
    }

    void noDefault()
    {
        exec("UPDATE pg_dist_rebalance_strategy SET default_strategy = false");
        auto strategy = loadRebalanceStrategy(*m_session, "");
        exec("UPDATE pg_dist_rebalance_strategy SET default_strategy = true WHERE name = 'custom'");
        QVERIFY(!strategy.ok());
        QCOMPARE(strategy.error().message,
                 std::string("no rebalance_strategy was provided, but there is also no default strategy set"));
    }
};

QTEST_GUILESS_MAIN(TestStrategyReader)
#include "tst_strategyreader.moc"
