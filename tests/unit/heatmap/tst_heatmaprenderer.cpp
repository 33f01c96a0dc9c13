// SPDX-License-Identifier: MIT
#include "heatmap/heatmapcolorscale.h"
#include "heatmap/heatmapmatrixbuilder.h"
#include "heatmap/heatmaprenderer.h"
#include "syntheticcluster.h"

#include <QTest>

using namespace shardscope;

Q_DECLARE_METATYPE(shardscope::HeatmapScaleMode)
Q_DECLARE_METATYPE(shardscope::HeatmapAggregation)

class TestHeatmapRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void position_data()
    {
        QTest::addColumn<HeatmapScaleMode>("mode");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("expected");

        QTest::newRow("linear middle") << HeatmapScaleMode::Linear << 100.0 << 50.0 << 0.5;
        QTest::newRow("linear zero") << HeatmapScaleMode::Linear << 100.0 << 0.0 << 0.0;
        QTest::newRow("linear above max") << HeatmapScaleMode::Linear << 100.0 << 250.0 << 1.0;
        QTest::newRow("linear negative") << HeatmapScaleMode::Linear << 100.0 << -5.0 << 0.0;
        QTest::newRow("log third") << HeatmapScaleMode::Log << 999.0 << 9.0 << 1.0 / 3.0;
        QTest::newRow("log max") << HeatmapScaleMode::Log << 999.0 << 999.0 << 1.0;
        QTest::newRow("log zero") << HeatmapScaleMode::Log << 999.0 << 0.0 << 0.0;
        QTest::newRow("empty scale") << HeatmapScaleMode::Linear << 0.0 << 0.0 << 0.0;
    }

    void position()
    {
        QFETCH(HeatmapScaleMode, mode);
        QFETCH(double, max);
        QFETCH(double, value);
        QFETCH(double, expected);
        QCOMPARE(HeatmapColorScale(mode, max).position(value), expected);
    }

    void ticks_data()
    {
        QTest::addColumn<HeatmapScaleMode>("mode");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("base");
        QTest::addColumn<QList<double>>("expected");

        QTest::newRow("linear 100") << HeatmapScaleMode::Linear << 100.0 << 10.0
                                    << QList<double>{0, 20, 40, 60, 80, 100};
        QTest::newRow("linear 7") << HeatmapScaleMode::Linear << 7.0 << 10.0 << QList<double>{0, 2, 4, 6};
        QTest::newRow("log 1e6") << HeatmapScaleMode::Log << 1e6 << 10.0 << QList<double>{0, 1, 100, 1e4, 1e6};
        QTest::newRow("log 5000") << HeatmapScaleMode::Log << 5000.0 << 10.0 << QList<double>{0, 1, 10, 100, 1000};
        QTest::newRow("log bytes") << HeatmapScaleMode::Log << 3e9 << 1024.0
                                   << QList<double>{0, 1, 1024, 1024.0 * 1024, 1024.0 * 1024 * 1024};
    }

    void ticks()
    {
        QFETCH(HeatmapScaleMode, mode);
        QFETCH(double, max);
        QFETCH(double, base);
        QFETCH(QList<double>, expected);
        const auto ticks = HeatmapColorScale(mode, max).ticks(6, base);
        QCOMPARE(QList<double>(ticks.begin(), ticks.end()), expected);
    }

    void lutIndexMatchesPosition_data()
    {
        QTest::addColumn<HeatmapScaleMode>("mode");
        QTest::newRow("linear") << HeatmapScaleMode::Linear;
        QTest::newRow("log") << HeatmapScaleMode::Log;
    }

    void lutIndexMatchesPosition()
    {
        QFETCH(HeatmapScaleMode, mode);
        const HeatmapColorScale scale(mode, 123456789.0);
        for (double v : {0.0, 0.5, 1.0, 3.0, 77.0, 1e3, 5e4, 1e6, 3e7, 1.2e8, 123456789.0, 2e9}) {
            const double exact = scale.position(v) * 255;
            QVERIFY2(std::abs(scale.lutIndex(v) - exact) <= 0.5 + 1e-6, qPrintable(QString::number(v)));
        }
        QCOMPARE(scale.lutIndex(123456789.0), 255);
        QCOMPARE(scale.lutIndex(0.0), 0);
    }

    void paletteGetsLighter()
    {
        double previous = -1;
        for (int i = 0; i <= 10; ++i) {
            const double lightness = HeatmapColorScale::paletteColor(i / 10.0).lightnessF();
            QVERIFY2(lightness > previous - 0.02, qPrintable(QString::number(i)));
            previous = lightness;
        }
        QVERIFY(HeatmapColorScale::paletteColor(0).lightnessF() < 0.35);
        QVERIFY(HeatmapColorScale::paletteColor(1).lightnessF() > 0.5);
    }

    void oneDotPerCell()
    {
        const HeatmapMatrix m = HeatmapMatrixBuilder::build(test::makeSyntheticCluster(3, 6));
        const HeatmapLayout layout(QSize(1000, 400), m.rowCount(), m.columnCount(), QMargins(100, 50, 100, 50));
        const HeatmapRendering r = HeatmapRenderer::render(
            m, layout, {HeatmapMetric::Bytes, HeatmapScaleMode::Linear, HeatmapAggregation::Sum});
        QCOMPARE(r.image.size(), QSize(7, 4));
        QVERIFY(r.hasData);
        for (int row = 0; row < m.rowCount(); ++row) {
            for (int c = 0; c < m.columnCount(); ++c)
                QCOMPARE(qAlpha(r.image.pixel(c, row)) == 255, m.isPresent(row, c));
        }
        // Group 5 on worker 3 holds the most: 6000 + 12000 bytes, the top of the scale.
        QCOMPARE(r.scale.maxValue(), 18000.0);
        QCOMPARE(r.image.pixel(5, 3), r.scale.lut().back());
        QCOMPARE(r.rowTotals[1], double(m.rowBytes(1)));
        QCOMPARE(r.bucketTotals[6], 4 * 8192.0);
    }

    void aggregation_data()
    {
        QTest::addColumn<HeatmapAggregation>("aggregation");
        QTest::addColumn<double>("expectedMax");
        // One worker, 1600 groups over 800 px: buckets of two; the last holds 3000 * 1599 and 3000 * 1600.
        QTest::newRow("sum") << HeatmapAggregation::Sum << 3000.0 * (1599 + 1600);
        QTest::newRow("max") << HeatmapAggregation::Max << 3000.0 * 1600;
    }

    void aggregation()
    {
        QFETCH(HeatmapAggregation, aggregation);
        QFETCH(double, expectedMax);
        engine::ClusterState s = test::makeSyntheticCluster(1, 1600);
        std::erase_if(s.tables, [](const engine::Table& t) { return t.kind == engine::TableKind::Reference; });
        const HeatmapMatrix m = HeatmapMatrixBuilder::build(s, 1);
        HeatmapLayout layout(QSize(1000, 400), m.rowCount(), m.columnCount(), QMargins(100, 50, 100, 50));
        const HeatmapRendering r =
            HeatmapRenderer::render(m, layout, {HeatmapMetric::Bytes, HeatmapScaleMode::Linear, aggregation});
        QCOMPARE(r.columnsPerBucket, 2);
        QCOMPARE(r.image.width(), 800);
        QCOMPARE(r.scale.maxValue(), expectedMax);
        QCOMPARE(r.bucketTotals[0], 3000.0 * 3);
        // Zooming in drills into single groups.
        layout.setZoom(4, 500);
        const HeatmapRendering zoomed =
            HeatmapRenderer::render(m, layout, {HeatmapMetric::Bytes, HeatmapScaleMode::Linear, aggregation});
        QCOMPARE(zoomed.columnsPerBucket, 1);
    }

    void noLoadDataIsNotColoured()
    {
        const HeatmapMatrix m = HeatmapMatrixBuilder::build(test::makeSyntheticCluster(2, 4));
        const HeatmapLayout layout(QSize(1000, 400), m.rowCount(), m.columnCount(), QMargins(100, 50, 100, 50));
        const HeatmapRendering r =
            HeatmapRenderer::render(m, layout, {HeatmapMetric::Load, HeatmapScaleMode::Log, HeatmapAggregation::Sum});
        QVERIFY(!r.hasData);
        for (int row = 0; row < m.rowCount(); ++row) {
            for (int c = 0; c < m.columnCount(); ++c)
                QCOMPARE(r.image.pixel(c, row), m.isPresent(row, c) ? HeatmapRenderer::kNoDataColor : QRgb(0));
        }
    }

    void rowsMetric()
    {
        const HeatmapMatrix m = HeatmapMatrixBuilder::build(test::makeSyntheticCluster(3, 6));
        const HeatmapLayout layout(QSize(1000, 400), m.rowCount(), m.columnCount(), QMargins(100, 50, 100, 50));
        const HeatmapRendering r = HeatmapRenderer::render(
            m, layout, {HeatmapMetric::Rows, HeatmapScaleMode::Linear, HeatmapAggregation::Max});
        QCOMPARE(r.scale.maxValue(), 120.0);
    }
};

QTEST_GUILESS_MAIN(TestHeatmapRenderer)
#include "tst_heatmaprenderer.moc"
