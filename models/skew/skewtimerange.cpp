// SPDX-License-Identifier: MIT
#include "skewtimerange.h"

namespace shardscope {

QString SkewTimeRange::key(Preset preset)
{
    switch (preset) {
    case LastHour:
        return QStringLiteral("hour");
    case LastDay:
        return QStringLiteral("day");
    case LastWeek:
        return QStringLiteral("week");
    case All:
        break;
    }
    return QStringLiteral("all");
}

SkewTimeRange::Preset SkewTimeRange::fromKey(const QString& key, Preset fallback)
{
    for (const Preset preset : presets()) {
        if (SkewTimeRange::key(preset) == key)
            return preset;
    }
    return fallback;
}

qint64 SkewTimeRange::spanMs(Preset preset)
{
    constexpr qint64 hour = 3600LL * 1000;
    switch (preset) {
    case LastHour:
        return hour;
    case LastDay:
        return 24 * hour;
    case LastWeek:
        return 7 * 24 * hour;
    case All:
        break;
    }
    return 0;
}

SkewHistory SkewTimeRange::filter(const SkewHistory& history, Preset preset, qint64 nowMs)
{
    const qint64 span = spanMs(preset);
    if (span == 0)
        return history;
    const qint64 from = nowMs - span;
    SkewHistory shown;
    for (const snapshot::MetricSample& sample : history.samples) {
        if (sample.atMs >= from)
            shown.samples.push_back(sample);
    }
    for (const snapshot::OperationMarker& marker : history.markers) {
        if (marker.atMs >= from)
            shown.markers.push_back(marker);
    }
    return shown;
}

} // namespace shardscope
