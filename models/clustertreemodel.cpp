// SPDX-License-Identifier: MIT
#include "clustertreemodel.h"

#include "clustertotals.h"
#include "format.h"
#include "itemroles.h"

#include <QColor>
#include <map>

namespace shardscope {

namespace {

QString tableKindText(const engine::Table& table)
{
    if (table.kind == engine::TableKind::HashDistributed) {
        return ClusterTreeModel::tr("hash by %1").arg(QString::fromStdString(table.distributionColumn));
    }
    return Format::tableKind(table.kind);
}

} // namespace

ClusterTreeModel::ClusterTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

std::vector<ClusterTreeModel::Item> ClusterTreeModel::buildItems(const engine::ClusterState& state)
{
    const ClusterTotals totals = ClusterTotals::compute(state);
    std::vector<Item> items;
    auto add = [&items](int parent, Item item) {
        item.parent = parent;
        const int at = int(items.size());
        if (parent >= 0) {
            item.row = int(items[size_t(parent)].children.size());
            items[size_t(parent)].children.push_back(at);
        }
        items.push_back(std::move(item));
        return at;
    };
    auto tableItem = [&totals](const engine::Table& table) {
        Item item;
        item.ref = {ClusterItemKind::Table, qint64(table.oid)};
        item.name = Format::tableName(table);
        item.kind = tableKindText(table);
        const auto it = totals.byTable.find(table.oid);
        const Totals t = it == totals.byTable.end() ? Totals{} : it->second;
        item.shards = table.kind == engine::TableKind::Plain ? -1 : t.shards;
        item.bytes = t.bytes;
        return item;
    };

    int top = 0;
    Item nodes;
    nodes.ref = {ClusterItemKind::Section, qint64(ClusterSection::Nodes)};
    nodes.name = tr("Nodes");
    nodes.kind = state.nodes.size() == 1 ? tr("1 node") : tr("%1 nodes").arg(state.nodes.size());
    nodes.shards = totals.cluster.placements;
    nodes.bytes = totals.cluster.bytes;
    nodes.row = top++;
    const int nodesAt = add(-1, nodes);
    for (const auto& node : state.nodes) {
        Item item;
        item.ref = {ClusterItemKind::Node, node.id};
        item.name = Format::nodeAddress(node);
        item.kind = Format::nodeRole(node);
        const auto it = totals.byNodeGroup.find(node.group);
        item.shards = it == totals.byNodeGroup.end() ? 0 : it->second.placements;
        item.bytes = it == totals.byNodeGroup.end() ? 0 : it->second.bytes;
        item.dimmed = !node.isActive;
        if (!node.isActive) {
            item.kind = tr("%1, disabled").arg(item.kind);
        } else if (!node.shouldHaveShards) {
            item.toolTip = tr("shouldhaveshards is false: the rebalancer moves shards away from this node.");
        }
        add(nodesAt, item);
    }

    // Distributed and single-shard tables under their colocation group, groups by id.
    std::map<engine::ColocationId, std::vector<const engine::Table*>> byGroup;
    std::vector<const engine::Table*> reference;
    std::vector<const engine::Table*> local;
    for (const auto& table : state.tables) {
        switch (table.kind) {
        case engine::TableKind::HashDistributed:
        case engine::TableKind::SingleShard:
            byGroup[table.colocationId].push_back(&table);
            break;
        case engine::TableKind::Reference:
            reference.push_back(&table);
            break;
        case engine::TableKind::CitusLocal:
        case engine::TableKind::Plain:
            local.push_back(&table);
            break;
        }
    }
    for (const auto& [groupId, tables] : byGroup) {
        Item group;
        group.ref = {ClusterItemKind::ColocationGroup, groupId};
        group.name = tr("Colocation group %1").arg(groupId);
        const engine::Table& first = *tables.front();
        group.kind = first.kind == engine::TableKind::SingleShard
                         ? Format::tableKind(first.kind)
                         : tr("hash, %1").arg(Format::columnType(first.columnType));
        const auto it = totals.byColocation.find(groupId);
        group.shards = it == totals.byColocation.end() ? 0 : it->second.shards;
        group.bytes = it == totals.byColocation.end() ? 0 : it->second.bytes;
        group.toolTip = tr("Tables of one colocation group keep the shards of each hash range together on one node.");
        group.row = top++;
        const int at = add(-1, group);
        for (const engine::Table* table : tables) {
            add(at, tableItem(*table));
        }
    }
    auto addSection = [&](ClusterSection section, const QString& name, const QString& kind,
                          const std::vector<const engine::Table*>& tables) {
        if (tables.empty()) {
            return;
        }
        Item item;
        item.ref = {ClusterItemKind::Section, qint64(section)};
        item.name = name;
        item.kind = kind;
        item.bytes = 0;
        for (const engine::Table* table : tables) {
            const auto it = totals.byTable.find(table->oid);
            item.bytes += it == totals.byTable.end() ? 0 : it->second.bytes;
        }
        item.row = top++;
        const int at = add(-1, item);
        for (const engine::Table* table : tables) {
            add(at, tableItem(*table));
        }
    };
    addSection(ClusterSection::ReferenceTables, tr("Reference tables"), tr("a copy on every node"), reference);
    addSection(ClusterSection::LocalTables, tr("Local tables"), tr("on the coordinator"), local);
    return items;
}

void ClusterTreeModel::setSnapshot(const ClusterSnapshot& snapshot)
{
    std::vector<Item> items = snapshot.state ? buildItems(*snapshot.state) : std::vector<Item>{};
    const bool sameShape =
        std::equal(items.begin(), items.end(), m_items.begin(), m_items.end(), [](const Item& a, const Item& b) {
            return a.ref == b.ref && a.parent == b.parent && a.row == b.row;
        });
    m_snapshot = snapshot;
    if (!sameShape) {
        beginResetModel();
        m_items = std::move(items);
        m_top = topLevel();
        endResetModel();
        return;
    }
    for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].sameData(m_items[i])) {
            m_items[i] = std::move(items[i]);
            const QModelIndex parent = m_items[i].parent < 0 ? QModelIndex{}
                                                             : createIndex(m_items[size_t(m_items[i].parent)].row, 0,
                                                                           quintptr(m_items[i].parent));
            Q_EMIT dataChanged(index(m_items[i].row, 0, parent), index(m_items[i].row, ColumnCount - 1, parent));
        }
    }
}

std::vector<int> ClusterTreeModel::topLevel() const
{
    std::vector<int> top;
    for (size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].parent < 0) {
            top.push_back(int(i));
        }
    }
    return top;
}

const ClusterTreeModel::Item* ClusterTreeModel::item(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() >= m_items.size()) {
        return nullptr;
    }
    return &m_items[index.internalId()];
}

QModelIndex ClusterTreeModel::indexOf(const ClusterItemRef& ref) const
{
    for (size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].ref == ref) {
            return createIndex(m_items[i].row, 0, quintptr(i));
        }
    }
    return {};
}

ClusterItemRef ClusterTreeModel::itemRef(const QModelIndex& index) const
{
    const Item* it = item(index);
    return it ? it->ref : ClusterItemRef{};
}

QModelIndex ClusterTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount) {
        return {};
    }
    if (!parent.isValid()) {
        return row < int(m_top.size()) ? createIndex(row, column, quintptr(m_top[size_t(row)])) : QModelIndex{};
    }
    const Item* p = item(parent);
    if (p == nullptr || parent.column() != 0 || row >= int(p->children.size())) {
        return {};
    }
    return createIndex(row, column, quintptr(p->children[size_t(row)]));
}

QModelIndex ClusterTreeModel::parent(const QModelIndex& child) const
{
    const Item* it = item(child);
    if (it == nullptr || it->parent < 0) {
        return {};
    }
    return createIndex(m_items[size_t(it->parent)].row, 0, quintptr(it->parent));
}

int ClusterTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid()) {
        return int(m_top.size());
    }
    const Item* it = item(parent);
    return it != nullptr && parent.column() == 0 ? int(it->children.size()) : 0;
}

int ClusterTreeModel::columnCount(const QModelIndex& /*parent*/) const
{
    return ColumnCount;
}

QVariant ClusterTreeModel::display(const Item& item, int column) const
{
    switch (column) {
    case NameColumn:
        return item.name;
    case KindColumn:
        return item.kind;
    case ShardsColumn:
        return item.shards < 0 ? QVariant{} : QVariant(Format::count(item.shards));
    case SizeColumn:
        return item.bytes < 0 ? QVariant{} : QVariant(Format::bytes(item.bytes));
    default:
        return {};
    }
}

QVariant ClusterTreeModel::data(const QModelIndex& index, int role) const
{
    const Item* it = item(index);
    if (it == nullptr) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return display(*it, index.column());
    case SortRole:
        if (index.column() == ShardsColumn) {
            return it->shards;
        }
        if (index.column() == SizeColumn) {
            return it->bytes;
        }
        return display(*it, index.column());
    case Qt::ToolTipRole:
        return it->toolTip.isEmpty() ? QVariant{} : QVariant(it->toolTip);
    case Qt::TextAlignmentRole:
        if (index.column() == ShardsColumn || index.column() == SizeColumn) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ForegroundRole:
        return it->dimmed ? QVariant(QColor(Qt::gray)) : QVariant{};
    case ItemKindRole:
        return int(it->ref.kind);
    case ItemIdRole:
        return it->ref.id;
    case ItemRefRole:
        return QVariant::fromValue(it->ref);
    default:
        return {};
    }
}

QVariant ClusterTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractItemModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case ShardsColumn:
        return tr("Shards");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

} // namespace shardscope
