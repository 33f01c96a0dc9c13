// SPDX-License-Identifier: MIT
#include "skewfigures.h"

#include <QStringList>
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace shardscope {

namespace {

// Bytes of each table on each listed node: one pass over the placements.
std::vector<TableNodeBytes> tableBytesOf(const engine::ClusterState& state, const engine::SkewReport& report)
{
    std::unordered_map<engine::GroupId, std::size_t> nodeOfGroup;
    for (std::size_t n = 0; n < report.nodes.size(); ++n)
        nodeOfGroup.emplace(report.nodes[n].group, n);
    std::unordered_map<engine::TableOid, std::size_t> rowOfTable;
    std::vector<TableNodeBytes> rows;
    for (const engine::Table& table : state.tables) {
        rowOfTable.emplace(table.oid, rows.size());
        const std::string name =
            table.schema == "public" || table.schema.empty() ? table.name : table.schema + "." + table.name;
        rows.push_back({name, std::vector<std::int64_t>(report.nodes.size(), 0)});
    }
    for (const engine::Placement& p : state.placements) {
        const auto shard = std::lower_bound(state.shards.begin(), state.shards.end(), p.shard,
                                            [](const engine::Shard& s, engine::ShardId id) { return s.id < id; });
        const auto node = nodeOfGroup.find(p.group);
        if (shard == state.shards.end() || shard->id != p.shard || node == nodeOfGroup.end())
            continue;
        const auto row = rowOfTable.find(shard->table);
        if (row != rowOfTable.end())
            rows[row->second].perNode[node->second] += p.bytes;
    }
    std::erase_if(rows, [](const TableNodeBytes& row) {
        return std::all_of(row.perNode.begin(), row.perNode.end(), [](std::int64_t b) { return b == 0; });
    });
    return rows;
}

} // namespace

SkewFigures SkewFigures::compute(const engine::ClusterState& state, std::int64_t atMs, int hottestCount, int bins)
{
    SkewFigures figures;
    figures.report = engine::computeSkew(state, hottestCount);
    figures.sample = sampleOf(figures.report, atMs);

    // A shard's size is that of its largest placement, as the engine and citus_shards count it.
    std::unordered_set<engine::TableOid> distributed;
    for (const engine::Table& table : state.tables) {
        if (table.kind == engine::TableKind::HashDistributed || table.kind == engine::TableKind::SingleShard)
            distributed.insert(table.oid);
    }
    std::vector<std::int64_t> sizes(state.shards.size(), -1);
    for (std::size_t i = 0; i < state.shards.size(); ++i) {
        if (distributed.count(state.shards[i].table) != 0)
            sizes[i] = 0;
    }
    // Shards are in id order, so a placement finds its shard by binary search.
    for (const engine::Placement& p : state.placements) {
        const auto it = std::lower_bound(state.shards.begin(), state.shards.end(), p.shard,
                                         [](const engine::Shard& s, engine::ShardId id) { return s.id < id; });
        if (it == state.shards.end() || it->id != p.shard)
            continue;
        std::int64_t& size = sizes[static_cast<std::size_t>(it - state.shards.begin())];
        if (size >= 0)
            size = std::max(size, p.bytes);
    }
    std::erase_if(sizes, [](std::int64_t s) { return s < 0; });
    figures.tables = tableBytesOf(state, figures.report);
    figures.distributedShards = static_cast<std::int64_t>(sizes.size());
    figures.histogram = histogramOf(sizes, bins);
    return figures;
}

snapshot::MetricSample SkewFigures::sampleOf(const engine::SkewReport& report, std::int64_t atMs)
{
    snapshot::MetricSample sample;
    sample.atMs = atMs;
    sample.totalBytes = report.totalBytes;
    sample.nodeMaxOverMean = report.nodeMaxOverMean;
    sample.nodeCoefficientOfVariation = report.nodeCoefficientOfVariation;
    for (const engine::NodeSkew& node : report.nodes)
        sample.nodes.push_back({node.name + ":" + std::to_string(node.port), node.bytes, node.shards});
    for (const engine::ColocationSkew& group : report.colocationGroups) {
        // One shard cannot be spread: a single-shard group's max/mean is its node count, not a trend.
        if (group.shardGroups < 2)
            continue;
        sample.groups.push_back({group.colocationId, groupLabel(group.tables).toStdString(), group.bytes,
                                 group.maxOverMean, group.coefficientOfVariation});
    }
    return sample;
}

std::vector<SizeBin> SkewFigures::histogramOf(const std::vector<std::int64_t>& sizes, int bins)
{
    if (sizes.empty() || bins < 1)
        return {};
    const std::int64_t max = *std::max_element(sizes.begin(), sizes.end());
    // Round the bar width up so the bars end on or after the largest size.
    const std::int64_t width = std::max<std::int64_t>(1, (max + bins) / bins);
    std::vector<SizeBin> result(static_cast<std::size_t>(bins));
    for (int i = 0; i < bins; ++i)
        result[static_cast<std::size_t>(i)] = {width * i, width * (i + 1), 0};
    for (std::int64_t size : sizes) {
        const auto bin = std::min<std::int64_t>(bins - 1, std::max<std::int64_t>(0, size) / width);
        ++result[static_cast<std::size_t>(bin)].shards;
    }
    return result;
}

QString SkewFigures::groupLabel(const std::vector<std::string>& tables)
{
    QStringList names;
    for (std::size_t i = 0; i < tables.size() && i < 3; ++i)
        names.append(QString::fromStdString(tables[i]));
    QString label = names.join(QStringLiteral(", "));
    if (tables.size() > 3)
        label += QStringLiteral(" +%1").arg(tables.size() - 3);
    return label;
}

} // namespace shardscope
