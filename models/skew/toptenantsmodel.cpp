// SPDX-License-Identifier: MIT
#include "toptenantsmodel.h"

#include <QLocale>
#include <algorithm>

namespace shardscope {

TopTenantsModel::TopTenantsModel(QObject* parent) : QAbstractTableModel(parent) {}

void TopTenantsModel::setReport(const TenantReport& report)
{
    beginResetModel();
    m_report = report;
    rank();
    endResetModel();
}

void TopTenantsModel::setRanking(Ranking ranking)
{
    if (ranking == m_ranking)
        return;
    beginResetModel();
    m_ranking = ranking;
    rank();
    endResetModel();
}

void TopTenantsModel::setLimit(int limit)
{
    beginResetModel();
    m_limit = std::max(1, limit);
    rank();
    endResetModel();
}

void TopTenantsModel::rank()
{
    m_rows = m_report.rows;
    // Ties keep a stable, readable order: group, then tenant.
    std::stable_sort(m_rows.begin(), m_rows.end(), [this](const TenantRow& a, const TenantRow& b) {
        if (m_ranking == Ranking::Cpu && a.cpuSeconds() != b.cpuSeconds())
            return a.cpuSeconds() > b.cpuSeconds();
        if (a.queries() != b.queries())
            return a.queries() > b.queries();
        if (a.colocationId != b.colocationId)
            return a.colocationId < b.colocationId;
        return a.tenant < b.tenant;
    });
    if (m_rows.size() > std::size_t(m_limit))
        m_rows.resize(std::size_t(m_limit));
}

const TenantRow* TopTenantsModel::tenantAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[std::size_t(row)] : nullptr;
}

int TopTenantsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TopTenantsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopTenantsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TenantRow& row = m_rows[std::size_t(index.row())];
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TenantColumn:
            return row.tenant.isEmpty() ? tr("(no value)") : row.tenant;
        case GroupColumn:
            return row.group;
        case NodeColumn:
            return row.node.isEmpty() ? tr("unknown") : row.node;
        case QueriesColumn:
            return locale.toString(row.queries());
        case ReadsColumn:
            return locale.toString(row.reads());
        case CpuColumn:
            return tr("%1 ms").arg(locale.toString(row.cpuSeconds() * 1000.0, 'f', 1));
        case ShardColumn:
            return row.shardId == 0 ? tr("unknown") : QString::number(row.shardId);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return tr("%1 in %2: %3 queries (%4 in the running period), %5 reads, %6 ms CPU. Click to show its shard.")
            .arg(row.tenant, row.group, locale.toString(row.queries()), locale.toString(row.queriesThisPeriod),
                 locale.toString(row.reads()), locale.toString(row.cpuSeconds() * 1000.0, 'f', 1));
    case Qt::TextAlignmentRole:
        if (index.column() == QueriesColumn || index.column() == CpuColumn || index.column() == ReadsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ColocationIdRole:
        return row.colocationId;
    case ShardIdRole:
        return row.shardId;
    case ValueRole:
        return m_ranking == Ranking::Cpu ? QVariant(row.cpuSeconds()) : QVariant(row.queries());
    default:
        return {};
    }
}

QVariant TopTenantsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TenantColumn:
        return tr("Tenant");
    case GroupColumn:
        return tr("Tables");
    case NodeColumn:
        return tr("Node");
    case QueriesColumn:
        return tr("Queries");
    case ReadsColumn:
        return tr("Reads");
    case CpuColumn:
        return tr("CPU");
    case ShardColumn:
        return tr("Shard");
    default:
        return {};
    }
}

} // namespace shardscope
