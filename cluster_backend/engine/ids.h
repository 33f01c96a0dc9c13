// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace shardscope::engine {

/** Identifiers as Citus stores them in its catalog (pg_dist_*). */
using NodeId = std::int32_t;       ///< pg_dist_node.nodeid
using GroupId = std::int32_t;      ///< pg_dist_node.groupid; the coordinator is group 0
using ColocationId = std::int32_t; ///< pg_dist_colocation.colocationid; 0 = none
using ShardId = std::int64_t;      ///< pg_dist_shard.shardid
using PlacementId = std::int64_t;  ///< pg_dist_placement.placementid
using TableOid = std::uint32_t;    ///< pg_class oid of the logical relation

} // namespace shardscope::engine
