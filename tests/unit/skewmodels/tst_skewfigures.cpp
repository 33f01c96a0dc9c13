// SPDX-License-Identifier: MIT
// Figures of the Skew page: shard size distribution and the history sample of a report.
#include "sim/democluster.h"
#include "skew/skewfigures.h"

#include <QTest>
#include <numeric>

using namespace shardscope;
using namespace shardscope::engine;

class TestSkewFigures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void histogram_data()
    {
        QTest::addColumn<QList<qint64>>("sizes");
        QTest::addColumn<int>("bins");
        QTest::addColumn<QList<qint64>>("counts");
        QTest::addColumn<qint64>("width");

        QTest::newRow("none") << QList<qint64>{} << 4 << QList<qint64>{} << qint64(0);
        QTest::newRow("zeros") << QList<qint64>{0, 0} << 2 << QList<qint64>{2, 0} << qint64(1);
        QTest::newRow("spread") << QList<qint64>{0, 10, 20, 30, 39} << 4 << QList<qint64>{1, 1, 1, 2} << qint64(10);
        QTest::newRow("max lands in the last bar")
            << QList<qint64>{1, 2, 3, 100} << 4 << QList<qint64>{3, 0, 0, 1} << qint64(26);
        QTest::newRow("one outlier") << QList<qint64>{5, 5, 5, 5, 5, 5, 5, 800} << 8
                                     << QList<qint64>{7, 0, 0, 0, 0, 0, 0, 1} << qint64(101);
    }

    void histogram()
    {
        QFETCH(QList<qint64>, sizes);
        QFETCH(int, bins);
        QFETCH(QList<qint64>, counts);
        QFETCH(qint64, width);
        const auto result = SkewFigures::histogramOf(std::vector<std::int64_t>(sizes.begin(), sizes.end()), bins);
        QList<qint64> got;
        for (const SizeBin& bin : result) {
            got.append(bin.shards);
            QCOMPARE(bin.toBytes - bin.fromBytes, width);
        }
        QCOMPARE(got, counts);
        if (!result.empty()) {
            QCOMPARE(result.front().fromBytes, std::int64_t(0));
            QVERIFY(result.back().toBytes > *std::max_element(sizes.begin(), sizes.end()));
        }
    }

    void demoCluster()
    {
        const ClusterState state = sim::makeDemoCluster();
        const SkewFigures figures = SkewFigures::compute(state, 1234, 5, 10);
        QCOMPARE(figures.sample.atMs, std::int64_t(1234));
        QCOMPARE(figures.report.hottest.size(), std::size_t(5));
        // Every shard of a distributed table is counted once.
        std::int64_t distributed = 0;
        for (const Shard& shard : state.shards) {
            for (const Table& table : state.tables) {
                if (table.oid == shard.table &&
                    (table.kind == TableKind::HashDistributed || table.kind == TableKind::SingleShard))
                    ++distributed;
            }
        }
        QCOMPARE(figures.distributedShards, distributed);
        const std::int64_t counted =
            std::accumulate(figures.histogram.begin(), figures.histogram.end(), std::int64_t(0),
                            [](std::int64_t sum, const SizeBin& bin) { return sum + bin.shards; });
        QCOMPARE(counted, distributed);
        // Bytes per table per node add up to each node's bytes.
        QVERIFY(!figures.tables.empty());
        for (std::size_t n = 0; n < figures.report.nodes.size(); ++n) {
            std::int64_t sum = 0;
            for (const TableNodeBytes& table : figures.tables)
                sum += table.perNode.at(n);
            QCOMPARE(sum, figures.report.nodes[n].bytes);
        }
        QCOMPARE(figures.tables.front().table, std::string("users")); // creation order
        // The hot tenant's shard is the outlier in the last bar.
        QVERIFY(figures.histogram.back().shards >= 1);

        // The sample carries the report's figures, nodes by address.
        QCOMPARE(figures.sample.nodes.size(), figures.report.nodes.size());
        QCOMPARE(figures.sample.nodes.front().node,
                 figures.report.nodes.front().name + ":" + std::to_string(figures.report.nodes.front().port));
        QCOMPARE(figures.sample.totalBytes, figures.report.totalBytes);
        // Single-shard groups are left out of the history: one shard cannot be spread.
        std::vector<std::int64_t> spreadable;
        for (const ColocationSkew& group : figures.report.colocationGroups) {
            if (group.shardGroups >= 2)
                spreadable.push_back(group.colocationId);
        }
        QVERIFY(spreadable.size() < figures.report.colocationGroups.size()); // the demo has a single-shard table
        QCOMPARE(figures.sample.groups.size(), spreadable.size());
        for (std::size_t i = 0; i < spreadable.size(); ++i)
            QCOMPARE(figures.sample.groups[i].colocationId, spreadable[i]);
        QCOMPARE(figures.sample.nodeMaxOverMean, figures.report.nodeMaxOverMean);
    }

    void groupLabel_data()
    {
        QTest::addColumn<QStringList>("tables");
        QTest::addColumn<QString>("label");
        QTest::newRow("one") << QStringList{QStringLiteral("users")} << QStringLiteral("users");
        QTest::newRow("two") << QStringList{QStringLiteral("users"), QStringLiteral("events")}
                             << QStringLiteral("users, events");
        QTest::newRow("five") << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                             QStringLiteral("d"), QStringLiteral("e")}
                              << QStringLiteral("a, b, c +2");
    }

    void groupLabel()
    {
        QFETCH(QStringList, tables);
        QFETCH(QString, label);
        std::vector<std::string> names;
        for (const QString& t : tables)
            names.push_back(t.toStdString());
        QCOMPARE(SkewFigures::groupLabel(names), label);
    }
};

QTEST_GUILESS_MAIN(TestSkewFigures)
#include "tst_skewfigures.moc"
