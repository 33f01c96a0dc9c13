// SPDX-License-Identifier: MIT
#pragma once

#include "heatmapmatrix.h"

#include <QString>

namespace shardscope {

/** Whether a shard group dragged from one row may be dropped on another, and if not, why. */
enum class HeatmapDropVerdict : std::uint8_t
{
    Allowed,
    SameNode,
    AlreadyHolds,
    NodeRejectsShards, ///< shouldhaveshards = false
    NodeInactive,
    ReferenceTable,
    NothingToMove, ///< the source cell holds no placement
};

HeatmapDropVerdict checkHeatmapDrop(const HeatmapMatrix& matrix, int sourceRow, int column, int targetRow);

/** A short user-facing reason ("already holds this shard group"); empty for Allowed. */
QString heatmapDropReason(HeatmapDropVerdict verdict);

} // namespace shardscope
