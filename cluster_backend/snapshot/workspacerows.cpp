// SPDX-License-Identifier: MIT
#include "workspacerows.h"

#include "statenames.h"
#include "workspaceschema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <limits>
#include <optional>

namespace shardscope::snapshot {

namespace {

using namespace engine;

QVariant text(const std::string& value)
{
    return QString::fromStdString(value);
}

QVariant optionalText(const std::string& value)
{
    return value.empty() ? QVariant() : QVariant(QString::fromStdString(value));
}

QVariant typeText(ColumnType type)
{
    return type == ColumnType::None ? QVariant() : QVariant(QString::fromLatin1(columnTypeName(type)));
}

std::string str(const QVariant& value)
{
    return value.isNull() ? std::string() : value.toString().toStdString();
}

/** A prepared statement run once per row. */
class Statement
{
public:
    Statement(QSqlDatabase& db, const QString& sql) : m_query(db), m_sql(sql) { m_ok = m_query.prepare(sql); }

    Status run(std::initializer_list<QVariant> values)
    {
        if (!m_ok)
            return sqlError("cannot prepare " + m_sql.toStdString(), m_query.lastError().text());
        int i = 0;
        for (const QVariant& value : values)
            m_query.bindValue(i++, value);
        if (!m_query.exec())
            return sqlError("cannot write the workspace", m_query.lastError().text());
        return Done{};
    }

private:
    QSqlQuery m_query;
    QString m_sql;
    bool m_ok = false;
};

Status deleteRows(QSqlDatabase& db, const char* table, const char* key, const EntityDiff& diff)
{
    if (diff.deletes.empty())
        return Done{};
    Statement statement(db,
                        QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(QLatin1String(table), QLatin1String(key)));
    for (const std::int64_t id : diff.deletes) {
        if (Status status = statement.run({QVariant::fromValue<qint64>(id)}); !status)
            return status;
    }
    return Done{};
}

template <class Row, class Bind>
Status upsertRows(QSqlDatabase& db, const QString& sql, const std::vector<Row>& rows, const EntityDiff& diff,
                  Bind&& bind)
{
    if (diff.upserts.empty())
        return Done{};
    Statement statement(db, sql);
    for (const std::size_t index : diff.upserts) {
        if (Status status = bind(statement, rows[index], static_cast<qint64>(index)); !status)
            return status;
    }
    return Done{};
}

Status select(QSqlDatabase& db, QSqlQuery& query, const char* sql)
{
    query = QSqlQuery(db);
    query.setForwardOnly(true);
    if (!query.exec(QString::fromLatin1(sql)))
        return sqlError("cannot read the workspace", query.lastError().text());
    return Done{};
}

Error damaged(const std::string& what)
{
    return Error::make("the workspace is damaged: " + what, "shardscope.workspace_invalid");
}

qint64 i64(const QVariant& v)
{
    return v.toLongLong();
}

} // namespace

Result<ClusterState> WorkspaceRows::read(QSqlDatabase& db)
{
    ClusterState state;
    QSqlQuery q(db);
    if (Status s = select(db, q,
                          "SELECT name, next_shard_id, next_placement_id, next_colocation_id, next_group_id, "
                          "next_node_id, next_table_oid FROM cluster WHERE id = 1");
        !s)
        return s.error();
    if (q.next()) {
        state.name = str(q.value(0));
        state.sequences = {i64(q.value(1)),
                           i64(q.value(2)),
                           static_cast<ColocationId>(i64(q.value(3))),
                           static_cast<GroupId>(i64(q.value(4))),
                           static_cast<NodeId>(i64(q.value(5))),
                           static_cast<TableOid>(i64(q.value(6)))};
    }

    if (Status s = select(db, q,
                          "SELECT id, group_id, name, port, rack, role, cluster, is_active, has_metadata, "
                          "metadata_synced, should_have_shards, free_disk_bytes FROM nodes ORDER BY position");
        !s)
        return s.error();
    while (q.next()) {
        Node node;
        node.id = static_cast<NodeId>(i64(q.value(0)));
        node.group = static_cast<GroupId>(i64(q.value(1)));
        node.name = str(q.value(2));
        node.port = static_cast<std::int32_t>(i64(q.value(3)));
        node.rack = str(q.value(4));
        const auto role = nodeRoleFromName(str(q.value(5)));
        if (!role)
            return damaged("node " + std::to_string(node.id) + " has an unknown role");
        node.role = *role;
        node.cluster = str(q.value(6));
        node.isActive = q.value(7).toBool();
        node.hasMetadata = q.value(8).toBool();
        node.metadataSynced = q.value(9).toBool();
        node.shouldHaveShards = q.value(10).toBool();
        node.freeDiskBytes = i64(q.value(11));
        state.nodes.push_back(std::move(node));
    }

    if (Status s = select(db, q,
                          "SELECT id, shard_count, replication_factor, column_type, collation "
                          "FROM colocation_groups ORDER BY position");
        !s)
        return s.error();
    while (q.next()) {
        ColocationGroup group;
        group.id = static_cast<ColocationId>(i64(q.value(0)));
        group.shardCount = static_cast<std::int32_t>(i64(q.value(1)));
        group.replicationFactor = static_cast<std::int32_t>(i64(q.value(2)));
        const std::string type = str(q.value(3));
        const auto parsed = type.empty() ? std::optional<ColumnType>(ColumnType::None) : canonicalColumnType(type);
        if (!parsed)
            return damaged("colocation group " + std::to_string(group.id) + " has an unknown column type");
        group.columnType = *parsed;
        group.collation = static_cast<std::uint32_t>(i64(q.value(4)));
        state.colocationGroups.push_back(group);
    }

    if (Status s = select(db, q,
                          "SELECT oid, schema_name, name, kind, distribution_column, column_type, "
                          "colocation_id, replication_model, has_replica_identity, partition_of, "
                          "plain_bytes, plain_rows FROM tables ORDER BY position");
        !s)
        return s.error();
    while (q.next()) {
        Table table;
        table.oid = static_cast<TableOid>(i64(q.value(0)));
        table.schema = str(q.value(1));
        table.name = str(q.value(2));
        const auto kind = tableKindFromName(str(q.value(3)));
        const std::string type = str(q.value(5));
        const auto columnType = type.empty() ? std::optional<ColumnType>(ColumnType::None) : canonicalColumnType(type);
        const std::string model = str(q.value(7));
        if (!kind || !columnType || model.size() != 1)
            return damaged("table " + table.name + " has an unknown kind, column type or replication model");
        table.kind = *kind;
        table.distributionColumn = str(q.value(4));
        table.columnType = *columnType;
        table.colocationId = static_cast<ColocationId>(i64(q.value(6)));
        table.replicationModel = model[0];
        table.hasReplicaIdentity = q.value(8).toBool();
        table.partitionOf = static_cast<TableOid>(i64(q.value(9)));
        table.plainBytes = i64(q.value(10));
        table.plainRows = i64(q.value(11));
        state.tables.push_back(std::move(table));
    }

    if (Status s = select(db, q, "SELECT count(*) FROM shards"); !s)
        return s.error();
    if (q.next())
        state.shards.reserve(static_cast<std::size_t>(i64(q.value(0))));
    if (Status s = select(db, q, "SELECT id, table_oid, min_value, max_value FROM shards ORDER BY id"); !s)
        return s.error();
    while (q.next()) {
        Shard shard;
        shard.id = i64(q.value(0));
        shard.table = static_cast<TableOid>(i64(q.value(1)));
        shard.hasRange = !q.value(2).isNull();
        if (shard.hasRange) {
            shard.minValue = static_cast<std::int32_t>(i64(q.value(2)));
            shard.maxValue = static_cast<std::int32_t>(i64(q.value(3)));
        }
        state.shards.push_back(shard);
    }

    if (Status s = select(db, q, "SELECT count(*) FROM placements"); !s)
        return s.error();
    if (q.next())
        state.placements.reserve(static_cast<std::size_t>(i64(q.value(0))));
    if (Status s = select(db, q, "SELECT id, shard_id, bytes, row_count, group_id FROM placements ORDER BY id"); !s)
        return s.error();
    while (q.next()) {
        state.placements.push_back({i64(q.value(0)), i64(q.value(1)), i64(q.value(2)), i64(q.value(3)),
                                    static_cast<GroupId>(i64(q.value(4)))});
    }
    return state;
}

Status WorkspaceRows::write(QSqlDatabase& db, const ClusterState& after, const StateDiff& diff)
{
    if (diff.clusterChanged) {
        const Sequences& s = after.sequences;
        Statement statement(db, QStringLiteral("INSERT OR REPLACE INTO cluster VALUES (1, ?, ?, ?, ?, ?, ?, ?)"));
        if (Status status = statement.run({text(after.name), QVariant::fromValue<qint64>(s.nextShardId),
                                           QVariant::fromValue<qint64>(s.nextPlacementId), s.nextColocationId,
                                           s.nextGroupId, s.nextNodeId, QVariant::fromValue<qint64>(s.nextTableOid)});
            !status)
            return status;
    }
    // Children first when deleting, parents first when inserting (no foreign keys, but a readable order).
    if (Status s = deleteRows(db, "placements", "id", diff.placements); !s)
        return s;
    if (Status s = deleteRows(db, "shards", "id", diff.shards); !s)
        return s;
    if (Status s = deleteRows(db, "tables", "oid", diff.tables); !s)
        return s;
    if (Status s = deleteRows(db, "colocation_groups", "id", diff.colocationGroups); !s)
        return s;
    if (Status s = deleteRows(db, "nodes", "id", diff.nodes); !s)
        return s;

    Status status = upsertRows(
        db, QStringLiteral("INSERT OR REPLACE INTO nodes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), after.nodes,
        diff.nodes, [](Statement& st, const Node& n, qint64 position) {
            return st.run({n.id, position, n.group, text(n.name), n.port, text(n.rack),
                           QString::fromLatin1(nodeRoleName(n.role)), text(n.cluster), n.isActive, n.hasMetadata,
                           n.metadataSynced, n.shouldHaveShards, QVariant::fromValue<qint64>(n.freeDiskBytes)});
        });
    if (!status)
        return status;
    status = upsertRows(db, QStringLiteral("INSERT OR REPLACE INTO colocation_groups VALUES (?, ?, ?, ?, ?, ?)"),
                        after.colocationGroups, diff.colocationGroups,
                        [](Statement& st, const ColocationGroup& g, qint64 position) {
                            return st.run({g.id, position, g.shardCount, g.replicationFactor, typeText(g.columnType),
                                           QVariant::fromValue<qint64>(g.collation)});
                        });
    if (!status)
        return status;
    status = upsertRows(
        db, QStringLiteral("INSERT OR REPLACE INTO tables VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        after.tables, diff.tables, [](Statement& st, const Table& t, qint64 position) {
            return st.run({QVariant::fromValue<qint64>(t.oid), position, text(t.schema), text(t.name),
                           QString::fromLatin1(tableKindName(t.kind)), optionalText(t.distributionColumn),
                           typeText(t.columnType), t.colocationId, QString(QLatin1Char(t.replicationModel)),
                           t.hasReplicaIdentity, QVariant::fromValue<qint64>(t.partitionOf),
                           QVariant::fromValue<qint64>(t.plainBytes), QVariant::fromValue<qint64>(t.plainRows)});
        });
    if (!status)
        return status;
    status = upsertRows(db, QStringLiteral("INSERT OR REPLACE INTO shards VALUES (?, ?, ?, ?)"), after.shards,
                        diff.shards, [](Statement& st, const Shard& s, qint64) {
                            return st.run({QVariant::fromValue<qint64>(s.id), QVariant::fromValue<qint64>(s.table),
                                           s.hasRange ? QVariant(s.minValue) : QVariant(),
                                           s.hasRange ? QVariant(s.maxValue) : QVariant()});
                        });
    if (!status)
        return status;
    return upsertRows(db, QStringLiteral("INSERT OR REPLACE INTO placements VALUES (?, ?, ?, ?, ?)"), after.placements,
                      diff.placements, [](Statement& st, const Placement& p, qint64) {
                          return st.run({QVariant::fromValue<qint64>(p.id), QVariant::fromValue<qint64>(p.shard),
                                         p.group, QVariant::fromValue<qint64>(p.bytes),
                                         QVariant::fromValue<qint64>(p.rows)});
                      });
}

} // namespace shardscope::snapshot
