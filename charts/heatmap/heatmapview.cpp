// SPDX-License-Identifier: MIT
#include "heatmapview.h"

#include "heatmapdecorations.h"
#include "heatmaptooltip.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>
#include <cmath>

namespace shardscope {

HeatmapView::HeatmapView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_repaintTimer.setSingleShot(true);
    m_repaintTimer.setInterval(0);
    connect(&m_repaintTimer, &QTimer::timeout, this, [this] {
        rebuildCache();
        update();
    });
}

void HeatmapView::setMatrix(std::shared_ptr<const HeatmapMatrix> matrix)
{
    m_matrix = std::move(matrix);
    const int rows = m_matrix ? m_matrix->rowCount() : 0;
    const int columns = m_matrix ? m_matrix->columnCount() : 0;
    m_layout.setCounts(rows, columns);
    if (m_selectedRow >= rows || m_selectedColumn >= columns)
        m_selectedRow = m_selectedColumn = -1;
    m_hover = {};
    cancelDrag();
    scheduleRebuild();
}

void HeatmapView::setRenderOptions(const HeatmapRenderOptions& options)
{
    m_options = options;
    scheduleRebuild();
}

QPoint HeatmapView::cellCenter(int row, int column) const
{
    return m_layout.cellRect(row, column).center().toPoint();
}

bool HeatmapView::selectShard(qint64 shardId)
{
    const int column = m_matrix ? m_matrix->columnOfShard(shardId) : -1;
    if (column < 0)
        return false;
    const std::vector<int> rows = m_matrix->rowsHolding(column);
    m_selectedColumn = column;
    m_selectedRow = rows.empty() ? -1 : rows.front();
    // Wide enough for the selection outline to be seen next to its neighbours.
    constexpr double kRevealedColumnWidth = 8.0;
    m_layout.revealColumn(column, kRevealedColumnWidth);
    scheduleRebuild();
    Q_EMIT zoomChanged(m_layout.zoom());
    return true;
}

void HeatmapView::zoomIn()
{
    m_layout.zoomBy(1.5, m_layout.plotRect().center().x());
    scheduleRebuild();
    Q_EMIT zoomChanged(m_layout.zoom());
}

void HeatmapView::zoomOut()
{
    m_layout.zoomBy(1 / 1.5, m_layout.plotRect().center().x());
    scheduleRebuild();
    Q_EMIT zoomChanged(m_layout.zoom());
}

void HeatmapView::resetZoom()
{
    m_layout.resetZoom();
    scheduleRebuild();
    Q_EMIT zoomChanged(m_layout.zoom());
}

void HeatmapView::scheduleRebuild()
{
    // Several changes in one event-loop turn (options, matrix, resize) cost a single rebuild and repaint.
    m_cacheDirty = true;
    m_repaintTimer.start();
}

void HeatmapView::rebuildCache()
{
    if (!m_cacheDirty)
        return;
    m_cacheDirty = false;
    m_scaled = {};
    if (!m_matrix) {
        m_rendering = {};
        return;
    }
    m_rendering = HeatmapRenderer::render(*m_matrix, m_layout, m_options);
    // Composite once: hatched "no placement" background plus the scaled cells, opaque, exactly the plot's
    // size, so a repaint is a single blit however many cells there are.
    const QRect clip = m_layout.columnsClip().toAlignedRect();
    if (clip.isEmpty())
        return;
    m_scaled = QImage(clip.size(), QImage::Format_RGB32);
    m_scaledOrigin = clip.topLeft();
    QPainter p(&m_scaled);
    p.translate(-clip.topLeft());
    const HeatmapFrame frame{m_matrix.get(), &m_layout, &m_rendering, m_options, palette()};
    HeatmapDecorations::paintBackground(p, frame);
    const QRectF target = m_layout.bucketsRect();
    if (!m_rendering.image.isNull() && target.width() >= 1 && target.height() >= 1)
        p.drawImage(target.topLeft().toPoint(),
                    m_rendering.image.scaled(qRound(target.width()), qRound(target.height()), Qt::IgnoreAspectRatio,
                                             Qt::FastTransformation));
}

void HeatmapView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        scheduleRebuild();
    QWidget::changeEvent(event);
}

void HeatmapView::paintEvent(QPaintEvent*)
{
    if (m_cacheDirty)
        rebuildCache(); // first paint or a paint forced before the timer fired
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    if (!m_matrix || m_matrix->columnCount() == 0 || m_matrix->rowCount() == 0) {
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(rect(), Qt::AlignCenter, tr("No distributed tables to show."));
        return;
    }
    const HeatmapFrame frame{m_matrix.get(), &m_layout, &m_rendering, m_options, palette()};
    p.drawImage(m_scaledOrigin, m_scaled);
    HeatmapDecorations::paintGrid(p, frame);
    HeatmapDecorations::paintMargins(p, frame);
    paintSelection(p);
    paintDragOverlay(p);
}

void HeatmapView::paintSelection(QPainter& p) const
{
    const auto outline = [&p, this](const HeatmapHit& hit, const QColor& colour, double width) {
        if (!hit.isValid())
            return;
        QRectF r = m_layout.cellRect(hit.row, hit.firstColumn);
        r.setRight(m_layout.xOfColumn(hit.lastColumn + 1));
        r = r.intersected(m_layout.columnsClip());
        // Keep tiny cells visible: at least a few pixels around.
        const double grow = std::max(0.0, (5 - r.width()) / 2);
        const double growY = std::max(0.0, (5 - r.height()) / 2);
        p.setPen(QPen(colour, width));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r.adjusted(-grow, -growY, grow, growY));
    };
    outline(m_hover, palette().color(QPalette::WindowText), 1);
    if (m_selectedRow >= 0 && m_selectedColumn >= 0)
        outline({m_selectedRow, m_selectedColumn, m_selectedColumn}, palette().color(QPalette::Highlight), 2.5);
}

void HeatmapView::paintDragOverlay(QPainter& p) const
{
    if (!m_drag.active)
        return;
    const QFontMetricsF fm(font());
    for (int r = 0; r < m_layout.rowCount(); ++r) {
        if (r == m_drag.row)
            continue;
        const HeatmapDropVerdict verdict = checkHeatmapDrop(*m_matrix, m_drag.row, m_drag.column, r);
        const bool ok = verdict == HeatmapDropVerdict::Allowed;
        const bool target = r == m_drag.targetRow;
        const QRectF band = m_layout.rowRect(r);
        QColor fill = ok ? QColor(46, 160, 67) : QColor(200, 50, 50);
        fill.setAlphaF(ok ? (target ? 0.55f : 0.28f) : (target ? 0.45f : 0.12f));
        p.fillRect(band, fill);
        if (target || band.height() >= fm.height() + 2) {
            const QString text = ok ? tr("drop here") : heatmapDropReason(verdict);
            const QRectF textBox = band.adjusted(8, 0, -8, 0);
            const double w = std::min(textBox.width(), fm.horizontalAdvance(text) + 12);
            const QRectF chip(textBox.left(), band.center().y() - fm.height() / 2 - 1, w, fm.height() + 2);
            p.fillRect(chip, QColor(0, 0, 0, 150));
            p.setPen(Qt::white);
            p.drawText(chip, Qt::AlignCenter, fm.elidedText(text, Qt::ElideRight, chip.width() - 8));
        }
    }
    // The dragged group follows the pointer.
    const HeatmapColumn& column = m_matrix->column(m_drag.column);
    const QString label = tr("shard group %1 · %2").arg(column.shards.front()).arg(m_matrix->row(m_drag.row).label);
    const QRectF chip(QPointF(m_drag.position) + QPointF(14, 10),
                      QSizeF(fm.horizontalAdvance(label) + 14, fm.height() + 6));
    p.fillRect(chip, palette().color(QPalette::Highlight));
    p.setPen(palette().color(QPalette::HighlightedText));
    p.drawText(chip, Qt::AlignCenter, label);
}

void HeatmapView::resizeEvent(QResizeEvent*)
{
    m_layout.setViewport(size());
    scheduleRebuild();
}

int HeatmapView::columnToGrab(const HeatmapHit& hit) const
{
    if (!hit.isValid() || !m_matrix)
        return -1;
    int best = -1;
    for (int c = hit.firstColumn; c <= hit.lastColumn; ++c) {
        if (m_matrix->isPresent(hit.row, c) &&
            (best < 0 || m_matrix->bytes(hit.row, c) > m_matrix->bytes(hit.row, best)))
            best = c;
    }
    return best;
}

void HeatmapView::mousePressEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panLast = pos;
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() != Qt::LeftButton || !m_matrix)
        return;
    const HeatmapHit hit = m_layout.hitTest(pos);
    m_drag = {};
    if (!hit.isValid())
        return;
    m_drag.pressed = true;
    m_drag.origin = pos;
    m_drag.row = hit.row;
    m_drag.column = columnToGrab(hit);
    if (m_drag.column < 0)
        m_drag.column = hit.firstColumn;
}

void HeatmapView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_panning) {
        m_layout.panByPixels(pos.x() - m_panLast.x());
        m_panLast = pos;
        scheduleRebuild();
        return;
    }
    if (m_drag.pressed) {
        const bool movable =
            m_matrix->isPresent(m_drag.row, m_drag.column) && !m_matrix->column(m_drag.column).reference;
        if (!m_drag.active && movable && (pos - m_drag.origin).manhattanLength() >= QApplication::startDragDistance()) {
            m_drag.active = true;
            QToolTip::hideText();
            setCursor(Qt::DragMoveCursor);
        }
        if (m_drag.active) {
            m_drag.position = pos;
            m_drag.targetRow = m_layout.rowAtY(pos.y());
            update();
            return;
        }
    }
    const HeatmapHit hit = m_layout.hitTest(pos);
    if (!(hit == m_hover)) {
        m_hover = hit;
        update();
    }
}

void HeatmapView::mouseReleaseEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        unsetCursor();
        return;
    }
    if (event->button() != Qt::LeftButton || !m_drag.pressed)
        return;
    if (m_drag.active) {
        finishDrag(pos);
        return;
    }
    // A click: select the group under the pointer.
    m_selectedRow = m_drag.row;
    m_selectedColumn = m_drag.column;
    m_drag = {};
    update();
    Q_EMIT shardGroupSelected(m_matrix->column(m_selectedColumn).shards.front(), m_matrix->row(m_selectedRow).node);
}

void HeatmapView::finishDrag(QPoint position)
{
    const Drag drag = m_drag;
    cancelDrag();
    const int target = m_layout.rowAtY(position.y());
    const HeatmapDropVerdict verdict = checkHeatmapDrop(*m_matrix, drag.row, drag.column, target);
    if (verdict == HeatmapDropVerdict::Allowed) {
        Q_EMIT moveRequested(m_matrix->column(drag.column).shards.front(), m_matrix->row(drag.row).node,
                             m_matrix->row(target).node);
    } else if (target >= 0 && verdict != HeatmapDropVerdict::SameNode) {
        Q_EMIT dropRefused(heatmapDropReason(verdict));
    }
}

void HeatmapView::cancelDrag()
{
    if (m_drag.active)
        unsetCursor();
    m_drag = {};
    update();
}

void HeatmapView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0 || !m_matrix) {
        event->ignore();
        return;
    }
    m_layout.zoomBy(std::pow(1.25, steps), event->position().x());
    scheduleRebuild();
    Q_EMIT zoomChanged(m_layout.zoom());
}

void HeatmapView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        resetZoom();
        return;
    case Qt::Key_Left:
        m_layout.panByPixels(m_layout.plotRect().width() / 4);
        scheduleRebuild();
        return;
    case Qt::Key_Right:
        m_layout.panByPixels(-m_layout.plotRect().width() / 4);
        scheduleRebuild();
        return;
    case Qt::Key_Escape:
        cancelDrag();
        return;
    case Qt::Key_Space:
        if (!event->isAutoRepeat())
            m_spaceHeld = true;
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void HeatmapView::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        return;
    }
    QWidget::keyReleaseEvent(event);
}

void HeatmapView::leaveEvent(QEvent*)
{
    m_hover = {};
    update();
}

bool HeatmapView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text =
            m_matrix && !m_drag.active ? HeatmapTooltip::text(*m_matrix, m_layout.hitTest(help->pos())) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace shardscope
