// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shardscope::live {

/** One row of citus_check_cluster_node_health(): can from reach to. */
struct NodeHealthPair
{
    std::string fromHost;
    int fromPort = 0;
    std::string toHost;
    int toPort = 0;
    bool ok = false;

    bool operator==(const NodeHealthPair&) const = default;
};

/** Free and total disk of one node as citus_local_disk_space_stats() reports it there. */
struct NodeDiskSpace
{
    std::string host;
    int port = 0;
    std::optional<std::int64_t> availableBytes; ///< empty: the node did not say (error holds why)
    std::optional<std::int64_t> totalBytes;
    std::string error;

    bool operator==(const NodeDiskSpace&) const = default;
};

/** A Citus background job that has not ended (pg_dist_background_job). */
struct ActiveBackgroundJob
{
    std::int64_t id = 0;
    std::string state; ///< scheduled, running, cancelling or failing
    std::string type;  ///< "rebalance", ...
    std::string description;

    bool operator==(const ActiveBackgroundJob&) const = default;
};

/**
 * What a coordinator tells about the conditions a rebalance needs. Each part is read on its own; when the
 * server cannot answer one (not Citus, an old Citus, no permission), its error says why and the part is
 * "unknown", never guessed.
 */
struct PreflightFacts
{
    bool healthKnown = false;
    std::vector<NodeHealthPair> health;
    std::string healthError;

    bool diskKnown = false;
    std::vector<NodeDiskSpace> disks;
    std::string diskError;
    /** citus.desired_percent_disk_available_after_move: the free share a move must leave on its target. */
    double desiredPercentFree = 10.0;
    /** citus.check_available_space_before_move */
    bool spaceCheckEnabled = true;

    bool jobsKnown = false;
    std::vector<ActiveBackgroundJob> jobs;
    std::string jobsError;
};

} // namespace shardscope::live
