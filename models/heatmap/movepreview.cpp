// SPDX-License-Identifier: MIT
#include "movepreview.h"

#include "engine/rebalance/rebalanceplanner.h"
#include "engine/skew.h"

#include <algorithm>
#include <unordered_map>

namespace shardscope {
namespace {

using namespace engine;

QString nodeLabel(const ClusterState& state, NodeId id)
{
    for (const Node& n : state.nodes) {
        if (n.id == id)
            return QString::fromStdString(n.name) + QLatin1Char(':') + QString::number(n.port);
    }
    return QStringLiteral("node %1").arg(id);
}

const Node* findNode(const ClusterState& state, NodeId id)
{
    const auto it = std::find_if(state.nodes.begin(), state.nodes.end(), [id](const Node& n) { return n.id == id; });
    return it == state.nodes.end() ? nullptr : &*it;
}

// The shards colocated with `shard` (same colocation group, same position by hash range).
std::vector<const Shard*> shardGroupOf(const ClusterState& state, ShardId shardId)
{
    const auto shardIt =
        std::find_if(state.shards.begin(), state.shards.end(), [shardId](const Shard& s) { return s.id == shardId; });
    if (shardIt == state.shards.end())
        return {};
    const auto tableIt =
        std::find_if(state.tables.begin(), state.tables.end(), [&](const Table& t) { return t.oid == shardIt->table; });
    if (tableIt == state.tables.end() || tableIt->colocationId == 0)
        return {&*shardIt};
    std::unordered_map<TableOid, std::vector<const Shard*>> byTable;
    for (const Shard& s : state.shards)
        byTable[s.table].push_back(&s);
    const auto order = [](const Shard* a, const Shard* b) {
        return a->hasRange && b->hasRange ? a->minValue < b->minValue : a->id < b->id;
    };
    auto& own = byTable[shardIt->table];
    std::sort(own.begin(), own.end(), order);
    const auto index = std::find(own.begin(), own.end(), &*shardIt) - own.begin();
    std::vector<const Shard*> group;
    for (const Table& t : state.tables) {
        if (t.colocationId != tableIt->colocationId)
            continue;
        auto& shards = byTable[t.oid];
        std::sort(shards.begin(), shards.end(), order);
        if (index < static_cast<std::ptrdiff_t>(shards.size()))
            group.push_back(shards[static_cast<std::size_t>(index)]);
    }
    std::sort(group.begin(), group.end(), [](const Shard* a, const Shard* b) { return a->id < b->id; });
    return group;
}

QString tableName(const ClusterState& state, TableOid oid)
{
    for (const Table& t : state.tables) {
        if (t.oid == oid) {
            const QString name = QString::fromStdString(t.name);
            return t.schema == "public" ? name : QString::fromStdString(t.schema) + QLatin1Char('.') + name;
        }
    }
    return QString::number(oid);
}

} // namespace

MovePreview MovePreview::compute(const ClusterState& state, const MoveShardPlacement& request)
{
    MovePreview preview;
    preview.request = request;
    preview.sourceLabel = nodeLabel(state, request.sourceNode);
    preview.targetLabel = nodeLabel(state, request.targetNode);
    const Node* source = findNode(state, request.sourceNode);
    for (const Shard* s : shardGroupOf(state, request.shardId)) {
        MovePreviewShard row;
        row.table = tableName(state, s->table);
        row.shard = s->id;
        for (const Placement& p : state.placements) {
            if (p.shard == s->id && source && p.group == source->group) {
                row.bytes = p.bytes;
                row.rows = p.rows;
            }
        }
        preview.bytes += row.bytes;
        preview.rows += row.rows;
        preview.shards.push_back(row);
    }

    Result<ClusterState> after = applyOperation(state, OperationRequest{request});
    if (!after) {
        preview.error = after.error();
        return preview;
    }
    preview.after = std::make_shared<const ClusterState>(std::move(after).value());
    const SkewReport before = computeSkew(state, 0);
    const SkewReport afterSkew = computeSkew(*preview.after, 0);
    for (const NodeSkew& n : before.nodes) {
        MovePreviewNode row;
        row.node = n.node;
        row.label = QString::fromStdString(n.name) + QLatin1Char(':') + QString::number(n.port);
        row.before = n.bytes;
        row.after = n.bytes;
        for (const NodeSkew& a : afterSkew.nodes) {
            if (a.node == n.node)
                row.after = a.bytes;
        }
        row.isSource = n.node == request.sourceNode;
        row.isTarget = n.node == request.targetNode;
        preview.nodes.push_back(row);
    }
    return preview;
}

MoveBackCheck MoveBackCheck::compute(const ClusterState& after, const MoveShardPlacement& move,
                                     const std::atomic<bool>* cancel)
{
    MoveBackCheck check;
    RebalanceOptions options;
    options.entryPoint = RebalanceEntryPoint::RebalanceStart;
    options.strategy = RebalanceStrategy::byDiskSize();
    check.strategy = QString::fromStdString(options.strategy.name);
    const Result<RebalancePlan> plan = planRebalance(after, options, cancel);
    if (!plan) {
        check.error = plan.error();
        return check;
    }
    std::vector<ShardId> group;
    for (const Shard* s : shardGroupOf(after, move.shardId))
        group.push_back(s->id);
    for (const PlannedMove& m : plan->moves) {
        if (m.source != move.targetNode || std::find(group.begin(), group.end(), m.shard) == group.end())
            continue;
        check.movesAway = true;
        check.movesBack = m.target == move.sourceNode;
        check.plannedTarget = m.target;
        check.plannedTargetLabel = nodeLabel(after, m.target);
        break;
    }
    return check;
}

} // namespace shardscope
