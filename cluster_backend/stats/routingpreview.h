// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"
#include "fanout.h"

#include <string>
#include <string_view>
#include <vector>

namespace shardscope::stats {

/** Where one statement goes, worked out before it runs from its parse and the cluster metadata. */
/** The shards one table of the statement touches. */
struct TableShards
{
    std::string table;
    std::vector<engine::ShardId> shards;

    bool operator==(const TableShards&) const = default;
};

struct RoutingPreview
{
    FanoutClass kind = FanoutClass::Unknown;
    std::string reason;
    /**
     * Every shard the statement touches, sorted: of the first distributed (or reference) table and of the tables
     * colocated with it (the shard of the same index), and the shard of a joined reference table. Empty when
     * they cannot be told exactly.
     */
    std::vector<engine::ShardId> shards;
    /** The same shards per table, in order of appearance (a router join names the shard of every table). */
    std::vector<TableShards> tableShards;
    /** name:port of the nodes holding those shards' placements (the one read placement for reference reads). */
    std::vector<std::string> nodes;
    std::vector<std::string> tables; ///< the Citus tables of the statement, in order of appearance
};

/**
 * The routing of one statement: the fan-out class, and when the distribution-column constants are in the
 * text (=, IN, = ANY(ARRAY[..]), OR of those, or the VALUES of an INSERT with a column list), the exact shards
 * found by hashing them with PostgreSQL's hash and routing through the table's shard ranges. Without a key restriction
 * every shard of the table; for parameters or shapes that are not analysed no shard list, never a guess.
 */
RoutingPreview previewRouting(std::string_view sql, const engine::ClusterState& state);

/** One line for the user: "Router: shard 102041 (events) on worker-2:5432", "Router: shards 102009 (users),
 * 102041 (events) on worker-2:5432". */
std::string routingSummary(const RoutingPreview& preview);

} // namespace shardscope::stats
