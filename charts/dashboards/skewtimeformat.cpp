// SPDX-License-Identifier: MIT
#include "skewtimeformat.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <algorithm>

namespace shardscope {

QString SkewTimeFormat::forSpan(std::int64_t spanMs)
{
    constexpr std::int64_t hour = 3600 * 1000LL;
    if (spanMs <= hour)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 48 * hour)
        return QStringLiteral("HH:mm");
    return QStringLiteral("dd MMM");
}

int SkewTimeFormat::tickCount(int widthPx, const QString& format, const QFont& font)
{
    // A wide sample label ("28:88:88" would not parse; a real late-December time is as wide as any).
    const QString sample = QDateTime(QDate(2026, 12, 28), QTime(23, 58, 58)).toString(format);
    const int label = QFontMetrics(font).horizontalAdvance(sample) + 16;
    // The value axes on the sides take about 120 pixels of the chart's width.
    return std::clamp((widthPx - 120) / std::max(1, label), 2, 5);
}

void SkewTimeFormat::fitTicks(QDateTimeAxis* axis, int widthPx)
{
    const int ticks = tickCount(widthPx, axis->format(), axis->labelsFont());
    if (axis->tickCount() != ticks)
        axis->setTickCount(ticks);
}

} // namespace shardscope
