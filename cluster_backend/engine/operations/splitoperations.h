// SPDX-License-Identifier: MIT
#pragma once

#include "engine/operationrequest.h"

namespace shardscope::engine::ops {

/** The result of isolate_tenant_to_new_shard: the new state and the id of the table's [h,h] shard. */
struct IsolationOutcome
{
    ClusterState state;
    ShardId isolatedShard = 0;
};

/**
 * citus_split_shard_by_split_points (reference §7.1): the whole shard group is split; children get new ids
 * table by table (ascending shard id), in range order inside a table, child j on node_ids[j]. The source
 * shard's bytes and rows are shared among the children in proportion to their hash range width.
 */
Result<ClusterState> splitShard(const ClusterState& state, const SplitShard& request);

/**
 * isolate_tenant_to_new_shard (reference §7.2). Hashing goes through engine::hashValue. With a tenantShare the
 * [h,h] shards get that share of their source's bytes and rows, the other children the rest by range width.
 */
Result<IsolationOutcome> isolateTenantDetailed(const ClusterState& state, const IsolateTenant& request);
Result<ClusterState> isolateTenant(const ClusterState& state, const IsolateTenant& request);

} // namespace shardscope::engine::ops
