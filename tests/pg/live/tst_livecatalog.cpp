// SPDX-License-Identifier: MIT
// The catalog reader against catalog-shaped tables on plain PostgreSQL: a synthetic cluster, the real rows
// of a Citus 13.2 cluster (tests/data/live/01_pg_dist_*.csv), and a role without privileges.
#include "live/catalogreader.h"
#include "live/pgerrors.h"
#include "pgtestserver.h"
#include "syntheticcatalog.h"
#include "testdata.h"

#include <QTest>
#include <libpq-fe.h>

using namespace shardscope;
using namespace shardscope::live;

namespace {

const char* const kNoPrivilegeRole = "shardscope_noprivs";

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

std::string serverConninfo()
{
    return test::PgTestServer::conninfo().toStdString();
}

/** The tables Citus knows (they come first; Plain tables of the server follow). */
std::size_t citusTableCount(const engine::ClusterState& state)
{
    return static_cast<std::size_t>(std::count_if(state.tables.begin(), state.tables.end(), [](const engine::Table& t) {
        return t.kind != engine::TableKind::Plain;
    }));
}

const engine::Table* findTable(const engine::ClusterState& state, const std::string& schema, const std::string& name)
{
    for (const engine::Table& table : state.tables) {
        if (table.schema == schema && table.name == name)
            return &table;
    }
    return nullptr;
}

Status copyCsvInto(PgSession& session, const std::string& table, const QByteArray& csv)
{
    const std::string sql = "COPY " + table + " FROM STDIN (FORMAT csv, HEADER true)";
    PGresult* start = PQexec(session.handle(), sql.c_str());
    const bool copying = PQresultStatus(start) == PGRES_COPY_IN;
    PQclear(start);
    if (!copying)
        return Error::make(PQerrorMessage(session.handle()));
    PQputCopyData(session.handle(), csv.constData(), static_cast<int>(csv.size()));
    PQputCopyEnd(session.handle(), nullptr);
    bool ok = true;
    std::string message;
    while (PGresult* result = PQgetResult(session.handle())) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK) {
            ok = false;
            message = PQresultErrorMessage(result);
        }
        PQclear(result);
    }
    return ok ? Status(Done{}) : Status(Error::make(table + ": " + message));
}

} // namespace

class TestLiveCatalog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgSession> m_admin;

    void exec(const std::string& sql)
    {
        auto result = m_admin->exec(sql);
        QVERIFY2(result.ok(), result.ok() ? "" : (sql + ": " + result.error().message).c_str());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (serverConninfo().empty())
            QFAIL(qPrintable(test::PgTestServer::error()));
        m_admin = std::make_unique<PgSession>(*ConnectionOptions::parse(serverConninfo()));
        QVERIFY(m_admin->connect().ok());
    }

    void cleanupTestCase()
    {
        if (!m_admin)
            return;
        (void)test::dropSyntheticCatalog(*m_admin, "shardscope_catalog_small");
        (void)test::dropSyntheticCatalog(*m_admin, "shardscope_catalog_fixture");
        (void)m_admin->exec("DROP SCHEMA IF EXISTS shardscope_local_fixture CASCADE");
        (void)m_admin->exec(std::string("DROP OWNED BY ") + kNoPrivilegeRole);
        (void)m_admin->exec(std::string("DROP ROLE IF EXISTS ") + kNoPrivilegeRole);
    }

    void syntheticCluster()
    {
        test::SyntheticCatalogShape shape;
        shape.schema = "shardscope_catalog_small";
        shape.workers = 2;
        shape.hashTables = 3;
        shape.shardsPerTable = 8;
        Status created = test::createSyntheticCatalog(*m_admin, shape);
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());

        CatalogOptions options;
        options.schema = shape.schema;
        auto snapshot = readCitusCatalog(*m_admin, options);
        QVERIFY2(snapshot.ok(), snapshot.ok() ? "" : snapshot.error().message.c_str());
        const engine::ClusterState& state = snapshot->state;
        QVERIFY2(snapshot->warnings.empty(), snapshot->warnings.empty() ? "" : snapshot->warnings.front().c_str());

        QCOMPARE(state.nodes.size(), std::size_t(3));
        QVERIFY(state.nodes[0].isCoordinator());
        QVERIFY(!state.nodes[0].shouldHaveShards);
        QCOMPARE(state.nodes[2].port, 9702);
        QCOMPARE(state.nodes[2].group, 2);
        QVERIFY(state.nodes[2].metadataSynced);

        QCOMPARE(state.colocationGroups.size(), std::size_t(2));
        QCOMPARE(state.colocationGroups[0].shardCount, 8);
        QCOMPARE(state.colocationGroups[0].columnType, engine::ColumnType::Int8);

        QCOMPARE(citusTableCount(state), std::size_t(4));
        QCOMPARE(state.tables[0].name, std::string("t1"));
        QCOMPARE(state.tables[0].schema, shape.schema);
        QCOMPARE(state.tables[0].distributionColumn, std::string("id"));
        QCOMPARE(state.tables[0].columnType, engine::ColumnType::Int8);
        QVERIFY(state.tables[0].hasReplicaIdentity);
        QCOMPARE(state.tables[3].name, std::string("countries"));
        QCOMPARE(state.tables[3].kind, engine::TableKind::Reference);
        QVERIFY(state.tables[3].distributionColumn.empty());

        QCOMPARE(state.shards.size(), std::size_t(25));
        QCOMPARE(state.shards[0].id, 102008);
        QCOMPARE(state.shards[0].minValue, std::numeric_limits<std::int32_t>::min());
        QCOMPARE(state.shards[0].maxValue, -1610612737);
        QCOMPARE(state.shards[7].maxValue, std::numeric_limits<std::int32_t>::max());
        QVERIFY(!state.shards[24].hasRange);

        QCOMPARE(state.placements.size(), std::size_t(24 + 3));
        QCOMPARE(state.placements[1].shard, 102009);
        QCOMPARE(state.placements[1].group, 2);
        QCOMPARE(state.placements[1].bytes, 2 * 8192);
        QCOMPARE(state.placements[26].bytes, 16384);

        QCOMPARE(state.sequences.nextShardId, 102008 + 25);
        QCOMPARE(state.sequences.nextPlacementId, 28);
        QCOMPARE(state.sequences.nextGroupId, 3);

        QCOMPARE(snapshot->jobs.size(), std::size_t(1));
        QCOMPARE(snapshot->jobs[0].type, std::string("rebalance"));
        QCOMPARE(snapshot->jobs[0].startedAt, std::string("2026-11-25T10:00:00Z"));

        // The transaction is over and the session is usable (nothing left half-open).
        auto after = m_admin->exec("SELECT current_setting('search_path')");
        QVERIFY(after.ok());
        QVERIFY(after->text(0, 0).find(shape.schema) == std::string::npos);
    }

    void realCitusRows()
    {
        // The rows of pg_dist_* captured on a Citus 13.2 cluster, loaded into catalog-shaped tables.
        test::SyntheticCatalogShape shape;
        shape.schema = "shardscope_catalog_fixture";
        shape.hashTables = 0;
        shape.withReferenceTable = false;
        QVERIFY(test::createSyntheticCatalog(*m_admin, shape).ok());
        const std::string s = shape.schema;
        exec("TRUNCATE " + s + ".pg_dist_node, " + s + ".pg_dist_colocation, " + s + ".pg_dist_shard, " + s +
             ".pg_dist_placement, " + s + ".pg_dist_background_job");
        exec("CREATE TABLE " + s + ".users (user_id bigserial PRIMARY KEY, email text, created_at timestamptz)");
        exec("CREATE TABLE " + s +
             ".events (event_id bigserial, user_id bigint, event_type text, payload jsonb, "
             "created_at timestamptz, PRIMARY KEY (user_id, event_id))");
        exec("CREATE TABLE " + s + ".countries (code text PRIMARY KEY, name text)");
        exec("SET search_path = " + s + ", public");
        for (const auto& [table, file] : std::vector<std::pair<std::string, const char*>>{
                 {"pg_dist_node", "live/01_pg_dist_node.csv"},
                 {"pg_dist_colocation", "live/01_pg_dist_colocation.csv"},
                 {"pg_dist_partition", "live/01_pg_dist_partition.csv"},
                 {"pg_dist_shard", "live/01_pg_dist_shard_sample.csv"},
                 {"pg_dist_placement", "live/01_pg_dist_placement_sample.csv"}}) {
            const QByteArray csv = test::readData(QString::fromLatin1(file));
            QVERIFY2(!csv.isEmpty(), file);
            Status copied = copyCsvInto(*m_admin, s + '.' + table, csv);
            QVERIFY2(copied.ok(), copied.ok() ? "" : copied.error().message.c_str());
        }
        exec("RESET search_path");

        CatalogOptions options;
        options.schema = s;
        auto snapshot = readCitusCatalog(*m_admin, options);
        QVERIFY2(snapshot.ok(), snapshot.ok() ? "" : snapshot.error().message.c_str());
        const engine::ClusterState& state = snapshot->state;
        QCOMPARE(state.nodes.size(), std::size_t(3));
        QCOMPARE(state.nodes[1].name, std::string("127.0.0.1"));
        QCOMPARE(state.nodes[1].port, 9701);
        QVERIFY(!state.nodes[0].shouldHaveShards);
        QCOMPARE(state.colocationGroups.size(), std::size_t(2));
        QCOMPARE(state.colocationGroups[1].replicationFactor, -1);

        // Physical order of pg_dist_partition: as the rows were inserted (countries, events, users).
        QCOMPARE(citusTableCount(state), std::size_t(3));
        QCOMPARE(state.tables[0].name, std::string("countries"));
        QCOMPARE(state.tables[0].kind, engine::TableKind::Reference);
        QCOMPARE(state.tables[1].name, std::string("events"));
        QCOMPARE(state.tables[1].distributionColumn, std::string("user_id")); // partkey :varattno 2
        QCOMPARE(state.tables[1].columnType, engine::ColumnType::Int8);
        QCOMPARE(state.tables[1].colocationId, 1);
        QCOMPARE(state.tables[2].distributionColumn, std::string("user_id")); // partkey :varattno 1

        QCOMPARE(state.shards.size(), std::size_t(65));
        const auto shard = std::find_if(state.shards.begin(), state.shards.end(),
                                        [](const engine::Shard& x) { return x.id == 102067; });
        QVERIFY(shard != state.shards.end());
        QCOMPARE(shard->minValue, 1476395008);
        QCOMPARE(shard->maxValue, 1610612735);
        QCOMPARE(shard->table, state.tables[1].oid);
        QCOMPARE(state.placements.size(), std::size_t(67));
        QCOMPARE(state.sequences.nextShardId, 102073);
    }

    void localTablesListed()
    {
        // The coordinator's tables that Citus does not know: Plain, after Citus's own, with sizes and rows.
        test::SyntheticCatalogShape shape;
        shape.schema = "shardscope_catalog_small";
        QVERIFY(test::createSyntheticCatalog(*m_admin, shape).ok());
        const std::string local = "shardscope_local_fixture";
        exec("DROP SCHEMA IF EXISTS " + local + " CASCADE");
        exec("CREATE SCHEMA " + local);
        exec("CREATE TABLE " + local + ".\"notes; \"\"x\"\"\" (id bigint PRIMARY KEY, body text)");
        exec("INSERT INTO " + local + ".\"notes; \"\"x\"\"\" SELECT g, 'n' FROM generate_series(1, 300) g");
        exec("ANALYZE " + local + ".\"notes; \"\"x\"\"\"");
        exec("CREATE TABLE " + local + ".events (id bigint, at date) PARTITION BY RANGE (at)");
        exec("CREATE TABLE " + local + ".events_2026 PARTITION OF " + local +
             ".events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
        CatalogOptions options;
        options.schema = shape.schema;
        auto snapshot = readCitusCatalog(*m_admin, options);
        QVERIFY2(snapshot.ok(), snapshot.ok() ? "" : snapshot.error().message.c_str());
        const engine::ClusterState& state = snapshot->state;
        for (std::size_t i = 0; i < state.tables.size(); ++i) {
            // Citus's tables first, and never the catalog-shaped tables themselves.
            if (i < citusTableCount(state))
                QVERIFY(state.tables[i].kind != engine::TableKind::Plain);
            else
                QVERIFY(state.tables[i].kind == engine::TableKind::Plain && state.tables[i].schema != shape.schema);
        }
        const engine::Table* notes = findTable(state, local, "notes; \"x\"");
        QVERIFY(notes);
        QCOMPARE(notes->plainRows, std::int64_t(300));
        auto bytes = m_admin->exec("SELECT pg_table_size('" + local + ".\"notes; \"\"x\"\"\"')");
        QCOMPARE(std::to_string(notes->plainBytes), bytes->text(0, 0));
        QVERIFY(notes->hasReplicaIdentity);
        const engine::Table* partition = findTable(state, local, "events_2026");
        QVERIFY(partition);
        QCOMPARE(partition->partitionOf, findTable(state, local, "events")->oid);
        QVERIFY(!partition->hasReplicaIdentity);

        // A table locked elsewhere (an ALTER TABLE running) does not stall the read: a warning instead.
        PgSession locker(*ConnectionOptions::parse(serverConninfo()));
        QVERIFY(locker.connect().ok());
        QVERIFY(locker.exec("BEGIN").ok());
        QVERIFY(locker.exec("LOCK TABLE " + local + ".events_2026 IN ACCESS EXCLUSIVE MODE").ok());
        options.lockTimeoutMs = 200;
        auto locked = readCitusCatalog(*m_admin, options);
        QVERIFY(locker.exec("ROLLBACK").ok());
        QVERIFY2(locked.ok(), locked.ok() ? "" : locked.error().message.c_str());
        QCOMPARE(locked->warnings.size(), std::size_t(1));
        QVERIFY2(locked->warnings[0].rfind("Local tables could not be read: a table is locked by another session", 0) ==
                     0,
                 locked->warnings[0].c_str());
        QCOMPARE(citusTableCount(locked->state), locked->state.tables.size());
        QCOMPARE(locked->state.placements, state.placements); // the rest of the read stands
    }

    void missingPrivilege()
    {
        (void)m_admin->exec(std::string("DROP OWNED BY ") + kNoPrivilegeRole);
        exec(std::string("DROP ROLE IF EXISTS ") + kNoPrivilegeRole);
        exec(std::string("CREATE ROLE ") + kNoPrivilegeRole + " LOGIN");
        // The role may look into the schema but not read its tables: refused with SQLSTATE 42501.
        exec(std::string("GRANT USAGE ON SCHEMA shardscope_catalog_fixture TO ") + kNoPrivilegeRole);
        auto options = ConnectionOptions::parse(serverConninfo());
        PgSession session(options->with("user", kNoPrivilegeRole));
        QVERIFY(session.connect().ok());
        CatalogOptions catalog;
        catalog.schema = "shardscope_catalog_fixture";
        auto snapshot = readCitusCatalog(session, catalog);
        QVERIFY(!snapshot.ok());
        QCOMPARE(QString::fromStdString(snapshot.error().code), s(codes::kInsufficientPrivilege));
        QVERIFY(QString::fromStdString(snapshot.error().message).contains(s("permission denied")));
        QVERIFY(QString::fromStdString(snapshot.error().hint).contains(s("GRANT")));
        QVERIFY(session.isConnected());
        // The failed read left no transaction open.
        auto status = session.exec("SELECT 1");
        QVERIFY(status.ok());
    }

    void cancelledBeforeStart()
    {
        std::atomic<bool> cancel{true};
        CatalogOptions options;
        options.schema = "shardscope_catalog_small";
        options.cancel = &cancel;
        auto snapshot = readCitusCatalog(*m_admin, options);
        QVERIFY(!snapshot.ok());
        QCOMPARE(QString::fromStdString(snapshot.error().code), s(codes::kCancelled));
    }
};

QTEST_GUILESS_MAIN(TestLiveCatalog)
#include "tst_livecatalog.moc"
