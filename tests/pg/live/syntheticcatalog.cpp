// SPDX-License-Identifier: MIT
#include "syntheticcatalog.h"

#include <libpq-fe.h>

namespace shardscope::test {

namespace {

std::string replaceAll(std::string text, const std::string& from, const std::string& to)
{
    for (std::size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
    return text;
}

// The catalog tables, with Citus 13.2's column names and types (see tests/data/live/01_catalog_columns.csv).
const char* const kSchemaSql = R"SQL(
DROP SCHEMA IF EXISTS @S CASCADE;
CREATE SCHEMA @S;
CREATE TABLE @S.pg_dist_node (nodeid int PRIMARY KEY, groupid int NOT NULL, nodename text NOT NULL,
    nodeport int NOT NULL DEFAULT 5432, noderack text NOT NULL DEFAULT 'default', hasmetadata bool NOT NULL DEFAULT false,
    isactive bool NOT NULL DEFAULT true, noderole text NOT NULL DEFAULT 'primary', nodecluster name NOT NULL DEFAULT 'default',
    metadatasynced bool DEFAULT false, shouldhaveshards bool NOT NULL DEFAULT true, nodeisclone bool NOT NULL DEFAULT false,
    nodeprimarynodeid int NOT NULL DEFAULT 0);
CREATE TABLE @S.pg_dist_colocation (colocationid int PRIMARY KEY, shardcount int NOT NULL, replicationfactor int NOT NULL,
    distributioncolumntype oid NOT NULL, distributioncolumncollation oid NOT NULL);
CREATE TABLE @S.pg_dist_partition (logicalrelid regclass NOT NULL, partmethod "char" NOT NULL, partkey text,
    colocationid int NOT NULL DEFAULT 0, repmodel "char" NOT NULL DEFAULT 'c', autoconverted bool DEFAULT false);
CREATE TABLE @S.pg_dist_shard (logicalrelid regclass NOT NULL, shardid bigint PRIMARY KEY, shardstorage "char" NOT NULL,
    shardminvalue text, shardmaxvalue text);
CREATE TABLE @S.pg_dist_placement (placementid bigint PRIMARY KEY, shardid bigint NOT NULL, shardstate int NOT NULL,
    shardlength bigint NOT NULL, groupid int NOT NULL);
CREATE TABLE @S.pg_dist_background_job (job_id bigint PRIMARY KEY, state text NOT NULL, job_type name NOT NULL,
    description text NOT NULL, started_at timestamptz, finished_at timestamptz);
CREATE TABLE @S.shard_size (shard_id int, size bigint);
CREATE FUNCTION @S.citus_shard_sizes(OUT shard_id integer, OUT size bigint) RETURNS SETOF record
    LANGUAGE sql STABLE AS 'SELECT shard_id, size FROM @S.shard_size';
INSERT INTO @S.pg_dist_node (nodeid, groupid, nodename, nodeport, hasmetadata, metadatasynced, shouldhaveshards)
    VALUES (1, 0, '127.0.0.1', 9700, true, true, false);
INSERT INTO @S.pg_dist_node (nodeid, groupid, nodename, nodeport, hasmetadata, metadatasynced)
    SELECT w + 1, w, '127.0.0.1', 9700 + w, true, true FROM generate_series(1, @W) w;
INSERT INTO @S.pg_dist_colocation VALUES (1, @N, 1, 20, 0);
DO $$ BEGIN
    FOR t IN 1..@T LOOP
        EXECUTE format('CREATE TABLE %I.%I (id bigint PRIMARY KEY, payload text)', '@S', 't' || t);
    END LOOP;
END $$;
INSERT INTO @S.pg_dist_partition
    SELECT format('%I.%I', '@S', 't' || t)::regclass, 'h',
           '{VAR :varno 1 :varattno 1 :vartype 20 :vartypmod -1 :varcollid 0 :varlevelsup 0 :varnosyn 1 :varattnosyn 1 :location -1}',
           1, 's', false
    FROM generate_series(1, @T) t;
WITH rel AS MATERIALIZED (SELECT t, format('%I.%I', '@S', 't' || t)::regclass AS r FROM generate_series(1, @T) t)
INSERT INTO @S.pg_dist_shard
    SELECT rel.r, 102008 + (rel.t - 1) * @N + i, 't',
           (-2147483648::bigint + i * (4294967296 / @N))::text,
           CASE WHEN i = @N - 1 THEN '2147483647' ELSE (-2147483648::bigint + (i + 1) * (4294967296 / @N) - 1)::text END
    FROM rel, generate_series(0, @N - 1) i;
INSERT INTO @S.pg_dist_placement
    SELECT s - 102007, s, 1, 0, 1 + ((s - 102008) % @N) % @W FROM generate_series(102008, 102007 + @T * @N) s;
INSERT INTO @S.shard_size
    SELECT s, 8192 * (1 + ((s - 102008) % @N) % 7) FROM generate_series(102008, 102007 + @T * @N) s;
INSERT INTO @S.pg_dist_background_job VALUES
    (1, 'finished', 'rebalance', 'Rebalance all colocation groups', '2026-11-25 10:00:00+00', '2026-11-25 10:05:00+00');
)SQL";

const char* const kReferenceSql = R"SQL(
CREATE TABLE @S.countries (code text PRIMARY KEY, name text);
INSERT INTO @S.pg_dist_colocation VALUES (2, 1, -1, 0, 0);
INSERT INTO @S.pg_dist_partition VALUES ('@S.countries'::regclass, 'n', NULL, 2, 't', false);
INSERT INTO @S.pg_dist_shard VALUES ('@S.countries'::regclass, 102008 + @T * @N, 't', NULL, NULL);
INSERT INTO @S.pg_dist_placement
    SELECT @T * @N + g + 1, 102008 + @T * @N, 1, 0, g FROM generate_series(0, @W) g;
INSERT INTO @S.shard_size VALUES (102008 + @T * @N, 16384);
)SQL";

} // namespace

Status createSyntheticCatalog(live::PgSession& session, const SyntheticCatalogShape& shape)
{
    auto expand = [&](const char* sql) {
        std::string text = replaceAll(sql, "@S", shape.schema);
        text = replaceAll(text, "@W", std::to_string(shape.workers));
        text = replaceAll(text, "@T", std::to_string(shape.hashTables));
        return replaceAll(text, "@N", std::to_string(shape.shardsPerTable));
    };
    // Simple-query protocol: several statements at once (the schema name is a plain identifier here).
    PGconn* conn = session.handle();
    for (const char* part : {kSchemaSql, shape.withReferenceTable ? kReferenceSql : ""}) {
        const std::string sql = expand(part);
        if (sql.empty())
            continue;
        PGresult* raw = PQexec(conn, sql.c_str());
        const bool ok = PQresultStatus(raw) == PGRES_COMMAND_OK || PQresultStatus(raw) == PGRES_TUPLES_OK;
        const std::string message = PQerrorMessage(conn);
        PQclear(raw);
        if (!ok)
            return Error::make("creating the synthetic catalog failed: " + message);
    }
    auto analyzed = session.exec("ANALYZE " + shape.schema + ".pg_dist_shard, " + shape.schema + ".pg_dist_placement");
    if (!analyzed)
        return analyzed.error();
    return Done{};
}

Status dropSyntheticCatalog(live::PgSession& session, const std::string& schema)
{
    auto result = session.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    if (!result)
        return result.error();
    return Done{};
}

} // namespace shardscope::test
