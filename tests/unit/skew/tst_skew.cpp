// SPDX-License-Identifier: MIT
#include "engine/operationrequest.h"
#include "engine/skew.h"

#include <QTest>
#include <cmath>

using namespace shardscope::engine;

namespace {
ClusterState apply(ClusterState state, std::initializer_list<OperationRequest> requests)
{
    for (const auto& request : requests) {
        auto next = applyOperation(state, request);
        if (!next)
            qFatal("setup failed: %s", next.error().message.c_str());
        state = std::move(*next);
    }
    return state;
}

void setBytes(ClusterState& state, ShardId shard, std::int64_t bytes)
{
    for (Placement& p : state.placements) {
        if (p.shard == shard) {
            p.bytes = bytes;
            p.rows = bytes / 10;
        }
    }
}

// coordinator (group 0, no shards), w1 (group 1), w2 (group 2); a and b colocated with 2 shards; reference r.
// a: 102008 on w1 = 100, 102009 on w2 = 300; b: 102010 on w1 = 50, 102011 on w2 = 150; r: 10 on every node.
ClusterState handCase()
{
    ClusterState state = apply({}, {SetCoordinatorHost{"c", 5432}, AddNode{"w1", 5432}, AddNode{"w2", 5432},
                                    CreateDistributedTable{"public", "a", "id", ColumnType::Int8, "default", 2, 1},
                                    CreateDistributedTable{"public", "b", "id", ColumnType::Int8, "a", {}, 1},
                                    CreateReferenceTable{"public", "r"}});
    setBytes(state, 102008, 100);
    setBytes(state, 102009, 300);
    setBytes(state, 102010, 50);
    setBytes(state, 102011, 150);
    setBytes(state, 102012, 10);
    return state;
}
} // namespace

class TestSkew : public QObject
{
    Q_OBJECT

private slots:
    void perNode_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("group");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<qint64>("shards");
        QTest::addColumn<double>("share");
        QTest::newRow("coordinator") << 0 << 0 << qint64(10) << qint64(1) << 10.0 / 630.0;
        QTest::newRow("w1") << 1 << 1 << qint64(160) << qint64(3) << 160.0 / 630.0;
        QTest::newRow("w2") << 2 << 2 << qint64(460) << qint64(3) << 460.0 / 630.0;
    }

    void perNode()
    {
        QFETCH(int, index);
        QFETCH(int, group);
        QFETCH(qint64, bytes);
        QFETCH(qint64, shards);
        QFETCH(double, share);
        const SkewReport report = computeSkew(handCase());
        QCOMPARE(report.totalBytes, std::int64_t(630));
        const NodeSkew& node = report.nodes.at(static_cast<std::size_t>(index));
        QCOMPARE(node.group, group);
        QCOMPARE(node.bytes, bytes);
        QCOMPARE(node.shards, shards);
        QCOMPARE(node.rows, bytes / 10);
        QCOMPARE(node.share, share);
    }

    void nodeBalance()
    {
        // balance nodes are w1 and w2 (the coordinator takes no shards): 160 and 460, mean 310
        const SkewReport report = computeSkew(handCase());
        QCOMPARE(report.nodeMaxOverMean, 460.0 / 310.0);
        QCOMPARE(report.nodeCoefficientOfVariation, 150.0 / 310.0);
    }

    void colocationGroups()
    {
        const SkewReport report = computeSkew(handCase());
        QCOMPARE(report.colocationGroups.size(), std::size_t(1)); // reference tables are left out
        const ColocationSkew& group = report.colocationGroups.front();
        QCOMPARE(group.colocationId, 1);
        QCOMPARE(group.tables, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(group.bytes, std::int64_t(600));
        QCOMPARE(group.shardGroups, std::int64_t(2));
        QCOMPARE(group.perNode.size(), std::size_t(2));
        QCOMPARE(group.perNode[0].bytes, std::int64_t(150));
        QCOMPARE(group.perNode[1].bytes, std::int64_t(450));
        QCOMPARE(group.perNode[1].shardGroups, std::int64_t(1));
        QCOMPARE(group.maxOverMean, 1.5);
        QCOMPARE(group.coefficientOfVariation, 0.5);
    }

    void groupOnOneNodeCountsEmptyNodes()
    {
        ClusterState state =
            apply(handCase(), {CreateDistributedTable{"public", "s", "", ColumnType::None, "none", {}, 1}});
        setBytes(state, 102013, 80);
        const SkewReport report = computeSkew(state);
        const ColocationSkew& group = report.colocationGroups.back();
        QCOMPARE(group.perNode.size(), std::size_t(2));
        QCOMPARE(group.maxOverMean, 2.0);
        QCOMPARE(group.coefficientOfVariation, 1.0);
    }

    void hottest()
    {
        const SkewReport report = computeSkew(handCase(), 1);
        QCOMPARE(report.hottest.size(), std::size_t(1));
        const HotShardGroup& hot = report.hottest.front();
        QCOMPARE(hot.shard, ShardId(102009));
        QCOMPARE(hot.shards, (std::vector<ShardId>{102009, 102011}));
        QCOMPARE(hot.tables, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(hot.shardBytes, (std::vector<std::int64_t>{300, 150}));
        QCOMPARE(hot.bytes, std::int64_t(450));
        QCOMPARE(hot.rows, std::int64_t(45));
        QCOMPARE(QString::fromStdString(hot.nodeName), QStringLiteral("w2"));
        QCOMPARE(hot.node, 3);
        QCOMPARE(hot.minValue, 0);
        QCOMPARE(hot.maxValue, 2147483647);
        QCOMPARE(computeSkew(handCase()).hottest.size(), std::size_t(2));
        QCOMPARE(computeSkew(handCase()).hottest[1].bytes, std::int64_t(150));
    }

    void tiesByShardId()
    {
        ClusterState state = handCase();
        setBytes(state, 102008, 300);
        const SkewReport report = computeSkew(state);
        QCOMPARE(report.hottest[0].shard, ShardId(102009)); // 300+150 beats 300+50
        setBytes(state, 102010, 150);
        QCOMPARE(computeSkew(state).hottest[0].shard, ShardId(102008)); // equal: smaller id first
    }

    void emptyCluster()
    {
        const SkewReport report = computeSkew(ClusterState{});
        QCOMPARE(report.totalBytes, std::int64_t(0));
        QCOMPARE(report.nodeMaxOverMean, 1.0);
        QCOMPARE(report.nodeCoefficientOfVariation, 0.0);
        QVERIFY(report.hottest.empty());
        const SkewReport zeros = computeSkew(apply({}, {AddNode{"w", 1}, AddNode{"w", 2}}));
        QCOMPARE(zeros.nodes.size(), std::size_t(2));
        QCOMPARE(zeros.nodes[0].share, 0.0);
        QCOMPARE(zeros.nodeMaxOverMean, 1.0);
    }

    void inactiveNodesAreLeftOut()
    {
        ClusterState state = handCase();
        state.nodes[2].isActive = false;
        const SkewReport report = computeSkew(state);
        QCOMPARE(report.nodes.size(), std::size_t(2));
        QCOMPARE(report.totalBytes, std::int64_t(170));
    }
};

QTEST_GUILESS_MAIN(TestSkew)
#include "tst_skew.moc"
