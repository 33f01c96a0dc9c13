// SPDX-License-Identifier: MIT
// Simulated tenant traffic of the demo cluster: shaped as citus_stat_tenants, consistent with the demo schema
// (tenant values route to real shards, their node is the node of that shard), deterministic, and user_id 1 is
// the hot tenant as in the statement workload.
#include "engine/clusterindex.h"
#include "sim/democluster.h"
#include "sim/tenantactivitysimulator.h"

#include <QTest>
#include <set>

using namespace shardscope;

class TestTenantActivity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAreConsistentWithTheSchema()
    {
        const engine::ClusterState state = sim::makeDemoCluster();
        const engine::ClusterIndex index(state);
        const auto rows = sim::TenantActivitySimulator().activityAt(state, 720);
        QVERIFY(!rows.empty());
        QVERIFY(rows.size() <= 100);
        std::set<std::int64_t> groups;
        for (const sim::TenantActivity& row : rows) {
            const auto location = sim::locateTenant(index, engine::ColocationId(row.colocationId), row.tenant);
            QVERIFY2(location.ok(), row.tenant.c_str());
            QCOMPARE(row.nodeId, std::int64_t(location->node));
            QVERIFY(index.nodeById(engine::NodeId(row.nodeId)));
            QVERIFY(row.readsThisPeriod <= row.queriesThisPeriod);
            QVERIFY(row.readsLastPeriod <= row.queriesLastPeriod);
            QVERIFY(row.queriesThisPeriod >= 0 && row.cpuSecondsThisPeriod >= 0.0);
            groups.insert(row.colocationId);
        }
        // users/events, page_views and orders: three tenant-keyed groups.
        QCOMPARE(groups.size(), std::size_t(3));
    }

    void hotTenantFirst()
    {
        const engine::ClusterState state = sim::makeDemoCluster();
        const engine::ClusterIndex index(state);
        const auto rows = sim::TenantActivitySimulator().activityAt(state, 800);
        QCOMPARE(rows.front().tenant, std::string("1"));
        QCOMPARE(rows.front().colocationId, std::int64_t(index.tableByName("public", "users")->colocationId));
        for (std::size_t i = 1; i < rows.size(); ++i)
            QVERIFY(rows[i - 1].queriesThisPeriod + rows[i - 1].queriesLastPeriod >=
                    rows[i].queriesThisPeriod + rows[i].queriesLastPeriod);
    }

    void deterministicAndMoving()
    {
        const engine::ClusterState state = sim::makeDemoCluster();
        const sim::TenantActivitySimulator simulator;
        QCOMPARE(simulator.activityAt(state, 730), simulator.activityAt(state, 730));
        // The next period's "last period" is a full period: the figures change with the clock.
        QVERIFY(simulator.activityAt(state, 730) != simulator.activityAt(state, 731));
        QVERIFY(sim::TenantActivitySimulator(1).activityAt(state, 730) != simulator.activityAt(state, 730));
    }

    void missingTablesAreLeftOut()
    {
        engine::ClusterState state = sim::makeDemoCluster();
        std::erase_if(state.tables, [](const engine::Table& t) { return t.name == "orders"; });
        const auto rows = sim::TenantActivitySimulator().activityAt(state, 720);
        std::set<std::int64_t> groups;
        for (const auto& row : rows)
            groups.insert(row.colocationId);
        QCOMPARE(groups.size(), std::size_t(2));
        QVERIFY(sim::TenantActivitySimulator().activityAt(engine::ClusterState{}, 720).empty());
    }
};

QTEST_APPLESS_MAIN(TestTenantActivity)
#include "tst_tenantactivity.moc"
