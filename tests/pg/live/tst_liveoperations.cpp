// SPDX-License-Identifier: MIT
// Operation builders: the exact SQL shown to the user, values only as parameters, identifiers quoted by
// libpq (checked against the real server with hostile table names), and the run order of an operation.
#include "live/operationbuilder.h"
#include "live/pgerrors.h"
#include "pgtestserver.h"

#include <QTest>

using namespace shardscope;
using namespace shardscope::live;

Q_DECLARE_METATYPE(shardscope::engine::OperationRequest)

namespace {

QString s(const std::string& text)
{
    return QString::fromStdString(text);
}

const char* const kHostileSchema = "we\"ird sch;ema";
const char* const kHostileTable = "tab\"le; DROP TABLE x; -- é";

std::string joined(const OperationStatements& statements)
{
    std::string text;
    for (const Statement& st : statements)
        text += (text.empty() ? "" : "\n") + st.displayText;
    return text;
}

} // namespace

class TestLiveOperations : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgSession> m_session;

private Q_SLOTS:
    void initTestCase()
    {
        const QString conninfo = test::PgTestServer::conninfo();
        if (conninfo.isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
        m_session = std::make_unique<PgSession>(*ConnectionOptions::parse(conninfo.toStdString()));
        QVERIFY(m_session->connect().ok());
    }

    void displayText_data()
    {
        using namespace engine;
        QTest::addColumn<OperationRequest>("request");
        QTest::addColumn<QString>("expected");
        QTest::newRow("move") << OperationRequest(MoveShardPlacement{102008, 2, 3, TransferMode::BlockWrites})
                              << s("SELECT pg_catalog.citus_move_shard_placement('102008'::int8, '2'::int4, '3'::int4, "
                                   "transfer_mode => 'block_writes'::citus.shard_transfer_mode);");
        QTest::newRow("add node") << OperationRequest(AddNode{"10.0.0.5", 5433})
                                  << s("SELECT pg_catalog.citus_add_node('10.0.0.5', '5433'::int4);");
        QTest::newRow("remove node") << OperationRequest(RemoveNode{"w1", 5432})
                                     << s("SELECT pg_catalog.citus_remove_node('w1', '5432'::int4);");
        QTest::newRow("disable node") << OperationRequest(DisableNode{"w1", 5432, true})
                                      << s("SELECT pg_catalog.citus_disable_node('w1', '5432'::int4, synchronous => "
                                           "'true'::bool);");
        QTest::newRow("activate node") << OperationRequest(ActivateNode{"w1", 5432})
                                       << s("SELECT pg_catalog.citus_activate_node('w1', '5432'::int4);");
        QTest::newRow("shouldhaveshards")
            << OperationRequest(SetNodeShouldHaveShards{"w1", 5432, false})
            << s("SELECT pg_catalog.citus_set_node_property('w1', '5432'::int4, 'shouldhaveshards', 'false'::bool);");
        QTest::newRow("coordinator") << OperationRequest(SetCoordinatorHost{"c1.example", 5432})
                                     << s("SELECT pg_catalog.citus_set_coordinator_host('c1.example', '5432'::int4);");
        QTest::newRow("distribute")
            << OperationRequest(CreateDistributedTable{"public", "events", "user_id", ColumnType::Int8, "users", 64, 1})
            << s("SELECT pg_catalog.create_distributed_table('\"public\".\"events\"'::regclass, "
                 "'user_id', colocate_with => '\"users\"', shard_count => '64'::int4);");
        QTest::newRow("single shard") << OperationRequest(CreateDistributedTable{"app", "t", "", ColumnType::None,
                                                                                 "none", std::nullopt, 1})
                                      << s("SELECT pg_catalog.create_distributed_table('\"app\".\"t\"'::regclass, "
                                           "NULL, colocate_with => 'none');");
        QTest::newRow("replication factor")
            << OperationRequest(
                   CreateDistributedTable{"public", "t", "id", ColumnType::Int8, "default", std::nullopt, 2})
            << s("SELECT pg_catalog.set_config('citus.shard_replication_factor', '2', false);\n"
                 "SELECT pg_catalog.create_distributed_table('\"public\".\"t\"'::regclass, 'id', colocate_with => "
                 "'default');\nRESET citus.shard_replication_factor;");
        QTest::newRow("reference")
            << OperationRequest(CreateReferenceTable{"public", "countries"})
            << s("SELECT pg_catalog.create_reference_table('\"public\".\"countries\"'::regclass);");
        QTest::newRow("undistribute") << OperationRequest(UndistributeTable{"public", "t", true})
                                      << s("SELECT pg_catalog.undistribute_table('\"public\".\"t\"'::regclass, "
                                           "cascade_via_foreign_keys => 'true'::bool);");
        QTest::newRow("isolate")
            << OperationRequest(IsolateTenant{"public", "events", "it's 5", true, TransferMode::ForceLogical})
            << s("SELECT pg_catalog.isolate_tenant_to_new_shard('\"public\".\"events\"'::regclass, "
                 "'it''s 5'::text, cascade_option => 'CASCADE', shard_transfer_mode => "
                 "'force_logical'::citus.shard_transfer_mode);");
        QTest::newRow("split") << OperationRequest(SplitShard{102008, {100, 536870911}, {2, 3, 4}, TransferMode::Auto})
                               << s("SELECT pg_catalog.citus_split_shard_by_split_points('102008'::int8, "
                                    "'{100,536870911}'::text[], '{2,3,4}'::int4[], shard_transfer_mode => "
                                    "'auto'::citus.shard_transfer_mode);");
        QTest::newRow("drain") << OperationRequest(DrainNode{"w2", 5432, TransferMode::BlockWrites, "by_shard_count"})
                               << s("SELECT pg_catalog.citus_drain_node('w2', '5432'::int4, shard_transfer_mode => "
                                    "'block_writes'::citus.shard_transfer_mode, rebalance_strategy => "
                                    "'by_shard_count'::name);");
        QTest::newRow("replicate reference") << OperationRequest(ReplicateReferenceTables{TransferMode::Auto})
                                             << s("SELECT pg_catalog.replicate_reference_tables(shard_transfer_mode => "
                                                  "'auto'::citus.shard_transfer_mode);");
    }
    void displayText()
    {
        QFETCH(engine::OperationRequest, request);
        QFETCH(QString, expected);
        auto statements = buildOperation(*m_session, request);
        QVERIFY2(statements.ok(), statements.ok() ? "" : statements.error().message.c_str());
        QCOMPARE(s(joined(*statements)), expected);
        // No value is spliced into the executed SQL: only $n placeholders.
        for (const Statement& st : *statements) {
            for (const auto& p : st.parameters) {
                if (p && p->size() > 3)
                    QVERIFY2(st.sql.find(*p) == std::string::npos, st.sql.c_str());
            }
        }
    }

    void rebalanceStatements()
    {
        RebalanceStart options;
        options.strategy = "by_disk_size";
        options.mode = engine::TransferMode::ForceLogical;
        auto start = buildRebalanceStart(*m_session, options);
        QVERIFY(start.ok());
        QCOMPARE(s(joined(*start)),
                 s("SELECT pg_catalog.citus_rebalance_start(rebalance_strategy => 'by_disk_size'::name, drain_only => "
                   "'false'::bool, shard_transfer_mode => 'force_logical'::citus.shard_transfer_mode, "
                   "parallel_transfer_reference_tables => 'false'::bool, parallel_transfer_colocated_shards => "
                   "'false'::bool);"));
        auto stop = buildRebalanceStop(*m_session);
        QVERIFY(stop.ok());
        QCOMPARE(s(joined(*stop)), s("SELECT pg_catalog.citus_rebalance_stop();"));
        QVERIFY(rebalanceStatusStatement().sql.find("citus_rebalance_status(raw => true)") != std::string::npos);
        QVERIFY(rebalanceProgressStatement().sql.find("get_rebalance_progress()") != std::string::npos);
        auto concurrently = buildCreateDistributedTableConcurrently(
            *m_session, engine::CreateDistributedTable{"s", "t", "id", engine::ColumnType::Int8, "default", {}, 1});
        QVERIFY(concurrently.ok());
        QVERIFY(joined(*concurrently).find("create_distributed_table_concurrently('\"s\".\"t\"'::regclass") !=
                std::string::npos);
        auto alter = buildAlterShardCount(*m_session, "s", "t", 16, true);
        QVERIFY(alter.ok());
        QCOMPARE(s(joined(*alter)), s("SELECT pg_catalog.alter_distributed_table('\"s\".\"t\"'::regclass, shard_count "
                                      "=> '16'::int4, cascade_to_colocated => 'true'::bool);"));
    }

    void hostileIdentifiersResolveOnTheServer()
    {
        // Names with quotes, spaces, semicolons and non-ASCII, created on the real server; the parameter
        // libpq quoted must name exactly that table when PostgreSQL parses it as regclass.
        const std::string schema = *m_session->quoteIdentifier(kHostileSchema);
        const std::string table = schema + '.' + *m_session->quoteIdentifier(kHostileTable);
        QVERIFY(m_session->exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE").ok());
        QVERIFY(m_session->exec("CREATE SCHEMA " + schema).ok());
        QVERIFY(m_session->exec("CREATE TABLE " + table + " (id bigint)").ok());
        auto oid = m_session->exec("SELECT " + *m_session->quoteLiteral(table) + "::regclass::oid");
        QVERIFY(oid.ok());

        const engine::OperationRequest requests[] = {
            engine::CreateReferenceTable{kHostileSchema, kHostileTable},
            engine::UndistributeTable{kHostileSchema, kHostileTable, false},
            engine::CreateDistributedTable{kHostileSchema, kHostileTable, "id", engine::ColumnType::Int8,
                                           std::string(kHostileSchema) + '.' + kHostileTable, std::nullopt, 1},
        };
        for (const auto& request : requests) {
            auto statements = buildOperation(*m_session, request);
            QVERIFY(statements.ok());
            const Statement& st = statements->back();
            QVERIFY(st.sql.find(kHostileTable) == std::string::npos);
            auto resolved = m_session->exec("SELECT $1::regclass::oid", {st.parameters.at(0)});
            QVERIFY2(resolved.ok(), resolved.ok() ? "" : resolved.error().message.c_str());
            QCOMPARE(resolved->text(0, 0), oid->text(0, 0));
            // The display text is valid SQL for the same table: its literal casts back to the same oid.
            const auto from = st.displayText.find('(') + 1;
            const auto to = st.displayText.find("::regclass");
            auto shown = m_session->exec("SELECT " + st.displayText.substr(from, to - from) + "::regclass::oid");
            QVERIFY2(shown.ok(), st.displayText.c_str());
            QCOMPARE(shown->text(0, 0), oid->text(0, 0));
        }
        // colocate_with names the table the same way.
        auto distribute = buildOperation(*m_session, requests[2]);
        auto colocate = m_session->exec("SELECT $1::regclass::oid", {distribute->back().parameters.at(2)});
        QVERIFY(colocate.ok());
        QCOMPARE(colocate->text(0, 0), oid->text(0, 0));
        QVERIFY(m_session->exec("DROP SCHEMA " + schema + " CASCADE").ok());
    }

    void invalidRequests()
    {
        auto empty = buildOperation(*m_session, engine::CreateReferenceTable{"public", ""});
        QVERIFY(!empty.ok());
        auto split = buildOperation(*m_session, engine::SplitShard{1, {5}, {2}, engine::TransferMode::Auto});
        QVERIFY(!split.ok());
        auto plain = buildOperation(*m_session, engine::CreatePlainTable{"public", "x", 0, 0});
        QVERIFY(!plain.ok());
        QVERIFY(!plain.error().hint.empty());
    }

    void runOrderAndRestore()
    {
        // A failing step stops the operation; steps marked always (restoring a setting) still run.
        OperationStatements statements{
            {"SELECT pg_catalog.set_config('shardscope.marker', $1, false)", {"set"}, {}, false},
            {"SELECT 1 / $1::int", {"0"}, {}, false},
            {"SELECT 'not reached'", {}, {}, false},
            {"RESET shardscope.marker", {}, {}, true},
        };
        auto result = runOperation(*m_session, statements);
        QVERIFY(!result.ok());
        QCOMPARE(s(result.error().code), s("22012"));
        auto marker = m_session->exec("SELECT current_setting('shardscope.marker', true)");
        QVERIFY(marker.ok());
        QCOMPARE(marker->text(0, 0), std::string());

        // On plain PostgreSQL the Citus function is missing: the server's error comes back unchanged.
        auto move = buildOperation(*m_session, engine::MoveShardPlacement{1, 1, 2, engine::TransferMode::Auto});
        auto ran = runOperation(*m_session, *move);
        QVERIFY(!ran.ok());
        QVERIFY2(ran.error().code == "42883" || ran.error().code == "3F000",
                 ran.error().code.c_str()); // no function / schema
        QCOMPARE(ran.error().statement, move->front().sql);
    }
};

QTEST_GUILESS_MAIN(TestLiveOperations)
#include "tst_liveoperations.moc"
