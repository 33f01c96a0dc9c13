// SPDX-License-Identifier: MIT
#pragma once

#include "clusterstate.h"

#include <cstdint>
#include <string>
#include <vector>

namespace shardscope::engine {

/**
 * Load of one node. Counts every placement on the node's group (reference tables included), so bytes are
 * what the node really stores. Nodes listed are the active primaries, in nodeid order.
 */
struct NodeSkew
{
    NodeId node = 0;
    GroupId group = 0;
    std::string name;
    std::int32_t port = 0;
    bool shouldHaveShards = true;
    std::int64_t bytes = 0;  ///< sum of placement bytes on the node
    std::int64_t rows = 0;   ///< sum of placement rows on the node
    std::int64_t shards = 0; ///< number of placements on the node
    double share = 0.0;      ///< bytes / total bytes of all listed nodes (0 when the cluster is empty)
};

/** Bytes of one colocation group on one node. */
struct NodeBytes
{
    NodeId node = 0;
    GroupId group = 0;
    std::int64_t bytes = 0;
    std::int64_t shardGroups = 0; ///< shard groups of this colocation group placed on the node
};

/**
 * Balance of one colocation group of distributed tables (reference tables are left out: they are everywhere).
 * The "balance nodes" are the active primaries that have shouldhaveshards=true or hold a placement of the
 * group. maxOverMean = max(bytes per node) / mean(bytes per node); coefficientOfVariation = population
 * standard deviation / mean. Both are 1.0 and 0.0 when the mean is 0.
 */
struct ColocationSkew
{
    ColocationId colocationId = 0;
    std::vector<std::string> tables; ///< qualified names (schema.table, "public." omitted), creation order
    std::int64_t bytes = 0;
    std::int64_t rows = 0;
    std::int64_t shardGroups = 0;
    std::vector<NodeBytes> perNode; ///< one entry per balance node, nodeid order
    double maxOverMean = 1.0;
    double coefficientOfVariation = 0.0;
};

/** One shard group (shard k of every table of a colocation group) with its size, ranked by bytes. */
struct HotShardGroup
{
    ColocationId colocationId = 0;
    ShardId shard = 0;                    ///< the representative: the group's first table's shard
    std::vector<ShardId> shards;          ///< every colocated shard, ascending id
    std::vector<std::string> tables;      ///< the table of each entry of shards
    std::vector<std::int64_t> shardBytes; ///< bytes of each entry of shards
    std::int64_t bytes = 0;               ///< sum of shardBytes
    std::int64_t rows = 0;
    bool hasRange = false;
    std::int32_t minValue = 0;
    std::int32_t maxValue = 0;
    NodeId node = 0; ///< node of the first placement (0 when the group is on no known node)
    GroupId group = 0;
    std::string nodeName;
    std::int32_t nodePort = 0;
};

/** All skew figures of a cluster. */
struct SkewReport
{
    std::int64_t totalBytes = 0; ///< over the listed nodes
    std::int64_t totalRows = 0;
    std::vector<NodeSkew> nodes;
    /**
     * Over the "balance nodes": listed nodes with shouldhaveshards=true or holding a placement of a distributed
     * (non-reference) table; 1.0 / 0.0 when their mean is 0.
     */
    double nodeMaxOverMean = 1.0;
    double nodeCoefficientOfVariation = 0.0;
    std::vector<ColocationSkew> colocationGroups; ///< colocation id order
    std::vector<HotShardGroup> hottest;           ///< bytes descending, ties by shard id ascending
};

/**
 * Skew figures of a state: per node, per colocation group and the hottestCount biggest shard groups of the
 * distributed tables (hash and single-shard). The bytes of a shard are those of its largest placement, as
 * citus_shards shows them.
 */
SkewReport computeSkew(const ClusterState& state, int hottestCount = 10);

} // namespace shardscope::engine
