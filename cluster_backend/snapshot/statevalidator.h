// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/clusterstate.h"

namespace shardscope::snapshot {

/**
 * Checks that a state is consistent enough to be saved, loaded or operated on: unique ids, values in range,
 * and no dangling reference (a shard of an unknown table, a placement of an unknown shard or on a group no
 * node has, a table in an unknown colocation group...). The first problem found is returned as an Error
 * naming the element (by its position and id). Runs in O(n log n) with O(n) transient memory (8 bytes per
 * placement).
 */
Status validateClusterState(const engine::ClusterState& state);

} // namespace shardscope::snapshot
