// SPDX-License-Identifier: MIT
#include "clustertreeproxymodel.h"

#include "itemroles.h"

namespace shardscope {

ClusterTreeProxyModel::ClusterTreeProxyModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true); // a matching group shows all its tables
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(SortRole);
    setFilterKeyColumn(0);
}

bool ClusterTreeProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (!left.parent().isValid()) {
        // Headings stay in their order whichever way the user sorts.
        return sortOrder() == Qt::AscendingOrder ? left.row() < right.row() : left.row() > right.row();
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace shardscope
