// SPDX-License-Identifier: MIT
#pragma once

#include "snapshot/operationjournal.h"

#include <QAbstractTableModel>
#include <vector>

namespace shardscope {

/** The entries of the operations journal as a table, one row per operation. */
class JournalModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Started,
        Duration,
        Outcome,
        What,
        Sql,
        Error,
        Cluster,
        ColumnCount,
    };

    explicit JournalModel(QObject* parent = nullptr);

    void setEntries(std::vector<snapshot::JournalEntry> entries);
    void appendEntry(const snapshot::JournalEntry& entry);
    const std::vector<snapshot::JournalEntry>& entries() const { return m_entries; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<snapshot::JournalEntry> m_entries;
};

} // namespace shardscope
