// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/operationrequest.h"
#include "engine/rebalance/plansimulation.h"
#include "engine/rebalance/rebalanceplan.h"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace shardscope {

/** What the user chose in the rebalance preview. */
struct RebalancePreviewOptions
{
    std::string strategy = "by_disk_size"; ///< a Citus strategy or ShardScope's "shardscope_min_bytes"
    std::optional<float> threshold;        ///< unset: the strategy's default
    std::int64_t maxShardMoves = 1000000;
    engine::NodeId drainNode = 0; ///< 0: rebalance; else drain this node
    engine::TransferMode mode = engine::TransferMode::Auto;
};

/**
 * A rebalance plan and what it would do (per-node bytes before/after, skew, bytes to move), computed with the
 * engine's planners. Pure; planning a big cluster takes a while, so callers run it off the GUI thread.
 */
struct RebalancePreview
{
    RebalancePreviewOptions options;
    std::optional<Error> error;
    engine::RebalancePlan plan;
    engine::PlanSimulation simulation;

    /**
     * The operations that carry the plan out through a ClusterSource: citus_drain_node for a drain, else
     * one citus_move_shard_placement per planned move, in the plan's order.
     */
    std::vector<engine::OperationRequest> requests(const engine::ClusterState& state) const;

    /**
     * Whether citus_rebalance_start would carry out this plan: one of Citus's strategies with its default
     * threshold, no move limit and no drain (it takes none of those).
     */
    bool fitsBackgroundRebalance() const;

    static RebalancePreview compute(const engine::ClusterState& state, const RebalancePreviewOptions& options,
                                    const std::atomic<bool>* cancel = nullptr);
    /** The strategies offered: Citus's two and ShardScope's own. */
    static std::vector<std::string> strategies();
};

} // namespace shardscope
