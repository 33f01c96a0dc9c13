// SPDX-License-Identifier: MIT
#pragma once

#include "rebalanceoptions.h"
#include "rebalanceplan.h"
#include "shardgroupcatalog.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace shardscope::engine {

/** A worker as the rebalancer sees it (§6.2/§6.3), in sorted (name, port) order. */
struct RebalanceWorker
{
    const Node* node = nullptr;
    bool shouldHaveShards = true;
    float capacity = 0.0F; ///< 0 when shouldHaveShards is false
};

/** The placements of one list (§6.2), in placement-id order: state shard index and worker index each. */
struct RebalanceListInput
{
    TableOid representative = 0;
    bool pooled = false;
    std::vector<std::uint32_t> shards;
    std::vector<std::uint32_t> workers;
};

/** Everything the per-list states share while planning: inputs, effective options and the outputs so far. */
struct RebalanceContext
{
    const ShardGroupCatalog* catalog = nullptr;
    std::vector<RebalanceWorker> workers;
    std::vector<RebalanceListInput> lists;
    std::vector<float> costOfShard; ///< by state shard index (only shards in lists are filled)

    ShardAllowedKind allowedKind = ShardAllowedKind::All;
    std::vector<ShardNodePair> pairs; ///< sorted; OnlyListed / AllButListed

    float threshold = 0.0F;
    float improvementThreshold = 0.0F;
    std::int64_t maxShardMoves = 0;
    bool drainOnly = false;
    std::int32_t maxLoggedIgnoredMoves = 5;
    const std::atomic<bool>* cancel = nullptr;

    RebalancePlan plan;
    std::int64_t ignoredMoveCount = 0;

    bool cancelled() const { return cancel != nullptr && cancel->load(std::memory_order_relaxed); }

    /** shard_allowed_on_node, with §6.1's rule that nothing is allowed on a node that should have no shards. */
    bool allowed(std::uint32_t shard, std::uint32_t worker) const
    {
        if (!workers[worker].shouldHaveShards)
            return false;
        if (allowedKind == ShardAllowedKind::All)
            return true;
        const ShardNodePair key{catalog->state().shards[shard].id, workers[worker].node->id};
        const bool listed = std::binary_search(pairs.begin(), pairs.end(), key, pairLess);
        return allowedKind == ShardAllowedKind::OnlyListed ? listed : !listed;
    }

    static bool pairLess(const ShardNodePair& a, const ShardNodePair& b)
    {
        return a.shard != b.shard ? a.shard < b.shard : a.node < b.node;
    }
};

/** utilization = totalCost / capacity, +inf when capacity <= 0 (§6.1). */
inline float rebalanceUtilization(float totalCost, float capacity)
{
    if (capacity <= 0.0F)
        return std::numeric_limits<float>::infinity();
    return totalCost / capacity;
}

} // namespace shardscope::engine
