// SPDX-License-Identifier: MIT
#pragma once

#include <QMargins>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <cstdint>

namespace shardscope {

/** How columns sharing one pixel are combined when there are more shard groups than pixels. */
enum class HeatmapAggregation : std::uint8_t
{
    Sum,
    Max,
};

/** The cells under a point: one row and the columns of the bucket there (one column unless aggregated). */
struct HeatmapHit
{
    int row = -1;
    int firstColumn = -1;
    int lastColumn = -1;
    bool isValid() const { return row >= 0 && firstColumn >= 0; }
    bool operator==(const HeatmapHit&) const = default;
};

/**
 * Pure geometry of the heatmap: margins for labels and totals around a plot area, rows that always fit the
 * plot's height, columns zoomed and panned horizontally. When columns are narrower than a pixel, runs of
 * columnsPerBucket() adjacent columns (aligned to multiples of it, so panning does not shimmer) share one
 * image pixel. No painting here, so it is tested with plain numbers.
 */
class HeatmapLayout
{
public:
    /** Zooming stops when a column is this wide. */
    static constexpr double kMaxColumnWidth = 120.0;

    HeatmapLayout() = default;
    HeatmapLayout(QSize viewport, int rows, int columns, QMargins margins = defaultMargins());

    static QMargins defaultMargins() { return {170, 64, 130, 70}; }

    void setViewport(QSize viewport);
    /** Changing the column count resets the zoom; keeping it keeps zoom and pan. */
    void setCounts(int rows, int columns);
    void setMargins(QMargins margins);

    QSize viewport() const { return m_viewport; }
    QMargins margins() const { return m_margins; }
    QRectF plotRect() const;
    int rowCount() const { return m_rows; }
    int columnCount() const { return m_columns; }

    double zoom() const { return m_zoom; }
    double maxZoom() const;
    double firstColumn() const { return m_first; }
    double visibleColumns() const;
    double columnWidth() const;
    double rowHeight() const;

    int columnsPerBucket() const;
    int firstBucketColumn() const;
    int bucketCount() const;
    /** Where an image with one pixel per bucket and one per row is drawn (clip it to columnsClip()). */
    QRectF bucketsRect() const;
    /** The plot area that holds columns (narrower than plotRect() only when there are none). */
    QRectF columnsClip() const;

    double xOfColumn(double column) const;
    double columnOfX(double x) const;
    double yOfRow(int row) const;

    int rowAt(QPointF p) const;
    /** The row band under a y coordinate, also left and right of the plot (labels, totals); -1 if none. */
    int rowAtY(double y) const;
    HeatmapHit hitTest(QPointF p) const;
    QRectF cellRect(int row, int column) const;
    QRectF rowRect(int row) const;

    void setZoom(double zoom, double anchorX);
    void zoomBy(double factor, double anchorX);
    void panByPixels(double dx);
    void resetZoom();
    /**
     * Brings a column into view for a click-through from elsewhere: zooms in until it is at least
     * minColumnWidth pixels wide (as far as maxZoom allows) and centres it when it was not fully visible.
     */
    void revealColumn(int column, double minColumnWidth);

    bool operator==(const HeatmapLayout&) const = default;

private:
    void clampPan();

    QSize m_viewport;
    QMargins m_margins = defaultMargins();
    int m_rows = 0;
    int m_columns = 0;
    double m_zoom = 1.0;
    double m_first = 0.0;
};

} // namespace shardscope
