// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"
#include "fanout.h"

#include <string>
#include <string_view>
#include <vector>

namespace shardscope::stats {

/** Where one statement goes, worked out before it runs from its parse and the cluster metadata. */
struct RoutingPreview
{
    FanoutClass kind = FanoutClass::Unknown;
    std::string reason;
    /** Shards of the first distributed (or reference) table touched; empty when they cannot be told exactly. */
    std::vector<engine::ShardId> shards;
    /** name:port of the nodes holding those shards' placements (the one read placement for reference reads). */
    std::vector<std::string> nodes;
    std::vector<std::string> tables; ///< the Citus tables of the statement, in order of appearance
};

/**
 * The routing of one statement: the fan-out class, and when the distribution-column constants are in the
 * text (=, IN, = ANY(ARRAY[..]), OR of those), the exact shards found by hashing them with PostgreSQL's hash
 * and routing through the table's shard ranges. Without a key restriction every shard of the table; for
 * parameters or shapes that are not analysed no shard list, never a guess.
 */
RoutingPreview previewRouting(std::string_view sql, const engine::ClusterState& state);

/** One line for the user: "Router: shard 102041 on worker-2:5432 (users, events)". */
std::string routingSummary(const RoutingPreview& preview);

} // namespace shardscope::stats
