// SPDX-License-Identifier: MIT
#include "workspace.h"

#include "sqlitefile.h"
#include "statediff.h"
#include "statevalidator.h"
#include "workspacerows.h"
#include "workspaceschema.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <limits>

namespace shardscope::snapshot {

Workspace::Workspace() = default;

Workspace::~Workspace()
{
    close();
}

std::string Workspace::defaultPath(const std::string& clusterName)
{
    return defaultSqlitePath(QStringLiteral("workspaces"), clusterName);
}

Status Workspace::open(const std::string& path)
{
    close();
    Result<QString> connection =
        openSqliteFile(path, "workspace", QStringLiteral("shardscope-workspace"), "shardscope.workspace_error",
                       [](QSqlDatabase& db) { return WorkspaceSchema::prepare(db, kSchemaVersion); });
    if (!connection)
        return connection.error();
    m_connection = *connection;
    m_path = path;
    m_storedKnown = false;
    return Done{};
}

void Workspace::close()
{
    if (m_connection.isEmpty())
        return;
    closeSqliteFile(m_connection);
    m_stored = {};
    m_storedKnown = false;
}

Result<engine::ClusterState> Workspace::load()
{
    if (!isOpen())
        return Error::make("the workspace is not open", "shardscope.workspace_error");
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    // One read transaction: a consistent view even if another connection commits meanwhile.
    if (!db.transaction())
        return sqlError("cannot read workspace " + m_path, db.lastError().text());
    Result<engine::ClusterState> state = WorkspaceRows::read(db);
    db.rollback();
    if (!state)
        return Error::make("cannot read workspace " + m_path + ": " + state.error().message, state.error().code);
    if (Status valid = validateClusterState(*state); !valid)
        return Error::make("workspace " + m_path + " holds an inconsistent state: " + valid.error().message,
                           "shardscope.workspace_invalid");
    m_stored = *state;
    m_storedKnown = true;
    return state;
}

Status Workspace::ensureLoaded()
{
    if (m_storedKnown)
        return Done{};
    Result<engine::ClusterState> state = load();
    if (!state)
        return state.error();
    return Done{};
}

Result<OperationRecord> Workspace::commit(const engine::ClusterState& after, const std::string& operationLabel,
                                          const std::string& summary)
{
    if (!isOpen())
        return Error::make("the workspace is not open", "shardscope.workspace_error");
    if (Status valid = validateClusterState(after); !valid)
        return Error::make("cannot store an inconsistent cluster state: " + valid.error().message, valid.error().code);
    if (Status loaded = ensureLoaded(); !loaded)
        return loaded.error();

    // Rows are written as a diff against what the file holds: an operation touches a handful of rows, and
    // rewriting a million placements per operation would make every click cost seconds.
    const StateDiff diff = diffStates(m_stored, after);
    OperationRecord record;
    record.atMs = QDateTime::currentMSecsSinceEpoch();
    record.label = operationLabel;
    record.summary = summary.empty() ? diff.summary() : summary;

    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return sqlError("cannot write workspace " + m_path, db.lastError().text());
    Status written = WorkspaceRows::write(db, after, diff);
    if (written) {
        QSqlQuery log(db);
        log.prepare(QStringLiteral("INSERT INTO operations (at_ms, label, summary) VALUES (?, ?, ?)"));
        log.bindValue(0, QVariant::fromValue<qint64>(record.atMs));
        log.bindValue(1, QString::fromStdString(record.label));
        log.bindValue(2, QString::fromStdString(record.summary));
        if (log.exec())
            record.id = log.lastInsertId().toLongLong();
        else
            written = sqlError("cannot write the operation log", log.lastError().text());
    }
    if (written && !db.commit())
        written = sqlError("cannot commit to workspace " + m_path, db.lastError().text());
    if (!written) {
        db.rollback();
        return Error::make("the operation was not saved, the workspace keeps its previous state: " +
                               written.error().message,
                           written.error().code);
    }
    m_stored = after;
    return record;
}

Result<std::vector<OperationRecord>> Workspace::operations()
{
    return operations(std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
}

Result<std::vector<OperationRecord>> Workspace::operations(std::int64_t fromMs, std::int64_t toMs)
{
    if (!isOpen())
        return Error::make("the workspace is not open", "shardscope.workspace_error");
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, at_ms, label, summary FROM operations WHERE at_ms BETWEEN ? AND ? ORDER BY at_ms, id"));
    query.bindValue(0, QVariant::fromValue<qint64>(fromMs));
    query.bindValue(1, QVariant::fromValue<qint64>(toMs));
    if (!query.exec())
        return sqlError("cannot read the operation log of " + m_path, query.lastError().text());
    std::vector<OperationRecord> records;
    while (query.next()) {
        records.push_back({query.value(0).toLongLong(), query.value(1).toLongLong(),
                           query.value(2).toString().toStdString(), query.value(3).toString().toStdString()});
    }
    return records;
}

} // namespace shardscope::snapshot
