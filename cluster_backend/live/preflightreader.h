// SPDX-License-Identifier: MIT
#pragma once

#include "pgsession.h"
#include "preflightfacts.h"

namespace shardscope::live {

/**
 * Reads the preflight facts of a rebalance from a coordinator: node-to-node health
 * (citus_check_cluster_node_health), free disk per node (citus_local_disk_space_stats on the coordinator and,
 * through run_command_on_workers, on each worker) with the space-check settings, and the background jobs
 * still running. Runs on the caller's session (a side connection's worker thread); an error is returned only
 * when the session is not connected, the parts that fail are marked unknown.
 */
Result<PreflightFacts> readPreflightFacts(PgSession& session);

} // namespace shardscope::live
