// SPDX-License-Identifier: MIT
#include "loadclusterstate.h"

#include "serverprobe.h"

namespace shardscope::live {

Result<LiveSnapshot> readLiveSnapshot(PgSession& session, const CatalogOptions& options)
{
    if (!options.schema.empty()) {
        // Catalog-shaped tables in a schema of their own (tests, benchmarks): no extension to probe.
        auto snapshot = readCitusCatalog(session, options);
        if (!snapshot)
            return snapshot.error();
        snapshot->server.connection = session.facts();
        snapshot->server.kind = ServerKind::CitusCoordinator;
        snapshot->state.name = session.options().displayName();
        return snapshot;
    }
    auto info = probeServer(session);
    if (!info)
        return info.error();
    auto snapshot = info->kind == ServerKind::CitusCoordinator ? readCitusCatalog(session, options)
                                                               : readPlainCatalog(session, options.lockTimeoutMs);
    if (!snapshot)
        return snapshot.error();
    snapshot->server = *info;
    snapshot->state.name = session.options().displayName();
    return snapshot;
}

Result<LiveSnapshot> loadLiveSnapshot(const std::string& conninfo, const CatalogOptions& options)
{
    auto parsed = ConnectionOptions::parse(conninfo);
    if (!parsed)
        return parsed.error();
    PgSession session(*parsed);
    Status connected = session.connect(options.cancel);
    if (!connected)
        return connected.error();
    return readLiveSnapshot(session, options);
}

Result<engine::ClusterState> loadClusterState(const std::string& conninfo)
{
    auto snapshot = loadLiveSnapshot(conninfo);
    if (!snapshot)
        return snapshot.error();
    return std::move(snapshot->state);
}

} // namespace shardscope::live
