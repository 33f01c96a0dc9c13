// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <QString>
#include <functional>
#include <string>

class QSqlDatabase;

namespace shardscope::snapshot {

/**
 * Opens the SQLite file at path on a new, uniquely named Qt Sql connection (creating its folder), then runs
 * prepare on it (pragmas, schema checks). Returns the connection name; on any failure the connection is
 * removed again. noun names the file in messages ("workspace", "the journal"); errorCode is the code of an
 * error reported by the SQLite driver.
 */
Result<QString> openSqliteFile(const std::string& path, const std::string& noun, const QString& connectionPrefix,
                               const std::string& errorCode, const std::function<Status(QSqlDatabase&)>& prepare);

/**
 * Where a per-cluster SQLite file lives by default: <app data>/<folder>/<name>.sqlite, with every character
 * of name other than letters, digits, '-' and '_' turned into '_' ("cluster" when name is empty).
 */
std::string defaultSqlitePath(const QString& folder, const std::string& name);

/** Closes and removes the connection opened by openSqliteFile and clears the name; nothing when it is empty. */
void closeSqliteFile(QString& connection);

} // namespace shardscope::snapshot
