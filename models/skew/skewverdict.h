// SPDX-License-Identifier: MIT
#pragma once

#include "engine/skew.h"

#include <QCoreApplication>
#include <QString>

namespace shardscope {

/**
 * The one-line answer of the Skew page: is data piling up on one node? A node is "too full" when it holds more
 * than thresholdPercent above the mean of the balance nodes (the nodes that should hold shards or do).
 */
struct SkewVerdict
{
    Q_DECLARE_TR_FUNCTIONS(SkewVerdict)

public:
    enum class Kind
    {
        NoData,    ///< no node holds data yet
        Balanced,  ///< the fullest node is within the threshold
        Rebalance, ///< the fullest node is above the threshold
    };

    Kind kind = Kind::NoData;
    QString node;                 ///< the fullest balance node, "host:port"
    int percentAboveMean = 0;     ///< rounded, of that node
    double thresholdPercent = 20; ///< the threshold it was judged against

    /** "balanced", or "worker-2:5432 holds 38% more than average: rebalance recommended". */
    QString headline() const;
    /** A second sentence with the figures behind the headline. */
    QString detail() const;
    bool recommendsRebalance() const { return kind == Kind::Rebalance; }

    static SkewVerdict evaluate(const engine::SkewReport& report, double thresholdPercent);
};

} // namespace shardscope
