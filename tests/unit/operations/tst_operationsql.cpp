// SPDX-License-Identifier: MIT
#include "engine/operations/operationsupport.h"
#include "operationstesthelpers.h"

#include <QTest>

using namespace shardscope::engine;
using namespace shardscope::test;

class TestOperationSql : public QObject
{
    Q_OBJECT

private slots:
    void sql_data()
    {
        QTest::addColumn<OperationRequest>("request");
        QTest::addColumn<QString>("sql");
        QTest::newRow("coordinator") << OperationRequest(SetCoordinatorHost{"coord", 5432})
                                     << QStringLiteral("SELECT citus_set_coordinator_host('coord', 5432);");
        QTest::newRow("add") << OperationRequest(AddNode{"worker-1", 5432})
                             << QStringLiteral("SELECT citus_add_node('worker-1', 5432);");
        QTest::newRow("remove quoted") << OperationRequest(RemoveNode{"it's", 1})
                                       << QStringLiteral("SELECT citus_remove_node('it''s', 1);");
        QTest::newRow("disable sync") << OperationRequest(DisableNode{"w", 5432, true})
                                      << QStringLiteral("SELECT citus_disable_node('w', 5432, synchronous => true);");
        QTest::newRow("activate") << OperationRequest(ActivateNode{"w", 5432})
                                  << QStringLiteral("SELECT citus_activate_node('w', 5432);");
        QTest::newRow("property") << OperationRequest(SetNodeShouldHaveShards{"w", 5432, false})
                                  << QStringLiteral("SELECT citus_set_node_property('w', 5432, 'shouldhaveshards', "
                                                    "false);");
        QTest::newRow("distribute default") << OperationRequest(CreateDistributedTable{
                                                   "public", "users", "user_id", ColumnType::Int8, "default", {}, 1})
                                            << QStringLiteral("SELECT create_distributed_table('users', 'user_id');");
        QTest::newRow("distribute colocated")
            << OperationRequest(CreateDistributedTable{"public", "events", "user_id", ColumnType::Int8, "users", {}, 1})
            << QStringLiteral("SELECT create_distributed_table('events', 'user_id', colocate_with => 'users');");
        QTest::newRow("distribute none count rf")
            << OperationRequest(CreateDistributedTable{"app", "Order", "id", ColumnType::Int4, "NONE", 64, 2})
            << QStringLiteral("SET citus.shard_replication_factor = 2; SELECT create_distributed_table("
                              "'app.\"Order\"', 'id', colocate_with => 'none', shard_count => 64);");
        QTest::newRow("single shard") << OperationRequest(CreateDistributedTable{
                                             "public", "order", "", ColumnType::None, "default", {}, 1})
                                      << QStringLiteral("SELECT create_distributed_table('\"order\"', NULL);");
        QTest::newRow("reference") << OperationRequest(CreateReferenceTable{"public", "countries"})
                                   << QStringLiteral("SELECT create_reference_table('countries');");
        QTest::newRow("undistribute") << OperationRequest(UndistributeTable{"public", "t", true})
                                      << QStringLiteral("SELECT undistribute_table('t', cascade_via_foreign_keys => "
                                                        "true);");
        QTest::newRow("move auto") << OperationRequest(MoveShardPlacement{102008, 2, 3, TransferMode::Auto})
                                   << QStringLiteral("SELECT citus_move_shard_placement(102008, 2, 3);");
        QTest::newRow("move block") << OperationRequest(MoveShardPlacement{102008, 2, 3, TransferMode::BlockWrites})
                                    << QStringLiteral("SELECT citus_move_shard_placement(102008, 2, 3, "
                                                      "'block_writes');");
        QTest::newRow("isolate") << OperationRequest(IsolateTenant{"public", "events", "1", true, TransferMode::Auto})
                                 << QStringLiteral("SELECT isolate_tenant_to_new_shard('events', '1', 'CASCADE');");
        QTest::newRow("isolate text mode")
            << OperationRequest(IsolateTenant{"public", "t", "o'k\\", false, TransferMode::ForceLogical})
            << QStringLiteral("SELECT isolate_tenant_to_new_shard('t', E'o''k\\\\', shard_transfer_mode => "
                              "'force_logical');");
        QTest::newRow("split") << OperationRequest(SplitShard{102010, {100, 536870911}, {2, 3, 4}, TransferMode::Auto})
                               << QStringLiteral("SELECT citus_split_shard_by_split_points(102010, ARRAY['100', "
                                                 "'536870911']::text[], ARRAY[2, 3, 4]::int[]);");
        QTest::newRow("drain") << OperationRequest(DrainNode{"w", 5432, TransferMode::BlockWrites, "by_shard_count"})
                               << QStringLiteral("SELECT citus_drain_node('w', 5432, shard_transfer_mode => "
                                                 "'block_writes', rebalance_strategy => 'by_shard_count');");
        QTest::newRow("replicate") << OperationRequest(ReplicateReferenceTables{})
                                   << QStringLiteral("SELECT replicate_reference_tables();");
        QTest::newRow("plain") << OperationRequest(CreatePlainTable{"s", "t", 0, 0})
                               << QStringLiteral("CREATE TABLE s.t ();");
    }

    void sql()
    {
        QFETCH(OperationRequest, request);
        QFETCH(QString, sql);
        QCOMPARE(q(operationSql(request)), sql);
    }

    void quoteIdent_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << QStringLiteral("users") << QStringLiteral("users");
        QTest::newRow("upper") << QStringLiteral("Users") << QStringLiteral("\"Users\"");
        QTest::newRow("keyword") << QStringLiteral("user") << QStringLiteral("\"user\"");
        QTest::newRow("unreserved keyword") << QStringLiteral("events") << QStringLiteral("events");
        QTest::newRow("digit first") << QStringLiteral("1t") << QStringLiteral("\"1t\"");
        QTest::newRow("quote") << QStringLiteral("a\"b") << QStringLiteral("\"a\"\"b\"");
        QTest::newRow("underscore") << QStringLiteral("_x1") << QStringLiteral("_x1");
    }

    void quoteIdent()
    {
        QFETCH(QString, name);
        QFETCH(QString, quoted);
        QCOMPARE(q(ops::quoteIdent(name.toStdString())), quoted);
    }
};

QTEST_GUILESS_MAIN(TestOperationSql)
#include "tst_operationsql.moc"
