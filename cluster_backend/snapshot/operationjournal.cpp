// SPDX-License-Identifier: MIT
#include "operationjournal.h"

#include "sqlitefile.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace shardscope::snapshot {

namespace {

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

Error journalError(const std::string& what, const QSqlError& error)
{
    return Error::make(what + ": " + error.text().toStdString(), "shardscope.journal_error");
}

Status prepare(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return journalError("cannot read the journal", query.lastError());
    const int appId = query.value(0).toInt();
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return journalError("cannot read the journal", query.lastError());
    const int version = query.value(0).toInt();
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        return journalError("cannot read the journal", query.lastError());
    const bool empty = query.value(0).toInt() == 0;
    if (!empty && appId != OperationJournal::kApplicationId)
        return Error::make("it is not a ShardScope operations journal", "shardscope.journal_error");
    if (!empty && version > OperationJournal::kSchemaVersion)
        return Error::make("it was written by a newer ShardScope (schema " + std::to_string(version) + ")",
                           "shardscope.journal_error");
    query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    if (!empty)
        return Done{};
    const QStringList schema = {
        QStringLiteral("CREATE TABLE operation (id INTEGER PRIMARY KEY, started_ms INTEGER NOT NULL, "
                       "duration_ms INTEGER NOT NULL, source TEXT NOT NULL, cluster TEXT NOT NULL, "
                       "what TEXT NOT NULL, sql TEXT NOT NULL, outcome TEXT NOT NULL, error TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX operation_started ON operation(started_ms)"),
        QStringLiteral("PRAGMA application_id=%1").arg(OperationJournal::kApplicationId),
        QStringLiteral("PRAGMA user_version=%1").arg(OperationJournal::kSchemaVersion),
    };
    for (const QString& statement : schema) {
        if (!query.exec(statement))
            return journalError("cannot create the journal", query.lastError());
    }
    return Done{};
}

QString isoTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray csvField(const std::string& text)
{
    QByteArray field = QByteArray::fromStdString(text);
    if (field.contains(',') || field.contains('"') || field.contains('\n') || field.contains('\r')) {
        field.replace("\"", "\"\"");
        field = '"' + field + '"';
    }
    return field;
}

} // namespace

OperationJournal::OperationJournal() = default;

OperationJournal::~OperationJournal()
{
    close();
}

std::string OperationJournal::defaultPath()
{
    const QString root = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(root).filePath(QStringLiteral("journal.sqlite")).toStdString();
}

Status OperationJournal::open(const std::string& path)
{
    close();
    Result<QString> connection =
        openSqliteFile(path, "the journal", QStringLiteral("shardscope-journal"), "shardscope.journal_error",
                       [](QSqlDatabase& db) { return prepare(db); });
    if (!connection)
        return connection.error();
    m_connection = *connection;
    return Done{};
}

void OperationJournal::close()
{
    closeSqliteFile(m_connection);
}

Result<std::int64_t> OperationJournal::append(const JournalEntry& entry)
{
    if (!isOpen())
        return Error::make("the journal is not open", "shardscope.journal_error");
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("INSERT INTO operation (started_ms, duration_ms, source, cluster, what, sql, "
                                 "outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(qint64(entry.startedMs));
    query.addBindValue(qint64(entry.durationMs));
    query.addBindValue(q(entry.source));
    query.addBindValue(q(entry.cluster));
    query.addBindValue(q(entry.what));
    query.addBindValue(q(entry.sql));
    query.addBindValue(q(entry.outcome));
    query.addBindValue(q(entry.error));
    if (!query.exec())
        return journalError("cannot write to the journal", query.lastError());
    return std::int64_t{query.lastInsertId().toLongLong()};
}

Result<std::vector<JournalEntry>> OperationJournal::entries(const JournalFilter& filter) const
{
    if (!isOpen())
        return Error::make("the journal is not open", "shardscope.journal_error");
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    // instr(lower()) rather than LIKE: the user's text may hold % or _.
    query.prepare(QStringLiteral(
        "SELECT id, started_ms, duration_ms, source, cluster, what, sql, outcome, error FROM operation "
        "WHERE started_ms BETWEEN ? AND ? AND (? = '' OR outcome = ?) AND (? = '' OR "
        "instr(lower(what || char(10) || sql || char(10) || error || char(10) || cluster), lower(?)) > 0) "
        "ORDER BY started_ms, id"));
    query.addBindValue(qint64(filter.fromMs));
    query.addBindValue(qint64(filter.toMs));
    query.addBindValue(q(filter.outcome));
    query.addBindValue(q(filter.outcome));
    query.addBindValue(q(filter.text));
    query.addBindValue(q(filter.text));
    if (!query.exec())
        return journalError("cannot read the journal", query.lastError());
    std::vector<JournalEntry> result;
    while (query.next()) {
        JournalEntry e;
        e.id = query.value(0).toLongLong();
        e.startedMs = query.value(1).toLongLong();
        e.durationMs = query.value(2).toLongLong();
        e.source = query.value(3).toString().toStdString();
        e.cluster = query.value(4).toString().toStdString();
        e.what = query.value(5).toString().toStdString();
        e.sql = query.value(6).toString().toStdString();
        e.outcome = query.value(7).toString().toStdString();
        e.error = query.value(8).toString().toStdString();
        result.push_back(std::move(e));
    }
    return result;
}

QByteArray OperationJournal::toCsv(const std::vector<JournalEntry>& entries)
{
    QByteArray out = "id,started,duration_ms,source,cluster,what,sql,outcome,error\r\n";
    for (const JournalEntry& e : entries) {
        out += QByteArray::number(qint64(e.id)) + ',' + isoTime(e.startedMs).toUtf8() + ',' +
               QByteArray::number(qint64(e.durationMs)) + ',' + csvField(e.source) + ',' + csvField(e.cluster) + ',' +
               csvField(e.what) + ',' + csvField(e.sql) + ',' + csvField(e.outcome) + ',' + csvField(e.error) + "\r\n";
    }
    return out;
}

QByteArray OperationJournal::toJson(const std::vector<JournalEntry>& entries)
{
    QJsonArray array;
    for (const JournalEntry& e : entries) {
        array.append(QJsonObject{
            {QStringLiteral("id"), qint64(e.id)},
            {QStringLiteral("started"), isoTime(e.startedMs)},
            {QStringLiteral("duration_ms"), qint64(e.durationMs)},
            {QStringLiteral("source"), q(e.source)},
            {QStringLiteral("cluster"), q(e.cluster)},
            {QStringLiteral("what"), q(e.what)},
            {QStringLiteral("sql"), q(e.sql)},
            {QStringLiteral("outcome"), q(e.outcome)},
            {QStringLiteral("error"), q(e.error)},
        });
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace shardscope::snapshot
