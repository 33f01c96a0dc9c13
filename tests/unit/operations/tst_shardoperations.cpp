// SPDX-License-Identifier: MIT
#include "engine/clusterindex.h"
#include "engine/operations/drainoperation.h"
#include "engine/operations/moveoperation.h"
#include "engine/operations/splitoperations.h"
#include "engine/pghash.h"
#include "operationstesthelpers.h"

#include <QTest>

using namespace shardscope::engine;
using namespace shardscope::test;

namespace {
std::vector<GroupId> groupsOfShard(const ClusterState& state, ShardId shard)
{
    std::vector<GroupId> groups;
    for (const Placement& p : state.placements) {
        if (p.shard == shard)
            groups.push_back(p.group);
    }
    return groups;
}

const Placement* placementOf(const ClusterState& state, ShardId shard)
{
    for (const Placement& p : state.placements) {
        if (p.shard == shard)
            return &p;
    }
    return nullptr;
}

// The fixture cluster after 9703 joined and the reference table was copied to it.
ClusterState threeWorkers()
{
    return applyAll(fixtureCluster(), {AddNode{"127.0.0.1", 9703}, ReplicateReferenceTables{}});
}

// coordinator (node 1) and workers on nodes 2, 3, 4 (groups 1, 2, 3); t and t2 colocated, 4 int4 shards.
ClusterState splitCluster(std::int32_t rf = 1)
{
    return applyAll({}, {SetCoordinatorHost{"c", 5432}, AddNode{"w", 9801}, AddNode{"w", 9802}, AddNode{"w", 9803},
                         CreateDistributedTable{"public", "t", "id", ColumnType::Int4, "default", 4, rf},
                         CreateDistributedTable{"public", "t2", "id", ColumnType::Int4, "t", {}, rf},
                         CreateReferenceTable{"public", "r"}});
}
} // namespace

class TestShardOperations : public QObject
{
    Q_OBJECT

private slots:
    void moveMatchesFixture()
    {
        // 05_move_shard_placement_block_writes: users 102010 then events 102042 get consecutive new placement ids
        const ClusterState state = threeWorkers();
        const PlacementId next = state.sequences.nextPlacementId;
        const auto moved =
            ops::moveShardPlacementDetailed(state, MoveShardPlacement{102042, 2, 4, TransferMode::BlockWrites});
        QVERIFY(moved.ok());
        QCOMPARE(moved->movedShards, (std::vector<ShardId>{102010, 102042}));
        QCOMPARE(placementOf(moved->state, 102010)->id, next);
        QCOMPARE(placementOf(moved->state, 102042)->id, next + 1);
        QCOMPARE(groupsOfShard(moved->state, 102010), std::vector<GroupId>{3});
        QCOMPARE(groupsOfShard(moved->state, 102042), std::vector<GroupId>{3});
        QCOMPARE(moved->state.placements.size(), state.placements.size());
        // moving again: already done, a warning and no change
        const auto again =
            ops::moveShardPlacementDetailed(moved->state, MoveShardPlacement{102042, 2, 4, TransferMode::BlockWrites});
        QVERIFY(again.ok());
        QVERIFY(again->state == moved->state);
        QCOMPARE(q(again->warnings.at(0)), QStringLiteral("shard is already present on node 127.0.0.1:9703"));
    }

    void moveErrors_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<OperationRequest>("request");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");
        const auto move = [](ShardId shard, NodeId from, NodeId to, TransferMode mode = TransferMode::BlockWrites) {
            return OperationRequest(MoveShardPlacement{shard, from, to, mode});
        };
        QTest::newRow("same node") << "three" << move(102008, 2, 2)
                                   << QStringLiteral("cannot move shard to the same node") << QString();
        QTest::newRow("not on source") << "three" << move(102008, 3, 4)
                                       << QStringLiteral("could not find placement matching \"127.0.0.1:9702\"")
                                       << QStringLiteral("Confirm the placement still exists and try again.");
        QTest::newRow("unknown target") << "three" << move(102008, 2, 42)
                                        << QStringLiteral("node 42 could not be found") << QString();
        QTest::newRow("unknown shard") << "three" << move(1, 2, 3)
                                       << QStringLiteral("could not find valid entry for shard 1") << QString();
        QTest::newRow("reference") << "three" << move(102072, 2, 3)
                                   << QStringLiteral("table public.countries is a reference table, moving shard of "
                                                     "a reference table is not supported")
                                   << QString();
        QTest::newRow("target inactive")
            << "inactive" << move(102008, 2, 4) << QStringLiteral("Moving shards to a non-active node is not supported")
            << QStringLiteral("Activate the target node via SELECT citus_activate_node('127.0.0.1', 9703);");
        QTest::newRow("target no shards")
            << "noshards" << move(102008, 2, 4)
            << QStringLiteral("Moving shards to a node that shouldn't have a shard is not supported")
            << QStringLiteral("Allow shards on the target node via SELECT * FROM citus_set_node_property('127.0.0.1', "
                              "9703, 'shouldhaveshards', true);");
        QTest::newRow("missing reference tables")
            << "missingref" << move(102008, 2, 4) << QStringLiteral("there are missing reference tables on some nodes")
            << QStringLiteral("Copy reference tables first with replicate_reference_tables() or use "
                              "citus_rebalance_start() that will do it automatically.");
        QTest::newRow("no replica identity")
            << "noidentity" << move(102008, 2, 4, TransferMode::Auto)
            << QStringLiteral("cannot use logical replication to transfer shards of the relation events since it "
                              "doesn't have a REPLICA IDENTITY or PRIMARY KEY")
            << QStringLiteral("If you wish to continue without a replica identity set the shard_transfer_mode to "
                              "'force_logical' or 'block_writes'.");
        QTest::newRow("already on target (rf 2)")
            << "rf2" << move(102008, 2, 3) << QStringLiteral("shard 102008 already exists in the target node")
            << QString();
    }

    void moveErrors()
    {
        QFETCH(QString, setup);
        QFETCH(OperationRequest, request);
        QFETCH(QString, message);
        QFETCH(QString, hint);
        ClusterState state = threeWorkers();
        if (setup == QLatin1String("inactive"))
            state = applyAll(state, {DisableNode{"127.0.0.1", 9703, false}});
        else if (setup == QLatin1String("noshards"))
            state = applyAll(state, {SetNodeShouldHaveShards{"127.0.0.1", 9703, false}});
        else if (setup == QLatin1String("missingref"))
            state = applyAll(fixtureCluster(), {AddNode{"127.0.0.1", 9703}});
        else if (setup == QLatin1String("noidentity"))
            state.tables[1].hasReplicaIdentity = false;
        else if (setup == QLatin1String("rf2"))
            state =
                applyAll(fixtureNodes(), {CreateDistributedTable{"public", "t", "id", ColumnType::Int8, "none", 4, 2}});
        const ClusterState before = state;
        const auto result = applyOperation(state, request);
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().message), message);
        if (!hint.isEmpty())
            QCOMPARE(q(result.error().hint), hint);
        QVERIFY(state == before);
    }

    void splitExample()
    {
        // §7.1: [0,1073741823] with points {100,536870911} on nodes {2,3,4}
        const ClusterState state =
            applyAll(splitCluster(), {SplitShard{102010, {100, 536870911}, {2, 3, 4}, TransferMode::BlockWrites}});
        const ClusterIndex index(state);
        const std::vector<std::tuple<ShardId, std::int32_t, std::int32_t, GroupId>> expected = {
            {102017, 0, 100, 1}, {102018, 101, 536870911, 2}, {102019, 536870912, 1073741823, 3},
            {102020, 0, 100, 1}, {102021, 101, 536870911, 2}, {102022, 536870912, 1073741823, 3}};
        for (const auto& [id, min, max, group] : expected) {
            const Shard* shard = index.shardById(id);
            QVERIFY(shard);
            QCOMPARE(shard->minValue, min);
            QCOMPARE(shard->maxValue, max);
            QCOMPARE(groupsOfShard(state, id), std::vector<GroupId>{group});
        }
        QVERIFY(!index.shardById(102010));
        QVERIFY(!index.shardById(102014));
        QCOMPARE(state.shards.size(), std::size_t(13));
        QCOMPARE(state.colocationGroups.front().shardCount, 4); // not maintained after splits
        QCOMPARE(index.shardGroupOf(102018), (std::vector<ShardId>{102018, 102021}));
    }

    void splitSharesSizes()
    {
        ClusterState state = splitCluster();
        for (Placement& p : state.placements) {
            if (p.shard == 102008) {
                p.bytes = 1000;
                p.rows = 100;
            }
        }
        // [-2^31, -2^30-1] split in the middle: two equal halves
        state = applyAll(state, {SplitShard{102008, {-1610612737}, {2, 2}, TransferMode::BlockWrites}});
        QCOMPARE(placementOf(state, 102017)->bytes, std::int64_t(500));
        QCOMPARE(placementOf(state, 102018)->bytes, std::int64_t(500));
        QCOMPARE(placementOf(state, 102018)->rows, std::int64_t(50));
    }

    void splitErrors_data()
    {
        QTest::addColumn<OperationRequest>("request");
        QTest::addColumn<QString>("message");
        const auto split = [](ShardId shard, std::vector<std::int32_t> points, std::vector<NodeId> nodes) {
            return OperationRequest(SplitShard{shard, std::move(points), std::move(nodes), TransferMode::BlockWrites});
        };
        QTest::newRow("unknown shard") << split(5, {1}, {2, 3})
                                       << QStringLiteral("could not find valid entry for shard 5");
        QTest::newRow("reference") << split(102016, {1}, {2, 3})
                                   << QStringLiteral("Cannot split shard as operation is only supported for hash "
                                                     "distributed tables.");
        QTest::newRow("node count") << split(102010, {100}, {2})
                                    << QStringLiteral("Number of worker node ids should be one greater split points. "
                                                      "NodeId count is '1' and SplitPoint count is '1'.");
        QTest::newRow("outside range") << split(102010, {-5}, {2, 3})
                                       << QStringLiteral("Split point -5 is outside the min/max range(0, 1073741823) "
                                                         "for shard id 102010.");
        QTest::newRow("equal to max") << split(102010, {1073741823}, {2, 3})
                                      << QStringLiteral("Invalid split point 1073741823, as split points should be "
                                                        "inclusive. Please use 1073741822 instead.");
        QTest::newRow("not increasing") << split(102010, {500, 500}, {2, 3, 4})
                                        << QStringLiteral("Invalid Split Points '500' followed by '500'. All split "
                                                          "points should be strictly increasing.");
        QTest::newRow("bad node") << split(102010, {500}, {2, 9}) << QStringLiteral("Invalid Node Id '9'.");
    }

    void splitErrors()
    {
        QFETCH(OperationRequest, request);
        QFETCH(QString, message);
        const ClusterState state = splitCluster();
        const auto result = applyOperation(state, request);
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().message), message);
    }

    void splitRefusesReplication()
    {
        const auto result =
            applyOperation(splitCluster(2), SplitShard{102008, {-2000000000}, {2, 3}, TransferMode::BlockWrites});
        QVERIFY(!result.ok());
        QCOMPARE(
            q(result.error().message),
            QStringLiteral("Operation split not supported for shard as replication factor '2' is greater than 1."));
    }

    void splitNeedsReferenceTablesOnTargets()
    {
        const ClusterState state = applyAll(splitCluster(), {AddNode{"w", 9804}});
        const auto result = applyOperation(state, SplitShard{102010, {100}, {2, 5}, TransferMode::BlockWrites});
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().message),
                 QStringLiteral("reference tables have not been replicated to node w:9804 yet"));
    }

    void splitMoreErrors()
    {
        // too many children
        std::vector<std::int32_t> points(64000);
        for (std::size_t i = 0; i < points.size(); ++i)
            points[i] = static_cast<std::int32_t>(i);
        auto result = applyOperation(
            splitCluster(), SplitShard{102010, points, std::vector<NodeId>(64001, 2), TransferMode::BlockWrites});
        QVERIFY(!result.ok());
        QCOMPARE(
            q(result.error().message),
            QStringLiteral("Resulting shard count '64001' with split is greater than max shard count '64000' limit."));
        // a one-value shard cannot be split
        const auto isolated = ops::isolateTenantDetailed(
            splitCluster(), IsolateTenant{"public", "t", "5", true, TransferMode::BlockWrites});
        QVERIFY(isolated.ok());
        result = applyOperation(isolated->state, SplitShard{102018, {-1330264708}, {2, 3}, TransferMode::BlockWrites});
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().message),
                 QStringLiteral("Cannot split shard id \"102018\" as min/max range are equal: ('-1330264708', "
                                "'-1330264708')."));
        // auto mode needs a replica identity on every colocated table
        ClusterState state = splitCluster();
        state.tables[1].hasReplicaIdentity = false;
        result = applyOperation(state, SplitShard{102010, {100}, {2, 3}, TransferMode::Auto});
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().message),
                 QStringLiteral("cannot use logical replication to transfer shards of the relation t2 since it "
                                "doesn't have a REPLICA IDENTITY or PRIMARY KEY"));
        QVERIFY(applyOperation(state, SplitShard{102010, {100}, {2, 3}, TransferMode::ForceLogical}).ok());
    }

    void moveOtherTableKinds()
    {
        ClusterState state = threeWorkers();
        state.nodes[3].role = NodeRole::Secondary;
        auto result = applyOperation(state, MoveShardPlacement{102008, 2, 4, TransferMode::BlockWrites});
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().message),
                 QStringLiteral("Moving shards to a secondary (e.g., replica) node is not supported"));
        state = threeWorkers();
        state.tables[0].kind = TableKind::CitusLocal;
        result = applyOperation(state, MoveShardPlacement{102008, 2, 4, TransferMode::BlockWrites});
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().message),
                 QStringLiteral("table public.users is a local table, moving shard of a local table added to metadata "
                                "is currently not supported"));
        // single-shard tables move like any distributed table
        state = applyAll(threeWorkers(), {CreateDistributedTable{"public", "s", "", ColumnType::None, "none", {}, 1}});
        const GroupId from = groupsOfShard(state, 102073).at(0);
        const NodeId fromNode = from + 1;
        const NodeId toNode = from == 1 ? 3 : 2;
        state = applyAll(state, {MoveShardPlacement{102073, fromNode, toNode, TransferMode::BlockWrites}});
        QCOMPARE(groupsOfShard(state, 102073), std::vector<GroupId>{toNode - 1});
    }

    void isolateExample()
    {
        // §7.2: tenant 5 hashes to -1330264708 in [-2147483648, -1073741825]
        QCOMPARE(*hashValue(ColumnType::Int4, "5"), -1330264708);
        const auto outcome = ops::isolateTenantDetailed(
            splitCluster(), IsolateTenant{"public", "t", "5", true, TransferMode::BlockWrites});
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.error().message.c_str());
        QCOMPARE(outcome->isolatedShard, ShardId(102018));
        const ClusterIndex index(outcome->state);
        const std::vector<std::tuple<ShardId, std::int32_t, std::int32_t>> expected = {
            {102017, -2147483648, -1330264709}, {102018, -1330264708, -1330264708}, {102019, -1330264707, -1073741825},
            {102020, -2147483648, -1330264709}, {102021, -1330264708, -1330264708}, {102022, -1330264707, -1073741825}};
        for (const auto& [id, min, max] : expected) {
            const Shard* shard = index.shardById(id);
            QVERIFY(shard);
            QCOMPARE(shard->minValue, min);
            QCOMPARE(shard->maxValue, max);
            QCOMPARE(groupsOfShard(outcome->state, id), std::vector<GroupId>{1}); // the source node
        }
        // isolating the same value again
        const auto again =
            applyOperation(outcome->state, IsolateTenant{"public", "t", "5", true, TransferMode::BlockWrites});
        QVERIFY(!again.ok());
        QCOMPARE(q(again.error().message), QStringLiteral("table t has already been isolated for the given value"));
    }

    void isolateWithTenantShare()
    {
        ClusterState state = splitCluster();
        for (Placement& p : state.placements) {
            if (p.shard == 102008 || p.shard == 102012) {
                p.bytes = 1000;
                p.rows = 100;
            }
        }
        IsolateTenant request{"public", "t", "5", true, TransferMode::BlockWrites};
        request.tenantShare = 0.8;
        const auto outcome = ops::isolateTenantDetailed(state, request);
        QVERIFY(outcome.ok());
        QCOMPARE(placementOf(outcome->state, 102018)->bytes, std::int64_t(800));
        QCOMPARE(placementOf(outcome->state, 102021)->rows, std::int64_t(80));
        // the rest follows range width: [-2^31, h-1] is 817218940 wide, [h+1, -2^30-1] 256522883
        QCOMPARE(placementOf(outcome->state, 102017)->bytes, std::int64_t(152));
        QCOMPARE(placementOf(outcome->state, 102019)->bytes, std::int64_t(48));
        // without a share the isolated value gets a share by width: nothing
        const auto plain =
            ops::isolateTenantDetailed(state, IsolateTenant{"public", "t", "5", true, TransferMode::BlockWrites});
        QCOMPARE(placementOf(plain->state, 102018)->bytes, std::int64_t(0));
    }

    void isolateErrors_data()
    {
        QTest::addColumn<int>("rf");
        QTest::addColumn<OperationRequest>("request");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");
        QTest::newRow("colocated without cascade")
            << 1 << OperationRequest(IsolateTenant{"public", "t", "7", false, TransferMode::BlockWrites})
            << QStringLiteral("cannot isolate tenant because \"t\" has colocated tables")
            << QStringLiteral("Use CASCADE option to isolate tenants for the colocated tables too. Example usage: "
                              "isolate_tenant_to_new_shard('t', '7', 'CASCADE')");
        QTest::newRow("reference") << 1 << OperationRequest(IsolateTenant{"public", "r", "7", true, TransferMode::Auto})
                                   << QStringLiteral("cannot isolate tenant because tenant isolation is only support "
                                                     "for hash distributed tables")
                                   << QString();
        QTest::newRow("replicated") << 2
                                    << OperationRequest(
                                           IsolateTenant{"public", "t", "7", true, TransferMode::BlockWrites})
                                    << QStringLiteral("cannot isolate tenants when using shard replication")
                                    << QString();
        QTest::newRow("missing table") << 1
                                       << OperationRequest(
                                              IsolateTenant{"public", "nope", "7", true, TransferMode::Auto})
                                       << QStringLiteral("relation \"nope\" does not exist") << QString();
        QTest::newRow("bad value") << 1
                                   << OperationRequest(IsolateTenant{"public", "t", "abc", true, TransferMode::Auto})
                                   << QStringLiteral("invalid input syntax for type integer: \"abc\"") << QString();
    }

    void isolateErrors()
    {
        QFETCH(int, rf);
        QFETCH(OperationRequest, request);
        QFETCH(QString, message);
        QFETCH(QString, hint);
        const auto result = applyOperation(splitCluster(rf), request);
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().message), message);
        if (!hint.isEmpty())
            QCOMPARE(q(result.error().hint), hint);
    }

    void drainExample_data()
    {
        QTest::addColumn<QString>("strategy");
        QTest::newRow("default") << QString();
        QTest::newRow("by_shard_count") << QStringLiteral("by_shard_count");
    }

    void drainExample()
    {
        // §6.8: 9802 holds 3 shards; they go to 9801, 9803, 9804 in nodeid order although 9801 holds 5
        QFETCH(QString, strategy);
        ClusterState state = applyAll(
            {}, {SetCoordinatorHost{"c", 5432}, AddNode{"h", 9801}, AddNode{"h", 9802}, AddNode{"h", 9803},
                 AddNode{"h", 9804}, CreateDistributedTable{"public", "t", "id", ColumnType::Int8, "default", 12, 1}});
        // shards 102010 and 102014 (on 9803) to 9801: 9801 has 5, 9802 3, 9803 1, 9804 3
        state = applyAll(state, {MoveShardPlacement{102010, 4, 2, TransferMode::BlockWrites},
                                 MoveShardPlacement{102014, 4, 2, TransferMode::BlockWrites}});
        const auto outcome =
            ops::drainNodeDetailed(state, DrainNode{"h", 9802, TransferMode::BlockWrites, strategy.toStdString()});
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->moves.size(), std::size_t(3));
        const std::vector<std::pair<ShardId, NodeId>> expected = {{102009, 2}, {102013, 4}, {102017, 5}};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(outcome->moves[i].shard, expected[i].first);
            QCOMPARE(outcome->moves[i].target, expected[i].second);
            QCOMPARE(groupsOfShard(outcome->state, expected[i].first), std::vector<GroupId>{expected[i].second - 1});
        }
        QVERIFY(!outcome->state.nodes[2].shouldHaveShards);
    }

    void drainErrors()
    {
        const ClusterState state = fixtureCluster();
        auto result = applyOperation(state, DrainNode{"127.0.0.1", 1, TransferMode::Auto, {}});
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().message), QStringLiteral("node 127.0.0.1:1 not found"));
        result = applyOperation(state, DrainNode{"127.0.0.1", 9701, TransferMode::Auto, "nope"});
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().message), QStringLiteral("could not find rebalance strategy with name nope"));
    }

    void drainMovesWholeGroups()
    {
        const auto result =
            applyOperation(fixtureCluster(), DrainNode{"127.0.0.1", 9702, TransferMode::BlockWrites, {}});
        QVERIFY(result.ok());
        for (const Placement& p : result->placements) {
            if (p.shard != 102072)
                QCOMPARE(p.group, 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestShardOperations)
#include "tst_shardoperations.moc"
