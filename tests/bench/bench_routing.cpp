// SPDX-License-Identifier: MIT
// Routing int8 keys to shards: hashint8 + the uniform fast path, as Citus's router does per distribution key.
#include "engine/pghash.h"
#include "engine/shardrange.h"
#include "engine/shardrouter.h"
#include "engine/uniformshardindexer.h"

#include <benchmark/benchmark.h>
#include <random>
#include <vector>

using namespace shardscope::engine;

namespace {

// 64 Ki keys (512 KiB): the figure is about hashing and routing, not about memory bandwidth.
const std::vector<std::int64_t>& keys()
{
    static const std::vector<std::int64_t> values = [] {
        std::mt19937_64 random(42);
        std::vector<std::int64_t> out(1 << 16);
        for (auto& key : out)
            key = static_cast<std::int64_t>(random());
        return out;
    }();
    return values;
}

// The hot path: hashint8 inlined, division by the range width replaced by a multiplication.
void BM_RouteInt8(benchmark::State& state)
{
    const UniformShardIndexer indexer(static_cast<int>(state.range(0)));
    const auto& input = keys();
    for (auto _ : state) {
        std::uint64_t sum = 0;
        for (const std::int64_t key : input)
            sum += static_cast<std::uint64_t>(indexer(hashInt8(key)));
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(input.size()));
}
BENCHMARK(BM_RouteInt8)->Arg(32)->Arg(7)->Arg(64000);

// The same with uniformShardIndex's plain 64-bit division, for comparison.
void BM_RouteInt8Division(benchmark::State& state)
{
    const int shardCount = static_cast<int>(state.range(0));
    const auto& input = keys();
    for (auto _ : state) {
        std::uint64_t sum = 0;
        for (const std::int64_t key : input)
            sum += static_cast<std::uint64_t>(uniformShardIndex(hashInt8(key), shardCount));
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(input.size()));
}
BENCHMARK(BM_RouteInt8Division)->Arg(32);

// Through ShardRouter (uniform table detected from its ranges).
void BM_RouteInt8Router(benchmark::State& state)
{
    const ShardRouter router = ShardRouter::uniform(static_cast<int>(state.range(0)));
    const auto& input = keys();
    for (auto _ : state) {
        std::uint64_t sum = 0;
        for (const std::int64_t key : input)
            sum += static_cast<std::uint64_t>(router.indexOf(hashInt8(key)));
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(input.size()));
}
BENCHMARK(BM_RouteInt8Router)->Arg(32);

// After splits: binary search over 64,000 non-uniform ranges.
void BM_RouteInt8SplitRanges(benchmark::State& state)
{
    std::vector<HashRange> ranges = uniformRanges(64000);
    ranges.back().max -= 1; // one range shorter: no longer uniform
    ranges.push_back(HashRange{INT32_MAX, INT32_MAX});
    const ShardRouter router(ranges);
    const auto& input = keys();
    for (auto _ : state) {
        std::uint64_t sum = 0;
        for (const std::int64_t key : input)
            sum += static_cast<std::uint64_t>(router.indexOf(hashInt8(key)));
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(input.size()));
}
BENCHMARK(BM_RouteInt8SplitRanges);

// Parsing text first, as the CLI and hashValue do.
void BM_HashValueInt8Text(benchmark::State& state)
{
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < 4096; ++i)
        texts.push_back(std::to_string(keys()[i]));
    for (auto _ : state) {
        std::int64_t sum = 0;
        for (const std::string& text : texts)
            sum += *hashValue(ColumnType::Int8, text);
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(texts.size()));
}
BENCHMARK(BM_HashValueInt8Text);

} // namespace

BENCHMARK_MAIN();
