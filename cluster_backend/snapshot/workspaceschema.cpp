// SPDX-License-Identifier: MIT
#include "workspaceschema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <array>

namespace shardscope::snapshot {

namespace {

constexpr std::array<const char*, 8> kCreate{
    "CREATE TABLE cluster (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, "
    "next_shard_id INTEGER NOT NULL, next_placement_id INTEGER NOT NULL, next_colocation_id INTEGER NOT NULL, "
    "next_group_id INTEGER NOT NULL, next_node_id INTEGER NOT NULL, next_table_oid INTEGER NOT NULL)",
    "CREATE TABLE nodes (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, group_id INTEGER NOT NULL, "
    "name TEXT NOT NULL, port INTEGER NOT NULL, rack TEXT NOT NULL, role TEXT NOT NULL, cluster TEXT NOT NULL, "
    "is_active INTEGER NOT NULL, has_metadata INTEGER NOT NULL, metadata_synced INTEGER NOT NULL, "
    "should_have_shards INTEGER NOT NULL, free_disk_bytes INTEGER NOT NULL)",
    "CREATE TABLE colocation_groups (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, "
    "shard_count INTEGER NOT NULL, replication_factor INTEGER NOT NULL, column_type TEXT, "
    "collation INTEGER NOT NULL)",
    "CREATE TABLE tables (oid INTEGER PRIMARY KEY, position INTEGER NOT NULL, schema_name TEXT NOT NULL, "
    "name TEXT NOT NULL, kind TEXT NOT NULL, distribution_column TEXT, column_type TEXT, "
    "colocation_id INTEGER NOT NULL, replication_model TEXT NOT NULL, has_replica_identity INTEGER NOT NULL, "
    "partition_of INTEGER NOT NULL, plain_bytes INTEGER NOT NULL, plain_rows INTEGER NOT NULL)",
    // NULL bounds for a shard without a hash range, as in pg_dist_shard.
    "CREATE TABLE shards (id INTEGER PRIMARY KEY, table_oid INTEGER NOT NULL, min_value INTEGER, "
    "max_value INTEGER)",
    "CREATE TABLE placements (id INTEGER PRIMARY KEY, shard_id INTEGER NOT NULL, group_id INTEGER NOT NULL, "
    "bytes INTEGER NOT NULL, row_count INTEGER NOT NULL)",
    "CREATE TABLE operations (id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, "
    "label TEXT NOT NULL, summary TEXT NOT NULL)",
    "CREATE INDEX operations_at ON operations (at_ms)",
};

constexpr std::array<const char*, 7> kTables{"cluster", "nodes",      "colocation_groups", "tables",
                                             "shards",  "placements", "operations"};

Result<QVariant> scalar(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return sqlError("cannot read the workspace (" + sql.toStdString() + ")", query.lastError().text());
    return query.value(0);
}

Status exec(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return sqlError("cannot prepare the workspace (" + sql.toStdString() + ")", query.lastError().text());
    return Done{};
}

} // namespace

Error sqlError(const std::string& what, const QString& driverText)
{
    return Error::make(what + ": " + driverText.toStdString(), "shardscope.workspace_error");
}

Status WorkspaceSchema::prepare(QSqlDatabase& db, int schemaVersion)
{
    // The first read also tells whether the file is a SQLite database at all.
    Result<QVariant> applicationId = scalar(db, QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return Error::make("the file is not a ShardScope workspace (" + applicationId.error().message + ")",
                           "shardscope.workspace_invalid");
    Result<QVariant> version = scalar(db, QStringLiteral("PRAGMA user_version"));
    Result<QVariant> objects = scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!version || !objects)
        return !version ? version.error() : objects.error();
    const bool fresh = applicationId->toInt() == 0 && version->toInt() == 0 && objects->toInt() == 0;
    if (!fresh && applicationId->toInt() != kApplicationId)
        return Error::make("the file is an SQLite database but not a ShardScope workspace",
                           "shardscope.workspace_invalid");
    if (!fresh && version->toInt() > schemaVersion)
        return Error::make("the workspace was written by a newer ShardScope (schema version " +
                               std::to_string(version->toInt()) + ", this one reads " + std::to_string(schemaVersion) +
                               ")",
                           "shardscope.workspace_version", "Update ShardScope to open it.");
    if (!fresh && version->toInt() < 1)
        return Error::make("the workspace has an unknown schema version " + std::to_string(version->toInt()),
                           "shardscope.workspace_version");

    // WAL: a commit appends to the log and never rewrites the database in place, so a crash cannot tear it;
    // synchronous=FULL syncs the log at every commit, so a committed operation also survives a power loss.
    // One fsync per user operation is cheap.
    Result<QVariant> mode = scalar(db, QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!mode)
        return mode.error();
    if (mode->toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return Error::make("the workspace cannot use write-ahead logging (journal mode " +
                               mode->toString().toStdString() + ")",
                           "shardscope.workspace_error");
    if (Status status = exec(db, QStringLiteral("PRAGMA synchronous=FULL")); !status)
        return status;

    if (fresh) {
        if (!db.transaction())
            return sqlError("cannot create the workspace", db.lastError().text());
        for (const char* statement : kCreate) {
            if (Status status = exec(db, QString::fromLatin1(statement)); !status) {
                db.rollback();
                return status;
            }
        }
        // No cluster row yet: an empty workspace loads as a default ClusterState.
        const std::array<QString, 2> finish{QStringLiteral("PRAGMA application_id=%1").arg(kApplicationId),
                                            QStringLiteral("PRAGMA user_version=%1").arg(schemaVersion)};
        for (const QString& statement : finish) {
            if (Status status = exec(db, statement); !status) {
                db.rollback();
                return status;
            }
        }
        if (!db.commit())
            return sqlError("cannot create the workspace", db.lastError().text());
        return Done{};
    }

    const QStringList present = db.tables();
    for (const char* table : kTables) {
        if (!present.contains(QLatin1String(table)))
            return Error::make(std::string("the workspace is damaged: table ") + table + " is missing",
                               "shardscope.workspace_invalid");
    }
    return Done{};
}

} // namespace shardscope::snapshot
