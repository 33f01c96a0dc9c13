// SPDX-License-Identifier: MIT
// Rebalance planning speed, default strategy (by_disk_size), whole planRebalance call (index building,
// costs, both phases and the expansion into Citus's output rows).
#include "engine/rebalance/rebalanceplanner.h"

#include <benchmark/benchmark.h>
#include <random>

using namespace shardscope;
using namespace shardscope::engine;

namespace {

struct Builder
{
    ClusterState state;
    std::mt19937_64 rng{42};

    Node& addNode(const std::string& name, int port, bool shouldHaveShards)
    {
        Node node;
        node.id = state.sequences.nextNodeId++;
        node.group = static_cast<GroupId>(state.nodes.size());
        node.name = name;
        node.port = port;
        node.shouldHaveShards = shouldHaveShards;
        state.nodes.push_back(node);
        return state.nodes.back();
    }

    /** A colocation group of `tables` tables with `shards` shards each, shard i on candidates[i % n]. */
    void addGroup(int tables, int shards, const std::vector<GroupId>& candidates, std::int64_t maxBytes)
    {
        const ColocationId colocation = state.sequences.nextColocationId++;
        state.colocationGroups.push_back({colocation, shards, 1, ColumnType::Int8, 0});
        std::uniform_int_distribution<std::int64_t> bytes(0, maxBytes);
        for (int t = 0; t < tables; ++t) {
            Table table;
            table.oid = state.sequences.nextTableOid++;
            table.name = "t" + std::to_string(table.oid);
            table.colocationId = colocation;
            state.tables.push_back(table);
            const std::int64_t increment = 4294967296LL / shards;
            for (int i = 0; i < shards; ++i) {
                Shard shard;
                shard.id = state.sequences.nextShardId++;
                shard.table = table.oid;
                shard.hasRange = true;
                shard.minValue = static_cast<std::int32_t>(-2147483648LL + i * increment);
                shard.maxValue =
                    static_cast<std::int32_t>(i == shards - 1 ? 2147483647LL : -2147483648LL + (i + 1) * increment - 1);
                state.shards.push_back(shard);
                const GroupId group = candidates[static_cast<std::size_t>(i) % candidates.size()];
                state.placements.push_back(
                    {state.sequences.nextPlacementId++, shard.id, maxBytes > 0 ? bytes(rng) : 0, 0, group});
            }
        }
    }
};

/** The fixture cluster after step 7: users/events, 8 hashvec tables, 50 x 128-shard bench tables, 9704 empty. */
const ClusterState& fixtureShapedCluster()
{
    static const ClusterState state = [] {
        Builder b;
        b.addNode("127.0.0.1", 9700, false);
        for (int port = 9701; port <= 9704; ++port)
            b.addNode("127.0.0.1", port, true);
        const std::vector<GroupId> three = {1, 2, 3};
        b.addGroup(2, 32, three, 3'000'000); // users, events
        for (int t = 0; t < 4; ++t)
            b.addGroup(1, 32, three, 100'000);
        for (int t = 0; t < 4; ++t)
            b.addGroup(1, 7, three, 100'000);
        b.addGroup(50, 128, three, 16384);
        return b.state;
    }();
    return state;
}

/** 1,000,000 placements over 200 workers, 20 of them new and empty: 8 groups x 5 tables x 25,000 shards. */
const ClusterState& millionCluster()
{
    static const ClusterState state = [] {
        Builder b;
        b.addNode("coordinator", 5432, false);
        std::vector<GroupId> old;
        for (int i = 0; i < 200; ++i) {
            const Node& node = b.addNode("worker-" + std::to_string(i) + ".example", 5432, true);
            if (i < 180)
                old.push_back(node.group);
        }
        for (int g = 0; g < 8; ++g)
            b.addGroup(5, 25000, old, 2'000'000'000);
        return b.state;
    }();
    return state;
}

/** 1,000,000 placements that are all representatives (1 table per group): the worst case for the planner. */
const ClusterState& millionRepresentativesCluster()
{
    static const ClusterState state = [] {
        Builder b;
        b.addNode("coordinator", 5432, false);
        std::vector<GroupId> old;
        for (int i = 0; i < 200; ++i) {
            const Node& node = b.addNode("worker-" + std::to_string(i) + ".example", 5432, true);
            if (i < 180)
                old.push_back(node.group);
        }
        for (int g = 0; g < 4; ++g)
            b.addGroup(1, 250000, old, 2'000'000'000);
        return b.state;
    }();
    return state;
}

void runPlan(benchmark::State& bench, const ClusterState& state)
{
    std::size_t rows = 0;
    std::size_t moves = 0;
    std::int64_t ignored = 0;
    for (auto _ : bench) {
        auto plan = planRebalance(state, RebalanceOptions{});
        if (!plan.ok()) {
            bench.SkipWithError(plan.error().message.c_str());
            return;
        }
        rows = plan->rows.size();
        moves = plan->moves.size();
        ignored = plan->decisions.ignoredMoveCount;
        benchmark::DoNotOptimize(plan);
    }
    bench.counters["placements"] = static_cast<double>(state.placements.size());
    bench.counters["moves"] = static_cast<double>(moves);
    bench.counters["rows"] = static_cast<double>(rows);
    bench.counters["ignored"] = static_cast<double>(ignored);
}

void BM_PlanFixtureShape4Nodes(benchmark::State& bench)
{
    runPlan(bench, fixtureShapedCluster());
}
BENCHMARK(BM_PlanFixtureShape4Nodes)->Unit(benchmark::kMillisecond);

void BM_PlanMillion200Nodes(benchmark::State& bench)
{
    runPlan(bench, millionCluster());
}
BENCHMARK(BM_PlanMillion200Nodes)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

void BM_PlanMillionRepresentatives200Nodes(benchmark::State& bench)
{
    runPlan(bench, millionRepresentativesCluster());
}
BENCHMARK(BM_PlanMillionRepresentatives200Nodes)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

} // namespace

BENCHMARK_MAIN();
