// SPDX-License-Identifier: MIT
#include "heatmap/heatmaplayout.h"

#include <QTest>

using shardscope::HeatmapHit;
using shardscope::HeatmapLayout;

Q_DECLARE_METATYPE(HeatmapHit)

namespace {

// Plot area (100, 50) 800 x 300 in a 1000 x 400 viewport.
HeatmapLayout layout(int rows, int columns)
{
    return HeatmapLayout(QSize(1000, 400), rows, columns, QMargins(100, 50, 100, 50));
}

} // namespace

class TestHeatmapLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plotRect()
    {
        QCOMPARE(layout(4, 8).plotRect(), QRectF(100, 50, 800, 300));
        QCOMPARE(HeatmapLayout(QSize(50, 50), 1, 1, QMargins(100, 50, 100, 50)).plotRect().width(), 0.0);
    }

    void hitTest_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("columns");
        QTest::addColumn<double>("zoom");
        QTest::addColumn<double>("anchorX");
        QTest::addColumn<QPointF>("point");
        QTest::addColumn<HeatmapHit>("expected");

        QTest::newRow("first cell") << 4 << 8 << 1.0 << 0.0 << QPointF(150, 60) << HeatmapHit{0, 0, 0};
        QTest::newRow("last cell") << 4 << 8 << 1.0 << 0.0 << QPointF(899.5, 349.5) << HeatmapHit{3, 7, 7};
        QTest::newRow("left of plot") << 4 << 8 << 1.0 << 0.0 << QPointF(99, 60) << HeatmapHit{};
        QTest::newRow("right of plot") << 4 << 8 << 1.0 << 0.0 << QPointF(900, 60) << HeatmapHit{};
        QTest::newRow("below plot") << 4 << 8 << 1.0 << 0.0 << QPointF(150, 350) << HeatmapHit{};
        QTest::newRow("above plot") << 4 << 8 << 1.0 << 0.0 << QPointF(150, 49) << HeatmapHit{};
        QTest::newRow("row boundary") << 4 << 8 << 1.0 << 0.0 << QPointF(150, 125) << HeatmapHit{1, 0, 0};
        QTest::newRow("column boundary") << 4 << 8 << 1.0 << 0.0 << QPointF(200, 60) << HeatmapHit{0, 1, 1};
        QTest::newRow("bucket of 5, first") << 2 << 4000 << 1.0 << 0.0 << QPointF(100.5, 60) << HeatmapHit{0, 0, 4};
        QTest::newRow("bucket of 5, second") << 2 << 4000 << 1.0 << 0.0 << QPointF(101.2, 60) << HeatmapHit{0, 5, 9};
        QTest::newRow("bucket of 5, last")
            << 2 << 4000 << 1.0 << 0.0 << QPointF(899.9, 200) << HeatmapHit{1, 3995, 3999};
        QTest::newRow("partial last bucket")
            << 1 << 1001 << 1.0 << 0.0 << QPointF(899.9, 60) << HeatmapHit{0, 1000, 1000};
        // Zoomed x4 around the centre of 4000 columns: 1000 visible, still 2 per pixel.
        QTest::newRow("zoom drills in") << 2 << 4000 << 4.0 << 500.0 << QPointF(100.5, 60) << HeatmapHit{0, 1500, 1501};
        QTest::newRow("zoomed to single columns")
            << 1 << 4000 << 8.0 << 500.0 << QPointF(100.5, 60) << HeatmapHit{0, 1750, 1750};
        QTest::newRow("fewer columns than the plot") << 1 << 3 << 1.0 << 0.0 << QPointF(400, 60) << HeatmapHit{0, 1, 1};
        QTest::newRow("no columns") << 2 << 0 << 1.0 << 0.0 << QPointF(150, 60) << HeatmapHit{};
        QTest::newRow("no rows") << 0 << 8 << 1.0 << 0.0 << QPointF(150, 60) << HeatmapHit{};
    }

    void hitTest()
    {
        QFETCH(int, rows);
        QFETCH(int, columns);
        QFETCH(double, zoom);
        QFETCH(double, anchorX);
        QFETCH(QPointF, point);
        QFETCH(HeatmapHit, expected);
        HeatmapLayout l = layout(rows, columns);
        l.setZoom(zoom, anchorX);
        const HeatmapHit hit = l.hitTest(point);
        QCOMPARE(hit.row, expected.row);
        QCOMPARE(hit.firstColumn, expected.firstColumn);
        QCOMPARE(hit.lastColumn, expected.lastColumn);
    }

    void buckets_data()
    {
        QTest::addColumn<int>("columns");
        QTest::addColumn<double>("zoom");
        QTest::addColumn<int>("perBucket");
        QTest::addColumn<int>("bucketCount");
        QTest::addColumn<int>("firstBucketColumn");

        QTest::newRow("one per pixel") << 800 << 1.0 << 1 << 800 << 0;
        QTest::newRow("wide cells") << 10 << 1.0 << 1 << 10 << 0;
        QTest::newRow("one more than pixels") << 801 << 1.0 << 2 << 401 << 0;
        QTest::newRow("two per pixel") << 1600 << 1.0 << 2 << 800 << 0;
        QTest::newRow("5000 groups") << 5000 << 1.0 << 7 << 715 << 0;
        QTest::newRow("a million groups") << 1000000 << 1.0 << 1250 << 800 << 0;
        // 5000 columns at x2: 2500 visible from 1250, 4 per pixel, buckets aligned to multiples of 4.
        QTest::newRow("zoomed 5000 groups") << 5000 << 2.0 << 4 << 625 << 1248;
    }

    void buckets()
    {
        QFETCH(int, columns);
        QFETCH(double, zoom);
        QFETCH(int, perBucket);
        QFETCH(int, bucketCount);
        QFETCH(int, firstBucketColumn);
        HeatmapLayout l = layout(3, columns);
        l.setZoom(zoom, 500);
        QCOMPARE(l.columnsPerBucket(), perBucket);
        QCOMPARE(l.firstBucketColumn(), firstBucketColumn);
        QVERIFY(qAbs(l.bucketCount() - bucketCount) <= 1);
        // The bucket image always covers the visible columns.
        QVERIFY(l.bucketsRect().left() <= l.plotRect().left() + 1e-6);
        QVERIFY(l.bucketsRect().right() >= l.columnsClip().right() - 1e-6);
        QVERIFY(l.bucketCount() <= l.plotRect().width() + 1);
    }

    void zoomKeepsAnchor_data()
    {
        QTest::addColumn<double>("factor");
        QTest::addColumn<double>("anchorX");
        QTest::addColumn<double>("expectedZoom");
        QTest::addColumn<double>("expectedFirst");

        // 100 columns over 800 px: 8 px each, column 50 is at x = 500.
        QTest::newRow("x2 at centre") << 2.0 << 500.0 << 2.0 << 25.0;
        QTest::newRow("x2 at left edge") << 2.0 << 100.0 << 2.0 << 0.0;
        QTest::newRow("x2 at right edge") << 2.0 << 900.0 << 2.0 << 50.0;
        QTest::newRow("limited to max zoom") << 1000.0 << 500.0 << 15.0 << 50.0 - 400.0 / 120.0;
        QTest::newRow("never below 1") << 0.1 << 500.0 << 1.0 << 0.0;
    }

    void zoomKeepsAnchor()
    {
        QFETCH(double, factor);
        QFETCH(double, anchorX);
        QFETCH(double, expectedZoom);
        QFETCH(double, expectedFirst);
        HeatmapLayout l = layout(2, 100);
        const double before = l.columnOfX(anchorX);
        l.zoomBy(factor, anchorX);
        QCOMPARE(l.zoom(), expectedZoom);
        QCOMPARE(l.firstColumn(), expectedFirst);
        if (expectedZoom > 1.0)
            QCOMPARE(l.columnOfX(anchorX), before);
    }

    void panIsClamped_data()
    {
        QTest::addColumn<double>("dx");
        QTest::addColumn<double>("expectedFirst");
        // Zoomed x2 at the centre: first = 25, 50 columns visible, 16 px per column.
        QTest::newRow("drag right by 160 px") << 160.0 << 15.0;
        QTest::newRow("drag left by 160 px") << -160.0 << 35.0;
        QTest::newRow("past the start") << 10000.0 << 0.0;
        QTest::newRow("past the end") << -10000.0 << 50.0;
    }

    void panIsClamped()
    {
        QFETCH(double, dx);
        QFETCH(double, expectedFirst);
        HeatmapLayout l = layout(2, 100);
        l.zoomBy(2, 500);
        l.panByPixels(dx);
        QCOMPARE(l.firstColumn(), expectedFirst);
    }

    void revealColumn_data()
    {
        QTest::addColumn<int>("columns");
        QTest::addColumn<double>("zoom");
        QTest::addColumn<int>("column");
        QTest::addColumn<double>("expectedZoom");
        QTest::addColumn<double>("expectedFirst");
        // 800 px plot: 1,000 columns are 0.8 px wide, so reaching 8 px takes a zoom of 10 (100 columns shown).
        QTest::newRow("visible and wide enough") << 100 << 1.0 << 30 << 1.0 << 0.0;
        QTest::newRow("narrow: zoomed, then centred") << 1000 << 1.0 << 700 << 10.0 << 650.5;
        QTest::newRow("near the end: clamped") << 1000 << 1.0 << 999 << 10.0 << 900.0;
        QTest::newRow("zoomed in already, off screen") << 100 << 4.0 << 90 << 4.0 << 75.0;
        QTest::newRow("out of range: unchanged") << 100 << 1.0 << 100 << 1.0 << 0.0;
    }

    void revealColumn()
    {
        QFETCH(int, columns);
        QFETCH(double, zoom);
        QFETCH(int, column);
        QFETCH(double, expectedZoom);
        QFETCH(double, expectedFirst);
        HeatmapLayout l = layout(2, columns);
        l.setZoom(zoom, 100); // anchored at the plot's left edge: the first column stays 0
        l.revealColumn(column, 8);
        QCOMPARE(l.zoom(), expectedZoom);
        QCOMPARE(l.firstColumn(), expectedFirst);
        if (column < columns) {
            QVERIFY(l.xOfColumn(column) >= l.plotRect().left());
            QVERIFY(l.xOfColumn(column + 1) <= l.plotRect().right());
        }
    }

    void cellRectMatchesHitTest()
    {
        HeatmapLayout l = layout(5, 37);
        l.zoomBy(1.7, 333);
        for (int r = 0; r < 5; ++r) {
            for (int c = 20; c < 30; ++c) {
                const QRectF cell = l.cellRect(r, c);
                if (!l.columnsClip().contains(cell.center()))
                    continue;
                const HeatmapHit hit = l.hitTest(cell.center());
                QCOMPARE(hit.row, r);
                QCOMPARE(hit.firstColumn, c);
            }
        }
    }

    void newColumnCountResetsZoom()
    {
        HeatmapLayout l = layout(2, 100);
        l.zoomBy(3, 500);
        l.setCounts(4, 100);
        QCOMPARE(l.zoom(), 3.0);
        l.setCounts(4, 200);
        QCOMPARE(l.zoom(), 1.0);
        QCOMPARE(l.firstColumn(), 0.0);
    }

    void rowBandsOutsideThePlot()
    {
        const HeatmapLayout l = layout(4, 8);
        QCOMPARE(l.rowAtY(60), 0);
        QCOMPARE(l.rowAtY(349), 3);
        QCOMPARE(l.rowAtY(30), -1);
        QCOMPARE(l.rowAt(QPointF(20, 60)), -1); // over the labels: not a cell
    }
};

QTEST_APPLESS_MAIN(TestHeatmapLayout)
#include "tst_heatmaplayout.moc"
