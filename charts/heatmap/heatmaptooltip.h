// SPDX-License-Identifier: MIT
#pragma once

#include "heatmap/heatmapmatrix.h"
#include "heatmaplayout.h"

#include <QString>

namespace shardscope {

/** The hover text of a cell or an aggregated bucket (rich text). */
class HeatmapTooltip
{
public:
    static QString text(const HeatmapMatrix& matrix, const HeatmapHit& hit);
};

} // namespace shardscope
