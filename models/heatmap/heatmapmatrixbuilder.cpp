// SPDX-License-Identifier: MIT
#include "heatmapmatrixbuilder.h"

#include <QCoreApplication>
#include <algorithm>
#include <map>

namespace shardscope {
namespace {

using engine::ClusterState;
using engine::ColocationId;
using engine::Shard;
using engine::ShardId;
using engine::Table;
using engine::TableKind;
using engine::TableOid;

QString qualifiedName(const Table& t)
{
    const QString name = QString::fromStdString(t.name);
    return t.schema == "public" ? name : QString::fromStdString(t.schema) + QLatin1Char('.') + name;
}

bool isColocatedDistributed(const Table& t)
{
    return t.kind == TableKind::HashDistributed || t.kind == TableKind::SingleShard;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("shardscope::HeatmapMatrixBuilder", text);
}

// Tables of each colocation group of distributed tables, in creation order.
std::map<ColocationId, std::vector<const Table*>> tablesByGroup(const ClusterState& state)
{
    std::map<ColocationId, std::vector<const Table*>> groups;
    for (const Table& t : state.tables) {
        if (isColocatedDistributed(t) && t.colocationId != 0)
            groups[t.colocationId].push_back(&t);
    }
    return groups;
}

QString groupLabel(ColocationId id, const std::vector<const Table*>& tables, std::size_t shardGroups)
{
    QStringList names;
    for (const Table* t : tables)
        names << qualifiedName(*t);
    // A free function: lupdate files its tr() under "shardscope", so ask for that context.
    return QCoreApplication::translate("shardscope", "group %1: %2 (%3 shards)")
        .arg(id)
        .arg(names.join(QStringLiteral(", ")))
        .arg(shardGroups);
}

} // namespace

std::vector<std::pair<ColocationId, QString>> HeatmapMatrixBuilder::selectableGroups(const ClusterState& state)
{
    std::unordered_map<TableOid, std::size_t> shardCounts;
    for (const Shard& s : state.shards)
        ++shardCounts[s.table];
    std::vector<std::pair<ColocationId, QString>> result;
    for (const auto& [id, tables] : tablesByGroup(state))
        result.emplace_back(id, groupLabel(id, tables, shardCounts[tables.front()->oid]));
    return result;
}

HeatmapMatrix HeatmapMatrixBuilder::build(const ClusterState& state, ColocationId colocation,
                                          const HeatmapShardLoad* load)
{
    HeatmapMatrix m;

    std::unordered_map<TableOid, std::vector<const Shard*>> shardsOf;
    for (const Shard& s : state.shards)
        shardsOf[s.table].push_back(&s);
    for (auto& [oid, shards] : shardsOf) {
        std::sort(shards.begin(), shards.end(), [](const Shard* a, const Shard* b) {
            return a->hasRange == b->hasRange ? (a->hasRange ? a->minValue < b->minValue : a->id < b->id) : a->hasRange;
        });
    }

    // Columns: shard k of every table of a group, group by group, then the reference strip.
    for (const auto& [id, tables] : tablesByGroup(state)) {
        if (colocation != kAllGroups && id != colocation)
            continue;
        std::size_t count = 0;
        for (const Table* t : tables)
            count = std::max(count, shardsOf[t->oid].size());
        HeatmapSegment seg;
        seg.colocation = id;
        seg.label = groupLabel(id, tables, count);
        for (const Table* t : tables)
            seg.tables << qualifiedName(*t);
        seg.firstColumn = m.columnCount();
        seg.columnCount = static_cast<int>(count);
        for (std::size_t k = 0; k < count; ++k) {
            HeatmapColumn col;
            col.colocation = id;
            col.indexInGroup = static_cast<int>(k);
            col.segment = static_cast<int>(m.m_segments.size());
            for (const Table* t : tables) {
                const auto& shards = shardsOf[t->oid];
                if (k >= shards.size())
                    continue;
                const Shard* s = shards[k];
                if (col.shards.empty() && s->hasRange) {
                    col.hasRange = true;
                    col.minValue = s->minValue;
                    col.maxValue = s->maxValue;
                }
                col.shards.push_back(s->id);
            }
            std::sort(col.shards.begin(), col.shards.end());
            m.m_columns.push_back(std::move(col));
        }
        m.m_segments.push_back(std::move(seg));
    }
    HeatmapSegment refs;
    refs.reference = true;
    refs.firstColumn = m.columnCount();
    for (const Table& t : state.tables) {
        if (t.kind != TableKind::Reference)
            continue;
        for (const Shard* s : shardsOf[t.oid]) {
            HeatmapColumn col;
            col.colocation = t.colocationId;
            col.indexInGroup = refs.columnCount++;
            col.shards = {s->id};
            col.reference = true;
            col.segment = static_cast<int>(m.m_segments.size());
            m.m_columns.push_back(std::move(col));
        }
        refs.colocation = t.colocationId;
        refs.tables << qualifiedName(t);
    }
    if (refs.columnCount > 0) {
        refs.label = tr("reference tables");
        m.m_segments.push_back(std::move(refs));
    }

    std::unordered_map<ShardId, int> columnOf;
    columnOf.reserve(m.m_columns.size() * 2);
    for (std::size_t c = 0; c < m.m_columns.size(); ++c) {
        for (ShardId s : m.m_columns[c].shards)
            columnOf.emplace(s, static_cast<int>(c));
    }

    // Rows: primaries in group order; the coordinator only when it may hold shards or holds some shown here.
    const bool coordinatorHoldsShown =
        std::any_of(state.placements.begin(), state.placements.end(),
                    [&](const auto& p) { return p.group == 0 && columnOf.count(p.shard); });
    std::vector<const engine::Node*> nodes;
    for (const auto& n : state.nodes) {
        if (n.role != engine::NodeRole::Primary)
            continue;
        if (n.isCoordinator() && !n.shouldHaveShards && !coordinatorHoldsShown)
            continue;
        nodes.push_back(&n);
    }
    std::stable_sort(nodes.begin(), nodes.end(),
                     [](const engine::Node* a, const engine::Node* b) { return a->group < b->group; });
    std::unordered_map<engine::GroupId, int> rowOf;
    for (const engine::Node* n : nodes) {
        HeatmapRow row;
        row.node = n->id;
        row.group = n->group;
        row.label = QString::fromStdString(n->name) + QLatin1Char(':') + QString::number(n->port);
        row.acceptsShards = n->shouldHaveShards;
        row.active = n->isActive;
        row.coordinator = n->isCoordinator();
        rowOf.emplace(n->group, m.rowCount());
        m.m_rows.push_back(std::move(row));
    }

    const std::size_t cells = m.m_rows.size() * m.m_columns.size();
    m.m_present.assign(cells, 0);
    m.m_bytes.assign(cells, 0);
    m.m_rowCounts.assign(cells, 0);
    for (const auto& p : state.placements) {
        const auto col = columnOf.find(p.shard);
        const auto row = rowOf.find(p.group);
        if (col == columnOf.end() || row == rowOf.end())
            continue;
        const std::size_t i = m.index(row->second, col->second);
        m.m_present[i] = 1;
        m.m_bytes[i] += p.bytes;
        m.m_rowCounts[i] += p.rows;
    }

    if (load) {
        m.m_load.assign(cells, 0.0);
        for (int c = 0; c < m.columnCount(); ++c) {
            double sum = 0.0;
            for (ShardId s : m.m_columns[static_cast<std::size_t>(c)].shards) {
                const auto it = load->find(s);
                if (it != load->end())
                    sum += it->second;
            }
            for (int r = 0; r < m.rowCount(); ++r) {
                const std::size_t i = m.index(r, c);
                if (m.m_present[i])
                    m.m_load[i] = sum;
            }
        }
    }
    return m;
}

} // namespace shardscope
