// SPDX-License-Identifier: MIT
#include "engine/clusterindex.h"
#include "engine/pghash.h"
#include "operationstesthelpers.h"

#include <QTest>
#include <map>

using namespace shardscope::engine;
using namespace shardscope::test;

namespace {
const Table* table(const ClusterState& state, const char* name)
{
    for (const Table& t : state.tables) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

std::vector<GroupId> groupsOfShard(const ClusterState& state, ShardId shard)
{
    std::vector<GroupId> groups;
    for (const Placement& p : state.placements) {
        if (p.shard == shard)
            groups.push_back(p.group);
    }
    return groups;
}

ClusterState fourWorkers()
{
    return applyAll({}, {SetCoordinatorHost{"coord", 5432}, AddNode{"w1", 5432}, AddNode{"w2", 5432},
                         AddNode{"w3", 5432}, AddNode{"w4", 5432}});
}
} // namespace

class TestTableOperations : public QObject
{
    Q_OBJECT

private slots:
    void shardsMatchFixture()
    {
        const ClusterState state = fixtureCluster();
        const ClusterIndex index(state);
        const auto rows = csvRows(QStringLiteral("01_pg_dist_shard_sample.csv"));
        QCOMPARE(rows.size(), 65);
        for (const QStringList& row : rows) {
            const Shard* shard = index.shardById(row[1].toLongLong());
            QVERIFY2(shard, qPrintable(row[1]));
            QCOMPARE(q(index.tableByOid(shard->table)->name), row[0]);
            QCOMPARE(shard->hasRange, !row[3].isEmpty());
            if (shard->hasRange) {
                QCOMPARE(shard->minValue, row[3].toInt());
                QCOMPARE(shard->maxValue, row[4].toInt());
            }
        }
        QCOMPARE(state.shards.size(), std::size_t(65));
        QCOMPARE(state.sequences.nextShardId, ShardId(102073));
    }

    void placementsMatchFixture()
    {
        const ClusterState state = fixtureCluster();
        const auto rows = csvRows(QStringLiteral("01_pg_dist_placement_sample.csv"));
        QCOMPARE(state.placements.size(), static_cast<std::size_t>(rows.size()));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const Placement& p = state.placements[static_cast<std::size_t>(i)];
            QCOMPARE(p.id, rows[i][0].toLongLong());
            QCOMPARE(p.shard, rows[i][1].toLongLong());
            QCOMPARE(p.group, rows[i][4].toInt());
        }
    }

    void colocationMatchesFixture()
    {
        const ClusterState state = fixtureCluster();
        const auto rows = csvRows(QStringLiteral("01_pg_dist_colocation.csv"));
        QCOMPARE(state.colocationGroups.size(), static_cast<std::size_t>(rows.size()));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const ColocationGroup& g = state.colocationGroups[static_cast<std::size_t>(i)];
            QCOMPARE(g.id, rows[i][0].toInt());
            QCOMPARE(g.shardCount, rows[i][1].toInt());
            QCOMPARE(g.replicationFactor, rows[i][2].toInt());
            QCOMPARE(columnTypeOid(g.columnType), rows[i][3].toUInt());
            QCOMPARE(g.collation, rows[i][4].toUInt());
        }
        QCOMPARE(table(state, "events")->colocationId, 1);
        QCOMPARE(table(state, "countries")->replicationModel, 't');
        QCOMPARE(table(state, "users")->replicationModel, 's');
    }

    void placementsPerNodeMatchFixture()
    {
        // 05_placements_per_node_before_rebalance: shards per node and table
        const ClusterState state = fixtureCluster();
        const ClusterIndex index(state);
        std::map<std::pair<QString, QString>, int> counts;
        for (const Placement& p : state.placements) {
            const Node* node = index.nodeByGroup(p.group);
            const Table* t = index.tableByOid(index.shardById(p.shard)->table);
            ++counts[{QString::number(node->port), q(t->name)}];
        }
        const auto rows = csvRows(QStringLiteral("05_placements_per_node_before_rebalance.csv"));
        QCOMPARE(counts.size(), static_cast<std::size_t>(rows.size()));
        for (const QStringList& row : rows) {
            const int count = counts[std::pair(row[1], row[2])];
            QCOMPARE(count, row[3].toInt());
        }
    }

    void hotTenantShardMatchesFixture()
    {
        // 01_hot_tenant_shard: user_id 1 lives in events shard 102041 on 9702
        const ClusterState state = fixtureCluster();
        const ClusterIndex index(state);
        const QStringList row = csvRows(QStringLiteral("01_hot_tenant_shard.csv")).at(0);
        const auto hash = hashValue(ColumnType::Int8, "1");
        QVERIFY(hash.ok());
        ShardId found = 0;
        for (std::size_t pos : index.shardsOfTable(table(state, "events")->oid)) {
            if (state.shards[pos].minValue <= *hash && *hash <= state.shards[pos].maxValue)
                found = state.shards[pos].id;
        }
        QCOMPARE(found, row[0].toLongLong());
        QCOMPARE(index.nodeByGroup(state.placements[index.placementsOfShard(found)[0]].group)->port, row[3].toInt());
    }

    void replicationFactorTwoExample()
    {
        // §3.2: RF 2 on 4 workers, 5 shards: {w1,w2},{w2,w3},{w3,w4},{w4,w1},{w1,w2}
        const ClusterState state =
            applyAll(fourWorkers(), {CreateDistributedTable{"public", "t", "id", ColumnType::Int4, "default", 5, 2}});
        const std::vector<std::pair<ShardId, GroupId>> expected = {{102008, 1}, {102008, 2}, {102009, 2}, {102009, 3},
                                                                   {102010, 3}, {102010, 4}, {102011, 4}, {102011, 1},
                                                                   {102012, 1}, {102012, 2}};
        QCOMPARE(state.placements.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(state.placements[i].id, PlacementId(i + 1));
            QCOMPARE(state.placements[i].shard, expected[i].first);
            QCOMPARE(state.placements[i].group, expected[i].second);
        }
        QCOMPARE(table(state, "t")->replicationModel, 'c');
        QCOMPARE(state.colocationGroups.front().replicationFactor, 2);
    }

    void sortedWorkerListByNameThenPort()
    {
        // 'worker10' sorts before 'worker2'; node ids and groups do not matter
        const ClusterState state =
            applyAll({}, {SetCoordinatorHost{"c", 5432}, AddNode{"worker2", 5432}, AddNode{"worker10", 5433},
                          AddNode{"worker10", 5432},
                          CreateDistributedTable{"public", "t", "id", ColumnType::Int8, "default", 3, 1}});
        QCOMPARE(groupsOfShard(state, 102008), std::vector<GroupId>{3});
        QCOMPARE(groupsOfShard(state, 102009), std::vector<GroupId>{2});
        QCOMPARE(groupsOfShard(state, 102010), std::vector<GroupId>{1});
    }

    void roundRobinRestartsForEveryTable()
    {
        const ClusterState state =
            applyAll(fourWorkers(), {CreateDistributedTable{"public", "a", "id", ColumnType::Int8, "none", 3, 1},
                                     CreateDistributedTable{"public", "b", "id", ColumnType::Int8, "none", 3, 1}});
        QCOMPARE(groupsOfShard(state, 102008), std::vector<GroupId>{1});
        QCOMPARE(groupsOfShard(state, 102011), std::vector<GroupId>{1});
        QCOMPARE(table(state, "a")->colocationId, 1);
        QCOMPARE(table(state, "b")->colocationId, 2);
        QCOMPARE(state.shards[3].minValue, -2147483648);
        QCOMPARE(state.shards[4].minValue, -715827883);
        QCOMPARE(state.shards[5].maxValue, 2147483647);
    }

    void defaultColocationMatchesKey()
    {
        const ClusterState state = applyAll(
            fixtureCluster(), {CreateDistributedTable{"public", "a", "id", ColumnType::Int8, "default", {}, 1},
                               CreateDistributedTable{"public", "b", "id", ColumnType::Int4, "default", {}, 1},
                               CreateDistributedTable{"public", "c", "id", ColumnType::Int8, "default", 32, 1},
                               CreateDistributedTable{"public", "d", "id", ColumnType::Int8, "default", 16, 1},
                               CreateDistributedTable{"public", "e", "id", ColumnType::Text, "default", {}, 1}});
        QCOMPARE(table(state, "a")->colocationId, 1);
        QCOMPARE(table(state, "b")->colocationId, 3);
        QCOMPARE(table(state, "c")->colocationId, 1);
        QCOMPARE(table(state, "d")->colocationId, 4);
        QCOMPARE(table(state, "e")->colocationId, 5);
        QCOMPARE(state.colocationGroups.back().collation, 100u);
    }

    void singleShardTables()
    {
        // groups 1 and 2 exist; the first single-shard table starts group 3 on sorted_nodes[3 mod 2]
        const ClusterState state =
            applyAll(fixtureCluster(), {CreateDistributedTable{"public", "s1", "", ColumnType::None, "default", {}, 1},
                                        CreateDistributedTable{"public", "s2", "", ColumnType::None, "default", {}, 1},
                                        CreateDistributedTable{"public", "s3", "", ColumnType::None, "none", {}, 1}});
        QCOMPARE(table(state, "s1")->colocationId, 3);
        QCOMPARE(table(state, "s2")->colocationId, 3);
        QCOMPARE(table(state, "s3")->colocationId, 4);
        QCOMPARE(table(state, "s1")->kind, TableKind::SingleShard);
        QCOMPARE(groupsOfShard(state, 102073), std::vector<GroupId>{2});
        QCOMPARE(groupsOfShard(state, 102074), std::vector<GroupId>{2});
        QCOMPARE(groupsOfShard(state, 102075), std::vector<GroupId>{1});
        QVERIFY(!state.shards.back().hasRange);
        QCOMPARE(state.colocationGroups.back().shardCount, 1);
    }

    void colocatedCreationCopiesCurrentLayout()
    {
        // after a split and a move, a new colocated table copies intervals and placement groups
        ClusterState state =
            applyAll(fixtureCluster(), {SplitShard{102010, {-1800000000}, {2, 3}, TransferMode::BlockWrites},
                                        MoveShardPlacement{102009, 3, 2, TransferMode::BlockWrites}});
        state =
            applyAll(state, {CreateDistributedTable{"public", "clicks", "user_id", ColumnType::Int8, "users", {}, 1}});
        const ClusterIndex index(state);
        const auto users = index.shardsOfTable(table(state, "users")->oid);
        const auto clicks = index.shardsOfTable(table(state, "clicks")->oid);
        QCOMPARE(clicks.size(), std::size_t(33));
        for (std::size_t k = 0; k < users.size(); ++k) {
            const Shard& u = state.shards[users[k]];
            const Shard& c = state.shards[clicks[k]];
            QCOMPARE(c.minValue, u.minValue);
            QCOMPARE(c.maxValue, u.maxValue);
            QCOMPARE(groupsOfShard(state, c.id), groupsOfShard(state, u.id));
        }
        // default without shard_count reuses the split group; strict shard_count 32 does not
        state = applyAll(state, {CreateDistributedTable{"public", "x", "id", ColumnType::Int8, "default", {}, 1},
                                 CreateDistributedTable{"public", "y", "id", ColumnType::Int8, "default", 32, 1}});
        QCOMPARE(table(state, "x")->colocationId, 1);
        QCOMPARE(table(state, "y")->colocationId, 3);
    }

    void referenceTableOnEveryActivePrimary()
    {
        ClusterState state =
            applyAll(fixtureNodes(), {AddNode{"127.0.0.0", 9999}, CreateReferenceTable{"public", "r"}});
        // sorted order: 127.0.0.0 (group 3) first, then coordinator 9700 (group 0), 9701, 9702
        QCOMPARE(state.placements.size(), std::size_t(4));
        QCOMPARE(state.placements[0].group, 3);
        QCOMPARE(state.placements[1].group, 0);
        QCOMPARE(state.placements[2].group, 1);
        QCOMPARE(state.placements[3].group, 2);
        // a second reference table joins the reference group
        state = applyAll(state, {CreateReferenceTable{"public", "r2"}});
        QCOMPARE(table(state, "r2")->colocationId, table(state, "r")->colocationId);
        QCOMPARE(state.colocationGroups.size(), std::size_t(1));
    }

    void lazyReferenceReplicationBeforeNewTable()
    {
        const ClusterState state =
            applyAll(fixtureCluster(), {AddNode{"127.0.0.1", 9703},
                                        CreateDistributedTable{"public", "t", "id", ColumnType::Int8, "none", 4, 1}});
        // countries (102072) is copied to the new node first: placement 68, then t's placements 69..
        const Placement& copy = state.placements[67];
        QCOMPARE(copy.id, PlacementId(68));
        QCOMPARE(copy.shard, ShardId(102072));
        QCOMPARE(copy.group, 3);
        QCOMPARE(state.placements[68].shard, ShardId(102073));
        QCOMPARE(state.placements[68].group, 1);
        QCOMPARE(state.placements[70].group, 3);
    }

    void emptyClusterGetsCoordinator()
    {
        const ClusterState state =
            applyAll({}, {CreateDistributedTable{"public", "t", "id", ColumnType::Int8, "default", 2, 1}});
        QCOMPARE(state.nodes.size(), std::size_t(1));
        QCOMPARE(state.nodes[0].group, 0);
        QCOMPARE(q(state.nodes[0].name), QStringLiteral("localhost"));
        QVERIFY(state.nodes[0].shouldHaveShards);
        QCOMPARE(groupsOfShard(state, 102009), std::vector<GroupId>{0});
    }

    void plainTableDataIsSpread()
    {
        const ClusterState state =
            applyAll(fixtureNodes(), {CreatePlainTable{"public", "t", 1000, 10},
                                      CreateDistributedTable{"public", "t", "id", ColumnType::Int8, "default", 3, 1}});
        QCOMPARE(state.placements[0].bytes, std::int64_t(334));
        QCOMPARE(state.placements[1].bytes, std::int64_t(333));
        QCOMPARE(state.placements[2].rows, std::int64_t(3));
        QCOMPARE(table(state, "t")->plainBytes, std::int64_t(0));
    }

    void undistribute()
    {
        ClusterState state = fixtureCluster();
        for (Placement& p : state.placements)
            p.bytes = 10;
        state = applyAll(state, {UndistributeTable{"public", "events", false}});
        QCOMPARE(table(state, "events")->kind, TableKind::Plain);
        QCOMPARE(table(state, "events")->plainBytes, std::int64_t(320));
        QCOMPARE(state.shards.size(), std::size_t(33));
        QCOMPARE(state.colocationGroups.size(), std::size_t(2));
        state = applyAll(state, {UndistributeTable{"public", "users", false}});
        QCOMPARE(state.colocationGroups.size(), std::size_t(1)); // the empty group 1 is gone
        state = applyAll(state, {UndistributeTable{"public", "countries", false}});
        QVERIFY(state.colocationGroups.empty());
        QVERIFY(state.placements.empty());
        // distributing again: a new colocation id (ids are never reused)
        state =
            applyAll(state, {CreateDistributedTable{"public", "users", "user_id", ColumnType::Int8, "default", {}, 1}});
        QCOMPARE(table(state, "users")->colocationId, 3);
        QCOMPARE(state.shards.front().id, ShardId(102073));
    }

    void errors_data()
    {
        QTest::addColumn<bool>("noShouldHaveShards");
        QTest::addColumn<OperationRequest>("request");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("detail");
        const auto dist = [](const char* name, const char* column, ColumnType type, const char* colocate,
                             std::optional<std::int32_t> count, std::int32_t rf) {
            return OperationRequest(CreateDistributedTable{"public", name, column, type, colocate, count, rf});
        };
        QTest::newRow("shard_count 0") << false << dist("t", "id", ColumnType::Int8, "default", 0, 1)
                                       << QStringLiteral("0 is outside the valid range for parameter \"shard_count\" "
                                                         "(1 .. 64000)")
                                       << QString();
        QTest::newRow("shard_count 64001")
            << false << dist("t", "id", ColumnType::Int8, "none", 64001, 1)
            << QStringLiteral("64001 is outside the valid range for parameter \"shard_count\" (1 .. 64000)")
            << QString();
        QTest::newRow("colocate_with and shard_count")
            << false << dist("t", "id", ColumnType::Int8, "users", 8, 1)
            << QStringLiteral("Cannot use colocate_with with a table and shard_count at the same time") << QString();
        QTest::newRow("single shard with shard_count")
            << false << dist("t", "", ColumnType::None, "default", 2, 1)
            << QStringLiteral("shard_count can't be specified when the distribution column is null because in that "
                              "case it's automatically set to 1")
            << QString();
        QTest::newRow("already distributed") << false << dist("users", "user_id", ColumnType::Int8, "default", {}, 1)
                                             << QStringLiteral("table \"users\" is already distributed") << QString();
        QTest::newRow("reference already distributed")
            << false << OperationRequest(CreateReferenceTable{"public", "events"})
            << QStringLiteral("table \"events\" is already distributed") << QString();
        QTest::newRow("colocate with missing") << false << dist("t", "id", ColumnType::Int8, "nope", {}, 1)
                                               << QStringLiteral("relation \"nope\" does not exist") << QString();
        QTest::newRow("type mismatch") << false << dist("t", "id", ColumnType::Int4, "users", {}, 1)
                                       << QStringLiteral("cannot colocate tables users and t")
                                       << QStringLiteral("Distribution column types don't match for users and t.");
        QTest::newRow("colocate with reference")
            << false << dist("t", "id", ColumnType::Int8, "countries", {}, 1)
            << QStringLiteral("cannot colocate tables countries and t")
            << QStringLiteral("Distribution column types don't match for countries and t.");
        QTest::newRow("rf exceeds workers")
            << false << dist("t", "id", ColumnType::Int8, "default", 4, 3)
            << QStringLiteral("replication_factor (3) exceeds number of worker nodes (2)") << QString();
        QTest::newRow("single shard rf 2")
            << false << dist("t", "", ColumnType::None, "default", {}, 2)
            << QStringLiteral("could not create single shard table: citus.shard_replication_factor is greater than 1")
            << QString();
        QTest::newRow("no nodes for shards")
            << true << dist("t", "id", ColumnType::Int8, "default", {}, 1)
            << QStringLiteral("no worker nodes are available for placing shards") << QString();
        QTest::newRow("undistribute plain") << false << OperationRequest(UndistributeTable{"public", "plain", false})
                                            << QStringLiteral("cannot undistribute table because the table is not "
                                                              "distributed")
                                            << QString();
        QTest::newRow("undistribute missing") << false << OperationRequest(UndistributeTable{"public", "zz", false})
                                              << QStringLiteral("relation \"zz\" does not exist") << QString();
        QTest::newRow("colocate with plain") << false << dist("t", "id", ColumnType::Int8, "plain", {}, 1)
                                             << QStringLiteral("relation plain is not distributed") << QString();
    }

    void errors()
    {
        QFETCH(bool, noShouldHaveShards);
        QFETCH(OperationRequest, request);
        QFETCH(QString, message);
        QFETCH(QString, detail);
        ClusterState state = applyAll(fixtureCluster(), {CreatePlainTable{"public", "plain", 0, 0}});
        if (noShouldHaveShards) {
            state = applyAll(state, {SetNodeShouldHaveShards{"127.0.0.1", 9701, false},
                                     SetNodeShouldHaveShards{"127.0.0.1", 9702, false}});
        }
        const ClusterState before = state;
        const auto result = applyOperation(state, request);
        QVERIFY(!result.ok());
        QCOMPARE(q(result.error().message), message);
        if (!detail.isEmpty())
            QCOMPARE(q(result.error().detail), detail);
        QVERIFY(state == before);
    }
};

QTEST_GUILESS_MAIN(TestTableOperations)
#include "tst_tableoperations.moc"
