// SPDX-License-Identifier: MIT
// The planner against an independent literal transcription of §6 on hundreds of random states, plus
// properties that must hold whatever the oracle says.
#include "engine/rebalance/rebalanceplanner.h"
#include "literalrebalancer.h"
#include "randomcluster.h"

#include <QTest>
#include <map>
#include <set>

using namespace shardscope;
using namespace shardscope::engine;
using namespace shardscope::test;

namespace {

QString describe(const std::vector<LiteralMove>& moves)
{
    QStringList parts;
    for (const LiteralMove& m : moves)
        parts << QStringLiteral("%1:%2>%3").arg(m.shard).arg(m.source).arg(m.target);
    return parts.join(QLatin1Char(' '));
}

std::vector<LiteralMove> asLiteral(const RebalancePlan& plan)
{
    std::vector<LiteralMove> moves;
    for (const PlannedMove& m : plan.moves)
        moves.push_back({m.shard, m.source, m.target});
    return moves;
}

constexpr int kBlocks = 32;
constexpr int kPerBlock = 40; // 1,280 random states

} // namespace

class TestRebalanceRandom : public QObject
{
    Q_OBJECT

private slots:
    void sameAsLiteralTranscription_data()
    {
        QTest::addColumn<int>("block");
        for (int b = 0; b < kBlocks; ++b)
            QTest::addRow("seeds %d-%d", b * kPerBlock, (b + 1) * kPerBlock - 1) << b;
    }
    void sameAsLiteralTranscription()
    {
        QFETCH(int, block);
        int withMoves = 0;
        for (int i = 0; i < kPerBlock; ++i) {
            const int seed = block * kPerBlock + i;
            std::mt19937_64 rng(static_cast<std::uint64_t>(seed) * 7919U + 17U);
            const ClusterState state = randomCluster(rng);
            const RebalanceOptions options = randomOptions(state, rng);
            const LiteralPlan expected = literalRebalance(state, options);
            const auto plan = planRebalance(state, options);
            if (expected.failed) {
                QVERIFY2(!plan.ok(), qPrintable(QStringLiteral("seed %1 should fail").arg(seed)));
                continue;
            }
            QVERIFY2(plan.ok(),
                     qPrintable(QStringLiteral("seed %1: %2")
                                    .arg(seed)
                                    .arg(QString::fromStdString(plan.ok() ? std::string() : plan.error().message))));
            const auto actual = asLiteral(*plan);
            QVERIFY2(actual == expected.moves, qPrintable(QStringLiteral("seed %1\n  planner: %2\n  literal: %3")
                                                              .arg(seed)
                                                              .arg(describe(actual), describe(expected.moves))));
            std::vector<ShardId> unmovable;
            for (const UnmovableShard& u : plan->decisions.notAllowedAnywhere)
                unmovable.push_back(u.shard);
            QVERIFY2(unmovable == expected.notAllowedAnywhere, qPrintable(QString::number(seed)));
            QCOMPARE(plan->decisions.ignoredMoveCount, static_cast<std::int64_t>(expected.ignoredMoves));
            QCOMPARE(plan->decisions.limitReached, expected.limitReached);
            withMoves += actual.empty() ? 0 : 1;
        }
        QVERIFY2(withMoves >= kPerBlock / 4, "the generator should produce states that need moves");
    }

    // Fewer, larger states (up to ~1,400 placements, dozens of moves each).
    void largerStatesSameAsLiteralTranscription()
    {
        for (int seed = 0; seed < 60; ++seed) {
            std::mt19937_64 rng(static_cast<std::uint64_t>(seed) * 104729U + 3U);
            const ClusterState state = randomCluster(rng, 120);
            const RebalanceOptions options = randomOptions(state, rng);
            const LiteralPlan expected = literalRebalance(state, options);
            const auto plan = planRebalance(state, options);
            QCOMPARE(plan.ok(), !expected.failed);
            if (!plan.ok())
                continue;
            const auto actual = asLiteral(*plan);
            QVERIFY2(actual == expected.moves, qPrintable(QStringLiteral("seed %1\n  planner: %2\n  literal: %3")
                                                              .arg(seed)
                                                              .arg(describe(actual), describe(expected.moves))));
            QCOMPARE(plan->decisions.ignoredMoveCount, static_cast<std::int64_t>(expected.ignoredMoves));
        }
    }

    // No move lands where the shard is not allowed, or on a node that already holds it, or starts from a node
    // that does not hold it; every move's rows cover the whole shard group.
    void movesAreLegal()
    {
        for (int seed = 0; seed < 400; ++seed) {
            std::mt19937_64 rng(static_cast<std::uint64_t>(seed) + 1000003U);
            ClusterState state = randomCluster(rng);
            const RebalanceOptions options = randomOptions(state, rng);
            const auto plan = planRebalance(state, options);
            if (!plan.ok())
                continue;
            std::map<NodeId, const Node*> nodes;
            for (const Node& n : state.nodes)
                nodes[n.id] = &n;
            std::set<std::pair<ShardId, NodeId>> placed;
            for (const Placement& p : state.placements)
                for (const Node& n : state.nodes)
                    if (n.group == p.group)
                        placed.insert({p.shard, n.id});
            for (const PlannedMove& m : plan->moves) {
                const Node* target = nodes.at(m.target);
                QVERIFY(target->shouldHaveShards);
                if (options.drainNode)
                    QVERIFY(!(target->name == options.drainNode->name && target->port == options.drainNode->port));
                const auto& s = options.strategy;
                const bool listed =
                    std::count(s.allowedPairs.begin(), s.allowedPairs.end(), ShardNodePair{m.shard, m.target}) > 0;
                const bool banned = std::count(s.disallowedPairs.begin(), s.disallowedPairs.end(),
                                               ShardNodePair{m.shard, m.target}) > 0;
                if (s.allowed == ShardAllowedKind::OnlyListed)
                    QVERIFY(listed);
                if (s.allowed == ShardAllowedKind::AllButListed)
                    QVERIFY(!banned);
                QVERIFY2(placed.count({m.shard, m.source}) == 1, qPrintable(QString::number(seed)));
                // citus_drain_node only lists the drained node's placements, so a replicated shard can be planned
                // onto a node that already holds its other copy (§6.8: the other nodes look empty).
                if (options.entryPoint != RebalanceEntryPoint::DrainNode)
                    QVERIFY2(placed.count({m.shard, m.target}) == 0, qPrintable(QString::number(seed)));
                placed.erase({m.shard, m.source});
                placed.insert({m.shard, m.target});
            }
        }
    }

    // by_shard_count with nothing in the way ends with a spread of at most one shard group per list.
    void byShardCountSpreadAtMostOne()
    {
        int checkedLists = 0;
        for (int seed = 0; seed < 300; ++seed) {
            std::mt19937_64 rng(static_cast<std::uint64_t>(seed) + 77U);
            ClusterState state = randomCluster(rng);
            for (Node& n : state.nodes)
                n.isActive = true;
            RebalanceOptions options;
            options.strategy = RebalanceStrategy::byShardCount();
            const auto plan = planRebalance(state, options);
            const bool anyAllowed =
                std::any_of(state.nodes.begin(), state.nodes.end(), [](const Node& n) { return n.shouldHaveShards; });
            QCOMPARE(plan.ok(), anyAllowed);
            if (!anyAllowed)
                continue;
            // Apply the moves to the placements of the representative tables and count per list.
            std::map<ShardId, std::vector<NodeId>> where;
            std::map<GroupId, NodeId> nodeOfGroup;
            for (const Node& n : state.nodes)
                nodeOfGroup[n.group] = n.id;
            for (const Placement& p : state.placements)
                where[p.shard].push_back(nodeOfGroup[p.group]);
            for (const PlannedMove& m : plan->moves)
                std::replace(where[m.shard].begin(), where[m.shard].end(), m.source, m.target);
            for (const RebalanceListSummary& list : plan->decisions.lists) {
                if (list.pooled)
                    continue;
                std::map<NodeId, int> count;
                for (const Node& n : state.nodes)
                    if (n.shouldHaveShards)
                        count[n.id] = 0;
                for (const Shard& shard : state.shards)
                    if (shard.table == list.representative)
                        for (NodeId node : where[shard.id])
                            if (count.count(node))
                                ++count[node];
                int lo = 1 << 30;
                int hi = 0;
                for (const auto& [node, c] : count) {
                    lo = std::min(lo, c);
                    hi = std::max(hi, c);
                }
                QVERIFY2(hi - lo <= 1, qPrintable(QStringLiteral("seed %1 spread %2").arg(seed).arg(hi - lo)));
                ++checkedLists;
            }
        }
        QVERIFY(checkedLists > 100);
    }
};

QTEST_GUILESS_MAIN(TestRebalanceRandom)
#include "tst_rebalancerandom.moc"
