// SPDX-License-Identifier: MIT
#include "rebalancepreflight.h"

#include "format.h"

#include <algorithm>
#include <map>
#include <set>

namespace shardscope {

using namespace engine;
using Status = PreflightCheck::Status;

namespace {

std::string address(const std::string& host, int port)
{
    return host + ':' + std::to_string(port);
}

std::string bytes(std::int64_t value)
{
    return Format::bytes(value).toStdString();
}

std::string joined(const std::vector<std::string>& items, std::size_t limit = 4)
{
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < limit; ++i)
        text += (i ? ", " : "") + items[i];
    if (items.size() > limit)
        text += " and " + std::to_string(items.size() - limit) + " more";
    return text;
}

PreflightCheck reachability(const ClusterState& state, const live::PreflightFacts* live)
{
    PreflightCheck check{"Every node reachable", Status::Passed, {}};
    if (!live) {
        std::vector<std::string> inactive;
        for (const Node& n : state.nodes) {
            if (!n.isActive)
                inactive.push_back(address(n.name, n.port));
        }
        check.detail = inactive.empty() ? "all " + std::to_string(state.nodes.size()) + " nodes are active"
                                        : "inactive (Citus ignores them): " + joined(inactive);
        check.status = inactive.empty() ? Status::Passed : Status::Warning;
        return check;
    }
    if (!live->healthKnown) {
        check.status = Status::Unknown;
        check.detail = "unknown: " + live->healthError;
        return check;
    }
    std::vector<std::string> broken;
    for (const live::NodeHealthPair& pair : live->health) {
        if (!pair.ok)
            broken.push_back(address(pair.fromHost, pair.fromPort) + " → " + address(pair.toHost, pair.toPort));
    }
    if (broken.empty()) {
        check.detail = "citus_check_cluster_node_health(): all " + std::to_string(live->health.size()) +
                       " node-to-node connections work";
    } else {
        check.status = Status::Failed;
        check.detail = "cannot connect: " + joined(broken);
    }
    return check;
}

PreflightCheck referenceTables(const ClusterState& state)
{
    PreflightCheck check{"Reference tables on every node", Status::Passed, {}};
    std::set<GroupId> expected; // active primaries, the coordinator too when it is in pg_dist_node
    for (const Node& n : state.nodes) {
        if (n.isActive && n.role == NodeRole::Primary)
            expected.insert(n.group);
    }
    std::set<TableOid> referenceTables;
    for (const Table& t : state.tables) {
        if (t.kind == TableKind::Reference)
            referenceTables.insert(t.oid);
    }
    if (referenceTables.empty()) {
        check.detail = "there are no reference tables";
        return check;
    }
    std::map<ShardId, std::set<GroupId>> holders;
    for (const Shard& s : state.shards) {
        if (referenceTables.count(s.table))
            holders[s.id];
    }
    for (const Placement& p : state.placements) {
        if (const auto it = holders.find(p.shard); it != holders.end())
            it->second.insert(p.group);
    }
    std::set<GroupId> lacking;
    for (const auto& [shard, groups] : holders) {
        for (GroupId g : expected) {
            if (!groups.count(g))
                lacking.insert(g);
        }
    }
    if (lacking.empty()) {
        check.detail = std::to_string(referenceTables.size()) + " reference table(s) on all " +
                       std::to_string(expected.size()) + " nodes";
        return check;
    }
    std::vector<std::string> names;
    for (const Node& n : state.nodes) {
        if (lacking.count(n.group))
            names.push_back(address(n.name, n.port));
    }
    check.status = Status::Warning;
    check.detail = "missing on " + joined(names) +
                   ": the rebalance copies them first (replicate_reference_tables); single moves refuse until then";
    return check;
}

PreflightCheck diskSpace(const ClusterState& state, const RebalancePlan& plan, const live::PreflightFacts* live)
{
    PreflightCheck check{"Free disk on target nodes", Status::Passed, {}};
    std::map<NodeId, std::int64_t> incoming;
    for (const PlannedMove& m : plan.moves)
        incoming[m.target] += m.bytes;
    if (incoming.empty()) {
        check.detail = "nothing moves";
        return check;
    }
    if (!live) {
        check.status = Status::Unknown;
        std::int64_t total = 0;
        for (const auto& entry : incoming)
            total += entry.second;
        check.detail = "the embedded cluster has no disks to ask; " + bytes(total) + " would arrive on " +
                       std::to_string(incoming.size()) + " node(s)";
        return check;
    }
    if (!live->diskKnown) {
        check.status = Status::Unknown;
        check.detail = "unknown: the server cannot tell free disk (" + live->diskError + ")";
        return check;
    }
    std::vector<std::string> short_, unknown, fine;
    for (const auto& [nodeId, arriving] : incoming) {
        const auto node =
            std::find_if(state.nodes.begin(), state.nodes.end(), [&](const Node& n) { return n.id == nodeId; });
        if (node == state.nodes.end())
            continue;
        const std::string name = address(node->name, node->port);
        const auto disk = std::find_if(live->disks.begin(), live->disks.end(), [&](const live::NodeDiskSpace& d) {
            return d.host == node->name && d.port == node->port;
        });
        if (disk == live->disks.end() || !disk->availableBytes || !disk->totalBytes) {
            unknown.push_back(
                name + (disk == live->disks.end() || disk->error.empty() ? std::string() : " (" + disk->error + ")"));
            continue;
        }
        const double keep = double(*disk->totalBytes) * live->desiredPercentFree / 100.0;
        const double left = double(*disk->availableBytes) - double(arriving);
        const std::string figures = name + ": " + bytes(arriving) + " arriving, " + bytes(*disk->availableBytes) +
                                    " free of " + bytes(*disk->totalBytes);
        (left < keep ? short_ : fine).push_back(figures);
    }
    if (!short_.empty()) {
        check.status = live->spaceCheckEnabled ? Status::Failed : Status::Warning;
        check.detail = "less than " + std::to_string(int(live->desiredPercentFree)) + "% would stay free on " +
                       joined(short_) + (live->spaceCheckEnabled ? " (Citus refuses such a move)" : "");
    } else if (!unknown.empty()) {
        check.status = Status::Unknown;
        check.detail = "unknown for " + joined(unknown) + (fine.empty() ? std::string() : "; " + joined(fine));
    } else {
        check.detail = joined(fine);
    }
    return check;
}

PreflightCheck otherJobs(const live::PreflightFacts* live)
{
    PreflightCheck check{"No other rebalance or background job", Status::Passed, {}};
    if (!live) {
        check.detail = "the embedded cluster runs one operation at a time";
        return check;
    }
    if (!live->jobsKnown) {
        check.status = Status::Unknown;
        check.detail = "unknown: " + live->jobsError;
        return check;
    }
    if (live->jobs.empty()) {
        check.detail = "pg_dist_background_job has no job running";
        return check;
    }
    std::vector<std::string> jobs;
    bool rebalance = false;
    for (const live::ActiveBackgroundJob& j : live->jobs) {
        jobs.push_back("job " + std::to_string(j.id) + " (" + j.type + ", " + j.state + ")");
        rebalance = rebalance || j.type == "rebalance";
    }
    check.status = rebalance ? Status::Failed : Status::Warning;
    check.detail = joined(jobs) + (rebalance ? ": Citus runs one rebalance at a time" : "");
    return check;
}

} // namespace

std::vector<PreflightCheck> evaluatePreflight(const ClusterState& state, const RebalancePlan& plan,
                                              const live::PreflightFacts* live)
{
    return {reachability(state, live), referenceTables(state), diskSpace(state, plan, live), otherJobs(live)};
}

bool preflightBlocks(const std::vector<PreflightCheck>& checks)
{
    return std::any_of(checks.begin(), checks.end(),
                       [](const PreflightCheck& c) { return c.status == PreflightCheck::Status::Failed; });
}

} // namespace shardscope
