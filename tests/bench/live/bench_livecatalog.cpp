// SPDX-License-Identifier: MIT
// Target: 1,000,000 placements (and as many shards) load in under 2 s from a local server.
// SHARDSCOPE_BENCH_LIVE_PLACEMENTS sets the size (default 1,000,000; 100 tables of equal shard count).
#include "live/catalogreader.h"
#include "pgtestserver.h"
#include "syntheticcatalog.h"

#include <QCoreApplication>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstdlib>

using namespace shardscope;

namespace {

const char* const kSchema = "shardscope_bench_catalog";

live::PgSession* g_session = nullptr;

int placementCount()
{
    const char* env = std::getenv("SHARDSCOPE_BENCH_LIVE_PLACEMENTS");
    const int count = env ? std::atoi(env) : 1000000;
    return count > 0 ? count : 1000000;
}

void BM_ReadCatalog(benchmark::State& state)
{
    live::CatalogOptions options;
    options.schema = kSchema;
    std::size_t placements = 0;
    for (auto _ : state) {
        auto snapshot = live::readCitusCatalog(*g_session, options);
        if (!snapshot) {
            state.SkipWithError(snapshot.error().message.c_str());
            return;
        }
        placements = snapshot->state.placements.size();
        benchmark::DoNotOptimize(snapshot->state.placements.data());
    }
    state.counters["placements"] = static_cast<double>(placements);
    state.counters["placements/s"] =
        benchmark::Counter(static_cast<double>(placements), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ReadCatalog)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    const QString conninfo = test::PgTestServer::conninfo();
    if (conninfo.isEmpty()) {
        std::fprintf(stderr, "no PostgreSQL test server: %s\n", qPrintable(test::PgTestServer::error()));
        return 1;
    }
    live::PgSession session(*live::ConnectionOptions::parse(conninfo.toStdString()));
    if (Status connected = session.connect(); !connected) {
        std::fprintf(stderr, "%s\n", connected.error().message.c_str());
        return 1;
    }
    test::SyntheticCatalogShape shape;
    shape.schema = kSchema;
    shape.workers = 8;
    shape.hashTables = 100;
    shape.shardsPerTable = placementCount() / shape.hashTables;
    shape.withReferenceTable = false;
    if (Status created = test::createSyntheticCatalog(session, shape); !created) {
        std::fprintf(stderr, "%s\n", created.error().message.c_str());
        return 1;
    }
    g_session = &session;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    (void)test::dropSyntheticCatalog(session, kSchema);
    return 0;
}
