// SPDX-License-Identifier: MIT
// The Skew page's verdict line: balanced or "node X holds N% more than average: rebalance recommended".
#include "skew/skewverdict.h"

#include <QTest>

using namespace shardscope;
using namespace shardscope::engine;

namespace {

/** A report over nodes of the given bytes (worker-1:5432, worker-2:5432, ...); a negative size: no shards wanted. */
SkewReport reportOf(const QList<qint64>& bytes)
{
    SkewReport report;
    std::vector<std::int64_t> balance;
    for (int i = 0; i < bytes.size(); ++i) {
        NodeSkew node;
        node.node = NodeId(i + 1);
        node.group = GroupId(i + 1);
        node.name = "worker-" + std::to_string(i + 1);
        node.port = 5432;
        node.shouldHaveShards = bytes[i] >= 0;
        node.bytes = std::max<qint64>(0, bytes[i]);
        node.shards = node.bytes > 0 ? 4 : 0;
        report.totalBytes += node.bytes;
        if (node.shouldHaveShards)
            balance.push_back(node.bytes);
        report.nodes.push_back(node);
    }
    double sum = 0;
    double max = 0;
    for (auto b : balance) {
        sum += double(b);
        max = std::max(max, double(b));
    }
    const double mean = balance.empty() ? 0 : sum / double(balance.size());
    report.nodeMaxOverMean = mean > 0 ? max / mean : 1.0;
    return report;
}

} // namespace

class TestSkewVerdict : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdict_data()
    {
        QTest::addColumn<QList<qint64>>("bytes");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<QString>("headline");
        QTest::addColumn<int>("percent");

        QTest::newRow("even") << QList<qint64>{100, 100, 100, 100} << 20.0 << QStringLiteral("balanced") << 0;
        QTest::newRow("38% over") << QList<qint64>{100, 138, 100, 62} << 20.0
                                  << QStringLiteral("worker-2:5432 holds 38% more than average: rebalance recommended")
                                  << 38;
        QTest::newRow("under the threshold")
            << QList<qint64>{100, 115, 100, 85} << 20.0 << QStringLiteral("balanced") << 15;
        QTest::newRow("exactly at the threshold") << QList<qint64>{120, 80} << 20.0 << QStringLiteral("balanced") << 20;
        QTest::newRow("lower threshold") << QList<qint64>{100, 115, 100, 85} << 10.0
                                         << QStringLiteral("worker-2:5432 holds 15% more than average: rebalance "
                                                           "recommended")
                                         << 15;
        QTest::newRow("empty node counts") << QList<qint64>{200, 0} << 20.0
                                           << QStringLiteral("worker-1:5432 holds 100% more than average: rebalance "
                                                             "recommended")
                                           << 100;
        QTest::newRow("node without shards wanted is left out")
            << QList<qint64>{100, 100, -1} << 20.0 << QStringLiteral("balanced") << 0;
        QTest::newRow("no data") << QList<qint64>{0, 0} << 20.0 << QStringLiteral("no data to judge yet") << 0;
        QTest::newRow("no nodes") << QList<qint64>{} << 20.0 << QStringLiteral("no data to judge yet") << 0;
    }

    void verdict()
    {
        QFETCH(QList<qint64>, bytes);
        QFETCH(double, threshold);
        QFETCH(QString, headline);
        QFETCH(int, percent);
        const SkewVerdict verdict = SkewVerdict::evaluate(reportOf(bytes), threshold);
        QCOMPARE(verdict.headline(), headline);
        QCOMPARE(verdict.percentAboveMean, percent);
        QCOMPARE(verdict.recommendsRebalance(), headline.contains(QLatin1String("rebalance recommended")));
        QVERIFY(!verdict.detail().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSkewVerdict)
#include "tst_skewverdict.moc"
