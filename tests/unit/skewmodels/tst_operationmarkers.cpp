// SPDX-License-Identifier: MIT
// Operation markers from the journal and from Citus's background jobs, and merging them with the page's own.
#include "skew/operationmarkers.h"

#include <QDateTime>
#include <QTest>

using namespace shardscope;
using snapshot::OperationMarker;

class TestOperationMarkers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindOf_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("kind");
        QTest::newRow("rebalance") << QStringLiteral("Rebalance started: 3 operation(s)")
                                   << QStringLiteral("rebalance");
        QTest::newRow("move") << QStringLiteral("Moved shard 102009 to worker-1:5432") << QStringLiteral("move");
        QTest::newRow("split") << QStringLiteral("Split shard 102040 at 0") << QStringLiteral("split");
        QTest::newRow("isolate") << QStringLiteral("Isolate tenant 7") << QStringLiteral("isolate");
        QTest::newRow("drain") << QStringLiteral("Drain node worker-3") << QStringLiteral("drain");
        QTest::newRow("other") << QStringLiteral("Create distributed table users") << QStringLiteral("operation");
    }

    void kindOf()
    {
        QFETCH(QString, text);
        QTEST(QString::fromStdString(OperationMarkers::kindOf(text)), "kind");
    }

    void fromJournalKeepsThisClustersSuccesses()
    {
        std::vector<snapshot::JournalEntry> entries{
            {1, 1000, 500, "live", "prod (db1:5432)", "Move shard 102009", "SELECT ...", "ok", ""},
            {2, 2000, 100, "live", "prod (db1:5432)", "Move shard 102010", "SELECT ...", "failed", "boom"},
            {3, 3000, 100, "live", "test (db2:5432)", "Rebalance", "SELECT ...", "ok", ""},
            {4, 4000, 100, "embedded", "prod (db1:5432)", "Rebalance", "", "ok", ""},
            {5, 5000, 250, "live", "prod (db1:5432)", "Rebalance the cluster", "SELECT ...", "ok", ""},
        };
        const auto markers = OperationMarkers::fromJournal(entries, "live", "prod (db1:5432)");
        QCOMPARE(markers.size(), std::size_t(2));
        QCOMPARE(markers[0], (OperationMarker{1500, "move", "Move shard 102009"}));
        QCOMPARE(markers[1], (OperationMarker{5250, "rebalance", "Rebalance the cluster"}));
    }

    void fromBackgroundJobsTakesFinishedOnes()
    {
        std::vector<live::BackgroundJob> jobs{
            {12, "running", "rebalance", "Rebalance all colocation groups", "2026-11-25T10:00:00Z", ""},
            {11, "finished", "rebalance", "Rebalance all colocation groups", "2026-11-25T09:00:00Z",
             "2026-11-25T09:05:00Z"},
            {10, "failed", "rebalance", "Rebalance colocation group 3", "2026-11-25T08:00:00Z", "2026-11-25T08:01:00Z"},
            {9, "finished", "", "", "2026-11-24T08:00:00Z", "not a time"},
        };
        const auto markers = OperationMarkers::fromBackgroundJobs(jobs);
        QCOMPARE(markers.size(), std::size_t(1));
        QCOMPARE(markers[0].atMs, QDateTime(QDate(2026, 11, 25), QTime(9, 5), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(markers[0].kind, std::string("rebalance"));
        QCOMPARE(markers[0].label, std::string("Citus background job 11: Rebalance all colocation groups"));
    }

    void mergeDropsTheSameOperationSeenTwice()
    {
        std::vector<OperationMarker> shown{{100'000, "move", "Move shard 1"}, {500'000, "rebalance", "Rebalance"}};
        OperationMarkers::merge(shown, {
                                           {130'000, "move", "Move shard 1"},  // the journal's copy
                                           {300'000, "move", "Move shard 1"},  // the same move done again later
                                           {50'000, "split", "Split shard 2"}, // older: goes first
                                       });
        QCOMPARE(shown.size(), std::size_t(4));
        QCOMPARE(shown[0].label, std::string("Split shard 2"));
        QCOMPARE(shown[1].atMs, std::int64_t(100'000));
        QCOMPARE(shown[2].atMs, std::int64_t(300'000));
        QCOMPARE(shown[3].kind, std::string("rebalance"));
    }
};

QTEST_APPLESS_MAIN(TestOperationMarkers)
#include "tst_operationmarkers.moc"
