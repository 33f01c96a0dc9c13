// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersnapshot.h"
#include "clusteritemref.h"

#include <QAbstractItemModel>
#include <vector>

namespace shardscope {

/**
 * The cluster as a tree: "Nodes" with one row per node; one row per colocation group with its tables;
 * "Reference tables"; "Local tables" (Citus local and plain PostgreSQL tables). Columns: name, kind, shards,
 * size. A snapshot with the same items in the same places only emits dataChanged; any structural change
 * resets the model (the tree holds nodes and tables, not shards, so it stays small).
 */
class ClusterTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        KindColumn,
        ShardsColumn,
        SizeColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ClusterTreeModel(QObject* parent = nullptr);

    void setSnapshot(const ClusterSnapshot& snapshot);
    const ClusterSnapshot& snapshot() const { return m_snapshot; }

    /** The index of an item (column 0), invalid when the snapshot does not hold it. */
    QModelIndex indexOf(const ClusterItemRef& ref) const;
    ClusterItemRef itemRef(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Item
    {
        ClusterItemRef ref;
        int parent = -1; ///< index into m_items, -1 at the top
        int row = 0;     ///< row under its parent
        std::vector<int> children;
        QString name;
        QString kind;
        qint64 shards = -1; ///< -1: nothing to show
        qint64 bytes = -1;
        QString toolTip;
        bool dimmed = false;

        bool sameData(const Item& other) const
        {
            return name == other.name && kind == other.kind && shards == other.shards && bytes == other.bytes &&
                   toolTip == other.toolTip && dimmed == other.dimmed;
        }
    };

    static std::vector<Item> buildItems(const engine::ClusterState& state);
    const Item* item(const QModelIndex& index) const;
    std::vector<int> topLevel() const;
    QVariant display(const Item& item, int column) const;

    ClusterSnapshot m_snapshot;
    std::vector<Item> m_items;
    std::vector<int> m_top;
};

} // namespace shardscope
