// SPDX-License-Identifier: MIT
#pragma once

#include <Qt>

namespace shardscope {

/** Data roles shared by ShardScope's models. */
enum ItemRole : int
{
    SortRole = Qt::UserRole + 1, ///< the raw value to sort by (numbers as numbers)
    ItemKindRole,                ///< ClusterItemKind as int
    ItemIdRole,                  ///< the catalog id of the row's item (qint64)
    ItemRefRole,                 ///< ClusterItemRef as QVariant
};

} // namespace shardscope
