// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"
#include "serverinfo.h"
#include "strategyreader.h"

#include <string>
#include <vector>

namespace shardscope::live {

/** A row of pg_dist_background_job. */
struct BackgroundJob
{
    std::int64_t id = 0;
    std::string state; ///< scheduled, running, finished, cancelling, cancelled, failing, failed
    std::string type;  ///< "rebalance", ...
    std::string description;
    std::string startedAt;  ///< ISO 8601 UTC, empty if not started
    std::string finishedAt; ///< ISO 8601 UTC, empty if not finished

    bool operator==(const BackgroundJob&) const = default;
};

/** Everything one refresh read from a live server, as plain values. */
struct LiveSnapshot
{
    engine::ClusterState state;
    ServerInfo server;
    std::vector<BackgroundJob> jobs;
    /** Parts that could not be read (shard sizes when a worker is down, ...): shown, not fatal. */
    std::vector<std::string> warnings;
    /** False when the shard sizes could not be read (every placement's bytes are then 0). */
    bool sizesRead = true;
    /** pg_dist_rebalance_strategy (for choosing one; loadRebalanceStrategy() makes one plannable). */
    std::vector<StrategyRow> strategies;
};

} // namespace shardscope::live
