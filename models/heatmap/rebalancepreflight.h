// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"
#include "engine/rebalance/rebalanceplan.h"
#include "live/preflightfacts.h"

#include <string>
#include <vector>

namespace shardscope {

/** One line of the rebalance preflight. */
struct PreflightCheck
{
    enum class Status
    {
        Passed,
        Warning, ///< the run can go ahead, but look
        Failed,  ///< Citus would refuse or the run would fail
        Unknown, ///< the server could not tell
    };

    std::string title;
    Status status = Status::Unknown;
    std::string detail;

    bool operator==(const PreflightCheck&) const = default;
};

/**
 * The checks shown before a rebalance runs: every node reachable, reference tables on every node that
 * should hold them, enough free disk on each target (keeping Citus's desired free share), and no other
 * background job running. The reference-table check comes from the state; the others from the facts a live
 * coordinator told (live == nullptr: the embedded cluster, where nodes, disks and jobs are simulated). Pure
 * and cheap, but callers still run it off the GUI thread with the plan.
 */
std::vector<PreflightCheck> evaluatePreflight(const engine::ClusterState& state, const engine::RebalancePlan& plan,
                                              const live::PreflightFacts* live);

/** True when a check failed (the Run button stays disabled). */
bool preflightBlocks(const std::vector<PreflightCheck>& checks);

} // namespace shardscope
