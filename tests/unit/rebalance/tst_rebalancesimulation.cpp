// SPDX-License-Identifier: MIT
// Plan simulation, the shardscope_min_bytes strategy and what-if planning.
#include "clusterbuilder.h"
#include "engine/rebalance/minbytesplanner.h"
#include "engine/rebalance/plansimulation.h"
#include "engine/rebalance/rebalanceplanner.h"
#include "engine/rebalance/whatif.h"
#include "fixturestate.h"

#include <QTest>
#include <cmath>
#include <map>
#include <random>

using namespace shardscope;
using namespace shardscope::engine;
using namespace shardscope::test;

namespace {

/** A skewed cluster: `oldWorkers` loaded unevenly with heavy-tailed shard groups, `newWorkers` empty. */
ClusterState skewedCluster(std::uint64_t seed, int oldWorkers, int newWorkers, int groups)
{
    std::mt19937_64 rng(seed);
    std::vector<int> ports;
    for (int i = 0; i < oldWorkers + newWorkers; ++i)
        ports.push_back(9801 + i);
    ClusterBuilder builder(ports);
    std::lognormal_distribution<double> size(15.0, 1.8);
    std::vector<double> weights;
    for (int i = 0; i < oldWorkers; ++i)
        weights.push_back(1.0 + 1.5 * i); // later old workers hold more
    std::discrete_distribution<int> where(weights.begin(), weights.end());
    for (int g = 1; g <= groups; ++g) {
        const int shards = std::uniform_int_distribution<int>(4, 48)(rng);
        std::vector<int> layout;
        std::vector<std::int64_t> bytes;
        for (int s = 0; s < shards; ++s) {
            layout.push_back(where(rng));
            bytes.push_back(static_cast<std::int64_t>(size(rng)));
        }
        const int tables = std::uniform_int_distribution<int>(1, 3)(rng);
        for (int t = 0; t < tables; ++t) {
            std::vector<std::int64_t> tableBytes = bytes;
            for (auto& b : tableBytes)
                b = b / (t + 1);
            builder.addTable("g" + std::to_string(g) + "_t" + std::to_string(t), g, layout, tableBytes);
        }
    }
    return builder.state();
}

std::int64_t bytesOnPort(const ClusterState& state, int port)
{
    GroupId group = -1;
    for (const Node& node : state.nodes)
        if (node.port == port)
            group = node.group;
    std::int64_t total = 0;
    for (const Placement& placement : state.placements)
        if (placement.group == group)
            total += placement.bytes;
    return total;
}

} // namespace

class TestRebalanceSimulation : public QObject
{
    Q_OBJECT

private slots:
    void simulatesFixturePlan()
    {
        const ClusterState state = fixtureClusterAtRebalance();
        const auto plan = planRebalance(state, RebalanceOptions{});
        QVERIFY(plan.ok());
        const auto simulation = simulatePlan(state, *plan, 50.0);
        QVERIFY(simulation.ok());
        // Before: what citus_shards reported per node (users + events + countries).
        std::map<int, std::int64_t> captured;
        for (const QStringList& row : readRebalanceCsv(QStringLiteral("05_placements_per_node_before_rebalance.csv")))
            captured[row[1].toInt()] += row[4].toLongLong();
        for (const NodeLoadChange& node : simulation->nodes) {
            if (node.port == 9701 || node.port == 9702)
                QCOMPARE(node.bytesBefore, captured[node.port]);
        }
        std::int64_t moved = 0;
        for (const PlanRow& row : plan->rows)
            moved += row.bytes;
        QCOMPARE(simulation->bytesToMove, moved);
        QCOMPARE(simulation->shardsToMove, std::int64_t(20));
        QCOMPARE(simulation->groupMoves, std::int64_t(10));
        QCOMPARE(simulation->pairs.size(), std::size_t(2)); // 9702->9703 first, then 9701->9703
        QCOMPARE(simulation->pairs[0].source, NodeId(3));
        QCOMPARE(simulation->pairs[0].target, NodeId(4));
        QCOMPARE(simulation->pairs[0].groupMoves + simulation->pairs[1].groupMoves, std::int64_t(10));
        QCOMPARE(simulation->pairs[0].bytes + simulation->pairs[1].bytes, moved);
        QCOMPARE(simulation->estimatedSeconds, static_cast<double>(moved) / 50e6);
        QVERIFY(simulation->after.maxOverMean < simulation->before.maxOverMean);
        // The 9703 node received exactly the moved bytes; totals are preserved.
        QCOMPARE(bytesOnPort(simulation->stateAfter, 9703), moved);
        std::int64_t before = 0;
        std::int64_t after = 0;
        for (const NodeLoadChange& node : simulation->nodes) {
            before += node.bytesBefore;
            after += node.bytesAfter;
        }
        QCOMPARE(after, before);
        // Moved placements get new ids after every existing one, as citus_move_shard_placement does.
        QCOMPARE(simulation->stateAfter.placements.back().id, PlacementId(67 + 20));
        QVERIFY(std::is_sorted(simulation->stateAfter.placements.begin(), simulation->stateAfter.placements.end(),
                               [](const Placement& a, const Placement& b) { return a.id < b.id; }));
    }

    void rejectsPlanThatDoesNotFit()
    {
        const ClusterState state = fixtureClusterAtRebalance();
        auto plan = planRebalance(state, RebalanceOptions{});
        QVERIFY(plan.ok());
        std::swap(plan->moves[0].source, plan->moves[0].target); // 102009 is not on 9703
        const auto simulation = simulatePlan(state, *plan);
        QVERIFY(!simulation.ok());
        QVERIFY(simulation.error().message.find("102009") != std::string::npos);
        QVERIFY(!simulatePlan(state, *plan, 0.0).ok());
    }

    void minBytesMovesLessOnSkewedClusters_data()
    {
        QTest::addColumn<int>("oldWorkers");
        QTest::addColumn<int>("newWorkers");
        QTest::addColumn<int>("groups");
        QTest::newRow("4+1 nodes, 3 groups") << 4 << 1 << 3;
        QTest::newRow("4+2 nodes, 6 groups") << 4 << 2 << 6;
        QTest::newRow("6+0 nodes, 8 groups") << 6 << 0 << 8;
        QTest::newRow("8+4 nodes, 10 groups") << 8 << 4 << 10;
        QTest::newRow("3+3 nodes, 2 groups") << 3 << 3 << 2;
    }
    void minBytesMovesLessOnSkewedClusters()
    {
        QFETCH(int, oldWorkers);
        QFETCH(int, newWorkers);
        QFETCH(int, groups);
        int strictlyFewer = 0;
        const int seeds = 20;
        std::int64_t oursTotal = 0;
        std::int64_t citusTotal = 0;
        for (int seed = 0; seed < seeds; ++seed) {
            const ClusterState state =
                skewedCluster(static_cast<std::uint64_t>(seed) * 31U + 5U, oldWorkers, newWorkers, groups);
            const auto citus = planRebalance(state, RebalanceOptions{});
            QVERIFY(citus.ok());
            const auto citusSimulation = simulatePlan(state, *citus);
            QVERIFY(citusSimulation.ok());
            RebalanceOptions options;
            options.strategy.name = kShardScopeMinBytes;
            const auto ours = planMinBytesRebalance(state, options);
            QVERIFY(ours.ok());
            const auto oursSimulation = simulatePlan(state, *ours);
            QVERIFY(oursSimulation.ok());
            QVERIFY2(oursSimulation->after.maxOverMean <= citusSimulation->after.maxOverMean * (1.0 + 1e-9),
                     qPrintable(QStringLiteral("seed %1: balance %2 vs %3")
                                    .arg(seed)
                                    .arg(oursSimulation->after.maxOverMean)
                                    .arg(citusSimulation->after.maxOverMean)));
            QVERIFY(oursSimulation->bytesToMove <= citusSimulation->bytesToMove);
            if (oursSimulation->bytesToMove < citusSimulation->bytesToMove)
                ++strictlyFewer;
            oursTotal += oursSimulation->bytesToMove;
            citusTotal += citusSimulation->bytesToMove;
        }
        qInfo("bytes moved over %d clusters: shardscope_min_bytes %lld, by_disk_size %lld (%.0f%%)", seeds,
              static_cast<long long>(oursTotal), static_cast<long long>(citusTotal),
              citusTotal > 0 ? 100.0 * static_cast<double>(oursTotal) / static_cast<double>(citusTotal) : 0.0);
        // On skewed clusters the byte-aware plan should win clearly, not just tie.
        QVERIFY2(strictlyFewer >= seeds * 3 / 4, qPrintable(QStringLiteral("%1 of %2").arg(strictlyFewer).arg(seeds)));
    }

    void minBytesEvacuatesDisallowedNodes()
    {
        ClusterState state = skewedCluster(7, 4, 0, 4);
        state.nodes[1].shouldHaveShards = false; // worker 9801
        RebalanceOptions options;
        options.strategy.name = kShardScopeMinBytes;
        const auto plan = planMinBytesRebalance(state, options);
        QVERIFY(plan.ok());
        const auto simulation = simulatePlan(state, *plan);
        QVERIFY(simulation.ok());
        QCOMPARE(bytesOnPort(simulation->stateAfter, 9801), std::int64_t(0));
    }

    void whatIfAddNodes()
    {
        const ClusterState state = fixtureCluster(QStringLiteral("01_pg_dist_node.csv")); // 2 workers
        WhatIf whatIf;
        whatIf.addNodes = 2;
        const auto changed = applyWhatIf(state, whatIf);
        QVERIFY(changed.ok());
        QCOMPARE(changed->nodes.size(), state.nodes.size() + 2);
        QCOMPARE(changed->nodes.back().name, std::string("whatif-node-2"));
        const auto plan = planRebalance(*changed, RebalanceOptions{});
        QVERIFY(plan.ok());
        const auto simulation = simulatePlan(*changed, *plan);
        QVERIFY(simulation.ok());
        for (const NodeLoadChange& node : simulation->nodes) {
            if (node.name.rfind("whatif-node-", 0) == 0) {
                QVERIFY(node.bytesAfter > 32768);             // more than the reference table copy
                QCOMPARE(node.shardsBefore, std::int64_t(1)); // the reference table
            }
        }
        QVERIFY(simulation->after.maxOverMean < simulation->before.maxOverMean);
    }

    void whatIfRemoveNode()
    {
        const ClusterState state = fixtureClusterAtRebalance();
        WhatIf whatIf;
        whatIf.removeNodes.push_back({"127.0.0.1", 9702});
        const auto changed = applyWhatIf(state, whatIf);
        QVERIFY(changed.ok());
        const auto plan = planRebalance(*changed, RebalanceOptions{});
        QVERIFY(plan.ok());
        const auto simulation = simulatePlan(*changed, *plan);
        QVERIFY(simulation.ok());
        QCOMPARE(bytesOnPort(simulation->stateAfter, 9702), std::int64_t(32768)); // only countries is left
        whatIf.removeNodes = {{"nowhere", 1}};
        QVERIFY(!applyWhatIf(state, whatIf).ok());
    }

    void whatIfChangeShardCount()
    {
        const ClusterState state = fixtureClusterAtRebalance();
        WhatIf whatIf;
        whatIf.shardCountRelation = "events";
        whatIf.newShardCount = 12;
        const auto changed = applyWhatIf(state, whatIf);
        QVERIFY(changed.ok());
        int users = 0;
        std::int64_t bytesBefore = 0;
        std::int64_t bytesAfter = 0;
        for (const Shard& shard : changed->shards)
            users += shard.table == 16400 ? 1 : 0;
        for (const Placement& placement : state.placements)
            bytesBefore += placement.bytes;
        for (const Placement& placement : changed->placements)
            bytesAfter += placement.bytes;
        QCOMPARE(users, 12); // the whole colocation group changes
        QCOMPARE(bytesAfter, bytesBefore);
        const auto plan = planRebalance(*changed, RebalanceOptions{});
        QVERIFY(plan.ok());
        QVERIFY(plan->moves.empty()); // round-robin over 3 nodes: 4/4/4 is already balanced
        whatIf.newShardCount = 0;
        QVERIFY(!applyWhatIf(state, whatIf).ok());
        whatIf.newShardCount = 8;
        whatIf.shardCountRelation = "countries";
        QVERIFY(!applyWhatIf(state, whatIf).ok());
    }
};

QTEST_GUILESS_MAIN(TestRebalanceSimulation)
#include "tst_rebalancesimulation.moc"
