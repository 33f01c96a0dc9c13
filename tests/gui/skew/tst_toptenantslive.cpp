// SPDX-License-Identifier: MIT
// The top tenants panel on a live source (the throw-away PostgreSQL server, no Citus): citus_stat_tenants is read
// on a side connection, the panel says why there are no tenants, and snapshots arriving faster than the minimum
// gap do not start more reads (one waiting read follows once the gap has passed).
#include "live/liveclustersource.h"
#include "pgtestserver.h"
#include "skew/toptenantsmodel.h"
#include "skew/toptenantspanel.h"

#include <QSignalSpy>
#include <QTest>

using namespace shardscope;

class TestTopTenantsLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (test::PgTestServer::conninfo().isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
    }

    void readsOnASideConnectionAtMostOncePerGap()
    {
        auto options = live::ConnectionOptions::parse(test::PgTestServer::conninfo().toStdString());
        QVERIFY(options.ok());
        live::LiveClusterSource source(*options);
        TopTenantsPanel panel(&source);
        connect(&source, &ClusterSource::snapshotReady, &panel, &TopTenantsPanel::showSnapshot);
        QSignalSpy updated(&panel, &TopTenantsPanel::tenantsUpdated);
        QSignalSpy snapshots(&source, &ClusterSource::snapshotReady);

        source.refresh();
        QVERIFY(updated.wait(30'000));
        QCOMPARE(panel.liveReads(), 1);
        QVERIFY2(
            panel.noticeText().startsWith(QLatin1String("No tenant statistics: this server has no citus_stat_tenants")),
            qPrintable(panel.noticeText()));
        QCOMPARE(panel.model()->rowCount(), 0);
        QVERIFY(!panel.model()->report().available);

        // Two more snapshots right away: no read until the gap (5 s at least) has passed, then exactly one.
        source.refresh();
        QVERIFY(snapshots.wait(30'000));
        source.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 3, 30'000);
        QCOMPARE(panel.liveReads(), 1);
        QVERIFY(updated.wait(15'000));
        QCOMPARE(panel.liveReads(), 2);
        QTest::qWait(500);
        QCOMPARE(panel.liveReads(), 2);

        // Paused: snapshots are kept, not read, until resumed.
        panel.setPaused(true);
        source.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 4, 30'000);
        QTest::qWait(6000);
        QCOMPARE(panel.liveReads(), 2);
        panel.setPaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(panel.liveReads(), 3, 15'000);
    }
};

QTEST_MAIN(TestTopTenantsLive)
#include "tst_toptenantslive.moc"
