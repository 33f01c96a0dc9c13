// SPDX-License-Identifier: MIT
#pragma once

#include "engine/operationrequest.h"

namespace shardscope::engine::ops {

Result<ClusterState> createPlainTable(const ClusterState& state, const CreatePlainTable& request);
Result<ClusterState> createDistributedTable(const ClusterState& state, const CreateDistributedTable& request);
Result<ClusterState> createReferenceTable(const ClusterState& state, const CreateReferenceTable& request);
Result<ClusterState> undistributeTable(const ClusterState& state, const UndistributeTable& request);
Result<ClusterState> replicateReferenceTablesOperation(const ClusterState& state,
                                                       const ReplicateReferenceTables& request);

} // namespace shardscope::engine::ops
