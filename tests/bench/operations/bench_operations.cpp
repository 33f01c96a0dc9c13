// SPDX-License-Identifier: MIT
// Cost of one operation on a large embedded cluster, and of the skew figures.
#include "engine/clusterindex.h"
#include "engine/operationrequest.h"
#include "engine/skew.h"
#include "sim/democluster.h"

#include <benchmark/benchmark.h>
#include <map>

using namespace shardscope::engine;

namespace {
// 8 workers, one colocation group of `tables` tables with `shards` shards each, plus a reference table.
ClusterState buildCluster(int tables, int shards)
{
    ClusterState state;
    std::vector<OperationRequest> script = {SetCoordinatorHost{"coordinator", 5432}};
    for (int w = 1; w <= 8; ++w)
        script.push_back(AddNode{"worker-" + std::to_string(w), 5432});
    script.push_back(CreateReferenceTable{"public", "countries"});
    for (int t = 0; t < tables; ++t) {
        script.push_back(CreateDistributedTable{"public", "t" + std::to_string(t), "id", ColumnType::Int8,
                                                t == 0 ? "none" : "t0", t == 0 ? std::optional(shards) : std::nullopt,
                                                1});
    }
    for (const auto& request : script)
        state = std::move(*applyOperation(state, request));
    for (Placement& p : state.placements)
        p.bytes = 1000 + (p.shard % 997);
    return state;
}

// Built once per shape: building a million placements is not what is measured.
const ClusterState& bigCluster(int tables, int shards)
{
    static std::map<std::pair<int, int>, ClusterState> cache;
    auto it = cache.find({tables, shards});
    if (it == cache.end())
        it = cache.emplace(std::pair(tables, shards), buildCluster(tables, shards)).first;
    return it->second;
}
} // namespace

static void BM_MoveShardGroup(benchmark::State& bench)
{
    const ClusterState& state = bigCluster(static_cast<int>(bench.range(0)), 64000);
    const MoveShardPlacement move{102009, 2, 3, TransferMode::BlockWrites};
    for (auto _ : bench) {
        auto next = applyOperation(state, move);
        benchmark::DoNotOptimize(next);
    }
    bench.counters["placements"] = static_cast<double>(state.placements.size());
}
BENCHMARK(BM_MoveShardGroup)->Arg(1)->Arg(16)->Unit(benchmark::kMillisecond);

static void BM_ClusterIndex(benchmark::State& bench)
{
    const ClusterState& state = bigCluster(static_cast<int>(bench.range(0)), 64000);
    for (auto _ : bench) {
        ClusterIndex index(state);
        benchmark::DoNotOptimize(index);
    }
}
BENCHMARK(BM_ClusterIndex)->Arg(16)->Unit(benchmark::kMillisecond);

static void BM_Skew(benchmark::State& bench)
{
    const ClusterState& state = bigCluster(16, 64000);
    for (auto _ : bench)
        benchmark::DoNotOptimize(computeSkew(state));
}
BENCHMARK(BM_Skew)->Unit(benchmark::kMillisecond);

static void BM_CreateDistributedTable64000(benchmark::State& bench)
{
    const ClusterState& state = bigCluster(1, 32);
    const CreateDistributedTable create{"public", "big", "id", ColumnType::Int8, "none", 64000, 1};
    for (auto _ : bench)
        benchmark::DoNotOptimize(applyOperation(state, create));
}
BENCHMARK(BM_CreateDistributedTable64000)->Unit(benchmark::kMillisecond);

static void BM_DemoCluster(benchmark::State& bench)
{
    for (auto _ : bench)
        benchmark::DoNotOptimize(shardscope::sim::makeDemoCluster());
}
BENCHMARK(BM_DemoCluster)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
