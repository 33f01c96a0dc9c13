// SPDX-License-Identifier: MIT
#include "preflightreader.h"

#include <cstdlib>

namespace shardscope::live {

namespace {

constexpr const char* kHealthSql =
    "SELECT from_nodename, from_nodeport, to_nodename, to_nodeport, coalesce(result, false) "
    "FROM pg_catalog.citus_check_cluster_node_health() ORDER BY 1, 2, 3, 4";

// The coordinator answers for itself when it is a node of pg_dist_node; the workers through
// run_command_on_workers, whose result is text ("available total").
constexpr const char* kDiskSql =
    "SELECT w.nodename, w.nodeport, w.success, w.result "
    "FROM pg_catalog.run_command_on_workers($$SELECT available_disk_size || ' ' || total_disk_size "
    "FROM pg_catalog.citus_local_disk_space_stats()$$) w "
    "UNION ALL "
    "SELECT n.nodename, n.nodeport, true, "
    "(SELECT s.available_disk_size || ' ' || s.total_disk_size FROM pg_catalog.citus_local_disk_space_stats() s) "
    "FROM pg_catalog.pg_dist_node n WHERE n.groupid = 0 AND n.noderole = 'primary' "
    "ORDER BY 1, 2";

constexpr const char* kSpaceSettingsSql =
    "SELECT current_setting('citus.desired_percent_disk_available_after_move', true), "
    "current_setting('citus.check_available_space_before_move', true)";

constexpr const char* kJobsSql = "SELECT job_id, state, job_type, description FROM pg_catalog.pg_dist_background_job "
                                 "WHERE state IN ('scheduled', 'running', 'cancelling', 'failing') ORDER BY job_id";

int toInt(const std::string& text)
{
    return std::atoi(text.c_str());
}

NodeDiskSpace diskRow(const QueryResult& result, std::size_t row)
{
    NodeDiskSpace disk;
    disk.host = result.text(row, 0);
    disk.port = toInt(result.text(row, 1));
    const std::string answer = result.text(row, 3);
    if (result.text(row, 2) != "t") {
        disk.error = answer.empty() ? std::string("the node did not answer") : answer;
        return disk;
    }
    const std::size_t space = answer.find(' ');
    if (space == std::string::npos) {
        disk.error = "unexpected answer: " + answer;
        return disk;
    }
    char* end = nullptr;
    const long long available = std::strtoll(answer.c_str(), &end, 10);
    const long long total = std::strtoll(answer.c_str() + space + 1, &end, 10);
    if (total <= 0) {
        disk.error = "the node reports no disk size";
        return disk;
    }
    disk.availableBytes = available;
    disk.totalBytes = total;
    return disk;
}

} // namespace

Result<PreflightFacts> readPreflightFacts(PgSession& session)
{
    if (!session.isConnected())
        return session.lastError();
    PreflightFacts facts;

    if (auto health = session.exec(kHealthSql)) {
        facts.healthKnown = true;
        for (std::size_t row = 0; row < health->rows.size(); ++row)
            facts.health.push_back({health->text(row, 0), toInt(health->text(row, 1)), health->text(row, 2),
                                    toInt(health->text(row, 3)), health->text(row, 4) == "t"});
    } else {
        facts.healthError = health.error().message;
    }

    if (auto disks = session.exec(kDiskSql)) {
        facts.diskKnown = true;
        for (std::size_t row = 0; row < disks->rows.size(); ++row)
            facts.disks.push_back(diskRow(*disks, row));
    } else {
        facts.diskError = disks.error().message;
    }
    if (auto settings = session.exec(kSpaceSettingsSql)) {
        const std::string percent = settings->text(0, 0);
        if (!percent.empty())
            facts.desiredPercentFree = std::atof(percent.c_str());
        facts.spaceCheckEnabled = settings->text(0, 1, "on") != "off";
    }

    if (auto jobs = session.exec(kJobsSql)) {
        facts.jobsKnown = true;
        for (std::size_t row = 0; row < jobs->rows.size(); ++row)
            facts.jobs.push_back(
                {std::atoll(jobs->text(row, 0).c_str()), jobs->text(row, 1), jobs->text(row, 2), jobs->text(row, 3)});
    } else {
        facts.jobsError = jobs.error().message;
    }
    return facts;
}

} // namespace shardscope::live
