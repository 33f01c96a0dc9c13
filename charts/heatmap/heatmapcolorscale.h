// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QRgb>
#include <array>
#include <cstdint>
#include <vector>

namespace shardscope {

enum class HeatmapScaleMode : std::uint8_t
{
    Linear,
    Log,
};

/**
 * Maps cell values in [0, max] to a perceptual palette (viridis-like: dark blue-violet to yellow, readable on
 * light and dark window colours, monotonic in lightness). Log mode uses log10(1 + v), so zero stays at the
 * bottom and a few huge shards do not wash out the rest. Absent cells are not coloured here: the renderer
 * leaves them transparent and the view hatches them.
 */
class HeatmapColorScale
{
public:
    HeatmapColorScale() = default;
    HeatmapColorScale(HeatmapScaleMode mode, double maxValue);

    HeatmapScaleMode mode() const { return m_mode; }
    double maxValue() const { return m_max; }

    /** 0..1 position of a value on the scale. */
    double position(double value) const;
    QRgb rgb(double value) const { return m_lut[lutIndex(value)]; }
    int lutIndex(double value) const;
    const std::array<QRgb, 256>& lut() const { return m_lut; }

    /**
     * Values for the legend's tick labels: powers of logBase in log mode (1024 suits bytes), round steps in
     * linear mode. Always starts with 0.
     */
    std::vector<double> ticks(int maxTicks = 6, double logBase = 10.0) const;

    static QColor paletteColor(double t);

private:
    HeatmapScaleMode m_mode = HeatmapScaleMode::Linear;
    double m_max = 1.0;
    double m_logMax = 1.0;
    std::array<QRgb, 256> m_lut{};
    /** m_bounds[i]: the smallest value drawn with lut entry i + 1; a binary search beats a log10 per cell. */
    std::array<double, 255> m_bounds{};
};

} // namespace shardscope
