// SPDX-License-Identifier: MIT
#include "refreshscheduler.h"

#include <QSignalSpy>
#include <QTest>

using namespace shardscope;

class TestRefreshScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offByDefault()
    {
        RefreshScheduler scheduler;
        QVERIFY(!scheduler.isActive());
        QCOMPARE(scheduler.presetIntervals().first(), 0);
    }

    void firesUnlessPaused()
    {
        RefreshScheduler scheduler;
        QSignalSpy due(&scheduler, &RefreshScheduler::refreshDue);
        QSignalSpy state(&scheduler, &RefreshScheduler::stateChanged);
        scheduler.setIntervalSeconds(1);
        QVERIFY(scheduler.isActive());
        QVERIFY(due.wait(10000));
        scheduler.setPaused(true);
        QVERIFY(!scheduler.isActive());
        due.clear();
        QTest::qWait(1300);
        QCOMPARE(due.count(), 0);
        scheduler.setPaused(false);
        QVERIFY(scheduler.isActive());
        scheduler.setIntervalSeconds(0);
        QVERIFY(!scheduler.isActive());
        QCOMPARE(state.count(), 4);
        scheduler.setIntervalSeconds(-5);
        QCOMPARE(scheduler.intervalSeconds(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRefreshScheduler)
#include "tst_refreshscheduler.moc"
