// SPDX-License-Identifier: MIT
#include "skewdownsample.h"

#include <algorithm>

namespace shardscope {

QList<QPointF> SkewDownsample::minMax(const QList<QPointF>& points, int maxPoints)
{
    maxPoints = std::max(maxPoints, 4);
    if (points.size() <= maxPoints)
        return points;
    // Two points per bucket, plus the first and the last.
    const qsizetype inner = points.size() - 2;
    const qsizetype buckets = (maxPoints - 2) / 2;
    QList<QPointF> result;
    result.reserve(maxPoints);
    result.append(points.front());
    for (qsizetype b = 0; b < buckets; ++b) {
        const qsizetype begin = 1 + inner * b / buckets;
        const qsizetype end = 1 + inner * (b + 1) / buckets;
        if (begin >= end)
            continue;
        qsizetype lo = begin;
        qsizetype hi = begin;
        for (qsizetype i = begin; i < end; ++i) {
            if (points[i].y() < points[lo].y())
                lo = i;
            if (points[i].y() > points[hi].y())
                hi = i;
        }
        result.append(points[std::min(lo, hi)]);
        if (lo != hi)
            result.append(points[std::max(lo, hi)]);
    }
    result.append(points.back());
    return result;
}

} // namespace shardscope
