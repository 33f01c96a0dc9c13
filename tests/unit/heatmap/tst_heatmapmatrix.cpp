// SPDX-License-Identifier: MIT
#include "heatmap/heatmapdropcheck.h"
#include "heatmap/heatmapmatrixbuilder.h"
#include "syntheticcluster.h"

#include <QTest>

using namespace shardscope;

Q_DECLARE_METATYPE(shardscope::HeatmapDropVerdict)

class TestHeatmapMatrix : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsAreWorkersWithoutTheEmptyCoordinator()
    {
        const HeatmapMatrix m = HeatmapMatrixBuilder::build(test::makeSyntheticCluster(3, 6));
        // The coordinator holds the reference table, so it is shown; it accepts no shards.
        QCOMPARE(m.rowCount(), 4);
        QCOMPARE(m.row(0).label, QStringLiteral("coordinator:5432"));
        QVERIFY(m.row(0).coordinator);
        QVERIFY(!m.row(0).acceptsShards);
        QCOMPARE(m.row(3).label, QStringLiteral("worker-3:5432"));
        QCOMPARE(m.rowOfNode(3), 2);
    }

    void coordinatorWithoutShardsIsHidden()
    {
        const HeatmapMatrix m = HeatmapMatrixBuilder::build(test::makeSyntheticCluster(3, 6), 1);
        // Only group 1 and the reference strip: the coordinator's reference placement still counts.
        QCOMPARE(m.rowCount(), 4);
        engine::ClusterState s = test::makeSyntheticCluster(3, 6);
        std::erase_if(s.placements, [](const engine::Placement& p) { return p.group == 0; });
        QCOMPARE(HeatmapMatrixBuilder::build(s).rowCount(), 3);
    }

    void columnsAreShardGroupsByHashRange()
    {
        const HeatmapMatrix m = HeatmapMatrixBuilder::build(test::makeSyntheticCluster(3, 6));
        QCOMPARE(m.columnCount(), 7); // 6 shard groups + 1 reference table
        QCOMPARE(m.segments().size(), std::size_t(2));
        QCOMPARE(m.segments()[0].tables, QStringList({QStringLiteral("t0"), QStringLiteral("t1")}));
        QCOMPARE(m.segments()[1].label, QStringLiteral("reference tables"));
        QVERIFY(m.segments()[1].reference);
        for (int c = 0; c < 6; ++c) {
            const HeatmapColumn& col = m.column(c);
            QCOMPARE(col.indexInGroup, c);
            QCOMPARE(col.shards.size(), std::size_t(2));
            QVERIFY(col.shards[0] < col.shards[1]);
            if (c > 0)
                QVERIFY(col.minValue > m.column(c - 1).maxValue);
        }
        QCOMPARE(m.column(0).minValue, INT32_MIN);
        QCOMPARE(m.column(5).maxValue, INT32_MAX);
        // Shards were created in reverse hash order: the first column holds the last-created shard of t0.
        QCOMPARE(m.column(0).shards[0], engine::ShardId(102008 + 5));
        QCOMPARE(m.columnOfShard(102008 + 5), 0);
        QCOMPARE(m.columnOfShard(102014 + 5), 0); // t1's colocated shard
        QVERIFY(m.column(6).reference);
    }

    void cellsSumColocatedShards_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("present");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<qint64>("rows");

        // Shard group k is on worker k % 3 + 1 with 1000 (k+1) bytes in t0 and 2000 (k+1) in t1.
        QTest::newRow("group 0 on worker 1") << 1 << 0 << true << qint64(3000) << qint64(20);
        QTest::newRow("group 4 on worker 2") << 2 << 4 << true << qint64(15000) << qint64(100);
        QTest::newRow("group 4 not on worker 1") << 1 << 4 << false << qint64(0) << qint64(0);
        QTest::newRow("nothing on the coordinator") << 0 << 2 << false << qint64(0) << qint64(0);
        QTest::newRow("reference on the coordinator") << 0 << 6 << true << qint64(8192) << qint64(5);
        QTest::newRow("reference on worker 3") << 3 << 6 << true << qint64(8192) << qint64(5);
    }

    void cellsSumColocatedShards()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(bool, present);
        QFETCH(qint64, bytes);
        QFETCH(qint64, rows);
        const HeatmapMatrix m = HeatmapMatrixBuilder::build(test::makeSyntheticCluster(3, 6));
        QCOMPARE(m.isPresent(row, column), present);
        QCOMPARE(m.bytes(row, column), bytes);
        QCOMPARE(m.rowsAt(row, column), rows);
        QCOMPARE(m.value(HeatmapMetric::Bytes, row, column), double(bytes));
    }

    void rowBytesAddUp()
    {
        const HeatmapMatrix m = HeatmapMatrixBuilder::build(test::makeSyntheticCluster(3, 6));
        // Worker 1 holds groups 0 and 3: 3000 * (1 + 4) plus the reference table.
        QCOMPARE(m.rowBytes(1), std::int64_t(15000 + 8192));
        QCOMPARE(m.rowsHolding(3), std::vector<int>({1}));
    }

    void selectingAGroup()
    {
        engine::ClusterState s = test::makeSyntheticCluster(2, 4);
        QCOMPARE(HeatmapMatrixBuilder::selectableGroups(s).size(), std::size_t(1));
        QCOMPARE(HeatmapMatrixBuilder::selectableGroups(s).front().second,
                 QStringLiteral("group 1: t0, t1 (4 shards)"));
        QCOMPARE(HeatmapMatrixBuilder::build(s, 1).columnCount(), 5);
        QCOMPARE(HeatmapMatrixBuilder::build(s, 99).columnCount(), 1); // unknown group: the reference strip only
    }

    void loadIsOptional()
    {
        const engine::ClusterState s = test::makeSyntheticCluster(2, 4);
        const HeatmapMatrix without = HeatmapMatrixBuilder::build(s);
        QVERIFY(!without.hasLoad());
        QCOMPARE(without.value(HeatmapMetric::Load, 1, 0), 0.0);
        const HeatmapMatrix m = HeatmapMatrixBuilder::build(s, 0, nullptr);
        QVERIFY(!m.hasLoad());
        HeatmapShardLoad load;
        const HeatmapMatrix plain = HeatmapMatrixBuilder::build(s);
        for (auto id : plain.column(1).shards)
            load[id] = 21.0;
        const HeatmapMatrix withLoad = HeatmapMatrixBuilder::build(s, 0, &load);
        QVERIFY(withLoad.hasLoad());
        const int holder = withLoad.rowsHolding(1).front();
        QCOMPARE(withLoad.load(holder, 1), 42.0);
        QCOMPARE(withLoad.load(holder == 1 ? 2 : 1, 1), 0.0);
    }

    void dropCheck_data()
    {
        QTest::addColumn<int>("sourceRow");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("targetRow");
        QTest::addColumn<HeatmapDropVerdict>("expected");

        // Rows: 0 coordinator (no shards), 1..3 workers; worker 3 is made inactive, worker 2 holds group 1.
        QTest::newRow("to an empty worker") << 1 << 0 << 2 << HeatmapDropVerdict::Allowed;
        QTest::newRow("onto itself") << 1 << 0 << 1 << HeatmapDropVerdict::SameNode;
        QTest::newRow("onto the holder of a replica") << 1 << 3 << 2 << HeatmapDropVerdict::AlreadyHolds;
        QTest::newRow("to the coordinator") << 1 << 0 << 0 << HeatmapDropVerdict::NodeRejectsShards;
        QTest::newRow("to an inactive node") << 1 << 0 << 3 << HeatmapDropVerdict::NodeInactive;
        QTest::newRow("a reference table") << 1 << 6 << 2 << HeatmapDropVerdict::ReferenceTable;
        QTest::newRow("from an empty cell") << 2 << 0 << 3 << HeatmapDropVerdict::NothingToMove;
        QTest::newRow("outside the rows") << 1 << 0 << -1 << HeatmapDropVerdict::NothingToMove;
        QTest::newRow("outside the columns") << 1 << 70 << 2 << HeatmapDropVerdict::NothingToMove;
    }

    void dropCheck()
    {
        QFETCH(int, sourceRow);
        QFETCH(int, column);
        QFETCH(int, targetRow);
        QFETCH(HeatmapDropVerdict, expected);
        engine::ClusterState s = test::makeSyntheticCluster(3, 6);
        s.nodes[3].isActive = false;
        // Give group 3 (on worker 1) a second placement on worker 2.
        s.placements.push_back({9999, 102008 + 2, 10, 1, 2});
        const HeatmapMatrix m = HeatmapMatrixBuilder::build(s);
        QCOMPARE(checkHeatmapDrop(m, sourceRow, column, targetRow), expected);
        QCOMPARE(heatmapDropReason(expected).isEmpty(), expected == HeatmapDropVerdict::Allowed);
    }
};

QTEST_GUILESS_MAIN(TestHeatmapMatrix)
#include "tst_heatmapmatrix.moc"
