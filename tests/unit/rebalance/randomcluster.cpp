// SPDX-License-Identifier: MIT
#include "randomcluster.h"

#include <algorithm>

namespace shardscope::test {

using namespace engine;

namespace {

int pick(std::mt19937_64& rng, int lo, int hi)
{
    return std::uniform_int_distribution<int>(lo, hi)(rng);
}

bool chance(std::mt19937_64& rng, double p)
{
    return std::bernoulli_distribution(p)(rng);
}

std::int64_t randomBytes(std::mt19937_64& rng, int style)
{
    switch (style) {
    case 0:
        return 0;
    case 1:
        return 8192LL * pick(rng, 0, 600);
    case 2:
        return std::uniform_int_distribution<std::int64_t>(0, 50'000'000'000LL)(rng);
    default:
        return 8192LL * pick(rng, 0, 3); // many ties
    }
}

} // namespace

ClusterState randomCluster(std::mt19937_64& rng, int maxShards)
{
    ClusterState state;
    const int workers = pick(rng, 2, 7);
    static const char* names[] = {"worker10", "worker2", "alpha", "worker1", "beta", "w", "worker20"};
    Node coordinator;
    coordinator.id = 1;
    coordinator.group = 0;
    coordinator.name = "coord";
    coordinator.shouldHaveShards = chance(rng, 0.2);
    state.nodes.push_back(coordinator);
    for (int i = 0; i < workers; ++i) {
        Node node;
        node.id = i + 2;
        node.group = i + 1;
        node.name = names[pick(rng, 0, 6)];
        node.port = 5432 + pick(rng, 0, 3) * 10 + i; // unique (name, port)
        node.shouldHaveShards = !chance(rng, 0.2);
        node.isActive = !chance(rng, 0.05);
        state.nodes.push_back(node);
    }
    std::vector<GroupId> groups;
    for (const Node& node : state.nodes)
        groups.push_back(node.group);

    const int byteStyle = pick(rng, 0, 3);
    TableOid oid = 20000;
    ShardId shardId = 102008;
    PlacementId placementId = 1;
    auto addShards = [&](const Table& table, const std::vector<std::vector<GroupId>>& layout, bool ranged) {
        const auto count = static_cast<std::int64_t>(layout.size());
        for (std::int64_t i = 0; i < count; ++i) {
            Shard shard;
            shard.id = shardId++;
            shard.table = table.oid;
            shard.hasRange = ranged;
            if (ranged) {
                const std::int64_t increment = 4294967296LL / count;
                shard.minValue = static_cast<std::int32_t>(-2147483648LL + i * increment);
                shard.maxValue =
                    static_cast<std::int32_t>(i == count - 1 ? 2147483647LL : -2147483648LL + (i + 1) * increment - 1);
            }
            state.shards.push_back(shard);
            for (GroupId group : layout[static_cast<std::size_t>(i)])
                state.placements.push_back({placementId++, shard.id, randomBytes(rng, byteStyle), 0, group});
        }
    };

    const int colocationGroups = pick(rng, 1, 4);
    for (int g = 1; g <= colocationGroups; ++g) {
        const bool singleShard = chance(rng, 0.15);
        const int shardCount = singleShard ? 1 : (chance(rng, 0.3) ? pick(rng, 1, workers) : pick(rng, 1, maxShards));
        const int rf = (!singleShard && chance(rng, 0.2)) ? 2 : 1;
        state.colocationGroups.push_back({g, shardCount, rf, singleShard ? ColumnType::None : ColumnType::Int8, 0});
        std::vector<std::vector<GroupId>> layout;
        for (int s = 0; s < shardCount; ++s) {
            std::vector<GroupId> copies = groups;
            std::shuffle(copies.begin(), copies.end(), rng);
            copies.resize(static_cast<std::size_t>(rf));
            layout.push_back(copies);
        }
        const int tables = pick(rng, 1, 3);
        for (int t = 0; t < tables; ++t) {
            Table table;
            table.oid = oid++;
            table.schema = chance(rng, 0.2) ? "app" : "public";
            table.name = "t" + std::to_string(g) + "_" + std::to_string(t);
            table.kind = singleShard ? TableKind::SingleShard : TableKind::HashDistributed;
            table.colocationId = g;
            state.tables.push_back(table);
            addShards(table, layout, !singleShard);
        }
        if (chance(rng, 0.2)) { // a reference table in between, which the rebalancer ignores
            Table reference;
            reference.oid = oid++;
            reference.name = "ref" + std::to_string(g);
            reference.kind = TableKind::Reference;
            reference.colocationId = 1000 + g;
            state.tables.push_back(reference);
            addShards(reference, {groups}, false);
        }
    }
    // Physical order of pg_dist_partition is not always creation order: shuffle it a little.
    if (chance(rng, 0.3) && state.tables.size() > 1)
        std::swap(state.tables.front(), state.tables.back());
    std::sort(state.placements.begin(), state.placements.end(),
              [](const Placement& a, const Placement& b) { return a.id < b.id; });
    if (chance(rng, 0.3)) { // placement ids out of shard order, as after moves
        std::vector<PlacementId> ids;
        for (const Placement& p : state.placements)
            ids.push_back(p.id);
        std::shuffle(ids.begin(), ids.end(), rng);
        for (std::size_t i = 0; i < ids.size(); ++i)
            state.placements[i].id = ids[i];
        std::sort(state.placements.begin(), state.placements.end(),
                  [](const Placement& a, const Placement& b) { return a.id < b.id; });
    }
    state.sequences.nextShardId = shardId;
    state.sequences.nextPlacementId = placementId;
    return state;
}

RebalanceOptions randomOptions(const ClusterState& state, std::mt19937_64& rng)
{
    RebalanceOptions options;
    const int kind = pick(rng, 0, 2);
    if (kind == 0) {
        options.strategy = RebalanceStrategy::byShardCount();
    } else if (kind == 1) {
        options.strategy = RebalanceStrategy::byDiskSize();
        const int base = pick(rng, 0, 2);
        options.strategy.diskSizeBaseCost = base == 0 ? 104857600 : (base == 1 ? 0 : 1000);
    } else {
        RebalanceStrategy& s = options.strategy;
        s.name = "custom";
        s.cost = ShardCostKind::CustomData;
        s.capacity = chance(rng, 0.6) ? NodeCapacityKind::CustomData : NodeCapacityKind::One;
        s.defaultThreshold = static_cast<float>(pick(rng, 0, 3)) * 0.05F;
        s.minimumThreshold = chance(rng, 0.5) ? 0.0F : 0.02F;
        s.improvementThreshold = chance(rng, 0.5) ? 0.0F : 0.4F;
        const bool dyadic = chance(rng, 0.5);
        for (const Shard& shard : state.shards) {
            if (chance(rng, 0.7)) {
                s.shardCost[shard.id] = dyadic ? static_cast<float>(pick(rng, 1, 8)) * 0.5F
                                               : std::uniform_real_distribution<float>(0.01F, 10.0F)(rng);
            }
        }
        s.defaultShardCost = dyadic ? 1.0F : 0.7F;
        for (const Node& node : state.nodes) {
            if (chance(rng, 0.6)) {
                static const float capacities[] = {0.5F, 1.0F, 2.0F, 3.0F, 0.0F, 1.5F};
                s.nodeCapacity[node.id] = capacities[pick(rng, 0, 5)];
            }
        }
        const int allowed = pick(rng, 0, 2);
        s.allowed = allowed == 0 ? ShardAllowedKind::All
                                 : (allowed == 1 ? ShardAllowedKind::AllButListed : ShardAllowedKind::OnlyListed);
        for (const Shard& shard : state.shards) {
            for (const Node& node : state.nodes) {
                if (chance(rng, allowed == 2 ? 0.7 : 0.15))
                    (allowed == 2 ? s.allowedPairs : s.disallowedPairs).push_back({shard.id, node.id});
            }
        }
    }
    static const float thresholds[] = {0.0F, 0.05F, 0.1F, 0.2F, 0.5F};
    if (chance(rng, 0.5))
        options.threshold = thresholds[pick(rng, 0, 4)];
    static const float improvements[] = {0.0F, 0.1F, 0.5F, 1.0F};
    if (chance(rng, 0.4))
        options.improvementThreshold = improvements[pick(rng, 0, 3)];
    if (chance(rng, 0.25))
        options.maxShardMoves = pick(rng, 0, 8);
    if (chance(rng, 0.25)) {
        for (const Shard& shard : state.shards) {
            if (chance(rng, 0.15))
                options.excludedShards.push_back(shard.id);
        }
    }
    options.drainOnly = chance(rng, 0.15);
    if (chance(rng, 0.15)) {
        std::vector<const Table*> distributed;
        for (const Table& table : state.tables) {
            if (table.kind == TableKind::HashDistributed || table.kind == TableKind::SingleShard)
                distributed.push_back(&table);
        }
        const Table* table =
            distributed[static_cast<std::size_t>(pick(rng, 0, static_cast<int>(distributed.size()) - 1))];
        options.relation = table->schema == "public" ? table->name : table->schema + "." + table->name;
    }
    if (chance(rng, 0.12)) {
        std::vector<const Node*> active;
        for (const Node& node : state.nodes) {
            if (node.isActive)
                active.push_back(&node);
        }
        const Node* node = active[static_cast<std::size_t>(pick(rng, 0, static_cast<int>(active.size()) - 1))];
        options.entryPoint = RebalanceEntryPoint::DrainNode;
        options.drainNode = NodeAddress{node->name, node->port};
    }
    return options;
}

} // namespace shardscope::test
