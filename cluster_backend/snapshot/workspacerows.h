// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/clusterstate.h"
#include "statediff.h"

#include <QSqlDatabase>

namespace shardscope::snapshot {

/** Reading and writing the rows of a workspace's state tables (inside the caller's transaction). */
class WorkspaceRows
{
public:
    static Result<engine::ClusterState> read(QSqlDatabase& db);
    /** Writes the rows of after that diff names, deletes the rows it removes. */
    static Status write(QSqlDatabase& db, const engine::ClusterState& after, const StateDiff& diff);
};

} // namespace shardscope::snapshot
