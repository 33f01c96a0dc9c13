// SPDX-License-Identifier: MIT
// The time range of the Skew tab's time-axis charts: settings names and what each range keeps.
#include "skew/skewtimerange.h"

#include <QTest>

using namespace shardscope;

class TestSkewTimeRange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysRoundTrip()
    {
        for (const SkewTimeRange::Preset preset : SkewTimeRange::presets())
            QCOMPARE(SkewTimeRange::fromKey(SkewTimeRange::key(preset), SkewTimeRange::LastHour), preset);
        QCOMPARE(SkewTimeRange::fromKey(QStringLiteral("fortnight")), SkewTimeRange::All);
        QCOMPARE(SkewTimeRange::fromKey(QString(), SkewTimeRange::LastDay), SkewTimeRange::LastDay);
    }

    void filter_data()
    {
        QTest::addColumn<int>("preset");
        QTest::addColumn<int>("samples");
        QTest::addColumn<int>("markers");
        QTest::newRow("hour") << int(SkewTimeRange::LastHour) << 2 << 1;
        QTest::newRow("day") << int(SkewTimeRange::LastDay) << 3 << 1;
        QTest::newRow("week") << int(SkewTimeRange::LastWeek) << 4 << 2;
        QTest::newRow("all") << int(SkewTimeRange::All) << 5 << 3;
    }

    void filter()
    {
        QFETCH(int, preset);
        constexpr qint64 now = 1'800'000'000'000;
        constexpr qint64 minute = 60'000;
        SkewHistory history;
        for (const qint64 ago : {400 * 24 * 60, 3 * 24 * 60, 5 * 60, 60, 1}) {
            snapshot::MetricSample sample;
            sample.atMs = now - ago * minute;
            history.samples.push_back(sample);
        }
        history.markers = {{now - 30 * 24 * 60 * minute, "move", "a"},
                           {now - 2 * 24 * 60 * minute, "rebalance", "b"},
                           {now - 10 * minute, "move", "c"}};
        const SkewHistory shown = SkewTimeRange::filter(history, SkewTimeRange::Preset(preset), now);
        QTEST(int(shown.samples.size()), "samples");
        QTEST(int(shown.markers.size()), "markers");
        // Oldest first, as given, and the newest always kept.
        QCOMPARE(shown.samples.back().atMs, now - minute);
        for (std::size_t i = 1; i < shown.samples.size(); ++i)
            QVERIFY(shown.samples[i - 1].atMs < shown.samples[i].atMs);
    }
};

QTEST_APPLESS_MAIN(TestSkewTimeRange)
#include "tst_skewtimerange.moc"
