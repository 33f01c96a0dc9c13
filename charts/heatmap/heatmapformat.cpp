// SPDX-License-Identifier: MIT
#include "heatmapformat.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

namespace shardscope::heatmapformat {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("shardscope::heatmapformat", text);
}

} // namespace

QString compactNumber(double v)
{
    const double a = std::fabs(v);
    const QLocale locale;
    if (a < 10000)
        return locale.toString(v, 'g', a < 10 && a != std::floor(a) ? 2 : 6);
    static const char* const suffixes[] = {"K", "M", "G", "T", "P"};
    int i = -1;
    double scaled = v;
    while (std::fabs(scaled) >= 1000 && i < 4) {
        scaled /= 1000;
        ++i;
    }
    return locale.toString(scaled, 'f', std::fabs(scaled) < 10 ? 1 : 0) + QLatin1String(suffixes[i]);
}

QString value(HeatmapMetric metric, double v)
{
    switch (metric) {
    case HeatmapMetric::Bytes:
        return QLocale().formattedDataSize(static_cast<qint64>(std::llround(v)), 1, QLocale::DataSizeIecFormat);
    case HeatmapMetric::Rows:
        return tr("%1 rows").arg(compactNumber(v));
    case HeatmapMetric::Load:
        return tr("%1 calls").arg(compactNumber(v));
    }
    return {};
}

QString metricName(HeatmapMetric metric)
{
    switch (metric) {
    case HeatmapMetric::Bytes:
        return tr("bytes");
    case HeatmapMetric::Rows:
        return tr("rows");
    case HeatmapMetric::Load:
        return tr("query load");
    }
    return {};
}

QString hashRange(const HeatmapColumn& column)
{
    if (!column.hasRange)
        return tr("no hash range");
    return QStringLiteral("[%1, %2]").arg(column.minValue).arg(column.maxValue);
}

} // namespace shardscope::heatmapformat
