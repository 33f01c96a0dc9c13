// SPDX-License-Identifier: MIT
// The Skew dashboard's chart adapters: downsampling, bounded series, CSV and picture export.
#include "dashboards/chartexport.h"
#include "dashboards/skewdownsample.h"
#include "dashboards/skewgrowthchart.h"
#include "dashboards/skewhistogramchart.h"
#include "dashboards/skewnodebarchart.h"
#include "dashboards/skewtimeformat.h"
#include "dashboards/skewtimelinechart.h"
#include "dashboards/tenanttopchart.h"
#include "sim/democluster.h"
#include "skew/skewfigures.h"
#include "skew/toptenantsmodel.h"

#include <QFile>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using shardscope::snapshot::MetricSample;

namespace {
std::vector<MetricSample> history(int count)
{
    std::vector<MetricSample> samples;
    for (int i = 0; i < count; ++i) {
        MetricSample s;
        s.atMs = 1'700'000'000'000LL + qint64(i) * 30'000;
        s.nodeMaxOverMean = 1.0 + (i % 100) / 100.0;
        s.nodeCoefficientOfVariation = (i % 50) / 100.0;
        s.nodes = {{"worker-1:5432", 1000 + i, 4}, {"worker-2:5432", 2000 + 2 * i, 4}};
        s.groups = {{1, "users, events", 3000, 1.1, 0.05}};
        samples.push_back(s);
    }
    return samples;
}
} // namespace

class TestSkewCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void downsample_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("maxPoints");
        QTest::addColumn<int>("expectedAtMost");
        QTest::newRow("small stays") << 10 << 2000 << 10;
        QTest::newRow("exactly max") << 2000 << 2000 << 2000;
        QTest::newRow("large") << 100'000 << 2000 << 2000;
        QTest::newRow("tiny max") << 1000 << 1 << 4;
    }

    void downsample()
    {
        QFETCH(int, count);
        QFETCH(int, maxPoints);
        QFETCH(int, expectedAtMost);
        QList<QPointF> points;
        for (int i = 0; i < count; ++i)
            points.append({double(i), i == count / 3 ? 1e6 : double(i % 7)}); // one spike
        const QList<QPointF> out = SkewDownsample::minMax(points, maxPoints);
        QVERIFY(out.size() <= expectedAtMost);
        QCOMPARE(out.front(), points.front());
        QCOMPARE(out.back(), points.back());
        for (qsizetype i = 1; i < out.size(); ++i)
            QVERIFY(out[i - 1].x() < out[i].x());
        // The spike survives.
        QVERIFY(std::any_of(out.begin(), out.end(), [](const QPointF& p) { return p.y() == 1e6; }));
    }

    void seriesStayBounded()
    {
        SkewTimelineChart timeline;
        SkewGrowthChart growth;
        const auto samples = history(10'000);
        timeline.setHistory(samples, {{samples[5000].atMs, "rebalance", "Rebalance"}});
        growth.setHistory(samples);
        QVERIFY(timeline.pointCount(QStringLiteral("all nodes")) <= SkewDownsample::kMaxPoints);
        QVERIFY(timeline.pointCount(QStringLiteral("all nodes")) > 100);
        QVERIFY(timeline.pointCount(QStringLiteral("users, events")) <= SkewDownsample::kMaxPoints);
        QCOMPARE(timeline.pointCount(QStringLiteral("operations")), qsizetype(1));
        QVERIFY(growth.pointCount(QStringLiteral("worker-2:5432")) <= SkewDownsample::kMaxPoints);
        // A second update replaces, it does not add.
        timeline.setHistory(history(3), {});
        QCOMPARE(timeline.pointCount(QStringLiteral("all nodes")), qsizetype(3));
        QCOMPARE(timeline.pointCount(QStringLiteral("operations")), qsizetype(0));
        growth.setHistory(history(3));
        QCOMPARE(growth.pointCount(QStringLiteral("worker-1:5432")), qsizetype(3));
    }

    void legendNamesTheMostSkewedGroups()
    {
        // Eight groups: the legend names the nodes and the three most skewed groups now, so names are not cut.
        std::vector<snapshot::MetricSample> samples(2);
        for (std::size_t s = 0; s < samples.size(); ++s) {
            samples[s].atMs = 1'700'000'000'000LL + std::int64_t(s) * 30'000;
            for (int g = 1; g <= 8; ++g)
                samples[s].groups.push_back(
                    {g, "group " + std::to_string(g), 1000, 1.0 + 0.1 * ((g * 3) % 8), 0.01 * g});
        }
        SkewTimelineChart timeline;
        timeline.resize(500, 300);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        timeline.setHistory(samples, {{samples[1].atMs, "move", "Move"}});
        QTest::qWait(50); // legend entries show once the chart has laid them out
        QStringList named;
        const auto entries = timeline.chart()->legend()->markers();
        for (const QLegendMarker* entry : entries) {
            if (entry->isVisible())
                named.append(entry->label());
        }
        named.sort();
        // (g * 3) % 8 is largest for g = 5 (7), 2 (6), 7 (5).
        QCOMPARE(named, QStringLiteral("all nodes,group 2,group 5,group 7,operations").split(QLatin1Char(',')));
        QCOMPARE(timeline.pointCount(QStringLiteral("group 1")), qsizetype(2));
    }

    void nodeLegendNamesTheBiggestStacks()
    {
        const SkewFigures figures = SkewFigures::compute(sim::makeDemoCluster(), 1'700'000'000'000LL);
        SkewNodeBarChart chart;
        chart.resize(500, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setTables(figures.report, figures.tables);
        QTest::qWait(50); // legend entries show once the chart has laid them out
        const QStringList names = chart.legendNames();
        // Seven tables with placements: the five biggest are named, events (2.6 GiB) first among them.
        QCOMPARE(names.size(), 5);
        QVERIFY(names.contains(QStringLiteral("events")));
        QVERIFY(!names.contains(QStringLiteral("app_settings")));
        chart.setReport(figures.report);
        QTest::qWait(50);
        QVERIFY(chart.legendNames().size() <= 5);
        QVERIFY(chart.legendNames().contains(QStringLiteral("users, events")));
    }

    void histogramMergesBandsWhenShort()
    {
        std::vector<SizeBin> bins;
        for (int i = 0; i < 10; ++i)
            bins.push_back({i * 100, (i + 1) * 100, i + 1});
        SkewHistogramChart histogram;
        histogram.resize(300, 600);
        histogram.show();
        QVERIFY(QTest::qWaitForWindowExposed(&histogram));
        histogram.setHistogram(bins);
        QCOMPARE(histogram.shownBands(), 10);
        histogram.resize(300, 200);
        QTRY_VERIFY(histogram.shownBands() < 10);
        QVERIFY(histogram.shownBands() >= 3);
        // Merged for drawing only: the CSV keeps every band.
        QCOMPARE(histogram.csv().count(QLatin1Char('\n')), 11);
        histogram.resize(300, 600);
        QTRY_COMPARE(histogram.shownBands(), 10);
    }

    void timeLabelsFitTheWidth()
    {
        const QFont font;
        const QString format = QStringLiteral("HH:mm:ss");
        QCOMPARE(SkewTimeFormat::tickCount(2000, format, font), 5);
        QCOMPARE(SkewTimeFormat::tickCount(150, format, font), 2);
        const int middle = SkewTimeFormat::tickCount(400, format, font);
        QVERIFY(middle >= 2 && middle <= 5);
        // Wider labels, fewer of them.
        QVERIFY(SkewTimeFormat::tickCount(400, QStringLiteral("dd MMM yyyy HH:mm"), font) <= middle);
    }

    void tenantBarsFitTheHeight()
    {
        TenantReport report;
        report.available = true;
        for (int t = 1; t <= 30; ++t)
            report.rows.push_back({1, QString::number(t), QStringLiteral("users, events"), 2, QStringLiteral("w:5432"),
                                   100 + t, t * 10, t * 5, t * 2, t * 2, 0.001 * t, 0.0});
        TopTenantsModel model;
        model.setReport(report);
        TenantTopChart chart;
        chart.setModel(&model);
        chart.resize(400, 600);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QCOMPARE(chart.barCount(), TenantTopChart::kMaxBars);
        QCOMPARE(chart.labels().front(), QStringLiteral("30"));
        // Short: fewer bars, never fewer than three, busiest first still.
        chart.resize(400, 180);
        QTRY_VERIFY(chart.barCount() < TenantTopChart::kMaxBars);
        QVERIFY(chart.barCount() >= 3);
        QCOMPARE(chart.labels().size(), chart.barCount());
        QCOMPARE(chart.labels().front(), QStringLiteral("30"));
        // The CSV keeps every tenant of the model.
        QCOMPARE(chart.csv().count(QLatin1Char('\n')), 1 + model.rowCount());
    }

    void csvContent()
    {
        SkewGrowthChart growth;
        growth.setHistory(history(2));
        QCOMPARE(growth.csv(), QStringLiteral("time,node,bytes,shards\n"
                                              "2023-11-14T22:13:20.000Z,worker-1:5432,1000,4\n"
                                              "2023-11-14T22:13:20.000Z,worker-2:5432,2000,4\n"
                                              "2023-11-14T22:13:50.000Z,worker-1:5432,1001,4\n"
                                              "2023-11-14T22:13:50.000Z,worker-2:5432,2002,4\n"));
        SkewTimelineChart timeline;
        timeline.setHistory(history(1), {{1'700'000'000'000LL, "move", "Move shard 1, to \"w2\""}});
        QCOMPARE(timeline.csv(), QStringLiteral("time,series,colocation_id,max_over_mean,cv,operation\n"
                                                "2023-11-14T22:13:20.000Z,nodes,0,1,0,\n"
                                                "2023-11-14T22:13:20.000Z,\"users, events\",1,1.1,0.05,\n"
                                                "2023-11-14T22:13:20.000Z,move,,,,\"Move shard 1, to \"\"w2\"\"\"\n"));
        SkewHistogramChart histogram;
        histogram.setHistogram({{0, 10, 3}, {10, 20, 1}});
        QCOMPARE(histogram.csv(), QStringLiteral("from_bytes,to_bytes,shards\n0,10,3\n10,20,1\n"));
    }

    void pictures()
    {
        QTemporaryDir dir;
        SkewGrowthChart growth;
        growth.resize(500, 300);
        growth.setHistory(history(20));
        const QString png = dir.filePath(QStringLiteral("g.png"));
        const QString svg = dir.filePath(QStringLiteral("g.svg"));
        QCOMPARE(ChartExport::savePng(&growth, png), QString());
        QCOMPARE(QImage(png).size(), QSize(500, 300) * growth.devicePixelRatio());
        QCOMPARE(ChartExport::saveSvg(&growth, svg, QStringLiteral("Growth per node")), QString());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("Growth per node"));
        QVERIFY(
            !ChartExport::saveCsv(QStringLiteral("x"), dir.filePath(QStringLiteral("no/such/dir/x.csv"))).isEmpty());
    }
};

QTEST_MAIN(TestSkewCharts)
#include "tst_skewcharts.moc"
