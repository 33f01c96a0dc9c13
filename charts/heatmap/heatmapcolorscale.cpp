// SPDX-License-Identifier: MIT
#include "heatmapcolorscale.h"

#include <algorithm>
#include <cmath>

namespace shardscope {
namespace {

// Key colours of the viridis colour map at t = 0, 1/8, ..., 1.
constexpr std::array<QRgb, 9> kStops = {0xff440154, 0xff482878, 0xff3e4989, 0xff31688e, 0xff26828e,
                                        0xff1f9e89, 0xff35b779, 0xff6ece58, 0xfffde725};

} // namespace

QColor HeatmapColorScale::paletteColor(double t)
{
    t = std::clamp(t, 0.0, 1.0) * (kStops.size() - 1);
    const auto i = std::min(static_cast<std::size_t>(t), kStops.size() - 2);
    const double f = t - static_cast<double>(i);
    const QColor a = QColor::fromRgb(kStops[i]);
    const QColor b = QColor::fromRgb(kStops[i + 1]);
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * f),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * f),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * f));
}

HeatmapColorScale::HeatmapColorScale(HeatmapScaleMode mode, double maxValue)
    : m_mode(mode), m_max(maxValue > 0 ? maxValue : 1.0), m_logMax(std::log10(1.0 + m_max))
{
    for (std::size_t i = 0; i < m_lut.size(); ++i)
        m_lut[i] = paletteColor(static_cast<double>(i) / (m_lut.size() - 1)).rgb();
    // Entry i covers positions [(i - 0.5) / 255, (i + 0.5) / 255): invert position() at the upper edges.
    for (std::size_t i = 0; i < m_bounds.size(); ++i) {
        const double t = (static_cast<double>(i) + 0.5) / (m_lut.size() - 1);
        m_bounds[i] = m_mode == HeatmapScaleMode::Log ? std::pow(10.0, t * m_logMax) - 1.0 : t * m_max;
    }
}

double HeatmapColorScale::position(double value) const
{
    if (!(value > 0))
        return 0.0;
    const double t = m_mode == HeatmapScaleMode::Log ? std::log10(1.0 + value) / m_logMax : value / m_max;
    return std::clamp(t, 0.0, 1.0);
}

int HeatmapColorScale::lutIndex(double value) const
{
    if (!(value > 0))
        return 0;
    return static_cast<int>(std::upper_bound(m_bounds.begin(), m_bounds.end(), value) - m_bounds.begin());
}

std::vector<double> HeatmapColorScale::ticks(int maxTicks, double logBase) const
{
    std::vector<double> result{0.0};
    if (m_mode == HeatmapScaleMode::Log) {
        const int top = static_cast<int>(std::floor(std::log(m_max) / std::log(logBase) + 1e-9));
        const int step = std::max(1, (top + maxTicks - 1) / std::max(1, maxTicks - 1));
        for (int e = top; e >= 0; e -= step)
            result.insert(result.begin() + 1, std::pow(logBase, e));
    } else {
        const double raw = m_max / std::max(1, maxTicks - 1);
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        double step = magnitude;
        for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
            step = m * magnitude;
            if (step >= raw)
                break;
        }
        for (double v = step; v <= m_max * (1 + 1e-9); v += step)
            result.push_back(v);
    }
    return result;
}

} // namespace shardscope
