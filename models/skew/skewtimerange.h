// SPDX-License-Identifier: MIT
#pragma once

#include "skewhistoryrecorder.h"

#include <QString>
#include <QStringList>

namespace shardscope {

/** How much of the history the Skew tab's time-axis charts show: the last hour, day, week or all of it. */
class SkewTimeRange
{
public:
    enum Preset
    {
        LastHour,
        LastDay,
        LastWeek,
        All,
    };

    /** The presets in menu order. */
    static QList<Preset> presets() { return {LastHour, LastDay, LastWeek, All}; }
    /** Stable name for settings ("hour", "day", "week", "all"). */
    static QString key(Preset preset);
    /** The preset of a settings name; fallback when the name is unknown. */
    static Preset fromKey(const QString& key, Preset fallback = All);
    /** Length in milliseconds; 0 for All. */
    static qint64 spanMs(Preset preset);
    /** Samples and markers with nowMs - span <= atMs (everything for All), order kept. */
    static SkewHistory filter(const SkewHistory& history, Preset preset, qint64 nowMs);
};

} // namespace shardscope
