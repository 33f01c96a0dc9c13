// SPDX-License-Identifier: MIT
#include "democluster.h"

#include "engine/clusterindex.h"
#include "engine/operationrequest.h"

#include <cstdint>
#include <vector>

namespace shardscope::sim {

using namespace shardscope::engine;

namespace {
constexpr std::int64_t kMiB = 1024 * 1024;
constexpr std::int64_t kGiB = 1024 * kMiB;
constexpr std::int64_t kDiskBytes = 2048 * kGiB;
// hashint8(1) (reference §1.4): user_id 1, the hot tenant, lands in the shard holding this hash.
constexpr std::int32_t kHotTenantHash = -1905060026;

// splitmix64 with a fixed seed: the same sizes on every run.
class SizeGenerator
{
public:
    explicit SizeGenerator(std::uint64_t seed) : m_state(seed) {}

    /** base scaled by a factor in [1 - spread, 1 + spread]. */
    std::int64_t around(std::int64_t base, double spread)
    {
        const double unit = static_cast<double>(next() >> 11) / static_cast<double>(std::uint64_t(1) << 53);
        return static_cast<std::int64_t>(static_cast<double>(base) * (1.0 - spread + 2.0 * spread * unit));
    }

private:
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state;
};

struct TableSizing
{
    const char* name;
    std::int64_t shardBytes; ///< typical bytes of one shard
    double spread;           ///< relative variation between shards
    std::int64_t bytesPerRow;
};

const Table* tableNamed(const ClusterState& state, const char* name)
{
    for (const Table& table : state.tables) {
        if (table.name == name)
            return &table;
    }
    return nullptr;
}

void applySizes(ClusterState& state)
{
    const std::vector<TableSizing> sizing = {
        {"users", 56 * kMiB, 0.12, 180},       {"events", 2600 * kMiB, 0.15, 210}, {"countries", 48 * 1024, 0.0, 96},
        {"page_views", 1100 * kMiB, 0.2, 150}, {"orders", 420 * kMiB, 0.1, 240},   {"products", 38 * kMiB, 0.0, 190},
        {"app_settings", 96 * 1024, 0.0, 512},
    };
    SizeGenerator generator(20261125);
    const ClusterIndex index(state);
    std::vector<std::pair<std::size_t, std::int64_t>> sizes; // placement position, bytes
    for (const TableSizing& table : sizing) {
        const Table* t = tableNamed(state, table.name);
        if (!t)
            continue;
        for (std::size_t shardPos : index.shardsOfTable(t->oid)) {
            const Shard& shard = state.shards[shardPos];
            std::int64_t bytes = generator.around(table.shardBytes, table.spread);
            const bool hot = shard.hasRange && shard.minValue <= kHotTenantHash && kHotTenantHash <= shard.maxValue;
            if (hot && std::string(table.name) == "events")
                bytes += 41 * kGiB; // user_id 1 sends a fifth of all events
            else if (hot && std::string(table.name) == "users")
                bytes += 3 * kMiB;
            for (std::size_t p : index.placementsOfShard(shard.id))
                sizes.emplace_back(p, bytes);
        }
        for (const auto& [p, bytes] : sizes) {
            state.placements[p].bytes = bytes;
            state.placements[p].rows = bytes / table.bytesPerRow;
        }
        sizes.clear();
    }
    for (Node& node : state.nodes) {
        std::int64_t used = 0;
        for (std::size_t p : index.placementsOnGroup(node.group))
            used += state.placements[p].bytes;
        node.freeDiskBytes = kDiskBytes - used;
    }
}
} // namespace

ClusterState makeDemoCluster()
{
    const std::vector<OperationRequest> script = {
        SetCoordinatorHost{"coordinator", 5432},
        AddNode{"worker-1", 5432},
        AddNode{"worker-2", 5432},
        AddNode{"worker-3", 5432},
        AddNode{"worker-4", 5432},
        CreateDistributedTable{"public", "users", "user_id", ColumnType::Int8, "default", std::nullopt, 1},
        CreateDistributedTable{"public", "events", "user_id", ColumnType::Int8, "users", std::nullopt, 1},
        CreateReferenceTable{"public", "countries"},
        CreateDistributedTable{"public", "page_views", "site_id", ColumnType::Int8, "none", std::nullopt, 1},
        CreateDistributedTable{"public", "orders", "customer_id", ColumnType::Int4, "default", 16, 1},
        CreateReferenceTable{"public", "products"},
        CreateDistributedTable{"public", "app_settings", "", ColumnType::None, "default", std::nullopt, 1},
    };
    ClusterState state;
    state.name = "Demo cluster";
    for (const OperationRequest& request : script) {
        auto next = applyOperation(state, request);
        if (!next)
            break; // cannot happen with this script; the tests check every step
        state = std::move(*next);
    }
    applySizes(state);
    return state;
}

} // namespace shardscope::sim
