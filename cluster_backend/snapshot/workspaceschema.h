// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <QSqlDatabase>
#include <QString>

namespace shardscope::snapshot {

/** The SQLite schema of a workspace: creation, version checks and the durability settings. */
class WorkspaceSchema
{
public:
    /** PRAGMA application_id of a workspace file ("SSWS"). */
    static constexpr int kApplicationId = 0x53535753;

    /** Sets WAL and synchronous=FULL, then creates the schema in a new file or checks an existing one. */
    static Status prepare(QSqlDatabase& db, int schemaVersion);
};

/** An Error from a failed Qt Sql call: what was being done, and the driver's text. */
Error sqlError(const std::string& what, const QString& driverText);

} // namespace shardscope::snapshot
