// SPDX-License-Identifier: MIT
#include "heatmapdecorations.h"

#include "heatmapformat.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace shardscope {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("shardscope::HeatmapDecorations", text);
}

QColor muted(const QPalette& palette)
{
    QColor c = palette.color(QPalette::WindowText);
    c.setAlphaF(0.6f);
    return c;
}

QColor barColor(const QPalette& palette)
{
    QColor c = palette.color(QPalette::Highlight);
    c.setAlphaF(0.75f);
    return c;
}

} // namespace

QBrush HeatmapDecorations::absentBrush(const QPalette& palette)
{
    QColor c = palette.color(QPalette::WindowText);
    c.setAlphaF(0.22f);
    return QBrush(c, Qt::BDiagPattern);
}

void HeatmapDecorations::paintBackground(QPainter& p, const HeatmapFrame& frame)
{
    const QRectF clip = frame.layout->columnsClip();
    p.fillRect(clip, frame.palette.color(QPalette::Base));
    p.fillRect(clip, absentBrush(frame.palette));
}

void HeatmapDecorations::paintGrid(QPainter& p, const HeatmapFrame& frame)
{
    const HeatmapLayout& l = *frame.layout;
    const QRectF clip = l.columnsClip();
    QColor line = frame.palette.color(QPalette::Window);
    if (l.rowHeight() >= 6) {
        p.setPen(QPen(line, 1));
        for (int r = 1; r < l.rowCount(); ++r)
            p.drawLine(QLineF(clip.left(), l.yOfRow(r), clip.right(), l.yOfRow(r)));
    }
    if (l.columnWidth() >= 6) {
        p.setPen(QPen(line, 1));
        const int first = static_cast<int>(l.firstColumn());
        const int last = std::min(l.columnCount(), static_cast<int>(std::ceil(l.firstColumn() + l.visibleColumns())));
        for (int c = first + 1; c < last; ++c)
            p.drawLine(QLineF(l.xOfColumn(c), clip.top(), l.xOfColumn(c), clip.bottom()));
    }
    p.setPen(QPen(muted(frame.palette), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(clip.adjusted(-0.5, -0.5, 0.5, 0.5));
}

void HeatmapDecorations::paintMargins(QPainter& p, const HeatmapFrame& frame)
{
    paintSegments(p, frame);
    paintRowLabels(p, frame);
    paintRowTotals(p, frame);
    paintColumnTotals(p, frame);
    paintLegend(p, frame);
}

void HeatmapDecorations::paintSegments(QPainter& p, const HeatmapFrame& frame)
{
    const HeatmapLayout& l = *frame.layout;
    const QRectF clip = l.columnsClip();
    const QFontMetricsF fm(p.font());
    const double labelTop = clip.top() - fm.height() - 6;
    for (const HeatmapSegment& seg : frame.matrix->segments()) {
        const double x0 = std::max(clip.left(), l.xOfColumn(seg.firstColumn));
        const double x1 = std::min(clip.right(), l.xOfColumn(seg.firstColumn + seg.columnCount));
        if (x1 <= x0)
            continue;
        if (seg.firstColumn > 0 && l.xOfColumn(seg.firstColumn) >= clip.left()) {
            // Separators stand out from both the cells and the background, on light and dark palettes.
            p.setPen(QPen(frame.palette.color(QPalette::Window), seg.reference ? 6 : 4));
            p.drawLine(QLineF(x0, clip.top(), x0, clip.bottom()));
            p.setPen(QPen(frame.palette.color(QPalette::WindowText), seg.reference ? 2 : 1));
            p.drawLine(QLineF(x0, clip.top() - 4, x0, clip.bottom()));
        }
        p.setPen(seg.reference ? muted(frame.palette) : frame.palette.color(QPalette::WindowText));
        const QRectF box(x0 + 4, labelTop, x1 - x0 - 8, fm.height() + 2);
        if (box.width() > fm.averageCharWidth() * 3)
            p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(seg.label, Qt::ElideRight, box.width()));
    }
}

void HeatmapDecorations::paintRowLabels(QPainter& p, const HeatmapFrame& frame)
{
    const HeatmapLayout& l = *frame.layout;
    const QRectF plot = l.plotRect();
    const QFontMetricsF fm(p.font());
    const int step = std::max(1, static_cast<int>(std::ceil(fm.height() / std::max(1.0, l.rowHeight()))));
    for (int r = 0; r < l.rowCount(); r += step) {
        const HeatmapRow& row = frame.matrix->row(r);
        const QRectF box(4, l.yOfRow(r), plot.left() - 10, std::max(l.rowHeight(), fm.height()));
        QString note;
        if (!row.active)
            note = tr("inactive");
        else if (!row.acceptsShards)
            note = row.coordinator ? tr("coordinator, no shards") : tr("no shards");
        else if (row.coordinator)
            note = tr("coordinator");
        const bool twoLines = !note.isEmpty() && l.rowHeight() >= 2 * fm.height();
        p.setPen(row.active && row.acceptsShards ? frame.palette.color(QPalette::WindowText) : muted(frame.palette));
        if (twoLines) {
            const QRectF top(box.left(), box.center().y() - fm.height(), box.width(), fm.height());
            p.drawText(top, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(row.label, Qt::ElideMiddle, box.width()));
            p.setPen(muted(frame.palette));
            p.drawText(top.translated(0, fm.height()), Qt::AlignRight | Qt::AlignVCenter, note);
        } else {
            // The note only when it fits whole: the node's name matters more.
            QString text = note.isEmpty() ? row.label : row.label + QStringLiteral(" · ") + note;
            if (fm.horizontalAdvance(text) > box.width())
                text = row.label;
            p.drawText(box, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(text, Qt::ElideMiddle, box.width()));
        }
    }
}

void HeatmapDecorations::paintRowTotals(QPainter& p, const HeatmapFrame& frame)
{
    const HeatmapLayout& l = *frame.layout;
    const HeatmapRendering& r = *frame.rendering;
    if (r.rowTotals.empty() || !r.hasData)
        return;
    const QRectF plot = l.plotRect();
    const QFontMetricsF fm(p.font());
    const double left = plot.right() + 8;
    const double width = l.viewport().width() - left - 6;
    double max = 0;
    double sum = 0;
    for (double v : r.rowTotals) {
        max = std::max(max, v);
        sum += v;
    }
    p.setPen(muted(frame.palette));
    p.drawText(QRectF(left, plot.top() - fm.height() - 6, width, fm.height() + 2), Qt::AlignLeft | Qt::AlignVCenter,
               tr("node total"));
    const bool text = l.rowHeight() >= fm.height();
    for (int row = 0; row < l.rowCount(); ++row) {
        const double v = r.rowTotals[static_cast<std::size_t>(row)];
        const double h = std::max(1.0, l.rowHeight() - (l.rowHeight() > 4 ? 2 : 0));
        const QRectF bar(left, l.yOfRow(row) + (l.rowHeight() - h) / 2, max > 0 ? width * v / max : 0, h);
        p.fillRect(bar, barColor(frame.palette));
        if (text) {
            p.setPen(frame.palette.color(QPalette::WindowText));
            const QString label = heatmapformat::value(frame.options.metric, v) +
                                  (sum > 0 ? QStringLiteral(" (%1%)").arg(std::lround(100 * v / sum)) : QString());
            p.drawText(QRectF(left + 3, bar.top(), width - 3, bar.height()), Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(label, Qt::ElideRight, width - 3));
        }
    }
}

void HeatmapDecorations::paintColumnTotals(QPainter& p, const HeatmapFrame& frame)
{
    const HeatmapLayout& l = *frame.layout;
    const HeatmapRendering& r = *frame.rendering;
    const QRectF clip = l.columnsClip();
    const QFontMetricsF fm(p.font());
    const double bandTop = clip.bottom() + 4;
    const double bandHeight = std::max(8.0, l.margins().bottom() - fm.height() - 12);
    if (r.hasData && !r.bucketTotals.empty()) {
        const double max = *std::max_element(r.bucketTotals.begin(), r.bucketTotals.end());
        const double bucketWidth = l.columnWidth() * r.columnsPerBucket;
        p.save();
        p.setClipRect(QRectF(clip.left(), bandTop, clip.width(), bandHeight));
        for (std::size_t b = 0; b < r.bucketTotals.size(); ++b) {
            const double h = max > 0 ? bandHeight * r.bucketTotals[b] / max : 0;
            const double x = l.xOfColumn(r.firstBucketColumn + static_cast<double>(b) * r.columnsPerBucket);
            p.fillRect(QRectF(x, bandTop + bandHeight - h, std::max(1.0, bucketWidth - (bucketWidth > 4 ? 1 : 0)), h),
                       barColor(frame.palette));
        }
        p.restore();
        p.setPen(muted(frame.palette));
        p.drawText(QRectF(clip.right() + 8, bandTop, l.viewport().width() - clip.right() - 12, bandHeight),
                   Qt::AlignLeft | Qt::AlignBottom, tr("max %1").arg(heatmapformat::value(frame.options.metric, max)));
    }
    // Which part of the hash space and of the shard groups is on screen.
    const int first = static_cast<int>(l.firstColumn());
    const int last = std::max(
        first, std::min(l.columnCount(), static_cast<int>(std::ceil(l.firstColumn() + l.visibleColumns()))) - 1);
    const QRectF axis(clip.left(), bandTop + bandHeight + 4, clip.width(), fm.height());
    p.setPen(muted(frame.palette));
    QString centre = tr("shard groups %1–%2 of %3, by hash range").arg(first + 1).arg(last + 1).arg(l.columnCount());
    if (r.columnsPerBucket > 1)
        centre += tr(" · %1 per pixel (%2)")
                      .arg(r.columnsPerBucket)
                      .arg(frame.options.aggregation == HeatmapAggregation::Sum ? tr("sum") : tr("max"));
    p.drawText(axis, Qt::AlignHCenter | Qt::AlignVCenter, centre);
    if (l.columnCount() > 0) {
        const HeatmapColumn& a = frame.matrix->column(first);
        const HeatmapColumn& b = frame.matrix->column(last);
        if (a.hasRange)
            p.drawText(axis, Qt::AlignLeft | Qt::AlignVCenter, QString::number(a.minValue));
        if (b.hasRange)
            p.drawText(axis, Qt::AlignRight | Qt::AlignVCenter, QString::number(b.maxValue));
    }
}

void HeatmapDecorations::paintLegend(QPainter& p, const HeatmapFrame& frame)
{
    const HeatmapLayout& l = *frame.layout;
    const HeatmapRendering& r = *frame.rendering;
    const QFontMetricsF fm(p.font());
    const double barWidth = std::min(260.0, l.viewport().width() * 0.25);
    const double top = 6;
    const double right = l.viewport().width() - l.margins().right();
    const QRectF bar(right - barWidth, top + 2, barWidth, 10);
    const QString metric = heatmapformat::metricName(frame.options.metric);

    // "No placement" swatch, so hatching is never mistaken for a small value.
    const QRectF swatch(l.plotRect().left(), top + 1, 22, 12);
    p.fillRect(swatch, frame.palette.color(QPalette::Base));
    p.fillRect(swatch, absentBrush(frame.palette));
    p.setPen(muted(frame.palette));
    p.drawRect(swatch);
    p.setPen(frame.palette.color(QPalette::WindowText));
    p.drawText(QPointF(swatch.right() + 6, swatch.center().y() + fm.ascent() / 2 - 1), tr("no placement"));

    if (!r.hasData) {
        p.drawText(QRectF(right - 2 * barWidth, top, 2 * barWidth, fm.height() * 2), Qt::AlignRight | Qt::AlignTop,
                   tr("No %1 data yet: cells show where placements are.").arg(metric));
        return;
    }
    QLinearGradient g(bar.topLeft(), bar.topRight());
    for (int i = 0; i <= 8; ++i)
        g.setColorAt(i / 8.0, HeatmapColorScale::paletteColor(i / 8.0));
    p.fillRect(bar, g);
    p.setPen(muted(frame.palette));
    p.drawRect(bar);
    const QString title =
        tr("%1 per cell (%2)").arg(metric, r.scale.mode() == HeatmapScaleMode::Log ? tr("log scale") : tr("linear"));
    p.setPen(frame.palette.color(QPalette::WindowText));
    p.drawText(QRectF(bar.left() - 300, top - 2, 292, fm.height()), Qt::AlignRight | Qt::AlignVCenter, title);
    // The top of the scale is always labelled; round ticks fill in where they do not collide with it.
    const QString maxLabel = heatmapformat::value(frame.options.metric, r.scale.maxValue());
    const double maxWidth = fm.horizontalAdvance(maxLabel);
    const double maxLeft = bar.right() + 20 - maxWidth;
    const double textY = bar.bottom() + 4 + fm.ascent();
    p.drawLine(QLineF(bar.right(), bar.bottom(), bar.right(), bar.bottom() + 3));
    p.drawText(QPointF(maxLeft, textY), maxLabel);
    double lastRight = -1e9;
    const double base = frame.options.metric == HeatmapMetric::Bytes ? 1024.0 : 10.0;
    for (double v : r.scale.ticks(5, base)) {
        const double x = bar.left() + r.scale.position(v) * bar.width();
        const QString label = heatmapformat::value(frame.options.metric, v);
        const double w = fm.horizontalAdvance(label);
        const double lx = std::max(x - w / 2, bar.left() - 20);
        if (lx <= lastRight + 6 || lx + w >= maxLeft - 6)
            continue;
        p.drawLine(QLineF(x, bar.bottom(), x, bar.bottom() + 3));
        p.drawText(QPointF(lx, textY), label);
        lastRight = lx + w;
    }
}

} // namespace shardscope
