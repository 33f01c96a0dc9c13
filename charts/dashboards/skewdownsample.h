// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPointF>

namespace shardscope {

/** Keeps chart series small: a series gets at most a few thousand points, whatever the history holds. */
class SkewDownsample
{
public:
    static constexpr int kMaxPoints = 2000;

    /**
     * points (x ascending) reduced to at most maxPoints: equal-width buckets over the points, each keeping its
     * minimum and maximum in x order, so peaks survive. The first and last point are always kept.
     */
    static QList<QPointF> minMax(const QList<QPointF>& points, int maxPoints = kMaxPoints);
};

} // namespace shardscope
