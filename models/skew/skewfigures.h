// SPDX-License-Identifier: MIT
#pragma once

#include "engine/skew.h"
#include "snapshot/metrichistory.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace shardscope {

/** One bar of the shard size distribution: shards with fromBytes <= bytes < toBytes (the last bar is closed). */
struct SizeBin
{
    std::int64_t fromBytes = 0;
    std::int64_t toBytes = 0;
    std::int64_t shards = 0;

    bool operator==(const SizeBin&) const = default;
};

/** Bytes of one table on each node of a skew report (same order as report.nodes). */
struct TableNodeBytes
{
    std::string table;
    std::vector<std::int64_t> perNode;
};

/**
 * Everything the Skew page shows for one snapshot, computed off the GUI thread in one pass: the engine's skew
 * report, the distribution of shard sizes and the sample the metric history stores.
 */
struct SkewFigures
{
    engine::SkewReport report;
    std::vector<SizeBin> histogram; ///< shards of distributed tables by size (largest placement)
    std::int64_t distributedShards = 0;
    std::vector<TableNodeBytes> tables; ///< every table with placements, creation order
    snapshot::MetricSample sample;

    /** Figures of state taken at atMs (UTC ms); hottestCount shard groups, bins bars of equal width. */
    static SkewFigures compute(const engine::ClusterState& state, std::int64_t atMs, int hottestCount = 20,
                               int bins = 16);
    /**
     * The history sample of a report: nodes as "host:port", colocation groups of two or more shard groups
     * labelled by their tables (a single shard cannot be spread, so its skew is no trend worth drawing).
     */
    static snapshot::MetricSample sampleOf(const engine::SkewReport& report, std::int64_t atMs);
    /** Equal-width bars from 0 to the largest size; an empty list when there are no sizes. */
    static std::vector<SizeBin> histogramOf(const std::vector<std::int64_t>& sizes, int bins);
    /** "users, events" (at most three names, then "+N"). */
    static QString groupLabel(const std::vector<std::string>& tables);
};

} // namespace shardscope
