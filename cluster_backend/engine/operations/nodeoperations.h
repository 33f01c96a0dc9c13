// SPDX-License-Identifier: MIT
#pragma once

#include "engine/operationrequest.h"

namespace shardscope::engine::ops {

Result<ClusterState> setCoordinatorHost(const ClusterState& state, const SetCoordinatorHost& request);
/** An existing name:port is not an error: Citus returns its nodeid and changes nothing. */
Result<ClusterState> addNode(const ClusterState& state, const AddNode& request);
Result<ClusterState> removeNode(const ClusterState& state, const RemoveNode& request);
Result<ClusterState> disableNode(const ClusterState& state, const DisableNode& request);
Result<ClusterState> activateNode(const ClusterState& state, const ActivateNode& request);
Result<ClusterState> setNodeShouldHaveShards(const ClusterState& state, const SetNodeShouldHaveShards& request);

} // namespace shardscope::engine::ops
