// SPDX-License-Identifier: MIT
#include "heatmaplayout.h"

#include <algorithm>
#include <cmath>

namespace shardscope {

HeatmapLayout::HeatmapLayout(QSize viewport, int rows, int columns, QMargins margins)
    : m_viewport(viewport), m_margins(margins), m_rows(std::max(0, rows)), m_columns(std::max(0, columns))
{
}

void HeatmapLayout::setViewport(QSize viewport)
{
    m_viewport = viewport;
    m_zoom = std::clamp(m_zoom, 1.0, maxZoom());
    clampPan();
}

void HeatmapLayout::setCounts(int rows, int columns)
{
    m_rows = std::max(0, rows);
    if (columns != m_columns) {
        m_columns = std::max(0, columns);
        resetZoom();
    }
}

void HeatmapLayout::setMargins(QMargins margins)
{
    m_margins = margins;
    clampPan();
}

QRectF HeatmapLayout::plotRect() const
{
    const double w = std::max(0, m_viewport.width() - m_margins.left() - m_margins.right());
    const double h = std::max(0, m_viewport.height() - m_margins.top() - m_margins.bottom());
    return {double(m_margins.left()), double(m_margins.top()), w, h};
}

double HeatmapLayout::maxZoom() const
{
    const double width = plotRect().width();
    if (m_columns == 0 || width <= 0)
        return 1.0;
    // At most kMaxColumnWidth per column, and at least one whole column visible.
    return std::max(1.0, std::min(m_columns * kMaxColumnWidth / width, double(m_columns)));
}

double HeatmapLayout::visibleColumns() const
{
    return m_columns / m_zoom;
}

double HeatmapLayout::columnWidth() const
{
    return m_columns == 0 ? 0.0 : plotRect().width() / visibleColumns();
}

double HeatmapLayout::rowHeight() const
{
    return m_rows == 0 ? 0.0 : plotRect().height() / m_rows;
}

int HeatmapLayout::columnsPerBucket() const
{
    const double w = columnWidth();
    if (w <= 0)
        return 1;
    return w >= 1.0 ? 1 : static_cast<int>(std::ceil(1.0 / w - 1e-9));
}

int HeatmapLayout::firstBucketColumn() const
{
    const int per = columnsPerBucket();
    return static_cast<int>(std::floor(m_first / per)) * per;
}

int HeatmapLayout::bucketCount() const
{
    if (m_columns == 0 || plotRect().width() <= 0)
        return 0;
    const int per = columnsPerBucket();
    const double lastVisible = std::min(double(m_columns), m_first + visibleColumns());
    const int end = std::min(m_columns, static_cast<int>(std::ceil(lastVisible - 1e-9)));
    return std::max(0, (end - firstBucketColumn() + per - 1) / per);
}

QRectF HeatmapLayout::bucketsRect() const
{
    const QRectF plot = plotRect();
    const int first = firstBucketColumn();
    return {xOfColumn(first), plot.top(), bucketCount() * columnsPerBucket() * columnWidth(), plot.height()};
}

QRectF HeatmapLayout::columnsClip() const
{
    const QRectF plot = plotRect();
    const double right = std::min(plot.right(), xOfColumn(m_columns));
    return {plot.left(), plot.top(), std::max(0.0, right - plot.left()), plot.height()};
}

double HeatmapLayout::xOfColumn(double column) const
{
    return plotRect().left() + (column - m_first) * columnWidth();
}

double HeatmapLayout::columnOfX(double x) const
{
    const double w = columnWidth();
    return w <= 0 ? 0.0 : m_first + (x - plotRect().left()) / w;
}

double HeatmapLayout::yOfRow(int row) const
{
    return plotRect().top() + row * rowHeight();
}

int HeatmapLayout::rowAtY(double y) const
{
    const QRectF plot = plotRect();
    if (m_rows == 0 || y < plot.top() || y >= plot.bottom())
        return -1;
    return std::clamp(static_cast<int>((y - plot.top()) / rowHeight()), 0, m_rows - 1);
}

int HeatmapLayout::rowAt(QPointF p) const
{
    const QRectF clip = columnsClip();
    if (p.x() < clip.left() || p.x() >= clip.right())
        return -1;
    return rowAtY(p.y());
}

HeatmapHit HeatmapLayout::hitTest(QPointF p) const
{
    const int row = rowAt(p);
    if (row < 0 || m_columns == 0)
        return {};
    const int column = std::clamp(static_cast<int>(std::floor(columnOfX(p.x()))), 0, m_columns - 1);
    const int per = columnsPerBucket();
    const int first = column / per * per;
    return {row, first, std::min(m_columns - 1, first + per - 1)};
}

QRectF HeatmapLayout::cellRect(int row, int column) const
{
    return {xOfColumn(column), yOfRow(row), columnWidth(), rowHeight()};
}

QRectF HeatmapLayout::rowRect(int row) const
{
    const QRectF clip = columnsClip();
    return {clip.left(), yOfRow(row), clip.width(), rowHeight()};
}

void HeatmapLayout::setZoom(double zoom, double anchorX)
{
    const double anchorColumn = columnOfX(anchorX);
    const double offset = anchorX - plotRect().left();
    m_zoom = std::clamp(zoom, 1.0, maxZoom());
    const double w = columnWidth();
    m_first = w > 0 ? anchorColumn - offset / w : 0.0;
    clampPan();
}

void HeatmapLayout::zoomBy(double factor, double anchorX)
{
    setZoom(m_zoom * factor, anchorX);
}

void HeatmapLayout::panByPixels(double dx)
{
    const double w = columnWidth();
    if (w > 0)
        m_first -= dx / w;
    clampPan();
}

void HeatmapLayout::resetZoom()
{
    m_zoom = 1.0;
    m_first = 0.0;
}

void HeatmapLayout::revealColumn(int column, double minColumnWidth)
{
    if (column < 0 || column >= m_columns)
        return;
    const double w = columnWidth();
    if (w > 0 && w < minColumnWidth)
        m_zoom = std::clamp(m_zoom * minColumnWidth / w, 1.0, maxZoom());
    if (column >= m_first && column + 1 <= m_first + visibleColumns()) {
        clampPan();
        return;
    }
    m_first = column + 0.5 - visibleColumns() / 2;
    clampPan();
}

void HeatmapLayout::clampPan()
{
    m_first = std::clamp(m_first, 0.0, std::max(0.0, m_columns - visibleColumns()));
}

} // namespace shardscope
