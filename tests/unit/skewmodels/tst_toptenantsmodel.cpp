// SPDX-License-Identifier: MIT
// The real citus_stat_tenants rows as the Skew tab's top tenants: routed to their shards and nodes, ranked by
// queries or CPU time, under QAbstractItemModelTester; simulated and unavailable reports.
#include "../skew/tenantfixture.h"
#include "sim/democluster.h"
#include "sim/tenantactivitysimulator.h"
#include "skew/toptenantsmodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QTest>

using namespace shardscope;

namespace {

TenantReport fixtureReport()
{
    const auto rows = live::parseTenantStatRows(test::readCsvResult(QStringLiteral("skew/citus_stat_tenants.csv")));
    if (!rows)
        qFatal("fixture: %s", rows.error().message.c_str());
    live::TenantStats stats;
    stats.rows = *rows;
    stats.periodSeconds = 60;
    return TenantReport::fromLive(test::tenantFixtureState(), stats);
}

QStringList column(const QAbstractItemModel& model, int column)
{
    QStringList cells;
    for (int row = 0; row < model.rowCount(); ++row)
        cells.append(model.index(row, column).data().toString());
    return cells;
}

} // namespace

class TestTopTenantsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void liveRowsAreRouted_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("node");
        QTest::addColumn<qint64>("shard");
        QTest::addColumn<qint64>("queries");
        // Shards as get_shard_id_for_distribution_column() gave them on the real cluster.
        QTest::newRow("7") << QStringLiteral("7") << QStringLiteral("companies, campaigns")
                           << QStringLiteral("127.0.0.1:9701") << 102010LL << 300LL;
        QTest::newRow("3") << QStringLiteral("3") << QStringLiteral("companies, campaigns")
                           << QStringLiteral("127.0.0.1:9702") << 102011LL << 120LL;
        QTest::newRow("eu-west") << QStringLiteral("eu-west") << QStringLiteral("accounts")
                                 << QStringLiteral("127.0.0.1:9701") << 102024LL << 80LL;
        QTest::newRow("ap-south") << QStringLiteral("ap-south") << QStringLiteral("accounts")
                                  << QStringLiteral("127.0.0.1:9702") << 102027LL << 5LL;
    }

    void liveRowsAreRouted()
    {
        QFETCH(QString, tenant);
        const TenantReport report = fixtureReport();
        QVERIFY(report.available);
        QVERIFY(!report.simulated);
        const auto it = std::find_if(report.rows.begin(), report.rows.end(),
                                     [&tenant](const TenantRow& row) { return row.tenant == tenant; });
        QVERIFY(it != report.rows.end());
        QTEST(it->group, "group");
        QTEST(it->node, "node");
        QTEST(it->shardId, "shard");
        QTEST(it->queries(), "queries");
    }

    void ranksByQueriesOrCpu()
    {
        TopTenantsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(fixtureReport());
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(column(model, TopTenantsModel::TenantColumn),
                 QStringLiteral("7,3,eu-west,12,us-east,1,18,ap-south,5").split(QLatin1Char(',')));
        QCOMPARE(model.index(0, TopTenantsModel::QueriesColumn).data().toString(), QStringLiteral("300"));
        QCOMPARE(model.index(0, TopTenantsModel::CpuColumn).data().toString(), QStringLiteral("6.6 ms"));
        QCOMPARE(model.index(0, 0).data(TopTenantsModel::ShardIdRole).toLongLong(), 102010LL);
        QCOMPARE(model.index(2, 0).data(TopTenantsModel::ColocationIdRole).toLongLong(), 2LL);
        QCOMPARE(model.index(0, 0).data(TopTenantsModel::ValueRole).toLongLong(), 300LL);

        // By CPU time: the value is CPU seconds; on this workload the order happens to be the same.
        model.setRanking(TopTenantsModel::Ranking::Cpu);
        QCOMPARE(model.index(2, 0).data(TopTenantsModel::ValueRole).toDouble(), 0.0012229999999999997 + 0.000955);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.tenantAt(row - 1)->cpuSeconds() >= model.tenantAt(row)->cpuSeconds());
        // A tenant with few but expensive queries leads by CPU and not by queries.
        TenantReport report = fixtureReport();
        report.rows.back().cpuSecondsLastPeriod = 1.0;
        model.setReport(report);
        QCOMPARE(model.tenantAt(0)->tenant, QStringLiteral("5"));
        QCOMPARE(model.index(0, TopTenantsModel::CpuColumn).data().toString(), QStringLiteral("1,000.0 ms"));
        model.setRanking(TopTenantsModel::Ranking::Queries);
        QCOMPARE(model.tenantAt(0)->tenant, QStringLiteral("7"));
        QCOMPARE(model.tenantAt(8)->tenant, QStringLiteral("5"));

        model.setLimit(3);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.tenantAt(3));
    }

    void simulatedDemoTraffic()
    {
        const engine::ClusterState state = sim::makeDemoCluster();
        const TenantReport report =
            TenantReport::fromSimulated(state, sim::TenantActivitySimulator().activityAt(state, 720), 60);
        QVERIFY(report.simulated);
        QVERIFY(report.available);
        QCOMPARE(report.rows.front().tenant, QStringLiteral("1"));
        QCOMPARE(report.rows.front().group, QStringLiteral("users, events"));
        for (const TenantRow& row : report.rows) {
            QVERIFY(row.shardId != 0);
            QVERIFY(row.node.startsWith(QLatin1String("worker-")));
        }
    }

    void idleTenantsAreLeftOut()
    {
        auto rows = live::parseTenantStatRows(test::readCsvResult(QStringLiteral("skew/citus_stat_tenants.csv")));
        QVERIFY(rows.ok());
        // Citus lists a tenant for a while after its last query, with zeros in both periods.
        live::TenantStatRow idle = rows->back();
        idle.tenant = "42";
        idle.queriesThisPeriod = idle.queriesLastPeriod = idle.readsThisPeriod = idle.readsLastPeriod = 0;
        idle.cpuSecondsThisPeriod = idle.cpuSecondsLastPeriod = 0.0;
        rows->push_back(idle);
        live::TenantStats stats;
        stats.rows = *rows;
        const TenantReport report = TenantReport::fromLive(test::tenantFixtureState(), stats);
        QCOMPARE(report.rows.size(), std::size_t(9));
        QCOMPARE(report.idleTenants, 1);
        QVERIFY(std::none_of(report.rows.begin(), report.rows.end(),
                             [](const TenantRow& row) { return row.tenant == QLatin1String("42"); }));
    }

    void unavailableHasNoRows()
    {
        TopTenantsModel model;
        model.setReport(fixtureReport());
        model.setReport(TenantReport::unavailable(QStringLiteral("tracking is off")));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.report().available);
        QCOMPARE(model.report().notice, QStringLiteral("tracking is off"));
    }
};

QTEST_GUILESS_MAIN(TestTopTenantsModel)
#include "tst_toptenantsmodel.moc"
