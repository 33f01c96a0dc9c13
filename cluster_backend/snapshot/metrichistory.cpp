// SPDX-License-Identifier: MIT
#include "metrichistory.h"

#include "sqlitefile.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <array>
#include <unordered_map>

namespace shardscope::snapshot {

namespace {

constexpr std::array<const char*, 6> kCreate{
    "CREATE TABLE samples (id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, "
    "total_bytes INTEGER NOT NULL, node_max_over_mean REAL NOT NULL, node_cv REAL NOT NULL)",
    "CREATE INDEX samples_at ON samples (at_ms)",
    "CREATE TABLE node_samples (sample_id INTEGER NOT NULL, position INTEGER NOT NULL, node TEXT NOT NULL, "
    "bytes INTEGER NOT NULL, shards INTEGER NOT NULL, PRIMARY KEY (sample_id, position))",
    "CREATE TABLE group_samples (sample_id INTEGER NOT NULL, position INTEGER NOT NULL, "
    "colocation_id INTEGER NOT NULL, label TEXT NOT NULL, bytes INTEGER NOT NULL, max_over_mean REAL NOT NULL, "
    "cv REAL NOT NULL, PRIMARY KEY (sample_id, position))",
    "CREATE TABLE markers (id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, kind TEXT NOT NULL, "
    "label TEXT NOT NULL, UNIQUE (at_ms, label))",
    "CREATE INDEX markers_at ON markers (at_ms)",
};

Error historyError(const std::string& what, const QString& driverText)
{
    return Error::make(what + ": " + driverText.toStdString(), "shardscope.history_error");
}

Result<QVariant> scalar(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return historyError("cannot read the metric history", query.lastError().text());
    return query.value(0);
}

Status exec(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return historyError("cannot prepare the metric history", query.lastError().text());
    return Done{};
}

Status prepare(QSqlDatabase& db)
{
    Result<QVariant> applicationId = scalar(db, QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return Error::make("the file is not a ShardScope metric history", "shardscope.history_invalid");
    Result<QVariant> version = scalar(db, QStringLiteral("PRAGMA user_version"));
    Result<QVariant> objects = scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!version || !objects)
        return !version ? version.error() : objects.error();
    const bool fresh = applicationId->toInt() == 0 && version->toInt() == 0 && objects->toInt() == 0;
    if (!fresh && applicationId->toInt() != MetricHistory::kApplicationId)
        return Error::make("the file is an SQLite database but not a ShardScope metric history",
                           "shardscope.history_invalid");
    if (!fresh && version->toInt() != MetricHistory::kSchemaVersion)
        return Error::make("the metric history has schema version " + std::to_string(version->toInt()) +
                               ", this ShardScope reads " + std::to_string(MetricHistory::kSchemaVersion),
                           "shardscope.history_version");
    // Losing the last sample in a power cut is harmless; WAL keeps readers and the writer apart.
    if (Result<QVariant> mode = scalar(db, QStringLiteral("PRAGMA journal_mode=WAL")); !mode)
        return mode.error();
    if (Status status = exec(db, QStringLiteral("PRAGMA synchronous=NORMAL")); !status)
        return status;
    if (!fresh)
        return Done{};
    if (!db.transaction())
        return historyError("cannot create the metric history", db.lastError().text());
    for (const char* statement : kCreate) {
        if (Status status = exec(db, QString::fromLatin1(statement)); !status) {
            db.rollback();
            return status;
        }
    }
    for (const QString& statement : {QStringLiteral("PRAGMA application_id=%1").arg(MetricHistory::kApplicationId),
                                     QStringLiteral("PRAGMA user_version=%1").arg(MetricHistory::kSchemaVersion)}) {
        if (Status status = exec(db, statement); !status) {
            db.rollback();
            return status;
        }
    }
    if (!db.commit())
        return historyError("cannot create the metric history", db.lastError().text());
    return Done{};
}

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

MetricHistory::MetricHistory() = default;

MetricHistory::~MetricHistory()
{
    close();
}

std::string MetricHistory::defaultPath(const std::string& clusterKey)
{
    return defaultSqlitePath(QStringLiteral("history"), clusterKey);
}

Status MetricHistory::open(const std::string& path)
{
    close();
    Result<QString> connection =
        openSqliteFile(path, "metric history", QStringLiteral("shardscope-history"), "shardscope.history_error",
                       [](QSqlDatabase& db) { return prepare(db); });
    if (!connection)
        return connection.error();
    m_connection = *connection;
    m_path = path;
    return Done{};
}

void MetricHistory::close()
{
    closeSqliteFile(m_connection);
}

Status MetricHistory::record(const MetricSample& sample)
{
    if (!isOpen())
        return Error::make("the metric history is not open", "shardscope.history_error");
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return historyError("cannot store a sample", db.lastError().text());
    const auto fail = [&db](const QSqlQuery& query) {
        const Error error = historyError("cannot store a sample", query.lastError().text());
        db.rollback();
        return error;
    };
    QSqlQuery head(db);
    head.prepare(QStringLiteral("INSERT INTO samples (at_ms, total_bytes, node_max_over_mean, node_cv) "
                                "VALUES (?, ?, ?, ?)"));
    head.addBindValue(QVariant::fromValue<qint64>(sample.atMs));
    head.addBindValue(QVariant::fromValue<qint64>(sample.totalBytes));
    head.addBindValue(sample.nodeMaxOverMean);
    head.addBindValue(sample.nodeCoefficientOfVariation);
    if (!head.exec())
        return fail(head);
    const qint64 id = head.lastInsertId().toLongLong();

    QSqlQuery node(db);
    node.prepare(QStringLiteral("INSERT INTO node_samples (sample_id, position, node, bytes, shards) "
                                "VALUES (?, ?, ?, ?, ?)"));
    for (std::size_t i = 0; i < sample.nodes.size(); ++i) {
        const NodeMetric& n = sample.nodes[i];
        node.addBindValue(id);
        node.addBindValue(static_cast<qint64>(i));
        node.addBindValue(text(n.node));
        node.addBindValue(QVariant::fromValue<qint64>(n.bytes));
        node.addBindValue(QVariant::fromValue<qint64>(n.shards));
        if (!node.exec())
            return fail(node);
    }
    QSqlQuery group(db);
    group.prepare(QStringLiteral("INSERT INTO group_samples (sample_id, position, colocation_id, label, bytes, "
                                 "max_over_mean, cv) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (std::size_t i = 0; i < sample.groups.size(); ++i) {
        const GroupMetric& g = sample.groups[i];
        group.addBindValue(id);
        group.addBindValue(static_cast<qint64>(i));
        group.addBindValue(QVariant::fromValue<qint64>(g.colocationId));
        group.addBindValue(text(g.label));
        group.addBindValue(QVariant::fromValue<qint64>(g.bytes));
        group.addBindValue(g.maxOverMean);
        group.addBindValue(g.coefficientOfVariation);
        if (!group.exec())
            return fail(group);
    }
    if (!db.commit())
        return historyError("cannot store a sample", db.lastError().text());
    return Done{};
}

Status MetricHistory::addMarker(const OperationMarker& marker)
{
    if (!isOpen())
        return Error::make("the metric history is not open", "shardscope.history_error");
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO markers (at_ms, kind, label) VALUES (?, ?, ?)"));
    query.addBindValue(QVariant::fromValue<qint64>(marker.atMs));
    query.addBindValue(text(marker.kind.empty() ? std::string("operation") : marker.kind));
    query.addBindValue(text(marker.label));
    if (!query.exec())
        return historyError("cannot store an operation marker", query.lastError().text());
    return Done{};
}

Result<std::vector<MetricSample>> MetricHistory::samples(std::int64_t fromMs, std::int64_t toMs)
{
    if (!isOpen())
        return Error::make("the metric history is not open", "shardscope.history_error");
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    // One read transaction, so a concurrent retention run cannot leave samples without their rows.
    if (!db.transaction())
        return historyError("cannot read the metric history", db.lastError().text());
    std::vector<MetricSample> result;
    std::unordered_map<qint64, std::size_t> positionOfId;
    const auto bindRange = [fromMs, toMs](QSqlQuery& query) {
        query.addBindValue(QVariant::fromValue<qint64>(fromMs));
        query.addBindValue(QVariant::fromValue<qint64>(toMs));
    };
    QSqlQuery head(db);
    head.setForwardOnly(true);
    head.prepare(QStringLiteral("SELECT id, at_ms, total_bytes, node_max_over_mean, node_cv FROM samples "
                                "WHERE at_ms BETWEEN ? AND ? ORDER BY at_ms, id"));
    bindRange(head);
    if (!head.exec()) {
        db.rollback();
        return historyError("cannot read the metric history", head.lastError().text());
    }
    while (head.next()) {
        MetricSample sample;
        sample.atMs = head.value(1).toLongLong();
        sample.totalBytes = head.value(2).toLongLong();
        sample.nodeMaxOverMean = head.value(3).toDouble();
        sample.nodeCoefficientOfVariation = head.value(4).toDouble();
        positionOfId.emplace(head.value(0).toLongLong(), result.size());
        result.push_back(std::move(sample));
    }
    QSqlQuery nodes(db);
    nodes.setForwardOnly(true);
    nodes.prepare(QStringLiteral("SELECT n.sample_id, n.node, n.bytes, n.shards FROM node_samples n "
                                 "JOIN samples s ON s.id = n.sample_id WHERE s.at_ms BETWEEN ? AND ? "
                                 "ORDER BY n.sample_id, n.position"));
    bindRange(nodes);
    if (!nodes.exec()) {
        db.rollback();
        return historyError("cannot read the metric history", nodes.lastError().text());
    }
    while (nodes.next()) {
        const auto it = positionOfId.find(nodes.value(0).toLongLong());
        if (it == positionOfId.end())
            continue;
        result[it->second].nodes.push_back(
            {nodes.value(1).toString().toStdString(), nodes.value(2).toLongLong(), nodes.value(3).toLongLong()});
    }
    QSqlQuery groups(db);
    groups.setForwardOnly(true);
    groups.prepare(QStringLiteral("SELECT g.sample_id, g.colocation_id, g.label, g.bytes, g.max_over_mean, g.cv "
                                  "FROM group_samples g JOIN samples s ON s.id = g.sample_id "
                                  "WHERE s.at_ms BETWEEN ? AND ? ORDER BY g.sample_id, g.position"));
    bindRange(groups);
    if (!groups.exec()) {
        db.rollback();
        return historyError("cannot read the metric history", groups.lastError().text());
    }
    while (groups.next()) {
        const auto it = positionOfId.find(groups.value(0).toLongLong());
        if (it == positionOfId.end())
            continue;
        result[it->second].groups.push_back({groups.value(1).toLongLong(), groups.value(2).toString().toStdString(),
                                             groups.value(3).toLongLong(), groups.value(4).toDouble(),
                                             groups.value(5).toDouble()});
    }
    db.rollback();
    return result;
}

Result<std::vector<OperationMarker>> MetricHistory::markers(std::int64_t fromMs, std::int64_t toMs)
{
    if (!isOpen())
        return Error::make("the metric history is not open", "shardscope.history_error");
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT at_ms, kind, label FROM markers WHERE at_ms BETWEEN ? AND ? ORDER BY at_ms, id"));
    query.addBindValue(QVariant::fromValue<qint64>(fromMs));
    query.addBindValue(QVariant::fromValue<qint64>(toMs));
    if (!query.exec())
        return historyError("cannot read the operation markers", query.lastError().text());
    std::vector<OperationMarker> result;
    while (query.next()) {
        result.push_back({query.value(0).toLongLong(), query.value(1).toString().toStdString(),
                          query.value(2).toString().toStdString()});
    }
    return result;
}

Result<std::int64_t> MetricHistory::sampleCount()
{
    if (!isOpen())
        return Error::make("the metric history is not open", "shardscope.history_error");
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Result<QVariant> count = scalar(db, QStringLiteral("SELECT count(*) FROM samples"));
    if (!count)
        return count.error();
    return static_cast<std::int64_t>(count->toLongLong());
}

Result<std::int64_t> MetricHistory::deleteOlderThan(std::int64_t cutoffMs)
{
    if (!isOpen())
        return Error::make("the metric history is not open", "shardscope.history_error");
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return historyError("cannot apply the retention", db.lastError().text());
    const std::array<QString, 4> statements{
        QStringLiteral("DELETE FROM node_samples WHERE sample_id IN (SELECT id FROM samples WHERE at_ms < ?)"),
        QStringLiteral("DELETE FROM group_samples WHERE sample_id IN (SELECT id FROM samples WHERE at_ms < ?)"),
        QStringLiteral("DELETE FROM samples WHERE at_ms < ?"),
        QStringLiteral("DELETE FROM markers WHERE at_ms < ?"),
    };
    std::int64_t deleted = 0;
    for (const QString& sql : statements) {
        QSqlQuery query(db);
        query.prepare(sql);
        query.addBindValue(QVariant::fromValue<qint64>(cutoffMs));
        if (!query.exec()) {
            const Error error = historyError("cannot apply the retention", query.lastError().text());
            db.rollback();
            return error;
        }
        if (sql.startsWith(QLatin1String("DELETE FROM samples")))
            deleted = query.numRowsAffected();
    }
    if (!db.commit())
        return historyError("cannot apply the retention", db.lastError().text());
    return deleted;
}

} // namespace shardscope::snapshot
