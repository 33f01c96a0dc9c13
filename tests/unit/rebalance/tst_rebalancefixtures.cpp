// SPDX-License-Identifier: MIT
// Plans against the real Citus 13.2 outputs in tests/data/rebalance and the reference's verified examples.
#include "clusterbuilder.h"
#include "engine/rebalance/rebalanceplanner.h"
#include "fixturestate.h"

#include <QTest>

using namespace shardscope;
using namespace shardscope::engine;
using namespace shardscope::test;

namespace {

QStringList rowsAsText(const RebalancePlan& plan)
{
    QStringList rows;
    for (const PlanRow& row : plan.rows) {
        rows << QStringLiteral("%1,%2,%3,%4,%5,%6,%7")
                    .arg(QString::fromStdString(row.tableName))
                    .arg(row.shardId)
                    .arg(row.shardSize)
                    .arg(QString::fromStdString(row.sourceName))
                    .arg(row.sourcePort)
                    .arg(QString::fromStdString(row.targetName))
                    .arg(row.targetPort);
    }
    return rows;
}

QStringList expectedRows(const QString& file)
{
    QStringList rows;
    for (const QStringList& row : readRebalanceCsv(file))
        rows << row.join(QLatin1Char(','));
    return rows;
}

QStringList movesAsText(const RebalancePlan& plan)
{
    QStringList moves;
    for (const PlannedMove& move : plan.moves)
        moves << QStringLiteral("%1:%2>%3").arg(move.shard).arg(move.source).arg(move.target);
    return moves;
}

/** Applies whole-group moves to the placements (enough to re-plan after a rebalance). */
ClusterState applied(ClusterState state, const RebalancePlan& plan)
{
    for (const PlanRow& row : plan.rows) {
        GroupId from = -1;
        GroupId to = -1;
        for (const Node& node : state.nodes) {
            if (node.port == row.sourcePort)
                from = node.group;
            if (node.port == row.targetPort)
                to = node.group;
        }
        for (Placement& placement : state.placements) {
            if (placement.shard == row.shardId && placement.group == from)
                placement.group = to;
        }
    }
    return state;
}

RebalanceOptions withStrategy(const char* name)
{
    RebalanceOptions options;
    options.strategy = builtinRebalanceStrategy(name).value();
    return options;
}

} // namespace

class TestRebalanceFixtures : public QObject
{
    Q_OBJECT

private slots:
    void realPlans_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<QString>("relation");
        QTest::newRow("default") << QStringLiteral("05_rebalance_plan_default.csv") << QString() << QString();
        QTest::newRow("by_disk_size") << QStringLiteral("05_rebalance_plan_by_disk_size.csv")
                                      << QStringLiteral("by_disk_size") << QString();
        QTest::newRow("by_shard_count") << QStringLiteral("05_rebalance_plan_by_shard_count.csv")
                                        << QStringLiteral("by_shard_count") << QString();
        QTest::newRow("events only") << QStringLiteral("05_rebalance_plan_by_shard_count_events_only.csv")
                                     << QStringLiteral("by_shard_count") << QStringLiteral("events");
    }
    void realPlans()
    {
        QFETCH(QString, file);
        QFETCH(QString, strategy);
        QFETCH(QString, relation);
        const ClusterState state = fixtureClusterAtRebalance();
        RebalanceOptions options;
        if (!strategy.isEmpty())
            options.strategy = builtinRebalanceStrategy(strategy.toStdString()).value();
        options.relation = relation.toStdString();
        const auto plan = planRebalance(state, options);
        QVERIFY(plan.ok());
        QCOMPARE(rowsAsText(*plan), expectedRows(file));
        QCOMPARE(plan->moves.size(), std::size_t(10));
    }

    void emptyAfterRebalance_data()
    {
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<QString>("file");
        QTest::newRow("default") << QStringLiteral("by_disk_size")
                                 << QStringLiteral("05_rebalance_plan_after_rebalance.csv");
        QTest::newRow("by_shard_count") << QStringLiteral("by_shard_count")
                                        << QStringLiteral("05_rebalance_plan_by_shard_count_after_rebalance.csv");
    }
    void emptyAfterRebalance()
    {
        QFETCH(QString, strategy);
        QFETCH(QString, file);
        const ClusterState before = fixtureClusterAtRebalance();
        const auto job = planRebalance(before, RebalanceOptions{}); // citus_rebalance_start: default strategy
        QVERIFY(job.ok());
        const ClusterState after = applied(before, *job);
        const auto plan = planRebalance(after, withStrategy(strategy.toLocal8Bit().constData()));
        QVERIFY(plan.ok());
        QCOMPARE(rowsAsText(*plan), expectedRows(file));
        QVERIFY(!plan->decisions.lists.empty());
        if (strategy == QLatin1String("by_disk_size")) // by_shard_count's window is [avg, avg]: 11/11/10 is outside
            QVERIFY(plan->decisions.lists.front().withinWindow);
    }

    void perNodeTotalsMatchCapture()
    {
        // The rebuilt state holds exactly the bytes citus_shards reported per node and table before the rebalance.
        const ClusterState state = fixtureClusterAtRebalance();
        for (const QStringList& row : readRebalanceCsv(QStringLiteral("05_placements_per_node_before_rebalance.csv"))) {
            if (row[2] == QLatin1String("countries"))
                continue;
            std::int64_t bytes = 0;
            int shards = 0;
            for (const Placement& placement : state.placements) {
                const Node* node = nullptr;
                for (const Node& n : state.nodes)
                    if (n.group == placement.group)
                        node = &n;
                const bool events = placement.shard >= 102040 && placement.shard < 102072;
                const bool users = placement.shard < 102040;
                if (node->port == row[1].toInt() &&
                    ((row[2] == QLatin1String("events") && events) || (row[2] == QLatin1String("users") && users))) {
                    bytes += placement.bytes;
                    ++shards;
                }
            }
            QCOMPARE(shards, row[3].toInt());
            QCOMPARE(bytes, row[4].toLongLong());
        }
    }

    void twoWorkerClusterIsBalanced()
    {
        const ClusterState state = fixtureCluster(QStringLiteral("01_pg_dist_node.csv"));
        const auto plan = planRebalance(state, withStrategy("by_shard_count"));
        QVERIFY(plan.ok());
        QVERIFY(plan->rows.empty());
    }

    // §6.7: t1, t2 colocated 32 shards on 9801/9802, 9803 added; a 3-shard table in another group.
    void verifiedAddNodeExample_data()
    {
        QTest::addColumn<QString>("strategy");
        QTest::newRow("by_shard_count") << QStringLiteral("by_shard_count");
        QTest::newRow("by_disk_size") << QStringLiteral("by_disk_size");
    }
    void verifiedAddNodeExample()
    {
        QFETCH(QString, strategy);
        ClusterBuilder builder({9801, 9802, 9803});
        builder.addRoundRobinTable("t1", 1, 32, 2);
        builder.addRoundRobinTable("t2", 1, 32, 2);
        builder.addTable("t3", 2, {0, 1, 0});
        const auto plan = planRebalance(builder.state(), withStrategy(strategy.toLocal8Bit().constData()));
        QVERIFY(plan.ok());
        const QStringList expected = {
            QStringLiteral("102009:3>4"), QStringLiteral("102008:2>4"), QStringLiteral("102011:3>4"),
            QStringLiteral("102010:2>4"), QStringLiteral("102013:3>4"), QStringLiteral("102012:2>4"),
            QStringLiteral("102015:3>4"), QStringLiteral("102014:2>4"), QStringLiteral("102017:3>4"),
            QStringLiteral("102016:2>4"), QStringLiteral("102072:2>4")};
        QCOMPARE(movesAsText(*plan), expected);
        QCOMPARE(plan->rows.size(), std::size_t(21));
        QCOMPARE(plan->rows[0].shardId, ShardId(102009));
        QCOMPARE(plan->rows[1].shardId, ShardId(102041)); // its t2 twin follows
        QCOMPARE(plan->rows[1].tableName, std::string("t2"));
    }

    // §6.8: draining 9802 (3 shards) while 9801 holds 5, 9803 1 and 9804 3.
    void verifiedDrainExample_data()
    {
        QTest::addColumn<bool>("drainNode");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("citus_drain_node")
            << true
            << QStringList{QStringLiteral("102009:3>2"), QStringLiteral("102014:3>4"), QStringLiteral("102017:3>5")};
        QTest::newRow("drain_only plan") << false
                                         << QStringList{QStringLiteral("102009:3>4"), QStringLiteral("102014:3>4"),
                                                        QStringLiteral("102017:3>4")};
    }
    void verifiedDrainExample()
    {
        QFETCH(bool, drainNode);
        QFETCH(QStringList, expected);
        ClusterBuilder builder({9801, 9802, 9803, 9804});
        builder.addTable("t", 1, {0, 1, 0, 0, 2, 0, 1, 0, 3, 1, 3, 3}); // 5 on 9801, 3 on 9802, 1 on 9803, 3 on 9804
        RebalanceOptions options = withStrategy("by_shard_count");
        if (drainNode) {
            options = drainNodeOptions({"localhost", 9802}, RebalanceStrategy::byShardCount());
        } else {
            builder.state().nodes[2].shouldHaveShards = false;
            options.drainOnly = true;
        }
        const auto plan = planRebalance(builder.state(), options);
        QVERIFY(plan.ok());
        QCOMPARE(movesAsText(*plan), expected);
        for (const PlannedMove& move : plan->moves)
            QCOMPARE(move.phase, RebalancePhase::Evacuate);
    }

    // The fixture cluster after step 7 with a fourth, empty worker: users/events (32 shards, 11/11/10), eight
    // hashvec tables (4 x 32 and 4 x 7 shards, each its own group) and 50 x 128-shard bench tables, all on 3
    // workers. The fixtures README reports the real plans' sizes: 1,502 rows (default) and 1,652 (by_shard_count).
    void fourWorkerRowCounts_data()
    {
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<int>("rows");
        QTest::newRow("default") << QStringLiteral("by_disk_size") << 1502;
        QTest::newRow("by_shard_count") << QStringLiteral("by_shard_count") << 1652;
    }
    void fourWorkerRowCounts()
    {
        QFETCH(QString, strategy);
        QFETCH(int, rows);
        ClusterBuilder builder({9701, 9702, 9703, 9704});
        std::vector<int> usersLayout;
        for (int i = 0; i < 32; ++i)
            usersLayout.push_back(i < 11 ? 0 : (i < 22 ? 1 : 2));
        builder.addTable("users", 1, usersLayout);
        builder.addTable("events", 1, usersLayout);
        ColocationId group = 3;
        for (int shards : {32, 7, 32, 7, 32, 7, 32, 7}) {
            builder.addRoundRobinTable("hashvec_" + std::to_string(group), group, shards, 3);
            ++group;
        }
        for (int t = 0; t < 50; ++t)
            builder.addRoundRobinTable("bench_" + std::to_string(t), group, 128, 3);
        QCOMPARE(builder.state().placements.size(), std::size_t(64 + 156 + 6400));
        const auto plan = planRebalance(builder.state(), withStrategy(strategy.toLocal8Bit().constData()));
        QVERIFY(plan.ok());
        QCOMPARE(static_cast<int>(plan->rows.size()), rows);
    }

    // §6.8: what each entry point takes from the arguments and what it takes from the strategy.
    void entryPointOptions()
    {
        const ClusterState state = fixtureClusterAtRebalance();
        RebalanceOptions options;
        options.relation = "nope"; // ignored by citus_rebalance_start
        options.excludedShards = {102009};
        options.threshold = 0.9F;  // ignored too: strategy default 0.1
        options.maxShardMoves = 1; // replaced by 10,000,000
        options.entryPoint = RebalanceEntryPoint::RebalanceStart;
        const auto start = planRebalance(state, options);
        QVERIFY(start.ok());
        QCOMPARE(start->moves.size(), std::size_t(10));
        QCOMPARE(start->moves.front().shard, ShardId(102009));

        // 1.5 + 1 on one node, 0.5 on the other: moving the 1.5 group only improves the balance by a third of
        // what it adds, so an improvement threshold of 0.5 skips it and moves the 1 group instead.
        ClusterBuilder builder({9801, 9802});
        builder.addTable("t", 1, {0, 0, 1});
        RebalanceOptions get;
        get.strategy.name = "custom";
        get.strategy.cost = ShardCostKind::CustomData;
        get.strategy.shardCost = {{102008, 1.5F}, {102009, 1.0F}, {102010, 0.5F}};
        get.strategy.defaultThreshold = 0.0F;
        get.strategy.minimumThreshold = 0.0F;
        get.strategy.improvementThreshold = 0.0F;
        get.improvementThreshold = 0.5F; // taken by get_rebalance_table_shards_plan...
        const auto strict = planRebalance(builder.state(), get);
        get.entryPoint = RebalanceEntryPoint::RebalanceTableShards; // ...but not by rebalance_table_shards
        const auto table = planRebalance(builder.state(), get);
        QVERIFY(strict.ok() && table.ok());
        QCOMPARE(strict->decisions.ignoredMoveCount, std::int64_t(1));
        QCOMPARE(strict->decisions.ignoredMoves.front().shard, ShardId(102008));
        QCOMPARE(movesAsText(*strict), QStringList{QStringLiteral("102009:2>3")});
        QCOMPARE(table->decisions.ignoredMoveCount, std::int64_t(0));
        QCOMPARE(movesAsText(*table), (QStringList{QStringLiteral("102008:2>3"), QStringLiteral("102010:3>2")}));
    }

    void unknownStrategy()
    {
        const auto strategy = builtinRebalanceStrategy("by_magic");
        QVERIFY(!strategy.ok());
        QCOMPARE(strategy.error().message, std::string("could not find rebalance strategy with name by_magic"));
    }

    void thresholdClampedToMinimum()
    {
        const ClusterState state = fixtureClusterAtRebalance();
        RebalanceOptions options;
        options.threshold = 0.0F;
        const auto plan = planRebalance(state, options);
        QVERIFY(plan.ok());
        QVERIFY(plan->decisions.thresholdClamped);
        QCOMPARE(plan->decisions.threshold, 0.01F);
    }

    void cancelled()
    {
        const ClusterState state = fixtureClusterAtRebalance();
        std::atomic<bool> cancel{true};
        const auto plan = planRebalance(state, RebalanceOptions{}, &cancel);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code, std::string("shardscope.cancelled"));
    }

    void replicationFactorTooHigh()
    {
        const ClusterState state = fixtureClusterAtRebalance();
        RebalanceOptions options;
        options.shardReplicationFactor = 4;
        const auto plan = planRebalance(state, options);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().message, std::string("Shard replication factor (4) cannot be greater than number of "
                                                   "nodes with should_have_shards=true (3)."));
    }

    void maxShardMovesStopsEarly()
    {
        const ClusterState state = fixtureClusterAtRebalance();
        RebalanceOptions options = withStrategy("by_shard_count");
        options.maxShardMoves = 3;
        const auto plan = planRebalance(state, options);
        QVERIFY(plan.ok());
        QCOMPARE(plan->moves.size(), std::size_t(3));
        QVERIFY(plan->decisions.limitReached);
    }
};

QTEST_GUILESS_MAIN(TestRebalanceFixtures)
#include "tst_rebalancefixtures.moc"
