// SPDX-License-Identifier: MIT
#pragma once

#include "livesnapshot.h"
#include "pgsession.h"

#include <memory>
#include <string>

namespace shardscope::live {

/** An open connection to a Citus coordinator, for shardscope-cli's live subcommands. */
struct CoordinatorConnection
{
    std::unique_ptr<PgSession> session;
    ServerInfo server;
};

/**
 * Connects and probes, blocking. Anything but a Citus coordinator is an Error naming the fix: plain
 * PostgreSQL gets "... is not a Citus coordinator: the citus extension is not installed ..." (code
 * kNotCitus); the command line has no limited mode.
 */
Result<CoordinatorConnection> connectCoordinator(const ConnectionOptions& options);

/** Reads the whole cluster through a coordinator connection (probes again: the catalog may have changed). */
Result<LiveSnapshot> readCoordinatorSnapshot(CoordinatorConnection& connection);

} // namespace shardscope::live
