// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/operationrequest.h"

#include <QString>
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace shardscope {

/** One shard of the shard group a move takes along. */
struct MovePreviewShard
{
    QString table;
    engine::ShardId shard = 0;
    std::int64_t bytes = 0;
    std::int64_t rows = 0;
};

/** A node's stored bytes before and after the move. */
struct MovePreviewNode
{
    engine::NodeId node = 0;
    QString label;
    std::int64_t before = 0;
    std::int64_t after = 0;
    bool isSource = false;
    bool isTarget = false;
};

/**
 * What moving a shard group would do, computed by applying the request to the current state with the
 * engine: every colocated shard that moves, the bytes, node totals before and after, and Citus's refusal when
 * the move is not allowed. Pure and cheap (one engine operation).
 */
struct MovePreview
{
    engine::MoveShardPlacement request;
    std::vector<MovePreviewShard> shards;
    std::int64_t bytes = 0;
    std::int64_t rows = 0;
    QString sourceLabel;
    QString targetLabel;
    std::vector<MovePreviewNode> nodes;
    std::optional<Error> error;                        ///< the engine refused the move
    std::shared_ptr<const engine::ClusterState> after; ///< the state after the move (null on error)

    static MovePreview compute(const engine::ClusterState& state, const engine::MoveShardPlacement& request);
};

/** Whether the next automatic rebalance (citus_rebalance_start with the default strategy) undoes a move. */
struct MoveBackCheck
{
    bool movesAway = false; ///< the plan moves the group off the target again
    bool movesBack = false; ///< ... and back to the node it came from
    engine::NodeId plannedTarget = 0;
    QString plannedTargetLabel;
    QString strategy;           ///< name of the strategy checked
    std::optional<Error> error; ///< planning failed (the check is then unknown)

    /** Plans on the state after the move; may take a while on big clusters, so run it off the GUI thread. */
    static MoveBackCheck compute(const engine::ClusterState& after, const engine::MoveShardPlacement& move,
                                 const std::atomic<bool>* cancel = nullptr);
};

} // namespace shardscope
