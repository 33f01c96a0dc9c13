// SPDX-License-Identifier: MIT
#include "journalmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace shardscope {

JournalModel::JournalModel(QObject* parent) : QAbstractTableModel(parent) {}

void JournalModel::setEntries(std::vector<snapshot::JournalEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void JournalModel::appendEntry(const snapshot::JournalEntry& entry)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(entry);
    endInsertRows();
}

int JournalModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int JournalModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JournalModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const snapshot::JournalEntry& e = m_entries[std::size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case Started:
            return QDateTime::fromMSecsSinceEpoch(e.startedMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Duration:
            return tr("%1 ms").arg(e.durationMs);
        case Outcome:
            return e.outcome == "ok" ? tr("done") : e.outcome == "failed" ? tr("failed") : tr("canceled");
        case What:
            return QString::fromStdString(e.what);
        case Sql:
            return role == Qt::ToolTipRole ? QString::fromStdString(e.sql) : QString::fromStdString(e.sql).simplified();
        case Error:
            return QString::fromStdString(e.error);
        case Cluster:
            return QString::fromStdString(e.cluster);
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Outcome && e.outcome != "ok")
        return QBrush(e.outcome == "failed" ? QColor(0xc6, 0x28, 0x28) : QColor(0x9e, 0x7a, 0x00));
    if (role == Qt::UserRole)
        return qint64(e.id);
    return {};
}

QVariant JournalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Started:
        return tr("Started");
    case Duration:
        return tr("Duration");
    case Outcome:
        return tr("Outcome");
    case What:
        return tr("What");
    case Sql:
        return tr("SQL");
    case Error:
        return tr("Error");
    case Cluster:
        return tr("Cluster");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace shardscope
