// SPDX-License-Identifier: MIT
// Snapshot save + load of a cluster with 1,000,000 placements on 200 nodes.
//
// Memory is measured as the growth of the process's peak resident set (VmHWM) over its resident set before
// the operation, after resetting the peak through /proc/self/clear_refs: what the operation really touched,
// including the loaded copy of the state (64 bytes per placement for Shard + Placement), file text, parser
// indexes and validation. Allocated-but-untouched memory (simdjson reserves index capacity it never fills)
// is not counted, which is what matters to the user.
#include "snapshot/snapshotjson.h"
#include "snapshot/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <fstream>
#include <string>

using namespace shardscope;
using namespace shardscope::engine;

namespace {

constexpr int kNodes = 200;
constexpr int kColocationGroups = 8;
constexpr int kTablesPerGroup = 5;
constexpr int kShardsPerTable = 25000; // 8 * 5 * 25,000 = 1,000,000 placements

ClusterState makeCluster(int shardsPerTable)
{
    {
        ClusterState s;
        s.name = "bench";
        for (int i = 0; i < kNodes; ++i) {
            Node node;
            node.id = i + 1;
            node.group = i;
            node.name = "worker-" + std::to_string(i) + ".example";
            node.shouldHaveShards = i > 0;
            s.nodes.push_back(node);
        }
        const std::size_t total = std::size_t(kColocationGroups) * kTablesPerGroup * shardsPerTable;
        s.shards.reserve(total);
        s.placements.reserve(total);
        ShardId shardId = 102008;
        PlacementId placementId = 1;
        TableOid oid = 16384;
        std::uint64_t random = 0x9E3779B97F4A7C15ull;
        const std::int64_t width = (std::int64_t(1) << 32) / shardsPerTable;
        for (int g = 1; g <= kColocationGroups; ++g) {
            s.colocationGroups.push_back({g, shardsPerTable, 1, ColumnType::Int8, 0});
            for (int t = 0; t < kTablesPerGroup; ++t, ++oid) {
                Table table;
                table.oid = oid;
                table.name = "table_" + std::to_string(g) + "_" + std::to_string(t);
                table.distributionColumn = "tenant_id";
                table.columnType = ColumnType::Int8;
                table.colocationId = g;
                s.tables.push_back(table);
                for (int k = 0; k < shardsPerTable; ++k) {
                    const auto lo = static_cast<std::int32_t>(std::int64_t(INT32_MIN) + k * width);
                    const auto hi = k == shardsPerTable - 1 ? INT32_MAX : static_cast<std::int32_t>(lo + width - 1);
                    s.shards.push_back({shardId, oid, lo, hi, true});
                    random = random * 6364136223846793005ull + 1442695040888963407ull;
                    const std::int64_t bytes = 8192 + std::int64_t((random >> 33) % 2'000'000'000ull);
                    const GroupId group = 1 + (k % (kNodes - 1));
                    s.placements.push_back({placementId++, shardId++, bytes, bytes / 120, group});
                }
            }
        }
        s.sequences.nextShardId = shardId;
        s.sequences.nextPlacementId = placementId;
        s.sequences.nextColocationId = kColocationGroups + 1;
        s.sequences.nextGroupId = kNodes;
        s.sequences.nextNodeId = kNodes + 1;
        s.sequences.nextTableOid = oid;
        return s;
    }
}

const ClusterState& bigCluster()
{
    static const ClusterState state = makeCluster(kShardsPerTable);
    return state;
}

long statusKiB(const char* field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(status, line)) {
        if (line.rfind(prefix, 0) == 0)
            return std::stol(line.substr(prefix.size()));
    }
    return 0;
}

/** Resets VmHWM to the current RSS; false when the kernel does not allow it. */
bool resetPeak()
{
    FILE* file = std::fopen("/proc/self/clear_refs", "w");
    if (!file)
        return false;
    const bool ok = std::fputs("5", file) >= 0;
    return std::fclose(file) == 0 && ok;
}

void BM_SnapshotSaveLoad(benchmark::State& bench)
{
    const ClusterState& state = bigCluster();
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("big.json")).toStdString();
    double peakGrowth = 0;
    bool peakMeasured = true;
    for (auto _ : bench) {
        const long before = statusKiB("VmRSS");
        peakMeasured = resetPeak() && peakMeasured;
        {
            const Status saved = snapshot::saveSnapshotFile(state, path);
            if (!saved) {
                bench.SkipWithError(saved.error().message.c_str());
                break;
            }
            Result<ClusterState> loaded = snapshot::loadSnapshotFile(path);
            if (!loaded || loaded->placements.size() != state.placements.size()) {
                bench.SkipWithError("load failed");
                break;
            }
            peakGrowth = std::max(peakGrowth, double(statusKiB("VmHWM") - before) * 1024.0);
        }
    }
    const double placements = double(state.placements.size());
    bench.counters["placements"] = placements;
    bench.counters["file_bytes_per_placement"] = double(QFile(QString::fromStdString(path)).size()) / placements;
    if (peakMeasured)
        bench.counters["peak_rss_growth_per_placement"] = peakGrowth / placements;
    bench.counters["loaded_state_bytes_per_placement"] = double(sizeof(Shard) + sizeof(Placement));
}
BENCHMARK(BM_SnapshotSaveLoad)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SnapshotSave(benchmark::State& bench)
{
    const ClusterState& state = bigCluster();
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("big.json")).toStdString();
    for (auto _ : bench) {
        if (!snapshot::saveSnapshotFile(state, path))
            bench.SkipWithError("save failed");
    }
}
BENCHMARK(BM_SnapshotSave)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SnapshotLoad(benchmark::State& bench)
{
    const ClusterState& state = bigCluster();
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("big.json")).toStdString();
    if (!snapshot::saveSnapshotFile(state, path)) {
        bench.SkipWithError("save failed");
        return;
    }
    for (auto _ : bench) {
        Result<ClusterState> loaded = snapshot::loadSnapshotFile(path);
        if (!loaded)
            bench.SkipWithError(loaded.error().message.c_str());
        benchmark::DoNotOptimize(loaded);
    }
}
BENCHMARK(BM_SnapshotLoad)->Unit(benchmark::kMillisecond)->UseRealTime();

// A shard move committed to a workspace holding 100,000 placements: the diff writes two rows, so the cost
// is the diff and one synced transaction, not a rewrite of the cluster.
void BM_WorkspaceCommitMove(benchmark::State& bench)
{
    const ClusterState before = makeCluster(kShardsPerTable / 10);
    ClusterState after = before;
    Placement moved = after.placements.front();
    after.placements.erase(after.placements.begin());
    moved.id = after.sequences.nextPlacementId++;
    moved.group = moved.group % (kNodes - 1) + 1;
    after.placements.push_back(moved);
    QTemporaryDir dir;
    snapshot::Workspace workspace;
    if (!workspace.open(dir.filePath(QStringLiteral("w.sqlite")).toStdString()) ||
        !workspace.commit(before, "create")) {
        bench.SkipWithError("cannot create the workspace");
        return;
    }
    bool forward = true;
    for (auto _ : bench) {
        if (!workspace.commit(forward ? after : before, "move"))
            bench.SkipWithError("commit failed");
        forward = !forward;
    }
    bench.counters["placements"] = double(before.placements.size());
}
BENCHMARK(BM_WorkspaceCommitMove)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
