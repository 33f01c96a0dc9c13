// SPDX-License-Identifier: MIT
#include "heatmapdropcheck.h"

#include <QCoreApplication>

namespace shardscope {

HeatmapDropVerdict checkHeatmapDrop(const HeatmapMatrix& matrix, int sourceRow, int column, int targetRow)
{
    if (sourceRow < 0 || targetRow < 0 || column < 0 || sourceRow >= matrix.rowCount() ||
        targetRow >= matrix.rowCount() || column >= matrix.columnCount())
        return HeatmapDropVerdict::NothingToMove;
    if (matrix.column(column).reference)
        return HeatmapDropVerdict::ReferenceTable;
    if (!matrix.isPresent(sourceRow, column))
        return HeatmapDropVerdict::NothingToMove;
    if (sourceRow == targetRow)
        return HeatmapDropVerdict::SameNode;
    if (matrix.isPresent(targetRow, column))
        return HeatmapDropVerdict::AlreadyHolds;
    const HeatmapRow& target = matrix.row(targetRow);
    if (!target.active)
        return HeatmapDropVerdict::NodeInactive;
    if (!target.acceptsShards)
        return HeatmapDropVerdict::NodeRejectsShards;
    return HeatmapDropVerdict::Allowed;
}

QString heatmapDropReason(HeatmapDropVerdict verdict)
{
    const char* text = nullptr;
    switch (verdict) {
    case HeatmapDropVerdict::Allowed:
        return {};
    case HeatmapDropVerdict::SameNode:
        text = QT_TRANSLATE_NOOP("shardscope::HeatmapDrop", "the group is already here");
        break;
    case HeatmapDropVerdict::AlreadyHolds:
        text = QT_TRANSLATE_NOOP("shardscope::HeatmapDrop", "already holds this shard group");
        break;
    case HeatmapDropVerdict::NodeRejectsShards:
        text = QT_TRANSLATE_NOOP("shardscope::HeatmapDrop", "node does not accept shards (shouldhaveshards = false)");
        break;
    case HeatmapDropVerdict::NodeInactive:
        text = QT_TRANSLATE_NOOP("shardscope::HeatmapDrop", "node is inactive");
        break;
    case HeatmapDropVerdict::ReferenceTable:
        text = QT_TRANSLATE_NOOP("shardscope::HeatmapDrop", "reference tables are on every node and cannot move");
        break;
    case HeatmapDropVerdict::NothingToMove:
        text = QT_TRANSLATE_NOOP("shardscope::HeatmapDrop", "no placement here to move");
        break;
    }
    return QCoreApplication::translate("shardscope::HeatmapDrop", text);
}

} // namespace shardscope
