// SPDX-License-Identifier: MIT
#include "detailsmodel.h"

#include "clustertotals.h"
#include "format.h"

#include <QStringList>
#include <algorithm>
#include <unordered_map>

namespace shardscope {

DetailsModel::DetailsModel(QObject* parent) : QAbstractTableModel(parent) {}

void DetailsModel::setSnapshot(const ClusterSnapshot& snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

void DetailsModel::setItem(const ClusterItemRef& ref)
{
    m_item = ref;
    rebuild();
}

void DetailsModel::rebuild()
{
    QString title;
    std::vector<Row> rows = describe(title);
    if (rows.size() == m_rows.size()) {
        // Same shape: update in place so a view keeps its scroll position across refreshes.
        for (size_t i = 0; i < rows.size(); ++i) {
            if (!(rows[i] == m_rows[i])) {
                m_rows[i] = rows[i];
                Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
            }
        }
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    if (title != m_title) {
        m_title = title;
        Q_EMIT titleChanged(m_title);
    }
}

std::vector<DetailsModel::Row> DetailsModel::describe(QString& title) const
{
    if (!m_snapshot.state) {
        title = tr("No cluster loaded yet");
        return {};
    }
    const engine::ClusterState& state = *m_snapshot.state;
    switch (m_item.kind) {
    case ClusterItemKind::None:
        title = tr("Nothing selected");
        return {};
    case ClusterItemKind::Node:
        return describeNode(state, m_item.id, title);
    case ClusterItemKind::Table:
        return describeTable(state, m_item.id, title);
    case ClusterItemKind::ColocationGroup:
        return describeGroup(state, m_item.id, title);
    case ClusterItemKind::Section:
        return describeSection(state, m_item.id, title);
    }
    return {};
}

std::vector<DetailsModel::Row> DetailsModel::describeNode(const engine::ClusterState& state, qint64 id,
                                                          QString& title) const
{
    const auto node = std::find_if(state.nodes.begin(), state.nodes.end(), [id](const auto& n) { return n.id == id; });
    if (node == state.nodes.end()) {
        title = tr("This node is no longer in the cluster");
        return {};
    }
    title = tr("Node %1").arg(Format::nodeAddress(*node));
    const ClusterTotals totals = ClusterTotals::compute(state);
    const auto it = totals.byNodeGroup.find(node->group);
    const Totals t = it == totals.byNodeGroup.end() ? Totals{} : it->second;
    std::vector<Row> rows{
        {tr("Address"), Format::nodeAddress(*node)},
        {tr("Node id"), QString::number(node->id)},
        {tr("Group id"), QString::number(node->group)},
        {tr("Role"), Format::nodeRole(*node)},
        {tr("Active"), Format::yesNo(node->isActive)},
        {tr("Should have shards"), Format::yesNo(node->shouldHaveShards)},
        {tr("Has metadata"), Format::yesNo(node->hasMetadata)},
        {tr("Shard placements"), Format::count(t.placements)},
        {tr("Data size"), Format::bytes(t.bytes)},
        {tr("Share of cluster data"),
         totals.cluster.bytes > 0 ? Format::percent(double(t.bytes) / double(totals.cluster.bytes)) : tr("none")},
        {tr("Estimated rows"), Format::count(t.rows)},
    };
    if (node->freeDiskBytes >= 0) {
        rows.push_back({tr("Free disk"), Format::bytes(node->freeDiskBytes)});
    }
    return rows;
}

std::vector<DetailsModel::Row> DetailsModel::describeTable(const engine::ClusterState& state, qint64 id,
                                                           QString& title) const
{
    const auto table =
        std::find_if(state.tables.begin(), state.tables.end(), [id](const auto& t) { return qint64(t.oid) == id; });
    if (table == state.tables.end()) {
        title = tr("This table is no longer in the cluster");
        return {};
    }
    title = tr("Table %1").arg(Format::tableName(*table));
    const ClusterTotals totals = ClusterTotals::compute(state);
    const auto it = totals.byTable.find(table->oid);
    const Totals t = it == totals.byTable.end() ? Totals{} : it->second;
    std::vector<Row> rows{
        {tr("Name"), QString::fromStdString(table->schema + "." + table->name)},
        {tr("Kind"), Format::tableKind(table->kind)},
    };
    if (!table->distributionColumn.empty()) {
        rows.push_back({tr("Distribution column"), tr("%1 (%2)").arg(QString::fromStdString(table->distributionColumn),
                                                                     Format::columnType(table->columnType))});
    }
    if (table->colocationId != 0) {
        rows.push_back({tr("Colocation group"), QString::number(table->colocationId)});
    }
    if (table->kind != engine::TableKind::Plain) {
        rows.push_back({tr("Shards"), Format::count(t.shards)});
        rows.push_back({tr("Placements"), Format::count(t.placements)});
    }
    rows.push_back({tr("Size"), Format::bytes(t.bytes)});
    rows.push_back({tr("Estimated rows"), Format::count(t.rows)});

    // The biggest shard tells at a glance whether one tenant dominates.
    std::unordered_map<engine::ShardId, std::int64_t> shardBytes;
    for (const auto& shard : state.shards) {
        if (shard.table == table->oid) {
            shardBytes.emplace(shard.id, 0);
        }
    }
    for (const auto& placement : state.placements) {
        if (const auto found = shardBytes.find(placement.shard); found != shardBytes.end()) {
            found->second = std::max(found->second, placement.bytes);
        }
    }
    if (shardBytes.size() > 1) {
        const auto largest = std::max_element(shardBytes.begin(), shardBytes.end(), [](const auto& a, const auto& b) {
            return a.second < b.second || (a.second == b.second && a.first > b.first);
        });
        const double mean = double(t.bytes) / double(std::max<std::int64_t>(1, t.placements));
        rows.push_back({tr("Largest shard"), tr("%1 (%2, %3× the mean)")
                                                 .arg(largest->first)
                                                 .arg(Format::bytes(largest->second))
                                                 .arg(mean > 0 ? double(largest->second) / mean : 0.0, 0, 'f', 1)});
    }
    return rows;
}

std::vector<DetailsModel::Row> DetailsModel::describeGroup(const engine::ClusterState& state, qint64 id,
                                                           QString& title) const
{
    const auto group = std::find_if(state.colocationGroups.begin(), state.colocationGroups.end(),
                                    [id](const auto& g) { return g.id == id; });
    if (group == state.colocationGroups.end()) {
        title = tr("This colocation group is no longer in the cluster");
        return {};
    }
    title = tr("Colocation group %1").arg(group->id);
    const ClusterTotals totals = ClusterTotals::compute(state);
    const auto it = totals.byColocation.find(group->id);
    const Totals t = it == totals.byColocation.end() ? Totals{} : it->second;
    QStringList tables;
    for (const auto& table : state.tables) {
        if (table.colocationId == group->id) {
            tables << Format::tableName(table);
        }
    }
    return {
        {tr("Colocation id"), QString::number(group->id)},
        {tr("Distribution column type"), Format::columnType(group->columnType)},
        {tr("Shard count at creation"), Format::count(group->shardCount)},
        {tr("Shard groups now"), Format::count(t.shards)},
        {tr("Replication factor"), QString::number(group->replicationFactor)},
        {tr("Tables"), tables.join(QStringLiteral(", "))},
        {tr("Size"), Format::bytes(t.bytes)},
        {tr("Estimated rows"), Format::count(t.rows)},
    };
}

std::vector<DetailsModel::Row> DetailsModel::describeSection(const engine::ClusterState& state, qint64 id,
                                                             QString& title) const
{
    const ClusterTotals totals = ClusterTotals::compute(state);
    switch (ClusterSection(id)) {
    case ClusterSection::Nodes: {
        title = tr("Nodes");
        const auto active =
            std::count_if(state.nodes.begin(), state.nodes.end(), [](const auto& n) { return n.isActive; });
        const auto holding = std::count_if(state.nodes.begin(), state.nodes.end(),
                                           [](const auto& n) { return n.isActive && n.shouldHaveShards; });
        return {
            {tr("Nodes"), Format::count(qint64(state.nodes.size()))},
            {tr("Active"), Format::count(active)},
            {tr("Accepting shards"), Format::count(holding)},
            {tr("Shard placements"), Format::count(totals.cluster.placements)},
            {tr("Data size"), Format::bytes(totals.cluster.bytes)},
        };
    }
    case ClusterSection::ReferenceTables:
    case ClusterSection::LocalTables: {
        const bool reference = ClusterSection(id) == ClusterSection::ReferenceTables;
        title = reference ? tr("Reference tables") : tr("Local tables");
        qint64 count = 0;
        qint64 bytes = 0;
        for (const auto& table : state.tables) {
            const bool isReference = table.kind == engine::TableKind::Reference;
            const bool isLocal = table.kind == engine::TableKind::CitusLocal || table.kind == engine::TableKind::Plain;
            if ((reference && isReference) || (!reference && isLocal)) {
                ++count;
                const auto it = totals.byTable.find(table.oid);
                bytes += it == totals.byTable.end() ? 0 : it->second.bytes;
            }
        }
        return {
            {tr("Tables"), Format::count(count)},
            {tr("Size"), Format::bytes(bytes)},
            {tr("Placement"),
             reference ? tr("a full copy on every node") : tr("on the coordinator only, not distributed")},
        };
    }
    }
    title.clear();
    return {};
}

int DetailsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DetailsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DetailsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    const Row& row = m_rows[size_t(index.row())];
    return index.column() == PropertyColumn ? row.property : row.value;
}

QVariant DetailsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    return section == PropertyColumn ? tr("Property") : tr("Value");
}

} // namespace shardscope
