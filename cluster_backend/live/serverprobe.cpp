// SPDX-License-Identifier: MIT
#include "serverprobe.h"

#include "catalogsql.h"
#include "pgerrors.h"

namespace shardscope::live {

Result<ServerInfo> probeServer(PgSession& session)
{
    auto probe = session.exec(catalogSql("probe"));
    if (!probe)
        return probe.error();
    ServerInfo info;
    info.connection = session.facts();
    const std::string database = probe->text(0, 3);
    info.role = probe->text(0, 2);
    info.citusVersion = probe->text(0, 1);
    if (info.citusVersion.empty()) {
        info.kind = ServerKind::PlainPostgres;
        info.limitation = "Citus is not installed in database \"" + database +
                          "\": ShardScope shows plain tables only (limited mode). Connect to the database where "
                          "Citus is installed, or run CREATE EXTENSION citus there to start sharding.";
        return info;
    }
    Status version = checkCitusVersion(info.citusVersion);
    if (!version)
        return version.error();

    auto role = session.exec(catalogSql("citus_role"));
    if (!role)
        return role.error();
    info.citusFullVersion = role->text(0, 1);
    const std::string group = role->text(0, 0, "0");
    if (group != "0") {
        const std::string coordinatorHost = role->text(0, 2);
        const std::string coordinator =
            coordinatorHost.empty() ? std::string("the coordinator") : coordinatorHost + ':' + role->text(0, 3);
        return Error{"This server is a Citus worker (node group " + group + "), not the coordinator.",
                     codes::kCitusWorker,
                     "Only the coordinator holds the authoritative metadata and can move shards.",
                     "Connect to " + coordinator + " instead.",
                     {}};
    }
    info.kind = ServerKind::CitusCoordinator;
    return info;
}

} // namespace shardscope::live
