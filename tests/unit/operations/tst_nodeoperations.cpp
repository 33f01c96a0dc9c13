// SPDX-License-Identifier: MIT
#include "engine/operations/operationsupport.h"
#include "operationstesthelpers.h"

#include <QTest>

using namespace shardscope::engine;
using namespace shardscope::test;

class TestNodeOperations : public QObject
{
    Q_OBJECT

private slots:
    void nodesMatchFixture_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("withThirdWorker");
        QTest::newRow("2 workers") << QStringLiteral("01_pg_dist_node.csv") << false;
        QTest::newRow("3 workers") << QStringLiteral("05_pg_dist_node_3_workers.csv") << true;
    }

    void nodesMatchFixture()
    {
        QFETCH(QString, file);
        QFETCH(bool, withThirdWorker);
        ClusterState state = fixtureNodes();
        if (withThirdWorker)
            state = applyAll(state, {AddNode{"127.0.0.1", 9703}});
        const auto rows = csvRows(file);
        QCOMPARE(state.nodes.size(), static_cast<std::size_t>(rows.size()));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const Node& node = state.nodes[static_cast<std::size_t>(i)];
            const QStringList& row = rows[i];
            QCOMPARE(node.id, row[0].toInt());
            QCOMPARE(node.group, row[1].toInt());
            QCOMPARE(q(node.name), row[2]);
            QCOMPARE(node.port, row[3].toInt());
            QCOMPARE(node.hasMetadata, row[5] == QLatin1String("t"));
            QCOMPARE(node.isActive, row[6] == QLatin1String("t"));
            QCOMPARE(node.metadataSynced, row[9] == QLatin1String("t"));
            QCOMPARE(node.shouldHaveShards, row[10] == QLatin1String("t"));
        }
    }

    void addExistingNodeChangesNothing()
    {
        const ClusterState state = fixtureNodes();
        const auto again = applyOperation(state, AddNode{"127.0.0.1", 9701});
        QVERIFY(again.ok());
        QVERIFY(*again == state);
    }

    void groupsAndIdsNeverReused()
    {
        ClusterState state = applyAll(fixtureNodes(), {RemoveNode{"127.0.0.1", 9702}, AddNode{"127.0.0.1", 9703}});
        QCOMPARE(state.nodes.back().id, 4);
        QCOMPARE(state.nodes.back().group, 3);
    }

    void errors_data()
    {
        QTest::addColumn<bool>("withTables");
        QTest::addColumn<OperationRequest>("request");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");
        QTest::newRow("remove unknown") << false << OperationRequest(RemoveNode{"nohost", 5432})
                                        << QStringLiteral("node at \"nohost:5432\" does not exist") << QString();
        QTest::newRow("disable unknown") << false << OperationRequest(DisableNode{"127.0.0.1", 1, true})
                                         << QStringLiteral("node at \"127.0.0.1:1\" does not exist") << QString();
        QTest::newRow("activate unknown") << false << OperationRequest(ActivateNode{"x", 2})
                                          << QStringLiteral("node at \"x:2\" does not exist") << QString();
        QTest::newRow("property unknown") << false << OperationRequest(SetNodeShouldHaveShards{"x", 2, false})
                                          << QStringLiteral("node at \"x:2\" does not exist") << QString();
        QTest::newRow("disable coordinator")
            << false << OperationRequest(DisableNode{"127.0.0.1", 9700, true})
            << QStringLiteral("cannot change \"isactive\" field of the coordinator node") << QString();
        QTest::newRow("disable first worker async")
            << false << OperationRequest(DisableNode{"127.0.0.1", 9701, false})
            << QStringLiteral("disabling the first worker node in the metadata is not allowed")
            << QStringLiteral("You can force disabling node, SELECT citus_disable_node('127.0.0.1', 9701, "
                              "synchronous:=true);");
        QTest::newRow("remove only placement")
            << true << OperationRequest(RemoveNode{"127.0.0.1", 9701})
            << QStringLiteral("cannot remove or disable the node 127.0.0.1:9701 because because it contains the "
                              "only shard placement for shard 102008")
            << QStringLiteral("To proceed, either drop the tables or use undistribute_table() function to convert "
                              "them to local tables");
        QTest::newRow("disable only placement")
            << true << OperationRequest(DisableNode{"127.0.0.1", 9702, false})
            << QStringLiteral("cannot remove or disable the node 127.0.0.1:9702 because because it contains the "
                              "only shard placement for shard 102009")
            << QString();
    }

    void errors()
    {
        QFETCH(bool, withTables);
        QFETCH(OperationRequest, request);
        QFETCH(QString, message);
        QFETCH(QString, hint);
        const ClusterState state = withTables ? fixtureCluster() : fixtureNodes();
        const auto result = applyOperation(state, request);
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().message), message);
        if (!hint.isEmpty())
            QCOMPARE(q(result.error().hint), hint);
    }

    void onlyPlacementDetailNamesTable()
    {
        const auto result = applyOperation(fixtureCluster(), RemoveNode{"127.0.0.1", 9701});
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().detail),
                 QStringLiteral("One of the table(s) that prevents the operation complete successfully is "
                                "public.users"));
    }

    void removeDropsReferencePlacements()
    {
        // A worker holding only reference placements can go; its reference placement rows go with it.
        ClusterState state = applyAll(fixtureCluster(), {AddNode{"127.0.0.1", 9703}, ReplicateReferenceTables{}});
        QCOMPARE(state.placements.size(), std::size_t(68));
        state = applyAll(state, {RemoveNode{"127.0.0.1", 9703}});
        QCOMPARE(state.placements.size(), std::size_t(67));
        QCOMPARE(state.nodes.size(), std::size_t(3));
    }

    void disableAndActivate()
    {
        ClusterState state = applyAll(fixtureCluster(), {AddNode{"127.0.0.1", 9703}, ReplicateReferenceTables{}});
        state = applyAll(state, {DisableNode{"127.0.0.1", 9703, false}});
        QVERIFY(!state.nodes.back().isActive);
        QVERIFY(!ops::hasMissingReferenceTables(state)); // inactive nodes are not counted
        state = applyAll(state, {ActivateNode{"127.0.0.1", 9703}});
        QVERIFY(state.nodes.back().isActive);
        // activation drops the node's replicated placements; they are copied again lazily
        QVERIFY(ops::hasMissingReferenceTables(state));
        QCOMPARE(state.placements.size(), std::size_t(67));
    }

    void setShouldHaveShards()
    {
        const ClusterState state = applyAll(fixtureNodes(), {SetNodeShouldHaveShards{"127.0.0.1", 9700, true}});
        QVERIFY(state.nodes.front().shouldHaveShards);
    }

    void localhostCoordinatorRefusesRemoteWorker()
    {
        const ClusterState state = applyAll({}, {SetCoordinatorHost{"localhost", 5432}});
        const auto result = applyOperation(state, AddNode{"worker-1", 5432});
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().message),
                 QStringLiteral("cannot add a worker node when the coordinator hostname is set to localhost"));
        QVERIFY(applyOperation(state, AddNode{"localhost", 5433}).ok());
    }
};

QTEST_GUILESS_MAIN(TestNodeOperations)
#include "tst_nodeoperations.moc"
