// SPDX-License-Identifier: MIT
// The history seen from the GUI thread: queued writes on a worker thread, loads as signals, retention.
#include "skew/skewhistoryrecorder.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace shardscope;
using shardscope::snapshot::MetricSample;

namespace {
MetricSample sampleAt(qint64 atMs)
{
    MetricSample s;
    s.atMs = atMs;
    s.totalBytes = 10;
    s.nodes = {{"worker-1:5432", 10, 1}};
    return s;
}
} // namespace

class TestSkewHistoryRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordAndLoad()
    {
        QTemporaryDir dir;
        SkewHistoryRecorder recorder;
        QSignalSpy loaded(&recorder, &SkewHistoryRecorder::historyLoaded);
        QSignalSpy failed(&recorder, &SkewHistoryRecorder::failed);
        recorder.open(dir.filePath(QStringLiteral("h.sqlite")));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        recorder.record(sampleAt(now - 2000));
        recorder.record(sampleAt(now - 1000));
        recorder.addMarker({now - 1500, "move", "Move shard 102008"});
        recorder.load(now - 10'000, now);
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(failed.count(), 0);
        const auto history = loaded.takeFirst().at(0).value<SkewHistory>();
        QCOMPARE(history.samples.size(), std::size_t(2));
        QVERIFY(history.samples[1] == sampleAt(now - 1000));
        QCOMPARE(history.markers.size(), std::size_t(1));
        QCOMPARE(history.markers[0].label, std::string("Move shard 102008"));
    }

    void retentionOnRecord()
    {
        QTemporaryDir dir;
        SkewHistoryRecorder recorder;
        recorder.setRetentionDays(1);
        QSignalSpy loaded(&recorder, &SkewHistoryRecorder::historyLoaded);
        recorder.open(dir.filePath(QStringLiteral("h.sqlite")));
        const qint64 day = 24 * 3600 * 1000LL;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        recorder.record(sampleAt(now - 3 * day));
        recorder.addMarker({now - 3 * day, "rebalance", "old"});
        recorder.record(sampleAt(now)); // deletes everything older than a day before it
        recorder.load(0, now + 1);
        QVERIFY(loaded.wait(10'000));
        const auto history = loaded.takeFirst().at(0).value<SkewHistory>();
        QCOMPARE(history.samples.size(), std::size_t(1));
        QCOMPARE(history.samples[0].atMs, now);
        QVERIFY(history.markers.empty());
    }

    void badPathReportsFailure()
    {
        QTemporaryDir dir;
        SkewHistoryRecorder recorder;
        QSignalSpy failed(&recorder, &SkewHistoryRecorder::failed);
        recorder.open(dir.path()); // a folder, not a file
        QVERIFY(failed.wait(10'000));
        QVERIFY(failed.takeFirst().at(0).toString().contains(QLatin1String("not a file")));
        recorder.record(sampleAt(1)); // ignored, no crash
        recorder.waitForIdle();
    }
};

QTEST_GUILESS_MAIN(TestSkewHistoryRecorder)
#include "tst_skewhistoryrecorder.moc"
