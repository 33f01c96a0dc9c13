// SPDX-License-Identifier: MIT
// The metric history store: samples and markers by time range, retention, reopen, bad files.
#include "snapshot/metrichistory.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

using namespace shardscope;
using shardscope::snapshot::GroupMetric;
using shardscope::snapshot::MetricHistory;
using shardscope::snapshot::MetricSample;
using shardscope::snapshot::NodeMetric;
using shardscope::snapshot::OperationMarker;

namespace {

MetricSample sampleAt(std::int64_t atMs, std::int64_t scale = 1)
{
    MetricSample s;
    s.atMs = atMs;
    s.nodes = {{"worker-1:5432", 1000 * scale, 16}, {"worker-2:5432", 1500 * scale, 17}};
    s.groups = {{1, "orders, order_items", 2000 * scale, 1.2, 0.2}, {2, "events", 500 * scale, 1.0, 0.0}};
    s.totalBytes = 2500 * scale;
    s.nodeMaxOverMean = 1.2;
    s.nodeCoefficientOfVariation = 0.2;
    return s;
}

} // namespace

class TestMetricHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultPathIsPerCluster()
    {
        const std::string a = MetricHistory::defaultPath("prod: db1:5432");
        const std::string b = MetricHistory::defaultPath("staging: db1:5432");
        QVERIFY(a != b);
        QVERIFY(QString::fromStdString(a).endsWith(QLatin1String("history/prod__db1_5432.sqlite")));
        QVERIFY(QString::fromStdString(MetricHistory::defaultPath("")).endsWith(QLatin1String("cluster.sqlite")));
    }

    void insertAndReadBack()
    {
        QTemporaryDir dir;
        MetricHistory history;
        QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite")).toStdString()).ok());
        const MetricSample sample = sampleAt(1000);
        QVERIFY(history.record(sample).ok());
        auto read = history.samples(0, 2000);
        QVERIFY(read.ok());
        QCOMPARE(read->size(), std::size_t(1));
        QVERIFY(read->front() == sample);
        QCOMPARE(*history.sampleCount(), std::int64_t(1));
    }

    void queryRanges_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("all") << qint64(0) << qint64(10'000) << QList<qint64>{1000, 2000, 3000, 4000};
        QTest::newRow("inclusive bounds") << qint64(2000) << qint64(3000) << QList<qint64>{2000, 3000};
        QTest::newRow("inside") << qint64(1500) << qint64(3500) << QList<qint64>{2000, 3000};
        QTest::newRow("before") << qint64(0) << qint64(999) << QList<qint64>{};
        QTest::newRow("after") << qint64(4001) << qint64(9000) << QList<qint64>{};
        QTest::newRow("empty range") << qint64(3000) << qint64(2000) << QList<qint64>{};
    }

    void queryRanges()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(QList<qint64>, expected);
        QTemporaryDir dir;
        MetricHistory history;
        QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite")).toStdString()).ok());
        // Stored out of order: reads come oldest first anyway.
        for (qint64 at : {3000, 1000, 4000, 2000})
            QVERIFY(history.record(sampleAt(at, at)).ok());
        auto read = history.samples(from, to);
        QVERIFY(read.ok());
        QList<qint64> times;
        for (const MetricSample& s : *read) {
            times.append(s.atMs);
            QVERIFY(s == sampleAt(s.atMs, s.atMs)); // each keeps its own node and group rows
        }
        QCOMPARE(times, expected);
    }

    void markers()
    {
        QTemporaryDir dir;
        MetricHistory history;
        QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite")).toStdString()).ok());
        QVERIFY(history.addMarker({5000, "rebalance", "Rebalance 12 moves"}).ok());
        QVERIFY(history.addMarker({2000, "move", "Move shard 102008 to worker-2:5432"}).ok());
        QVERIFY(history.addMarker({2000, "move", "Move shard 102008 to worker-2:5432"}).ok()); // kept once
        QVERIFY(history.addMarker({2000, "", "Split shard 102010"}).ok());
        auto all = history.markers(0, 10'000);
        QVERIFY(all.ok());
        const std::vector<OperationMarker> expected{{2000, "move", "Move shard 102008 to worker-2:5432"},
                                                    {2000, "operation", "Split shard 102010"},
                                                    {5000, "rebalance", "Rebalance 12 moves"}};
        QCOMPARE(all->size(), expected.size());
        QVERIFY(*all == expected);
        auto late = history.markers(3000, 10'000);
        QVERIFY(late.ok());
        QCOMPARE(late->size(), std::size_t(1));
        QCOMPARE(late->front().kind, std::string("rebalance"));
    }

    void retention()
    {
        QTemporaryDir dir;
        MetricHistory history;
        QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite")).toStdString()).ok());
        for (qint64 at = 1000; at <= 10'000; at += 1000)
            QVERIFY(history.record(sampleAt(at)).ok());
        QVERIFY(history.addMarker({1500, "move", "old"}).ok());
        QVERIFY(history.addMarker({8500, "move", "new"}).ok());
        auto deleted = history.deleteOlderThan(6000);
        QVERIFY(deleted.ok());
        QCOMPARE(*deleted, std::int64_t(5));
        QCOMPARE(*history.sampleCount(), std::int64_t(5));
        auto left = history.samples(0, 100'000);
        QVERIFY(left.ok());
        QCOMPARE(left->front().atMs, std::int64_t(6000));
        QCOMPARE(left->front().nodes.size(), std::size_t(2));
        auto marks = history.markers(0, 100'000);
        QCOMPARE(marks->size(), std::size_t(1));
        QCOMPARE(marks->front().label, std::string("new"));
        // Node and group rows of deleted samples went with them.
        QCOMPARE(*history.deleteOlderThan(6000), std::int64_t(0));
        QVERIFY(history.record(sampleAt(11'000)).ok());
        QCOMPARE(history.samples(11'000, 11'000)->front().groups.size(), std::size_t(2));
    }

    void reopen()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("sub/h.sqlite")).toStdString();
        {
            MetricHistory history;
            QVERIFY(history.open(path).ok());
            QVERIFY(history.record(sampleAt(1000)).ok());
            QVERIFY(history.addMarker({1000, "rebalance", "r"}).ok());
        }
        MetricHistory again;
        QVERIFY(again.open(path).ok());
        QCOMPARE(*again.sampleCount(), std::int64_t(1));
        QVERIFY(again.samples(0, 2000)->front() == sampleAt(1000));
        QCOMPARE(again.markers(0, 2000)->size(), std::size_t(1));
    }

    void workerThread()
    {
        // A history lives on the thread that opened it, as the GUI uses it.
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("h.sqlite")).toStdString();
        bool ok = false;
        std::thread worker([&] {
            MetricHistory history;
            ok = history.open(path).ok() && history.record(sampleAt(1)).ok() && *history.sampleCount() == 1;
        });
        worker.join();
        QVERIFY(ok);
    }

    void badFiles()
    {
        QTemporaryDir dir;
        const QString garbage = dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        MetricHistory history;
        Status status = history.open(garbage.toStdString());
        QVERIFY(!status.ok());
        QVERIFY(!history.isOpen());
        QVERIFY(!history.open(dir.path().toStdString()).ok()); // a folder
        QVERIFY(!history.record(sampleAt(1)).ok());            // not open: an error, no crash
        QVERIFY(!history.samples(0, 1).ok());
    }
};

QTEST_GUILESS_MAIN(TestMetricHistory)
#include "tst_metrichistory.moc"
