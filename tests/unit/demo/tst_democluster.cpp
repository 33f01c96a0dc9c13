// SPDX-License-Identifier: MIT
#include "engine/clusterindex.h"
#include "engine/operationrequest.h"
#include "engine/pghash.h"
#include "engine/skew.h"
#include "sim/democluster.h"
#include "snapshot/statevalidator.h"

#include <QTest>
#include <algorithm>
#include <set>

using namespace shardscope::engine;
using shardscope::sim::makeDemoCluster;

Q_DECLARE_METATYPE(shardscope::engine::OperationRequest)

namespace {
const Table* table(const ClusterState& state, const char* name)
{
    for (const Table& t : state.tables) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

std::vector<GroupId> groupsOf(const ClusterIndex& index, ShardId shard)
{
    std::vector<GroupId> groups;
    for (std::size_t p : index.placementsOfShard(shard))
        groups.push_back(index.state().placements[p].group);
    std::sort(groups.begin(), groups.end());
    return groups;
}

constexpr std::int64_t kGiB = 1024LL * 1024 * 1024;
} // namespace

class TestDemoCluster : public QObject
{
    Q_OBJECT

private slots:
    void deterministic() { QVERIFY(makeDemoCluster() == makeDemoCluster()); }

    void nodes()
    {
        const ClusterState state = makeDemoCluster();
        QCOMPARE(state.nodes.size(), std::size_t(5));
        QVERIFY(state.nodes[0].isCoordinator());
        QVERIFY(!state.nodes[0].shouldHaveShards);
        for (std::size_t i = 1; i < 5; ++i) {
            QCOMPARE(state.nodes[i].id, NodeId(i + 1));
            QCOMPARE(state.nodes[i].group, GroupId(i));
            QCOMPARE(QString::fromStdString(state.nodes[i].name), QStringLiteral("worker-%1").arg(i));
            QVERIFY(state.nodes[i].shouldHaveShards);
            QVERIFY(state.nodes[i].freeDiskBytes > 0);
        }
    }

    void schema_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("shards");
        QTest::addColumn<qint64>("firstShard");
        QTest::addColumn<int>("colocation");
        QTest::newRow("users") << "users" << int(TableKind::HashDistributed) << 32 << qint64(102008) << 1;
        QTest::newRow("events") << "events" << int(TableKind::HashDistributed) << 32 << qint64(102040) << 1;
        QTest::newRow("countries") << "countries" << int(TableKind::Reference) << 1 << qint64(102072) << 2;
        QTest::newRow("page_views") << "page_views" << int(TableKind::HashDistributed) << 32 << qint64(102073) << 3;
        QTest::newRow("orders") << "orders" << int(TableKind::HashDistributed) << 16 << qint64(102105) << 4;
        QTest::newRow("products") << "products" << int(TableKind::Reference) << 1 << qint64(102121) << 2;
        QTest::newRow("app_settings") << "app_settings" << int(TableKind::SingleShard) << 1 << qint64(102122) << 5;
    }

    void schema()
    {
        QFETCH(QString, name);
        QFETCH(int, kind);
        QFETCH(int, shards);
        QFETCH(qint64, firstShard);
        QFETCH(int, colocation);
        const ClusterState state = makeDemoCluster();
        const ClusterIndex index(state);
        const Table* t = table(state, name.toUtf8().constData());
        QVERIFY(t);
        QCOMPARE(int(t->kind), kind);
        QCOMPARE(t->colocationId, colocation);
        const auto list = index.shardsOfTable(t->oid);
        QCOMPARE(list.size(), static_cast<std::size_t>(shards));
        std::vector<ShardId> ids;
        for (std::size_t pos : list)
            ids.push_back(state.shards[pos].id);
        QCOMPARE(*std::min_element(ids.begin(), ids.end()), firstShard);
    }

    void colocationHolds()
    {
        const ClusterState state = makeDemoCluster();
        const ClusterIndex index(state);
        for (const ColocationGroup& group : state.colocationGroups) {
            const auto tables = index.tablesOfColocationGroup(group.id);
            QVERIFY(!tables.empty());
            const auto first = index.shardsOfTable(tables.front());
            for (TableOid oid : tables) {
                const auto shards = index.shardsOfTable(oid);
                QCOMPARE(shards.size(), first.size());
                for (std::size_t k = 0; k < shards.size(); ++k) {
                    const Shard& a = state.shards[first[k]];
                    const Shard& b = state.shards[shards[k]];
                    QCOMPARE(b.minValue, a.minValue);
                    QCOMPARE(b.maxValue, a.maxValue);
                    QCOMPARE(groupsOf(index, b.id), groupsOf(index, a.id));
                }
            }
        }
    }

    void everyShardPlacedOnActiveNode()
    {
        const ClusterState state = makeDemoCluster();
        const ClusterIndex index(state);
        for (const Shard& shard : state.shards) {
            const auto placements = index.placementsOfShard(shard.id);
            QVERIFY(!placements.empty());
            for (std::size_t p : placements) {
                const Node* node = index.nodeByGroup(state.placements[p].group);
                QVERIFY(node);
                QVERIFY(node->isActive);
            }
            const Table* t = index.tableByOid(shard.table);
            if (t->kind == TableKind::Reference)
                QCOMPARE(placements.size(), std::size_t(5)); // every active primary, coordinator included
            else
                QCOMPARE(placements.size(), std::size_t(1));
        }
        std::set<PlacementId> ids;
        for (const Placement& p : state.placements)
            ids.insert(p.id);
        QCOMPARE(ids.size(), state.placements.size());
        QCOMPARE(*ids.rbegin(), PlacementId(state.placements.size()));
    }

    void realisticSizes()
    {
        const ClusterState state = makeDemoCluster();
        const ClusterIndex index(state);
        for (std::size_t pos : index.shardsOfTable(table(state, "users")->oid)) {
            const Placement& p = state.placements[index.placementsOfShard(state.shards[pos].id)[0]];
            QVERIFY(p.bytes > 32LL * 1024 * 1024 && p.bytes < 128LL * 1024 * 1024);
            QVERIFY(p.rows > 0);
        }
        int big = 0;
        for (std::size_t pos : index.shardsOfTable(table(state, "events")->oid)) {
            const Placement& p = state.placements[index.placementsOfShard(state.shards[pos].id)[0]];
            QVERIFY(p.bytes > 2 * kGiB);
            if (p.bytes > 5 * kGiB)
                ++big;
        }
        QCOMPARE(big, 1);
    }

    void operationsKeepTheStateValid_data()
    {
        QTest::addColumn<OperationRequest>("request");
        QTest::newRow("isolate hot tenant")
            << OperationRequest(IsolateTenant{"public", "events", "1", true, TransferMode::BlockWrites, 0.9});
        QTest::newRow("split") << OperationRequest(
            SplitShard{102080, {-1207959000}, {2, 3}, TransferMode::BlockWrites});
        QTest::newRow("move") << OperationRequest(MoveShardPlacement{102041, 3, 5, TransferMode::BlockWrites});
        QTest::newRow("drain") << OperationRequest(DrainNode{"worker-4", 5432, TransferMode::BlockWrites, {}});
        QTest::newRow("undistribute") << OperationRequest(UndistributeTable{"public", "orders", false});
        QTest::newRow("remove after drain") << OperationRequest(RemoveNode{"worker-4", 5432});
        QTest::newRow("add node") << OperationRequest(AddNode{"worker-5", 5432});
        QTest::newRow("new colocated table") << OperationRequest(
            CreateDistributedTable{"public", "sessions", "user_id", ColumnType::Int8, "default", {}, 1});
        QTest::newRow("reference") << OperationRequest(CreateReferenceTable{"public", "currencies"});
    }

    void operationsKeepTheStateValid()
    {
        QFETCH(OperationRequest, request);
        ClusterState state = makeDemoCluster();
        QVERIFY(shardscope::snapshot::validateClusterState(state).ok());
        if (std::holds_alternative<RemoveNode>(request))
            state = *applyOperation(state, DrainNode{"worker-4", 5432, TransferMode::BlockWrites, {}});
        const auto next = applyOperation(state, request);
        QVERIFY2(next.ok(), next.ok() ? "" : next.error().message.c_str());
        const auto valid = shardscope::snapshot::validateClusterState(*next);
        QVERIFY2(valid.ok(), valid.ok() ? "" : valid.error().message.c_str());
        QVERIFY(!(*next == state));
        // bytes are conserved by moves, splits and drains
        std::int64_t before = 0;
        std::int64_t after = 0;
        for (const Placement& p : state.placements)
            before += p.bytes;
        for (const Placement& p : next->placements)
            after += p.bytes;
        if (std::holds_alternative<MoveShardPlacement>(request) || std::holds_alternative<SplitShard>(request) ||
            std::holds_alternative<DrainNode>(request) || std::holds_alternative<IsolateTenant>(request))
            QCOMPARE(after, before);
    }

    void isolatedHotTenantCarriesItsData()
    {
        const auto next = applyOperation(makeDemoCluster(),
                                         IsolateTenant{"public", "events", "1", true, TransferMode::BlockWrites, 0.9});
        QVERIFY(next.ok());
        const SkewReport skew = computeSkew(*next);
        QVERIFY(skew.hottest.front().hasRange);
        QCOMPARE(skew.hottest.front().minValue, skew.hottest.front().maxValue);
    }

    void hotTenantIsTheBiggestShardGroup()
    {
        const ClusterState state = makeDemoCluster();
        const ClusterIndex index(state);
        const auto hash = hashValue(ColumnType::Int8, "1");
        QVERIFY(hash.ok());
        ShardId hotEvents = 0;
        for (std::size_t pos : index.shardsOfTable(table(state, "events")->oid)) {
            const Shard& s = state.shards[pos];
            if (s.minValue <= *hash && *hash <= s.maxValue)
                hotEvents = s.id;
        }
        QCOMPARE(hotEvents, ShardId(102041)); // as in 01_hot_tenant_shard
        const SkewReport skew = computeSkew(state);
        QVERIFY(!skew.hottest.empty());
        const HotShardGroup& hottest = skew.hottest.front();
        QVERIFY(std::find(hottest.shards.begin(), hottest.shards.end(), hotEvents) != hottest.shards.end());
        QVERIFY(hottest.bytes > 5 * skew.hottest[1].bytes);
        QCOMPARE(QString::fromStdString(hottest.nodeName), QStringLiteral("worker-2"));
        // the hot tenant makes its colocation group and the cluster visibly unbalanced
        QVERIFY(skew.colocationGroups.front().maxOverMean > 1.3);
        QVERIFY(skew.nodeMaxOverMean > 1.2);
    }
};

QTEST_GUILESS_MAIN(TestDemoCluster)
#include "tst_democluster.moc"
