// SPDX-License-Identifier: MIT
#pragma once

#include "heatmap/heatmapdropcheck.h"
#include "heatmaprenderer.h"

#include <QImage>
#include <QTimer>
#include <QWidget>
#include <memory>

namespace shardscope {

/**
 * The shard heatmap: draws the renderer's cached image plus overlays. Hover shows a tooltip, a click selects
 * a shard group, the wheel and +/- zoom, a middle-button drag or space+drag pans. A left-button drag from a
 * cell onto another node's row asks for a move (handled here, without QDrag, so it works offscreen).
 */
class HeatmapView : public QWidget
{
    Q_OBJECT
public:
    explicit HeatmapView(QWidget* parent = nullptr);

    void setMatrix(std::shared_ptr<const HeatmapMatrix> matrix);
    std::shared_ptr<const HeatmapMatrix> matrix() const { return m_matrix; }
    void setRenderOptions(const HeatmapRenderOptions& options);
    const HeatmapRenderOptions& renderOptions() const { return m_options; }
    const HeatmapLayout& heatmapLayout() const { return m_layout; }

    /** Centre of a cell in widget coordinates (for tests and keyboard helpers). */
    QPoint cellCenter(int row, int column) const;
    /** The shard group selected by the last click, or -1. */
    int selectedColumn() const { return m_selectedColumn; }
    int selectedRow() const { return m_selectedRow; }
    /**
     * Selects the shard group holding shardId (on the row of its first placement) and zooms/pans so it can be
     * seen, without emitting shardGroupSelected. False when the shown matrix has no such shard.
     */
    bool selectShard(qint64 shardId);

    QSize sizeHint() const override { return {900, 420}; }
    QSize minimumSizeHint() const override { return {420, 220}; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();

Q_SIGNALS:
    /** A cell was clicked: the shard group (its representative shard id) and the node of the row. */
    void shardGroupSelected(qint64 shardId, int nodeId);
    /** A shard group was dropped on a row that may take it. */
    void moveRequested(qint64 shardId, int sourceNodeId, int targetNodeId);
    /** A drop was refused; the reason is user-facing. */
    void dropRefused(const QString& reason);
    void zoomChanged(double zoom);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Drag
    {
        bool pressed = false;
        bool active = false;
        QPoint origin;
        int row = -1;
        int column = -1;
        int targetRow = -1;
        QPoint position;
    };

    void scheduleRebuild();
    void rebuildCache();
    void paintDragOverlay(QPainter& p) const;
    void paintSelection(QPainter& p) const;
    /** The column of a bucket to act on for a row: the biggest placement under the pointer. */
    int columnToGrab(const HeatmapHit& hit) const;
    void finishDrag(QPoint position);
    void cancelDrag();

    std::shared_ptr<const HeatmapMatrix> m_matrix;
    HeatmapRenderOptions m_options;
    HeatmapLayout m_layout;
    HeatmapRendering m_rendering;
    QImage m_scaled; ///< background and cells composited at the plot's size: paintEvent only blits it
    QPoint m_scaledOrigin;
    bool m_cacheDirty = true;
    QTimer m_repaintTimer;

    HeatmapHit m_hover;
    int m_selectedRow = -1;
    int m_selectedColumn = -1;
    Drag m_drag;
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_panLast;
};

} // namespace shardscope
