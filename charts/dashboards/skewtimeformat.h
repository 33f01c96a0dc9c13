// SPDX-License-Identifier: MIT
#pragma once

#include <QFont>
#include <QString>
#include <cstdint>

class QDateTimeAxis;

namespace shardscope {

/** The time axis format for a span of time: seconds for minutes, hours for days, dates beyond. */
class SkewTimeFormat
{
public:
    static QString forSpan(std::int64_t spanMs);
    /** How many labels of format fit side by side in widthPx without being cut (2 to 5). */
    static int tickCount(int widthPx, const QString& format, const QFont& font);
    /** Sets the axis's tick count for a chart of widthPx. */
    static void fitTicks(QDateTimeAxis* axis, int widthPx);
};

} // namespace shardscope
