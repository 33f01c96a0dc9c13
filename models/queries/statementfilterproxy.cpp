// SPDX-License-Identifier: MIT
#include "statementfilterproxy.h"

#include "itemroles.h"
#include "statementtablemodel.h"

namespace shardscope {

StatementFilterProxy::StatementFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setFilterKeyColumn(StatementTableModel::StatementColumn);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void StatementFilterProxy::setClassFilter(std::optional<stats::FanoutClass> kind)
{
    if (m_class == kind)
        return;
    m_class = kind;
    invalidateFilter();
}

bool StatementFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_class) {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        if (index.data(StatementTableModel::FanoutClassRole).toInt() != static_cast<int>(*m_class))
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace shardscope
