// SPDX-License-Identifier: MIT
#include "heatmap/heatmapmatrixbuilder.h"
#include "heatmap/heatmaptooltip.h"
#include "heatmap/heatmapview.h"
#include "syntheticcluster.h"

#include <QSignalSpy>
#include <QTest>

using namespace shardscope;

namespace {

// Rows: 0 coordinator (no shards), 1..3 workers (nodes 2..4); group k on worker k % 3 + 1.
std::shared_ptr<const HeatmapMatrix> matrix(int groups = 6)
{
    return std::make_shared<const HeatmapMatrix>(HeatmapMatrixBuilder::build(test::makeSyntheticCluster(3, groups)));
}

void drag(QWidget* w, QPoint from, QPoint to)
{
    QTest::mousePress(w, Qt::LeftButton, {}, from);
    QTest::mouseMove(w, from + QPoint(6, 6));
    QTest::mouseMove(w, (from + to) / 2);
    QTest::mouseMove(w, to);
    QTest::mouseRelease(w, Qt::LeftButton, {}, to);
}

} // namespace

class TestHeatmapView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_view = std::make_unique<HeatmapView>();
        m_view->resize(1000, 480);
        m_view->setMatrix(matrix());
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup() { m_view.reset(); }

    void dragToAnotherWorkerRequestsAMove()
    {
        QSignalSpy moves(m_view.get(), &HeatmapView::moveRequested);
        QSignalSpy refused(m_view.get(), &HeatmapView::dropRefused);
        const auto& m = *m_view->matrix();
        // Group 0 lives on worker 1 (row 1); drop it on worker 2's row (row 2), over another group's column.
        drag(m_view.get(), m_view->cellCenter(1, 0), m_view->cellCenter(2, 3));
        QCOMPARE(moves.count(), 1);
        QCOMPARE(refused.count(), 0);
        QCOMPARE(moves.at(0).at(0).toLongLong(), m.column(0).shards.front());
        QCOMPARE(moves.at(0).at(1).toInt(), m.row(1).node);
        QCOMPARE(moves.at(0).at(2).toInt(), m.row(2).node);
    }

    void invalidDropsDoNothing_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("targetRow");
        QTest::addColumn<QString>("reason");

        QTest::newRow("onto the coordinator") << 1 << 0 << 0 << QStringLiteral("does not accept shards");
        QTest::newRow("a reference table") << 1 << 6 << 2 << QString();
        QTest::newRow("from an empty cell") << 2 << 0 << 3 << QString();
        QTest::newRow("back onto its own row") << 1 << 0 << 1 << QString();
        QTest::newRow("outside the rows") << 1 << 0 << -1 << QString();
    }

    void invalidDropsDoNothing()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(int, targetRow);
        QFETCH(QString, reason);
        QSignalSpy moves(m_view.get(), &HeatmapView::moveRequested);
        QSignalSpy refused(m_view.get(), &HeatmapView::dropRefused);
        const QPoint to = targetRow < 0 ? QPoint(m_view->cellCenter(0, 2).x(), 5) : m_view->cellCenter(targetRow, 2);
        drag(m_view.get(), m_view->cellCenter(row, column), to);
        QCOMPARE(moves.count(), 0);
        QCOMPARE(refused.count(), reason.isEmpty() ? 0 : 1);
        if (!reason.isEmpty())
            QVERIFY(refused.at(0).at(0).toString().contains(reason));
    }

    void escapeCancelsADrag()
    {
        QSignalSpy moves(m_view.get(), &HeatmapView::moveRequested);
        const QPoint from = m_view->cellCenter(1, 0);
        QTest::mousePress(m_view.get(), Qt::LeftButton, {}, from);
        QTest::mouseMove(m_view.get(), m_view->cellCenter(2, 0));
        QTest::keyClick(m_view.get(), Qt::Key_Escape);
        QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, m_view->cellCenter(2, 0));
        QCOMPARE(moves.count(), 0);
    }

    void clickSelectsAShardGroup()
    {
        QSignalSpy selected(m_view.get(), &HeatmapView::shardGroupSelected);
        QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, m_view->cellCenter(2, 4));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).toLongLong(), m_view->matrix()->column(4).shards.front());
        QCOMPARE(selected.at(0).at(1).toInt(), m_view->matrix()->row(2).node);
        QCOMPARE(m_view->selectedColumn(), 4);
    }

    void wheelAndKeysZoom()
    {
        m_view->setMatrix(matrix(3000));
        QCOMPARE(m_view->heatmapLayout().zoom(), 1.0);
        QTest::keyClick(m_view.get(), Qt::Key_Plus);
        QCOMPARE(m_view->heatmapLayout().zoom(), 1.5);
        QTest::keyClick(m_view.get(), Qt::Key_Minus);
        QCOMPARE(m_view->heatmapLayout().zoom(), 1.0);
        const QPoint at = m_view->heatmapLayout().plotRect().center().toPoint();
        QWheelEvent wheel(at, m_view->mapToGlobal(at), {}, {0, 240}, Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QApplication::sendEvent(m_view.get(), &wheel);
        QCOMPARE(m_view->heatmapLayout().zoom(), 1.25 * 1.25);
        // Middle-button drag pans.
        const double before = m_view->heatmapLayout().firstColumn();
        QTest::mousePress(m_view.get(), Qt::MiddleButton, {}, at);
        QTest::mouseMove(m_view.get(), at + QPoint(100, 0));
        QTest::mouseRelease(m_view.get(), Qt::MiddleButton, {}, at + QPoint(100, 0));
        QVERIFY(m_view->heatmapLayout().firstColumn() < before);
    }

    void paintsCellsAndHatchesAbsentOnes()
    {
        const QImage shot = m_view->grab().toImage();
        const QRgb present = shot.pixel(m_view->cellCenter(1, 0));
        const QRgb absent = shot.pixel(m_view->cellCenter(2, 0));
        QCOMPARE(qAlpha(present), 255);
        QVERIFY(present != absent);
        // The biggest group (5, on worker 3) is drawn in the top colour of the scale.
        QCOMPARE(shot.pixel(m_view->cellCenter(3, 5)), HeatmapColorScale::paletteColor(1.0).rgb());
    }

    void tooltipNamesTheGroup()
    {
        const auto& m = *m_view->matrix();
        const QString text = HeatmapTooltip::text(m, {1, 0, 0});
        QVERIFY(text.contains(QString::number(m.column(0).shards[0])));
        QVERIFY(text.contains(QString::number(m.column(0).shards[1])));
        QVERIFY(text.contains(QStringLiteral("t0, t1")));
        QVERIFY(text.contains(QStringLiteral("worker-1:5432")));
        QVERIFY(text.contains(QStringLiteral("-2147483648")));
        QVERIFY(HeatmapTooltip::text(m, {2, 0, 0}).contains(QStringLiteral("none on this node")));
        QVERIFY(HeatmapTooltip::text(m, {1, 0, 3}).contains(QStringLiteral("4 shard groups")));
    }

private:
    std::unique_ptr<HeatmapView> m_view;
};

QTEST_MAIN(TestHeatmapView)
#include "tst_heatmapview.moc"
