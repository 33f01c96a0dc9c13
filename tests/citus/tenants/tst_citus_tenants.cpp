// SPDX-License-Identifier: MIT
// citus_stat_tenants on a real Citus coordinator (CITUS_TEST_DSN): after router queries for a few tenants of the
// test's own tables, the reader returns them with their query counts, and each tenant's node is the node of the
// shard the engine routes its value to (checked against get_shard_id_for_distribution_column). Everything
// happens in the test's own schema, dropped at the end.
#include "engine/clusterindex.h"
#include "live/loadclusterstate.h"
#include "live/tenantstatsreader.h"
#include "sim/tenantactivity.h"

#include <QTest>
#include <map>

using namespace shardscope;
using namespace shardscope::live;

namespace {

const std::string kSchema = "shardscope_citus_tenants";

std::string dsn()
{
    return qEnvironmentVariable("CITUS_TEST_DSN").toStdString();
}

} // namespace

class TestCitusTenants : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (dsn().empty())
            QSKIP("CITUS_TEST_DSN is not set");
        auto options = ConnectionOptions::parse(dsn());
        QVERIFY(options.ok());
        m_session = std::make_unique<PgSession>(*options);
        QVERIFY2(m_session->connect().ok(), m_session->lastError().message.c_str());
        const auto track = m_session->exec("SELECT current_setting('citus.stat_tenants_track', true)");
        QVERIFY(track.ok());
        if (track->text(0, 0) == "none")
            QSKIP("citus.stat_tenants_track is 'none' on this cluster");
        const std::string s = kSchema;
        for (const std::string& sql : {
                 "DROP SCHEMA IF EXISTS " + s + " CASCADE",
                 "CREATE SCHEMA " + s,
                 "CREATE TABLE " + s + ".shops (shop_id bigint PRIMARY KEY, name text)",
                 "SELECT create_distributed_table('" + s +
                     ".shops', 'shop_id', shard_count := 4, "
                     "colocate_with := 'none')",
                 "INSERT INTO " + s + ".shops SELECT g, 'shop ' || g FROM generate_series(1, 50) g",
             }) {
            const auto result = m_session->exec(sql);
            QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        }
    }

    void cleanupTestCase()
    {
        if (m_session && m_session->isConnected())
            (void)m_session->exec("DROP SCHEMA IF EXISTS " + kSchema + " CASCADE");
    }

    void tenantsAreCountedAndRouted()
    {
        // 40 queries for shop 17, 15 for shop 23, 5 for shop 4: router queries by distribution key value.
        const std::map<std::string, int> queries{{"17", 40}, {"23", 15}, {"4", 5}};
        for (const auto& [shop, count] : queries) {
            for (int i = 0; i < count; ++i) {
                const auto result =
                    m_session->exec("SELECT name FROM " + kSchema + ".shops WHERE shop_id = $1", {shop});
                QVERIFY(result.ok());
            }
        }
        const auto colocation = m_session->exec("SELECT colocationid FROM pg_dist_partition WHERE logicalrelid = "
                                                "'" +
                                                kSchema + ".shops'::regclass");
        QVERIFY(colocation.ok());
        const std::int64_t group = std::stoll(colocation->text(0, 0));

        const auto stats = readTenantStats(*m_session);
        QVERIFY2(stats.ok(), stats.ok() ? "" : stats.error().message.c_str());
        QVERIFY(stats->available);
        QVERIFY(stats->periodSeconds > 0);

        auto state = loadClusterState(dsn());
        QVERIFY2(state.ok(), state.ok() ? "" : state.error().message.c_str());
        const engine::ClusterIndex index(*state);
        for (const auto& [shop, count] : queries) {
            const auto row = std::find_if(stats->rows.begin(), stats->rows.end(), [&](const TenantStatRow& r) {
                return r.colocationId == group && r.tenant == shop;
            });
            QVERIFY2(row != stats->rows.end(), shop.c_str());
            // A period may have ended in between: the two periods together hold every query.
            QCOMPARE(row->queriesThisPeriod + row->queriesLastPeriod, std::int64_t(count));
            QVERIFY(row->readsThisPeriod + row->readsLastPeriod >= count);
            QVERIFY(row->cpuSecondsThisPeriod + row->cpuSecondsLastPeriod >= 0.0);

            const auto located = sim::locateTenant(index, engine::ColocationId(group), shop);
            QVERIFY(located.ok());
            const auto truth = m_session->exec(
                "SELECT get_shard_id_for_distribution_column('" + kSchema + ".shops', $1::bigint)", {shop});
            QVERIFY(truth.ok());
            QCOMPARE(std::to_string(located->shard), truth->text(0, 0));
            QCOMPARE(std::int64_t(located->node), row->nodeId);
        }
    }

private:
    std::unique_ptr<PgSession> m_session;
};

QTEST_GUILESS_MAIN(TestCitusTenants)
#include "tst_citus_tenants.moc"
