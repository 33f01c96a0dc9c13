// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shardscope::stats {

/** How one execution of a statement spreads over the cluster (reference §8.1). */
enum class FanoutClass : std::uint8_t
{
    Router,      ///< one shard of one colocation group (plus reference tables)
    MultiShard,  ///< several or all shards of one colocation group
    Reference,   ///< reference tables only
    Repartition, ///< distributed tables that are not joined on their colocated distribution columns
    Unknown,     ///< the statement's shape is not analysed: never a guess
};

/** "router", "multi-shard", "reference", "repartition", "unknown". */
std::string_view fanoutClassName(FanoutClass kind);

/** How Citus runs an INSERT ... SELECT (its EXPLAIN's "INSERT/SELECT method"). */
enum class InsertSelectMethod : std::uint8_t
{
    None,           ///< not an INSERT ... SELECT, or not decided
    Pushdown,       ///< shard by shard on the workers (colocated, distribution columns match)
    Repartition,    ///< the SELECT's results are repartitioned by the target's distribution column
    ViaCoordinator, ///< the SELECT's rows are pulled to the coordinator, then inserted
};

/** "", "pushdown", "repartition", "via-coordinator". */
std::string_view insertSelectMethodName(InsertSelectMethod method);

struct Fanout
{
    FanoutClass kind = FanoutClass::Unknown;
    std::optional<int> shards; ///< shards (tasks) one execution touches, when known
    std::optional<int> nodes;  ///< nodes one execution touches, when known
    bool upperBound = false;   ///< shards/nodes are a maximum (IN lists, multi-row INSERT: keys may share shards)
    std::string reason;        ///< one sentence for the user
    InsertSelectMethod insertSelect = InsertSelectMethod::None;
    bool onCitusTables = true; ///< false: a utility statement, or one that reads no table Citus knows
};

} // namespace shardscope::stats
