// SPDX-License-Identifier: MIT
#include "heatmaprenderer.h"

#include <algorithm>

namespace shardscope {
namespace {

template <typename T>
void aggregate(const HeatmapMatrix& matrix, const T* values, const HeatmapLayout& layout,
               HeatmapAggregation aggregation, std::vector<float>& cells, std::vector<std::uint8_t>& present,
               HeatmapRendering& out)
{
    const int rows = matrix.rowCount();
    const int columns = matrix.columnCount();
    const int buckets = layout.bucketCount();
    const int per = layout.columnsPerBucket();
    const int first = layout.firstBucketColumn();
    const std::uint8_t* presentData = matrix.presentData();
    cells.assign(static_cast<std::size_t>(rows) * buckets, 0.0f);
    present.assign(cells.size(), 0);
    out.rowTotals.assign(static_cast<std::size_t>(rows), 0.0);
    out.bucketTotals.assign(static_cast<std::size_t>(buckets), 0.0);
    for (int r = 0; r < rows; ++r) {
        const std::size_t rowBase = static_cast<std::size_t>(r) * columns;
        double rowSum = 0.0;
        for (int c = 0; c < columns; ++c)
            rowSum += static_cast<double>(values[rowBase + c]);
        out.rowTotals[static_cast<std::size_t>(r)] = rowSum;
        for (int b = 0; b < buckets; ++b) {
            const int begin = first + b * per;
            const int end = std::min(columns, begin + per);
            double sum = 0.0;
            double max = 0.0;
            std::uint8_t any = 0;
            for (int c = begin; c < end; ++c) {
                const double v = static_cast<double>(values[rowBase + c]);
                sum += v;
                max = std::max(max, v);
                any |= presentData[rowBase + c];
            }
            const std::size_t i = static_cast<std::size_t>(r) * buckets + b;
            cells[i] = static_cast<float>(aggregation == HeatmapAggregation::Sum ? sum : max);
            present[i] = any;
            out.bucketTotals[static_cast<std::size_t>(b)] += sum;
        }
    }
}

} // namespace

HeatmapRendering HeatmapRenderer::render(const HeatmapMatrix& matrix, const HeatmapLayout& layout,
                                         const HeatmapRenderOptions& options)
{
    HeatmapRendering out;
    out.firstBucketColumn = layout.firstBucketColumn();
    out.columnsPerBucket = layout.columnsPerBucket();
    const int rows = matrix.rowCount();
    const int buckets = layout.bucketCount();
    if (rows == 0 || buckets == 0 || layout.columnCount() != matrix.columnCount())
        return out;

    std::vector<float> cells;
    std::vector<std::uint8_t> present;
    switch (options.metric) {
    case HeatmapMetric::Bytes:
        aggregate(matrix, matrix.bytesData(), layout, options.aggregation, cells, present, out);
        break;
    case HeatmapMetric::Rows:
        aggregate(matrix, matrix.rowsData(), layout, options.aggregation, cells, present, out);
        break;
    case HeatmapMetric::Load:
        if (matrix.hasLoad()) {
            aggregate(matrix, matrix.loadData(), layout, options.aggregation, cells, present, out);
        } else {
            // No load data: show where placements are, in a neutral grey, and no numbers.
            aggregate(matrix, matrix.bytesData(), layout, options.aggregation, cells, present, out);
            std::fill(out.rowTotals.begin(), out.rowTotals.end(), 0.0);
            std::fill(out.bucketTotals.begin(), out.bucketTotals.end(), 0.0);
            out.hasData = false;
        }
        break;
    }

    float maxCell = 0.0f;
    for (float v : cells)
        maxCell = std::max(maxCell, v);
    out.scale = HeatmapColorScale(options.scaleMode, maxCell);

    out.image = QImage(buckets, rows, QImage::Format_ARGB32_Premultiplied);
    const auto& lut = out.scale.lut();
    for (int r = 0; r < rows; ++r) {
        auto* line = reinterpret_cast<QRgb*>(out.image.scanLine(r));
        const std::size_t base = static_cast<std::size_t>(r) * buckets;
        for (int b = 0; b < buckets; ++b) {
            const std::size_t i = base + b;
            if (!present[i])
                line[b] = 0;
            else
                line[b] = out.hasData ? lut[static_cast<std::size_t>(out.scale.lutIndex(cells[i]))] : kNoDataColor;
        }
    }
    return out;
}

} // namespace shardscope
