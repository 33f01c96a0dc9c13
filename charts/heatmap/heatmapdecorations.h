// SPDX-License-Identifier: MIT
#pragma once

#include "heatmaprenderer.h"

#include <QPalette>

class QPainter;

namespace shardscope {

/** Everything the decorations need to know about one frame. */
struct HeatmapFrame
{
    const HeatmapMatrix* matrix = nullptr;
    const HeatmapLayout* layout = nullptr;
    const HeatmapRendering* rendering = nullptr;
    HeatmapRenderOptions options;
    QPalette palette;
};

/**
 * Paints what surrounds the cell image: the hatched "no placement" background, cell borders when cells are
 * big enough, colocation group separators and labels, node labels, row and column totals and the legend.
 */
class HeatmapDecorations
{
public:
    static void paintBackground(QPainter& p, const HeatmapFrame& frame);
    static void paintGrid(QPainter& p, const HeatmapFrame& frame);
    static void paintMargins(QPainter& p, const HeatmapFrame& frame);
    static QBrush absentBrush(const QPalette& palette);

private:
    static void paintSegments(QPainter& p, const HeatmapFrame& frame);
    static void paintRowLabels(QPainter& p, const HeatmapFrame& frame);
    static void paintRowTotals(QPainter& p, const HeatmapFrame& frame);
    static void paintColumnTotals(QPainter& p, const HeatmapFrame& frame);
    static void paintLegend(QPainter& p, const HeatmapFrame& frame);
};

} // namespace shardscope
