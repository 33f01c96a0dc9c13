// SPDX-License-Identifier: MIT
#include "hotshardmodel.h"

#include "format.h"
#include "itemroles.h"

#include <QStringList>

namespace shardscope {

HotShardModel::HotShardModel(QObject* parent) : QAbstractTableModel(parent) {}

void HotShardModel::setReport(const engine::SkewReport& report)
{
    beginResetModel();
    m_rows = report.hottest;
    m_totalBytes = report.totalBytes;
    endResetModel();
}

const engine::HotShardGroup* HotShardModel::shardGroupAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

int HotShardModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HotShardModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HotShardModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const engine::HotShardGroup& group = m_rows[static_cast<std::size_t>(index.row())];
    const double share = m_totalBytes > 0 ? static_cast<double>(group.bytes) / static_cast<double>(m_totalBytes) : 0.0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ShardColumn:
            return QString::number(group.shard);
        case TablesColumn: {
            QStringList tables;
            for (const std::string& table : group.tables)
                tables.append(QString::fromStdString(table));
            tables.removeDuplicates();
            return tables.join(QStringLiteral(", "));
        }
        case NodeColumn:
            return group.node == 0
                       ? tr("unplaced")
                       : QString::fromStdString(group.nodeName) + QLatin1Char(':') + QString::number(group.nodePort);
        case SizeColumn:
            return Format::bytes(group.bytes);
        case ShareColumn:
            return Format::percent(share);
        case RowsColumn:
            return Format::count(group.rows);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() >= SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        return tr("Shard group of shard %1 (colocation group %2): %3 in %4. Click to show it on the Placement tab.")
            .arg(group.shard)
            .arg(group.colocationId)
            .arg(Format::bytes(group.bytes), tr("%n colocated shard(s)", nullptr, int(group.shards.size())));
    case SortRole:
        switch (index.column()) {
        case ShardColumn:
            return QVariant::fromValue<qint64>(group.shard);
        case SizeColumn:
        case ShareColumn:
            return QVariant::fromValue<qint64>(group.bytes);
        case RowsColumn:
            return QVariant::fromValue<qint64>(group.rows);
        default:
            return data(index, Qt::DisplayRole);
        }
    case ShardIdRole:
        return QVariant::fromValue<qint64>(group.shard);
    case ColocationIdRole:
        return QVariant::fromValue<qint64>(group.colocationId);
    case NodeIdRole:
        return QVariant::fromValue<qint64>(group.node);
    case BytesRole:
        return QVariant::fromValue<qint64>(group.bytes);
    default:
        return {};
    }
}

QVariant HotShardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ShardColumn:
        return tr("Shard");
    case TablesColumn:
        return tr("Tables");
    case NodeColumn:
        return tr("Node");
    case SizeColumn:
        return tr("Size");
    case ShareColumn:
        return tr("Share");
    case RowsColumn:
        return tr("Rows");
    default:
        return {};
    }
}

} // namespace shardscope
