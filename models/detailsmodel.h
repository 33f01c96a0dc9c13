// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersnapshot.h"
#include "clusteritemref.h"

#include <QAbstractTableModel>

namespace shardscope {

/**
 * Property/value rows describing the selected item of a snapshot: a node, a table, a colocation group or a
 * heading. Follows new snapshots; an item that disappeared leaves the model empty with a title saying so.
 */
class DetailsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        PropertyColumn,
        ValueColumn,
        ColumnCount
    };

    explicit DetailsModel(QObject* parent = nullptr);

    void setSnapshot(const ClusterSnapshot& snapshot);
    void setItem(const ClusterItemRef& ref);
    ClusterItemRef item() const { return m_item; }
    /** A heading for the panel: "Node worker-1:5432", "Table events", ... */
    QString title() const { return m_title; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void titleChanged(const QString& title);

private:
    struct Row
    {
        QString property;
        QString value;
        bool operator==(const Row&) const = default;
    };

    void rebuild();
    std::vector<Row> describe(QString& title) const;
    std::vector<Row> describeNode(const engine::ClusterState& state, qint64 id, QString& title) const;
    std::vector<Row> describeTable(const engine::ClusterState& state, qint64 id, QString& title) const;
    std::vector<Row> describeGroup(const engine::ClusterState& state, qint64 id, QString& title) const;
    std::vector<Row> describeSection(const engine::ClusterState& state, qint64 id, QString& title) const;

    ClusterSnapshot m_snapshot;
    ClusterItemRef m_item;
    QString m_title;
    std::vector<Row> m_rows;
};

} // namespace shardscope
