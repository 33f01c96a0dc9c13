// SPDX-License-Identifier: MIT
#include "heatmaptooltip.h"

#include "heatmapformat.h"

#include <QCoreApplication>

namespace shardscope {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("shardscope::HeatmapTooltip", text);
}

QString shardIds(const HeatmapColumn& column)
{
    QStringList ids;
    for (auto id : column.shards)
        ids << QString::number(id);
    return ids.join(QStringLiteral(", "));
}

} // namespace

QString HeatmapTooltip::text(const HeatmapMatrix& matrix, const HeatmapHit& hit)
{
    if (!hit.isValid() || hit.row >= matrix.rowCount() || hit.lastColumn >= matrix.columnCount())
        return {};
    const HeatmapRow& row = matrix.row(hit.row);
    QString html;
    if (hit.firstColumn == hit.lastColumn) {
        const HeatmapColumn& column = matrix.column(hit.firstColumn);
        const HeatmapSegment& segment = matrix.segmentOf(hit.firstColumn);
        const bool present = matrix.isPresent(hit.row, hit.firstColumn);
        html += column.reference ? tr("<b>Reference table shard %1</b>").arg(shardIds(column))
                                 : tr("<b>Shard group %1 of colocation group %2</b>")
                                       .arg(column.indexInGroup + 1)
                                       .arg(column.colocation);
        html += QStringLiteral("<table>");
        const auto line = [&html](const QString& key, const QString& value) {
            html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(key, value.toHtmlEscaped());
        };
        if (!column.reference)
            line(tr("Shards:"), shardIds(column));
        line(tr("Tables:"),
             column.reference ? segment.tables.value(column.indexInGroup) : segment.tables.join(QStringLiteral(", ")));
        if (!column.reference)
            line(tr("Hash range:"), heatmapformat::hashRange(column));
        line(tr("Node:"), row.label);
        if (present) {
            line(tr("Bytes:"),
                 heatmapformat::value(HeatmapMetric::Bytes, double(matrix.bytes(hit.row, hit.firstColumn))));
            line(tr("Rows:"), heatmapformat::compactNumber(double(matrix.rowsAt(hit.row, hit.firstColumn))));
            if (matrix.hasLoad())
                line(tr("Load:"), heatmapformat::value(HeatmapMetric::Load, matrix.load(hit.row, hit.firstColumn)));
        } else {
            line(tr("Placement:"), tr("none on this node"));
        }
        html += QStringLiteral("</table>");
        return html;
    }
    // An aggregated bucket: summarise the columns under the pixel.
    std::int64_t bytes = 0;
    std::int64_t rows = 0;
    int held = 0;
    for (int c = hit.firstColumn; c <= hit.lastColumn; ++c) {
        if (!matrix.isPresent(hit.row, c))
            continue;
        ++held;
        bytes += matrix.bytes(hit.row, c);
        rows += matrix.rowsAt(hit.row, c);
    }
    const HeatmapColumn& first = matrix.column(hit.firstColumn);
    const HeatmapColumn& last = matrix.column(hit.lastColumn);
    html += tr("<b>%1 shard groups (zoom in to see each)</b>").arg(hit.lastColumn - hit.firstColumn + 1);
    html += QStringLiteral("<table>");
    html += tr("<tr><td>Shards:</td><td>%1 … %2</td></tr>").arg(first.shards.front()).arg(last.shards.front());
    if (first.hasRange && last.hasRange)
        html += tr("<tr><td>Hash range:</td><td>[%1, %2]</td></tr>").arg(first.minValue).arg(last.maxValue);
    html += tr("<tr><td>Node:</td><td>%1</td></tr>").arg(row.label.toHtmlEscaped());
    html += tr("<tr><td>Held here:</td><td>%1</td></tr>").arg(held);
    html += tr("<tr><td>Bytes:</td><td>%1</td></tr>").arg(heatmapformat::value(HeatmapMetric::Bytes, double(bytes)));
    html += tr("<tr><td>Rows:</td><td>%1</td></tr>").arg(heatmapformat::compactNumber(double(rows)));
    html += QStringLiteral("</table>");
    return html;
}

} // namespace shardscope
