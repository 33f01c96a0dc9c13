// SPDX-License-Identifier: MIT
#include "columnstatsreader.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdlib>

namespace shardscope::live {

namespace {

// $1 schema, $2 table. to_regclass(format('%I.%I')) finds the table without trusting the names as SQL.
constexpr const char* kRelationSql =
    "SELECT c.oid, greatest(c.reltuples, 0)::bigint FROM pg_catalog.pg_class c "
    "WHERE c.oid = to_regclass(format('%I.%I', $1::text, $2::text)) AND c.relkind IN ('r', 'p')";

// Arrays travel as JSON: most_common_vals is anyarray, its text form cast to text[] keeps every value.
constexpr const char* kColumnsSql =
    "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, s.n_distinct, s.null_frac, "
    "array_to_json(s.most_common_vals::text::text[])::text, array_to_json(s.most_common_freqs)::text "
    "FROM pg_catalog.pg_attribute a "
    "LEFT JOIN LATERAL (SELECT * FROM pg_catalog.pg_stats st WHERE st.schemaname = $2 AND st.tablename = $3 "
    "AND st.attname = a.attname ORDER BY st.inherited DESC LIMIT 1) s ON true "
    "WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

constexpr const char* kUniqueSql =
    "SELECT ic.relname, i.indisprimary, array_to_json(ARRAY(SELECT a.attname FROM unnest(i.indkey::int2[]) "
    "WITH ORDINALITY k(attnum, n) JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
    "ORDER BY k.n))::text "
    "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
    "WHERE i.indrelid = $1::oid AND i.indisunique ORDER BY i.indisprimary DESC, ic.relname";

// columns: the referencing side (conkey), other columns: the referenced side (confkey), in either direction.
constexpr const char* kForeignKeysSql =
    "SELECT con.conname, con.conrelid <> $1::oid, "
    "array_to_json(ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, n) "
    "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.n))::text, "
    "n.nspname, c.relname, "
    "array_to_json(ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, n) "
    "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.n))::text "
    "FROM pg_catalog.pg_constraint con "
    "JOIN pg_catalog.pg_class c ON c.oid = CASE WHEN con.conrelid = $1::oid THEN con.confrelid ELSE con.conrelid END "
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "WHERE con.contype = 'f' AND (con.conrelid = $1::oid OR con.confrelid = $1::oid) ORDER BY con.conname";

std::vector<std::string> jsonStrings(const std::string& json)
{
    std::vector<std::string> result;
    const QJsonArray array = QJsonDocument::fromJson(QByteArray::fromStdString(json)).array();
    result.reserve(std::size_t(array.size()));
    for (const QJsonValue& value : array)
        result.push_back(value.toString().toStdString());
    return result;
}

std::vector<double> jsonNumbers(const std::string& json)
{
    std::vector<double> result;
    const QJsonArray array = QJsonDocument::fromJson(QByteArray::fromStdString(json)).array();
    result.reserve(std::size_t(array.size()));
    for (const QJsonValue& value : array)
        result.push_back(value.toDouble());
    return result;
}

std::optional<double> number(const QueryResult& result, std::size_t row, int column)
{
    if (row >= result.rows.size() || !result.rows[row][std::size_t(column)])
        return std::nullopt;
    return std::atof(result.rows[row][std::size_t(column)]->c_str());
}

} // namespace

Result<engine::PlainTableInfo> readPlainTableInfo(PgSession& session, const std::string& schema,
                                                  const std::string& table)
{
    if (!session.isConnected())
        return session.lastError();
    auto relation = session.exec(kRelationSql, {schema, table});
    if (!relation)
        return relation.error();
    if (relation->rows.empty())
        return Error::make("table " + schema + "." + table + " was not found on the server", "shardscope.not_found");
    const std::string oid = relation->text(0, 0);

    engine::PlainTableInfo info;
    info.schema = schema;
    info.name = table;
    info.rows = std::atoll(relation->text(0, 1, "0").c_str());

    auto columns = session.exec(kColumnsSql, {oid, schema, table});
    if (!columns)
        return columns.error();
    for (std::size_t row = 0; row < columns->rows.size(); ++row) {
        engine::PlainColumn column;
        column.name = columns->text(row, 0);
        column.typeName = columns->text(row, 1);
        column.notNull = columns->text(row, 2) == "t";
        column.distinct = number(*columns, row, 3);
        column.nullFraction = number(*columns, row, 4);
        column.sampleValues = jsonStrings(columns->text(row, 5));
        column.sampleWeights = jsonNumbers(columns->text(row, 6));
        if (column.sampleWeights.size() != column.sampleValues.size())
            column.sampleWeights.clear();
        info.columns.push_back(std::move(column));
    }

    auto unique = session.exec(kUniqueSql, {oid});
    if (!unique)
        return unique.error();
    for (std::size_t row = 0; row < unique->rows.size(); ++row)
        info.uniqueKeys.push_back(
            {unique->text(row, 0), jsonStrings(unique->text(row, 2)), unique->text(row, 1) == "t"});

    auto foreign = session.exec(kForeignKeysSql, {oid});
    if (!foreign)
        return foreign.error();
    for (std::size_t row = 0; row < foreign->rows.size(); ++row) {
        engine::ForeignKey key;
        key.name = foreign->text(row, 0);
        key.incoming = foreign->text(row, 1) == "t";
        key.columns = jsonStrings(foreign->text(row, 2));
        key.otherSchema = foreign->text(row, 3);
        key.otherTable = foreign->text(row, 4);
        key.otherColumns = jsonStrings(foreign->text(row, 5));
        info.foreignKeys.push_back(std::move(key));
    }
    return info;
}

} // namespace shardscope::live
