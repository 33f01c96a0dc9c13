// SPDX-License-Identifier: MIT
#include "engine/clusterindex.h"
#include "operationstesthelpers.h"

#include <QTest>
#include <algorithm>

using namespace shardscope::engine;
using namespace shardscope::test;

namespace {
// The fixture cluster after a split of users' third shard group, with every vector shuffled out of catalog order.
ClusterState shuffled(bool shuffle)
{
    ClusterState state =
        applyAll(fixtureCluster(), {SplitShard{102010, {-1800000000}, {3, 2}, TransferMode::BlockWrites}});
    if (shuffle) {
        std::reverse(state.shards.begin(), state.shards.end());
        std::rotate(state.placements.begin(), state.placements.begin() + 17, state.placements.end());
        std::reverse(state.nodes.begin(), state.nodes.end());
    }
    return state;
}
} // namespace

class TestClusterIndex : public QObject
{
    Q_OBJECT

private slots:
    void lookups_data()
    {
        QTest::addColumn<bool>("shuffle");
        QTest::newRow("catalog order") << false;
        QTest::newRow("any order") << true;
    }

    void lookups()
    {
        QFETCH(bool, shuffle);
        const ClusterState state = shuffled(shuffle);
        const ClusterIndex index(state);
        QCOMPARE(index.nodeById(3)->port, 9702);
        QCOMPARE(index.nodeByGroup(0)->port, 9700);
        QCOMPARE(index.nodeByNameAndPort("127.0.0.1", 9701)->id, 2);
        QVERIFY(!index.nodeById(9));
        QCOMPARE(q(index.tableByName("", "events")->name), QStringLiteral("events"));
        QVERIFY(!index.tableByName("other", "events"));
        QCOMPARE(index.colocationGroup(2)->replicationFactor, -1);
        QCOMPARE(index.shardById(102072)->hasRange, false);
        QVERIFY(!index.shardById(102010)); // split away

        // users in range order: the split children take the third and fourth positions
        const auto users = index.shardsOfTable(index.tableByName("public", "users")->oid);
        QCOMPARE(users.size(), std::size_t(33));
        QCOMPARE(state.shards[users[2]].id, ShardId(102073));
        QCOMPARE(state.shards[users[3]].id, ShardId(102074));
        QCOMPARE(state.shards[users[4]].id, ShardId(102011));
        QCOMPARE(index.shardIndexInTable(102074), 3);
        QCOMPARE(index.shardGroupOf(102074), (std::vector<ShardId>{102074, 102076}));
        QCOMPARE(index.shardGroupOf(102072), std::vector<ShardId>{102072});
        QVERIFY(index.shardGroupOf(5).empty());

        // the reference shard's placements, ascending placement id
        const auto reference = index.placementsOfShard(102072);
        QCOMPARE(reference.size(), std::size_t(3));
        QCOMPARE(state.placements[reference[0]].id, PlacementId(65));
        QCOMPARE(state.placements[reference[2]].id, PlacementId(67));
        QCOMPARE(index.placementsOnGroup(0).size(), std::size_t(1));
        QCOMPARE(index.placementsOnGroup(2).size(), std::size_t(35)); // 16 + 16 + reference + 2 split children
        QCOMPARE(index.tablesOfColocationGroup(1).size(), std::size_t(2));
        QVERIFY(index.tablesOfColocationGroup(7).empty());
    }

    void sortedWorkers()
    {
        const ClusterState state =
            applyAll({}, {SetCoordinatorHost{"b", 1}, AddNode{"worker2", 1}, AddNode{"worker10", 2}, AddNode{"a", 1}});
        const auto all = sortedActivePrimaries(state, false);
        QCOMPARE(all.size(), std::size_t(4));
        QCOMPARE(q(all[0]->name), QStringLiteral("a"));
        QCOMPARE(q(all[1]->name), QStringLiteral("b"));
        QCOMPARE(q(all[2]->name), QStringLiteral("worker10"));
        QCOMPARE(sortedActivePrimaries(state, true).size(), std::size_t(3));
    }
};

QTEST_GUILESS_MAIN(TestClusterIndex)
#include "tst_clusterindex.moc"
