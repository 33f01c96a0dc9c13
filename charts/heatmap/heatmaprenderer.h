// SPDX-License-Identifier: MIT
#pragma once

#include "heatmap/heatmapmatrix.h"
#include "heatmapcolorscale.h"
#include "heatmaplayout.h"

#include <QImage>
#include <vector>

namespace shardscope {

/** What HeatmapRenderer produced for one layout: the small image plus the figures drawn around it. */
struct HeatmapRendering
{
    QImage image; ///< one pixel per bucket (x) and per row (y); transparent where no placement is
    HeatmapColorScale scale;
    int firstBucketColumn = 0;
    int columnsPerBucket = 1;
    std::vector<double> rowTotals;    ///< per row, over every column of the matrix
    std::vector<double> bucketTotals; ///< per bucket, over every row
    bool hasData = true;              ///< false when the metric has no values (load not known)
};

struct HeatmapRenderOptions
{
    HeatmapMetric metric = HeatmapMetric::Bytes;
    HeatmapScaleMode scaleMode = HeatmapScaleMode::Log;
    HeatmapAggregation aggregation = HeatmapAggregation::Sum;
};

/** Aggregates the visible columns into buckets and colours them; pure function of its inputs (thread-safe). */
class HeatmapRenderer
{
public:
    static HeatmapRendering render(const HeatmapMatrix& matrix, const HeatmapLayout& layout,
                                   const HeatmapRenderOptions& options);

    /** The colour of cells that exist when the metric has no data (no false colours). */
    static constexpr QRgb kNoDataColor = 0xff8c8c8c;
};

} // namespace shardscope
