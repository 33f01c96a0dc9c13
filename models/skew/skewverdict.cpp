// SPDX-License-Identifier: MIT
#include "skewverdict.h"

#include <cmath>

namespace shardscope {

namespace {
bool holdsDistributedData(const engine::SkewReport& report, engine::GroupId group)
{
    for (const engine::ColocationSkew& colocation : report.colocationGroups) {
        for (const engine::NodeBytes& entry : colocation.perNode) {
            if (entry.group == group && (entry.shardGroups > 0 || entry.bytes > 0))
                return true;
        }
    }
    return false;
}
} // namespace

SkewVerdict SkewVerdict::evaluate(const engine::SkewReport& report, double thresholdPercent)
{
    SkewVerdict verdict;
    verdict.thresholdPercent = thresholdPercent;
    // The same nodes the engine's max/mean is taken over: those meant to hold shards, or holding some.
    const engine::NodeSkew* fullest = nullptr;
    for (const engine::NodeSkew& node : report.nodes) {
        if (!node.shouldHaveShards && !holdsDistributedData(report, node.group))
            continue;
        if (!fullest || node.bytes > fullest->bytes)
            fullest = &node;
    }
    if (!fullest || fullest->bytes <= 0 || report.totalBytes <= 0)
        return verdict;
    verdict.node = QString::fromStdString(fullest->name) + QLatin1Char(':') + QString::number(fullest->port);
    const double above = (report.nodeMaxOverMean - 1.0) * 100.0;
    verdict.percentAboveMean = static_cast<int>(std::lround(std::max(0.0, above)));
    verdict.kind = above > thresholdPercent ? Kind::Rebalance : Kind::Balanced;
    return verdict;
}

QString SkewVerdict::headline() const
{
    switch (kind) {
    case Kind::NoData:
        return tr("no data to judge yet");
    case Kind::Balanced:
        return tr("balanced");
    case Kind::Rebalance:
        return tr("%1 holds %2% more than average: rebalance recommended").arg(node).arg(percentAboveMean);
    }
    return {};
}

QString SkewVerdict::detail() const
{
    switch (kind) {
    case Kind::NoData:
        return tr("The nodes hold no shard data.");
    case Kind::Balanced:
        return tr("The fullest node, %1, holds %2% more than average (threshold %3%).")
            .arg(node)
            .arg(percentAboveMean)
            .arg(thresholdPercent, 0, 'g', 3);
    case Kind::Rebalance:
        return tr("Recommended above %1% more than the average of the nodes that hold shards.")
            .arg(thresholdPercent, 0, 'g', 3);
    }
    return {};
}

} // namespace shardscope
