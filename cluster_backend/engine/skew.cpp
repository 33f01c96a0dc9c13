// SPDX-License-Identifier: MIT
#include "skew.h"

#include "clusterindex.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <span>
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

    std::vector<ShardSize> shardSizes(state.shards.size()); // by shard position
    std::vector<bool> distributedShard(state.shards.size());
    for (std::size_t i = 0; i < state.shards.size(); ++i) {
        const Table* table = index.tableByOid(state.shards[i].table);
        distributedShard[i] = table && isDistributed(*table);
    }
    for (const Placement& p : state.placements) {
        const std::size_t pos = index.shardPosition(p.shard);
        if (pos == ClusterIndex::npos)
            continue;
        ShardSize& size = shardSizes[pos];
        size.bytes = std::max(size.bytes, p.bytes);
        size.rows = std::max(size.rows, p.rows);
    }
    // Per node.
    std::set<GroupId> groupsWithDistributedData;
    for (const Placement& p : state.placements) {
        const std::size_t pos = index.shardPosition(p.shard);
        if (pos != ClusterIndex::npos && distributedShard[pos])
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

    // Per colocation group and per shard group: sizes first, details only for the hottest.
    struct GroupRef
    {
        ColocationId colocationId = 0;
        std::size_t k = 0; ///< range position
        ShardId shard = 0; ///< representative
        std::int64_t bytes = 0;
    };
    std::vector<GroupRef> shardGroups;
    std::unordered_map<ColocationId, std::vector<std::span<const std::size_t>>> shardLists;
    for (const ColocationGroup& group : state.colocationGroups) {
        const auto tables = index.tablesOfColocationGroup(group.id);
        if (tables.empty() || !isDistributed(*index.tableByOid(tables.front())))
            continue;
        ColocationSkew entry;
        entry.colocationId = group.id;
        auto& lists = shardLists[group.id];
        for (TableOid oid : tables) {
            entry.tables.push_back(displayName(*index.tableByOid(oid)));
            lists.push_back(index.shardsOfTable(oid));
        }
        std::unordered_map<GroupId, NodeBytes> perGroup;
        const auto representative = lists.front();
        entry.shardGroups = static_cast<std::int64_t>(representative.size());
        for (std::size_t k = 0; k < representative.size(); ++k) {
            GroupRef ref{group.id, k, state.shards[representative[k]].id, 0};
            for (const auto& shards : lists) {
                if (k >= shards.size())
                    continue;
                ref.bytes += shardSizes[shards[k]].bytes;
                entry.rows += shardSizes[shards[k]].rows;
                for (std::size_t p : index.placementsOfShard(state.shards[shards[k]].id)) {
                    NodeBytes& nb = perGroup[state.placements[p].group];
                    nb.group = state.placements[p].group;
                    nb.bytes += state.placements[p].bytes;
                }
            }
            for (std::size_t p : index.placementsOfShard(ref.shard))
                ++perGroup[state.placements[p].group].shardGroups;
            entry.bytes += ref.bytes;
            shardGroups.push_back(ref);
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

    const auto hotter = [](const GroupRef& a, const GroupRef& b) {
        return a.bytes != b.bytes ? a.bytes > b.bytes : a.shard < b.shard;
    };
    const std::size_t count =
        hottestCount < 0 ? shardGroups.size() : std::min(shardGroups.size(), static_cast<std::size_t>(hottestCount));
    std::partial_sort(shardGroups.begin(), shardGroups.begin() + static_cast<std::ptrdiff_t>(count), shardGroups.end(),
                      hotter);
    for (std::size_t i = 0; i < count; ++i) {
        const GroupRef& ref = shardGroups[i];
        const Shard& first = *index.shardById(ref.shard);
        HotShardGroup hot;
        hot.colocationId = ref.colocationId;
        hot.shard = ref.shard;
        hot.hasRange = first.hasRange;
        hot.minValue = first.minValue;
        hot.maxValue = first.maxValue;
        std::vector<std::size_t> members; // shard positions, ascending shard id
        for (const auto& shards : shardLists[ref.colocationId]) {
            if (ref.k < shards.size())
                members.push_back(shards[ref.k]);
        }
        std::sort(members.begin(), members.end(),
                  [&](std::size_t a, std::size_t b) { return state.shards[a].id < state.shards[b].id; });
        for (std::size_t pos : members) {
            hot.shards.push_back(state.shards[pos].id);
            hot.tables.push_back(displayName(*index.tableByOid(state.shards[pos].table)));
            hot.shardBytes.push_back(shardSizes[pos].bytes);
            hot.bytes += shardSizes[pos].bytes;
            hot.rows += shardSizes[pos].rows;
        }
        const auto firstPlacements = index.placementsOfShard(first.id);
        if (!firstPlacements.empty()) {
            hot.group = state.placements[firstPlacements.front()].group;
            if (const Node* node = index.nodeByGroup(hot.group)) {
                hot.node = node->id;
                hot.nodeName = node->name;
                hot.nodePort = node->port;
            }
        }
        report.hottest.push_back(std::move(hot));
    }
    return report;
}

} // namespace shardscope::engine
