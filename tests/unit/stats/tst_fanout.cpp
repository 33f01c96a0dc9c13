// SPDX-License-Identifier: MIT
// Fan-out classification: the real cluster's statements (04_) on its tables (01_), and statements written here.
#include "fixturecsv.h"
#include "stats/fanoutclassifier.h"

#include <QTest>

using namespace shardscope::stats;
using shardscope::engine::TableKind;

namespace {

// users and events hash-distributed by user_id (colocation 1, 32 shards on 2 workers), countries a reference table.
TableCatalog fixtureCatalog()
{
    QMap<QString, int> nodes;
    for (const auto& row : shardscope::test::readCsv(QStringLiteral("stats/01_citus_shards_per_node.csv")))
        ++nodes[row[QStringLiteral("table_name")]];
    TableCatalog catalog;
    for (const auto& row : shardscope::test::readCsv(QStringLiteral("stats/01_citus_tables.csv"))) {
        CatalogTable table;
        table.name = row[QStringLiteral("table_name")].toStdString();
        const bool reference = row[QStringLiteral("citus_table_type")] == QLatin1String("reference");
        table.kind = reference ? TableKind::Reference : TableKind::HashDistributed;
        if (!reference)
            table.distributionColumn = row[QStringLiteral("distribution_column")].toStdString();
        table.colocationId = row[QStringLiteral("colocation_id")].toInt();
        table.shardCount = row[QStringLiteral("shard_count")].toInt();
        table.nodeCount = nodes.value(row[QStringLiteral("table_name")]);
        catalog.add(table);
    }
    // Tables of our own, for the cases the fixture cluster does not have.
    catalog.add(CatalogTable{"public", "orders", TableKind::HashDistributed, "order_id", 5, 8, 4});
    catalog.add(CatalogTable{"public", "audit", TableKind::CitusLocal, "", 0, 1, 1});
    catalog.add(CatalogTable{"public", "events_archive", TableKind::HashDistributed, "user_id", 1, 32, 2});
    return catalog;
}

} // namespace

class TestFanout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureCatalogIsRead()
    {
        const TableCatalog catalog = fixtureCatalog();
        const CatalogTable* events = catalog.find("", "events");
        QVERIFY(events != nullptr);
        QCOMPARE(events->distributionColumn, std::string("user_id"));
        QCOMPARE(events->shardCount, 32);
        QCOMPARE(events->nodeCount, 2);
        QCOMPARE(catalog.find("", "countries")->nodeCount, 3);
    }

    void catalogFromClusterState()
    {
        using namespace shardscope::engine;
        ClusterState state;
        Table users;
        users.oid = 16384;
        users.name = "users";
        users.distributionColumn = "user_id";
        users.colocationId = 1;
        Table countries;
        countries.oid = 16390;
        countries.schema = "geo";
        countries.name = "countries";
        countries.kind = TableKind::Reference;
        state.tables = {users, countries};
        // users: 4 shards on groups 1, 2, 1, 2; countries: one shard on groups 0, 1, 2.
        for (int i = 0; i < 4; ++i) {
            state.shards.push_back(Shard{102008 + i, users.oid, 0, 0, true});
            state.placements.push_back(Placement{i + 1, 102008 + i, 0, 0, 1 + i % 2});
        }
        state.shards.push_back(Shard{102012, countries.oid, 0, 0, false});
        for (int group = 0; group < 3; ++group)
            state.placements.push_back(Placement{10 + group, 102012, 0, 0, group});

        const TableCatalog catalog = TableCatalog::fromClusterState(state);
        const CatalogTable* table = catalog.find("", "users");
        QVERIFY(table != nullptr);
        QCOMPARE(table->shardCount, 4);
        QCOMPARE(table->nodeCount, 2);
        QCOMPARE(table->distributionColumn, std::string("user_id"));
        QVERIFY(catalog.find("public", "countries") == nullptr);
        QCOMPARE(catalog.find("geo", "countries")->nodeCount, 3);
        QCOMPARE(catalog.find("", "countries")->kind, TableKind::Reference);

        const Fanout all = classifyStatement("SELECT * FROM users", catalog);
        QCOMPARE(all.kind, FanoutClass::MultiShard);
        QCOMPARE(all.shards, std::optional<int>(4));
        QCOMPARE(all.nodes, std::optional<int>(2));
        QCOMPARE(classifyStatement("DELETE FROM geo.countries", catalog).nodes, std::optional<int>(3));
    }

    void classify_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("shards"); // -1: not known
        QTest::addColumn<int>("nodes");
        QTest::addColumn<bool>("upperBound");
        const auto row = [](const char* name, const char* sql, const char* kind, int shards, int nodes,
                            bool upper = false) {
            QTest::newRow(name) << QString::fromUtf8(sql) << QString::fromLatin1(kind) << shards << nodes << upper;
        };
        // The statements of 04_citus_stat_statements_raw.csv.
        row("router select", "SELECT count(*) FROM events WHERE user_id = $1", "router", 1, 1);
        row("router insert", "INSERT INTO events (user_id, event_type, payload) VALUES ($1, $2, $3)", "router", 1, 1);
        row("router users", "SELECT email FROM users WHERE user_id = $1", "router", 1, 1);
        row("no key", "SELECT count(*) FROM events WHERE event_type = $1", "multi-shard", 32, 2);
        row("count all", "SELECT count(*) FROM users;", "multi-shard", 32, 2);
        row("colocated join",
            "SELECT u.email, count(*) AS n FROM users u JOIN events e ON e.user_id = u.user_id GROUP BY u.email "
            "ORDER BY n DESC LIMIT $1",
            "multi-shard", 32, 2);
        row("reference join",
            "SELECT c.name, count(*) FROM events e JOIN countries c ON c.code = e.payload->>$1 GROUP BY c.name",
            "multi-shard", 32, 2);
        row("router update", "UPDATE users SET email = email WHERE user_id = $1", "router", 1, 1);
        row("prepare", "PREPARE ev_by_user(bigint) AS SELECT count(*) FROM events WHERE user_id = $1;", "router", 1, 1);
        row("router delete", "DELETE FROM events WHERE user_id = $1 AND event_type = $2", "router", 1, 1);
        row("multi-row insert",
            "INSERT INTO events (user_id, event_type, payload) VALUES ($1, $2, $3), ($4, $5, $6), ($7, $8, $9)",
            "multi-shard", 3, 2, true);
        // Statements of our own.
        row("in list", "SELECT * FROM events WHERE user_id IN ($1, $2, $3, $4, $5)", "multi-shard", 5, 2, true);
        row("or of keys", "SELECT * FROM events WHERE user_id = 1 OR user_id = 2", "multi-shard", 2, 2, true);
        row("or with other column", "SELECT * FROM events WHERE user_id = 1 OR event_type = 'x'", "multi-shard", 32, 2);
        row("and narrows", "SELECT * FROM events WHERE user_id IN (1, 2) AND user_id = 1", "router", 1, 1);
        row("range does not prune", "SELECT * FROM events WHERE user_id BETWEEN 1 AND 3", "multi-shard", 32, 2);
        row("any array literal", "SELECT * FROM events WHERE user_id = ANY(ARRAY[1, 2])", "multi-shard", 2, 2, true);
        row("any parameter", "SELECT * FROM events WHERE user_id = ANY($1)", "unknown", -1, -1);
        row("constant on the left", "SELECT * FROM events WHERE 7 = user_id", "router", 1, 1);
        row("typed parameter", "SELECT * FROM events WHERE user_id = $1::bigint", "router", 1, 1);
        row("colocated join with key",
            "SELECT * FROM users u JOIN events e ON u.user_id = e.user_id WHERE e.user_id = 5", "router", 1, 1);
        row("join in where", "SELECT * FROM users u, events e WHERE u.user_id = e.user_id AND u.user_id = $1", "router",
            1, 1);
        row("join on another column", "SELECT * FROM users u JOIN events e ON u.email = e.event_type", "repartition",
            -1, -1);
        row("different colocation", "SELECT * FROM users u JOIN orders o ON u.user_id = o.order_id", "repartition", -1,
            -1);
        row("reference only", "SELECT * FROM countries WHERE code = 'DE'", "reference", 1, 1);
        row("reference write", "UPDATE countries SET name = 'x'", "reference", 1, 3);
        row("schema qualified", "SELECT * FROM public.users WHERE user_id = 1", "router", 1, 1);
        row("subquery", "SELECT * FROM events WHERE user_id IN (SELECT user_id FROM users)", "unknown", -1, -1);
        row("cte", "WITH x AS (SELECT 1) SELECT * FROM events", "unknown", -1, -1);
        row("union", "SELECT user_id FROM users UNION SELECT user_id FROM events", "unknown", -1, -1);
        // Negative keys: libpg_query's JSON drops the value of negative integer constants.
        row("negative key", "SELECT * FROM events WHERE user_id = -5", "router", 1, 1);
        row("negative key spaced", "SELECT * FROM events WHERE user_id = - 5", "router", 1, 1);
        row("negative cast key", "SELECT * FROM events WHERE user_id = -5::bigint", "router", 1, 1);
        row("negative normalized", "SELECT name FROM events WHERE user_id = -$1::bigint", "router", 1, 1);
        row("negative in list", "SELECT * FROM events WHERE user_id IN (-1, 1)", "multi-shard", 2, 2, true);
        row("negative duplicates", "SELECT * FROM events WHERE user_id IN (-1, -1, -(1))", "router", 1, 1);
        row("zero is minus zero", "SELECT * FROM events WHERE user_id IN (0, -0)", "router", 1, 1);
        row("negative any", "SELECT * FROM events WHERE user_id = ANY(ARRAY[-2, -2, 2])", "multi-shard", 2, 2, true);
        row("in list of parameters", "SELECT * FROM events WHERE user_id IN ($1, $1)", "multi-shard", 2, 2, true);
        // INSERT ... SELECT as Citus 13.2 plans it (checked with EXPLAIN on a real cluster).
        row("insert select pushdown",
            "INSERT INTO events_archive (user_id, event_type) SELECT user_id, event_type FROM events", "multi-shard",
            32, 2);
        row("insert select pushdown router",
            "INSERT INTO events_archive (user_id, event_type) SELECT user_id, event_type FROM events "
            "WHERE user_id = $1 LIMIT $2",
            "router", 1, 1);
        row("insert select colocated join",
            "INSERT INTO events_archive (user_id, event_type) SELECT u.user_id, e.event_type FROM users u "
            "JOIN events e ON e.user_id = u.user_id",
            "multi-shard", 32, 2);
        row("insert select group by key",
            "INSERT INTO events_archive (user_id, event_type) SELECT user_id, count(*) FROM events GROUP BY user_id",
            "multi-shard", 32, 2);
        row("insert select group by position",
            "INSERT INTO events_archive (user_id, event_type) SELECT user_id, count(*) FROM events GROUP BY 1",
            "multi-shard", 32, 2);
        row("insert select window by key",
            "INSERT INTO events_archive (user_id, event_type) SELECT user_id, row_number() OVER (PARTITION BY "
            "user_id) FROM events",
            "multi-shard", 32, 2);
        row("insert select other column", "INSERT INTO events_archive (user_id) SELECT $1 FROM events", "repartition",
            -1, -1);
        row("insert select not colocated", "INSERT INTO orders (order_id) SELECT user_id FROM events", "repartition",
            -1, -1);
        row("insert select limit",
            "INSERT INTO events_archive (user_id, event_type) SELECT user_id, event_type FROM events "
            "ORDER BY user_id LIMIT 10",
            "multi-shard", 64, 2, true);
        row("insert select aggregate",
            "INSERT INTO events_archive (user_id, event_type) SELECT max(user_id), count(*) FROM events", "multi-shard",
            64, 2, true);
        row("insert select group by other",
            "INSERT INTO events_archive (user_id, event_type) SELECT min(user_id), event_type FROM events "
            "GROUP BY event_type",
            "multi-shard", 64, 2, true);
        row("insert select distinct other",
            "INSERT INTO events_archive (user_id, event_type) SELECT DISTINCT ON (event_type) user_id, event_type "
            "FROM events",
            "multi-shard", 64, 2, true);
        row("insert select window",
            "INSERT INTO events_archive (user_id, event_type) SELECT user_id, row_number() OVER () FROM events",
            "multi-shard", 64, 2, true);
        row("insert select router elsewhere",
            "INSERT INTO orders (order_id) SELECT user_id FROM events WHERE user_id = $1", "multi-shard", 9, 4, true);
        row("insert select from reference", "INSERT INTO events (user_id, event_type) SELECT $1, code FROM countries",
            "multi-shard", 33, 2, true);
        row("insert select reference to reference",
            "INSERT INTO countries (code, name) SELECT code, name FROM countries", "reference", 1, 3);
        row("insert select into reference", "INSERT INTO countries (code) SELECT event_type FROM events", "multi-shard",
            33, 3);
        row("insert select from function", "INSERT INTO events (user_id) SELECT i FROM generate_series(1, 10) i",
            "multi-shard", 32, 2, true);
        row("insert select repartition join",
            "INSERT INTO events_archive (user_id) SELECT u.user_id FROM users u JOIN events e ON u.email = "
            "e.event_type",
            "repartition", -1, -1);
        row("insert select without columns", "INSERT INTO events SELECT * FROM events", "unknown", -1, -1);
        row("insert select star", "INSERT INTO events_archive (user_id, event_type) SELECT * FROM events", "unknown",
            -1, -1);
        row("insert select cast", "INSERT INTO events_archive (user_id) SELECT user_id::bigint FROM events", "unknown",
            -1, -1);
        row("insert select cast other column",
            "INSERT INTO events_archive (user_id) SELECT event_type::bigint FROM events", "repartition", -1, -1);
        row("insert select into local", "INSERT INTO audit SELECT * FROM events", "unknown", -1, -1);
        row("function next to a table", "SELECT * FROM events, generate_series(1, 3) g", "unknown", -1, -1);
        row("unknown table", "SELECT * FROM pg_class", "unknown", -1, -1);
        row("local table", "SELECT * FROM audit", "unknown", -1, -1);
        row("no table", "SELECT 1", "unknown", -1, -1);
        row("utility", "VACUUM events", "unknown", -1, -1);
        row("syntax error", "SELEC * FROM events", "unknown", -1, -1);
        row("two statements", "SELECT 1; SELECT 2", "unknown", -1, -1);
    }

    void classify()
    {
        QFETCH(QString, sql);
        QFETCH(QString, kind);
        QFETCH(int, shards);
        QFETCH(int, nodes);
        QFETCH(bool, upperBound);
        static const TableCatalog catalog = fixtureCatalog();
        const Fanout fanout = classifyStatement(sql.toStdString(), catalog);
        QCOMPARE(QString::fromLatin1(fanoutClassName(fanout.kind).data()), kind);
        QCOMPARE(fanout.shards.value_or(-1), shards);
        QCOMPARE(fanout.nodes.value_or(-1), nodes);
        QCOMPARE(fanout.upperBound, upperBound);
        QVERIFY(!fanout.reason.empty());
    }

    void onCitusTables_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("onCitus");
        QTest::newRow("distributed") << QStringLiteral("SELECT * FROM events") << true;
        QTest::newRow("cte over citus") << QStringLiteral("WITH r AS (SELECT * FROM events) SELECT * FROM r") << true;
        QTest::newRow("citus and a local table")
            << QStringLiteral("SELECT * FROM events e JOIN pg_class c ON true") << true;
        QTest::newRow("catalog") << QStringLiteral("SELECT * FROM pg_class") << false;
        QTest::newRow("subquery over citus")
            << QStringLiteral("SELECT count(*) FROM (SELECT user_id FROM events GROUP BY 1) s") << true;
        QTest::newRow("subquery over catalogs")
            << QStringLiteral("SELECT citus_move_shard_placement(shardid, $1, $2) FROM (SELECT shardid FROM "
                              "pg_dist_shard) s")
            << false;
        QTest::newRow("cte over catalogs")
            << QStringLiteral("WITH p AS MATERIALIZED (SELECT logicalrelid FROM pg_dist_partition) SELECT * FROM p")
            << false;
        // PL/pgSQL expressions, recorded by pg_stat_statements with track = all
        QTest::newRow("plpgsql expression") << QStringLiteral("$1") << false;
        QTest::newRow("plpgsql expression over a catalog")
            << QStringLiteral("EXISTS ( SELECT extname FROM pg_extension WHERE extname = $1 )") << false;
        QTest::newRow("plpgsql expression over citus")
            << QStringLiteral("EXISTS ( SELECT 1 FROM events WHERE user_id = $1 )") << true;
        QTest::newRow("condition subquery over citus")
            << QStringLiteral("SELECT * FROM pg_class WHERE relname IN (SELECT event_type FROM events)") << true;
        QTest::newRow("a shard") << QStringLiteral("SELECT * FROM countries_102093 WHERE code = $1") << false;
        QTest::newRow("no table") << QStringLiteral("SELECT pg_sleep($1)") << false;
        QTest::newRow("function") << QStringLiteral("SELECT * FROM fetch_intermediate_results($1, $2)") << false;
        QTest::newRow("utility") << QStringLiteral("VACUUM events") << false;
    }

    void onCitusTables()
    {
        QFETCH(QString, sql);
        QFETCH(bool, onCitus);
        static const TableCatalog catalog = fixtureCatalog();
        const Fanout fanout = classifyStatement(sql.toStdString(), catalog);
        QCOMPARE(fanout.onCitusTables, onCitus);
        if (!onCitus)
            QCOMPARE(fanout.kind, FanoutClass::Unknown);
    }

    void evidence_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("executors");
        QTest::addColumn<bool>("keyed");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("shards");
        const auto row = [](const char* name, const char* sql, QStringList executors, bool keyed, const char* kind,
                            const char* method, int shards) {
            QTest::newRow(name) << QString::fromUtf8(sql) << executors << keyed << QString::fromLatin1(kind)
                                << QString::fromLatin1(method) << shards;
        };
        const QStringList adaptive{QStringLiteral("adaptive")};
        const QStringList insertSelect{QStringLiteral("insert-select")};
        // Without a column list the text cannot tell; citus_stat_statements' executor can.
        row("pushed down", "INSERT INTO events_archive SELECT * FROM events WHERE event_type = $1", adaptive, false,
            "multi-shard", "pushdown", 32);
        row("not pushed down", "INSERT INTO events_archive SELECT * FROM events", insertSelect, false, "repartition",
            "repartition", -1);
        row("not pushed down limit", "INSERT INTO events_archive SELECT * FROM events LIMIT 5", insertSelect, false,
            "multi-shard", "via-coordinator", 64);
        row("no evidence", "INSERT INTO events_archive SELECT * FROM events", QStringList(), false, "unknown", "", -1);
        row("evidence agrees",
            "INSERT INTO events_archive (user_id, event_type) SELECT user_id, event_type FROM events", adaptive, false,
            "multi-shard", "pushdown", 32);
        row("evidence disagrees",
            "INSERT INTO events_archive (user_id, event_type) SELECT user_id, event_type FROM events", insertSelect,
            false, "unknown", "", -1);
        // Every execution named one key value: a router, even where the text hides the key.
        row("keyed calls", "SELECT * FROM events WHERE user_id = abs($1)", adaptive, true, "router", "", 1);
        row("not keyed", "SELECT * FROM events WHERE user_id = abs($1)", adaptive, false, "multi-shard", "", 32);
    }

    void evidence()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, executors);
        QFETCH(bool, keyed);
        QFETCH(QString, kind);
        QFETCH(QString, method);
        QFETCH(int, shards);
        static const TableCatalog catalog = fixtureCatalog();
        ExecutionEvidence evidence;
        for (const QString& executor : executors)
            evidence.executors.push_back(executor.toStdString());
        evidence.everyCallKeyed = keyed;
        const Fanout fanout = classifyStatement(sql.toStdString(), catalog, evidence);
        QCOMPARE(QString::fromLatin1(fanoutClassName(fanout.kind).data()), kind);
        QCOMPARE(QString::fromLatin1(insertSelectMethodName(fanout.insertSelect).data()), method);
        QCOMPARE(fanout.shards.value_or(-1), shards);
        QVERIFY(!fanout.reason.empty());
    }

    void insertSelectMethods_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("method");
        QTest::newRow("pushdown")
            << QStringLiteral("INSERT INTO events_archive (user_id, event_type) SELECT user_id, event_type FROM events")
            << QStringLiteral("pushdown");
        QTest::newRow("repartition") << QStringLiteral("INSERT INTO orders (order_id) SELECT user_id FROM events")
                                     << QStringLiteral("repartition");
        QTest::newRow("coordinator") << QStringLiteral(
                                            "INSERT INTO events_archive (user_id) SELECT max(user_id) FROM events")
                                     << QStringLiteral("via-coordinator");
        QTest::newRow("values") << QStringLiteral("INSERT INTO events (user_id) VALUES (1)") << QString();
    }

    void insertSelectMethods()
    {
        QFETCH(QString, sql);
        QFETCH(QString, method);
        static const TableCatalog catalog = fixtureCatalog();
        const Fanout fanout = classifyStatement(sql.toStdString(), catalog);
        QCOMPARE(QString::fromLatin1(insertSelectMethodName(fanout.insertSelect).data()), method);
    }

    void everyFixtureStatementIsDecided()
    {
        // The workload statements of the real cluster all get a class; only monitoring queries stay unknown.
        const TableCatalog catalog = fixtureCatalog();
        int decided = 0;
        for (const auto& row : shardscope::test::readCsv(QStringLiteral("stats/04_citus_stat_statements_raw.csv"))) {
            const Fanout fanout = classifyStatement(row[QStringLiteral("query")].toStdString(), catalog);
            QVERIFY2(fanout.kind != FanoutClass::Unknown, qPrintable(row[QStringLiteral("query")]));
            // A row with a distribution key value was a router execution.
            if (!row[QStringLiteral("partition_key")].isEmpty())
                QCOMPARE(fanout.kind, FanoutClass::Router);
            ++decided;
        }
        QCOMPARE(decided, 527);
    }
};

QTEST_APPLESS_MAIN(TestFanout)
#include "tst_fanout.moc"
