// SPDX-License-Identifier: MIT
#include "skew.h"

#include "clusterindex.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

namespace shardscope::engine {

namespace {
bool isDistributed(const Table& table)
{
    return table.kind == TableKind::HashDistributed || table.kind == TableKind::SingleShard;
}

std::string displayName(const Table& table)
{
    return table.schema == "public" || table.schema.empty() ? table.name : table.schema + "." + table.name;
}

// max/mean and population standard deviation / mean of a list of sizes.
std::pair<double, double> spread(const std::vector<std::int64_t>& values)
{
    if (values.empty())
        return {1.0, 0.0};
    double sum = 0.0;
    double max = 0.0;
    for (std::int64_t v : values) {
        sum += static_cast<double>(v);
        max = std::max(max, static_cast<double>(v));
    }
    const double mean = sum / static_cast<double>(values.size());
    if (mean <= 0.0)
        return {1.0, 0.0};
    double squares = 0.0;
    for (std::int64_t v : values)
        squares += (static_cast<double>(v) - mean) * (static_cast<double>(v) - mean);
    return {max / mean, std::sqrt(squares / static_cast<double>(values.size())) / mean};
}

struct ShardSize
{
    std::int64_t bytes = 0;
    std::int64_t rows = 0;
};
} // namespace

SkewReport computeSkew(const ClusterState& state, int hottestCount)
{
    const ClusterIndex index(state);
    SkewReport report;

    std::unordered_map<ShardId, ShardSize> shardSizes;
    for (const Placement& p : state.placements) {
        ShardSize& size = shardSizes[p.shard];
        size.bytes = std::max(size.bytes, p.bytes);
        size.rows = std::max(size.rows, p.rows);
    }
    const auto tableOfShard = [&](ShardId id) -> const Table* {
        const Shard* shard = index.shardById(id);
        return shard ? index.tableByOid(shard->table) : nullptr;
    };

    // Per node.
    std::set<GroupId> groupsWithDistributedData;
    for (const Placement& p : state.placements) {
        const Table* table = tableOfShard(p.shard);
        if (table && isDistributed(*table))
            groupsWithDistributedData.insert(p.group);
    }
    std::vector<std::int64_t> balanceBytes;
    for (const Node& node : state.nodes) {
        if (!node.isActive || node.role != NodeRole::Primary)
            continue;
        NodeSkew entry;
        entry.node = node.id;
        entry.group = node.group;
        entry.name = node.name;
        entry.port = node.port;
        entry.shouldHaveShards = node.shouldHaveShards;
        for (std::size_t p : index.placementsOnGroup(node.group)) {
            entry.bytes += state.placements[p].bytes;
            entry.rows += state.placements[p].rows;
            ++entry.shards;
        }
        report.totalBytes += entry.bytes;
        report.totalRows += entry.rows;
        if (node.shouldHaveShards || groupsWithDistributedData.count(node.group) != 0)
            balanceBytes.push_back(entry.bytes);
        report.nodes.push_back(std::move(entry));
    }
    for (NodeSkew& entry : report.nodes) {
        entry.share =
            report.totalBytes > 0 ? static_cast<double>(entry.bytes) / static_cast<double>(report.totalBytes) : 0.0;
    }
    std::tie(report.nodeMaxOverMean, report.nodeCoefficientOfVariation) = spread(balanceBytes);

    // Per colocation group and per shard group.
    std::vector<HotShardGroup> shardGroups;
    for (const ColocationGroup& group : state.colocationGroups) {
        const auto tables = index.tablesOfColocationGroup(group.id);
        if (tables.empty() || !isDistributed(*index.tableByOid(tables.front())))
            continue;
        ColocationSkew entry;
        entry.colocationId = group.id;
        for (TableOid oid : tables)
            entry.tables.push_back(displayName(*index.tableByOid(oid)));
        std::unordered_map<GroupId, NodeBytes> perGroup;
        const auto representative = index.shardsOfTable(tables.front());
        entry.shardGroups = static_cast<std::int64_t>(representative.size());
        for (std::size_t k = 0; k < representative.size(); ++k) {
            const Shard& first = state.shards[representative[k]];
            HotShardGroup hot;
            hot.colocationId = group.id;
            hot.shard = first.id;
            hot.hasRange = first.hasRange;
            hot.minValue = first.minValue;
            hot.maxValue = first.maxValue;
            for (TableOid oid : tables) {
                const auto shards = index.shardsOfTable(oid);
                if (k >= shards.size())
                    continue;
                const ShardId id = state.shards[shards[k]].id;
                const ShardSize size = shardSizes[id];
                hot.shards.push_back(id);
                hot.tables.push_back(displayName(*index.tableByOid(oid)));
                hot.shardBytes.push_back(size.bytes);
                hot.bytes += size.bytes;
                hot.rows += size.rows;
                for (std::size_t p : index.placementsOfShard(id)) {
                    NodeBytes& nb = perGroup[state.placements[p].group];
                    nb.group = state.placements[p].group;
                    nb.bytes += state.placements[p].bytes;
                }
            }
            const auto firstPlacements = index.placementsOfShard(first.id);
            for (std::size_t p : firstPlacements)
                ++perGroup[state.placements[p].group].shardGroups;
            if (!firstPlacements.empty()) {
                hot.group = state.placements[firstPlacements.front()].group;
                if (const Node* node = index.nodeByGroup(hot.group)) {
                    hot.node = node->id;
                    hot.nodeName = node->name;
                    hot.nodePort = node->port;
                }
            }
            // Order the group's shards by id, keeping names and sizes aligned.
            std::vector<std::size_t> order(hot.shards.size());
            for (std::size_t i = 0; i < order.size(); ++i)
                order[i] = i;
            std::sort(order.begin(), order.end(),
                      [&](std::size_t a, std::size_t b) { return hot.shards[a] < hot.shards[b]; });
            HotShardGroup sorted = hot;
            for (std::size_t i = 0; i < order.size(); ++i) {
                sorted.shards[i] = hot.shards[order[i]];
                sorted.tables[i] = hot.tables[order[i]];
                sorted.shardBytes[i] = hot.shardBytes[order[i]];
            }
            entry.bytes += sorted.bytes;
            entry.rows += sorted.rows;
            shardGroups.push_back(std::move(sorted));
        }
        std::vector<std::int64_t> values;
        for (const NodeSkew& node : report.nodes) {
            const auto it = perGroup.find(node.group);
            if (!node.shouldHaveShards && it == perGroup.end())
                continue;
            NodeBytes nb = it == perGroup.end() ? NodeBytes{} : it->second;
            nb.node = node.node;
            nb.group = node.group;
            values.push_back(nb.bytes);
            entry.perNode.push_back(nb);
        }
        std::tie(entry.maxOverMean, entry.coefficientOfVariation) = spread(values);
        report.colocationGroups.push_back(std::move(entry));
    }

    std::sort(shardGroups.begin(), shardGroups.end(), [](const HotShardGroup& a, const HotShardGroup& b) {
        return a.bytes != b.bytes ? a.bytes > b.bytes : a.shard < b.shard;
    });
    if (hottestCount >= 0 && shardGroups.size() > static_cast<std::size_t>(hottestCount))
        shardGroups.resize(static_cast<std::size_t>(hottestCount));
    report.hottest = std::move(shardGroups);
    return report;
}

} // namespace shardscope::engine
