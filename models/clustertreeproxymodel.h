// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

namespace shardscope {

/**
 * Filters the cluster tree by name (case-insensitive, keeping the parents of matches) and sorts the rows
 * inside each heading by SortRole, while the headings keep their order.
 */
class ClusterTreeProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ClusterTreeProxyModel(QObject* parent = nullptr);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace shardscope
