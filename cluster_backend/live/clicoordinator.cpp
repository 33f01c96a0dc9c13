// SPDX-License-Identifier: MIT
#include "clicoordinator.h"

#include "loadclusterstate.h"
#include "pgerrors.h"
#include "serverprobe.h"

namespace shardscope::live {

namespace {

Error notCitus(const PgSession& session)
{
    const std::string database = session.facts().database;
    return Error{session.options().displayName() +
                     " is not a Citus coordinator: the citus extension is not installed in database \"" + database +
                     "\".",
                 codes::kNotCitus,
                 {},
                 "Connect to the database of the Citus coordinator, or run CREATE EXTENSION citus in this "
                 "database to start sharding.",
                 {}};
}

} // namespace

Result<CoordinatorConnection> connectCoordinator(const ConnectionOptions& options)
{
    CoordinatorConnection connection;
    connection.session = std::make_unique<PgSession>(options);
    Status connected = connection.session->connect();
    if (!connected)
        return connected.error();
    auto info = probeServer(*connection.session);
    if (!info)
        return info.error();
    if (info->kind != ServerKind::CitusCoordinator)
        return notCitus(*connection.session);
    connection.server = std::move(*info);
    return connection;
}

Result<LiveSnapshot> readCoordinatorSnapshot(CoordinatorConnection& connection)
{
    auto snapshot = readLiveSnapshot(*connection.session);
    if (!snapshot)
        return snapshot.error();
    if (snapshot->server.kind != ServerKind::CitusCoordinator)
        return notCitus(*connection.session);
    return snapshot;
}

} // namespace shardscope::live
