// SPDX-License-Identifier: MIT
// Tenant values routed to their shards exactly as the real Citus cluster did (get_shard_id_for_distribution_column
// on the fixture's cluster), for a bigint and a text distribution column; unroutable input is an error.
#include "engine/clusterindex.h"
#include "sim/tenantactivity.h"
#include "tenantfixture.h"

#include <QTest>

using namespace shardscope;

class TestTenantRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routesLikeCitus_data()
    {
        QTest::addColumn<qint64>("colocation");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<qint64>("shard");
        const live::QueryResult truth = test::readCsvResult(QStringLiteral("skew/tenant_shards.csv"));
        QCOMPARE(truth.rows.size(), std::size_t(9));
        for (std::size_t r = 0; r < truth.rows.size(); ++r) {
            const QString tenant = QString::fromStdString(truth.text(r, 1));
            QTest::newRow(qPrintable(tenant))
                << qint64(std::stoll(truth.text(r, 0))) << tenant << qint64(std::stoll(truth.text(r, 2)));
        }
    }

    void routesLikeCitus()
    {
        QFETCH(qint64, colocation);
        QFETCH(QString, tenant);
        QFETCH(qint64, shard);
        const engine::ClusterState state = test::tenantFixtureState();
        const engine::ClusterIndex index(state);
        const auto location = sim::locateTenant(index, engine::ColocationId(colocation), tenant.toStdString());
        QVERIFY2(location.ok(), location.ok() ? "" : location.error().message.c_str());
        QCOMPARE(qint64(location->shard), shard);
    }

    void nodeMatchesTheStatistics()
    {
        // citus_stat_tenants reports the node of the tenant's shard: the routing finds the same one.
        const engine::ClusterState state = test::tenantFixtureState();
        const engine::ClusterIndex index(state);
        const live::QueryResult stats = test::readCsvResult(QStringLiteral("skew/citus_stat_tenants.csv"));
        for (std::size_t r = 0; r < stats.rows.size(); ++r) {
            const auto location =
                sim::locateTenant(index, engine::ColocationId(std::stoll(stats.text(r, 1))), stats.text(r, 2));
            QVERIFY(location.ok());
            QCOMPARE(qint64(location->node), qint64(std::stoll(stats.text(r, 0))));
        }
    }

    void unroutableIsAnError_data()
    {
        QTest::addColumn<qint64>("colocation");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a bigint") << 1LL << QStringLiteral("acme") << QStringLiteral("acme");
        QTest::newRow("unknown group") << 99LL << QStringLiteral("7") << QStringLiteral("colocation group 99");
    }

    void unroutableIsAnError()
    {
        QFETCH(qint64, colocation);
        QFETCH(QString, tenant);
        QFETCH(QString, message);
        const engine::ClusterState state = test::tenantFixtureState();
        const engine::ClusterIndex index(state);
        const auto location = sim::locateTenant(index, engine::ColocationId(colocation), tenant.toStdString());
        QVERIFY(!location.ok());
        QVERIFY2(QString::fromStdString(location.error().message).contains(message), location.error().message.c_str());
    }
};

QTEST_APPLESS_MAIN(TestTenantRouting)
#include "tst_tenantrouting.moc"
