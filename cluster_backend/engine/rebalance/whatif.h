// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/clusterstate.h"
#include "rebalanceoptions.h"

#include <cstdint>
#include <string>
#include <vector>

namespace shardscope::engine {

/** Hypothetical changes to a cluster, applied before planning ("what if we ..."). */
struct WhatIf
{
    /** New empty workers named "<prefix><k>" (port 5432), with copies of the reference tables. */
    int addNodes = 0;
    std::string newNodePrefix = "whatif-node-";
    /** Nodes to take out: they get shouldhaveshards=false, so the plan evacuates them. */
    std::vector<NodeAddress> removeNodes;
    /**
     * alter_distributed_table(relation, shard_count => n, cascade_to_colocated => true): every table of the
     * relation's colocation group is re-created with n shards in a new colocation group, its bytes spread
     * evenly, placed round-robin over the nodes that should have shards (§3.2).
     */
    std::string shardCountRelation;
    std::int32_t newShardCount = 0;
};

/** The state after the hypothetical changes; Error for unknown nodes/relations or a bad shard count. */
Result<ClusterState> applyWhatIf(const ClusterState& state, const WhatIf& whatIf);

} // namespace shardscope::engine
