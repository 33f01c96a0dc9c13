// SPDX-License-Identifier: MIT
#pragma once

#include "heatmap/heatmapmatrix.h"

#include <QString>

namespace shardscope::heatmapformat {

/** "1.5 MiB", "12.3K rows", "840 calls": a short human-readable figure for legends, totals and tooltips. */
QString value(HeatmapMetric metric, double v);
/** 1234567 -> "1.2M"; small numbers stay exact. */
QString compactNumber(double v);
/** "bytes", "rows", "query load". */
QString metricName(HeatmapMetric metric);
/** "[-2147483648, -2013265921]" or "no hash range". */
QString hashRange(const HeatmapColumn& column);

} // namespace shardscope::heatmapformat
