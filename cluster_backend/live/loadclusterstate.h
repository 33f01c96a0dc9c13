// SPDX-License-Identifier: MIT
#pragma once

#include "catalogreader.h"
#include "engine/clusterstate.h"

#include <string>

namespace shardscope::live {

/**
 * Connects, probes and reads the whole cluster, blocking the calling thread (for shardscope-cli and
 * tests; the GUI uses LiveClusterSource). Plain PostgreSQL gives its plain tables (limited mode).
 */
Result<LiveSnapshot> loadLiveSnapshot(const std::string& conninfo, const CatalogOptions& options = {});

/** loadLiveSnapshot() reduced to the cluster state. */
Result<engine::ClusterState> loadClusterState(const std::string& conninfo);

/**
 * Probes and reads through an open session (what a refresh on the connection worker does). With
 * options.schema set the probe is skipped and the catalog-shaped tables of that schema are read.
 */
Result<LiveSnapshot> readLiveSnapshot(PgSession& session, const CatalogOptions& options = {});

} // namespace shardscope::live
