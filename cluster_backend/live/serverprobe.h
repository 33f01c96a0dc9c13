// SPDX-License-Identifier: MIT
#pragma once

#include "serverinfo.h"

namespace shardscope::live {

/**
 * Finds out what the connected server is. A Citus coordinator of a supported version gives full features;
 * plain PostgreSQL (no citus extension in this database) gives a ServerInfo in limited mode with the
 * reason; a Citus worker or a Citus older than the minimum gives an Error naming the fix.
 */
Result<ServerInfo> probeServer(PgSession& session);

} // namespace shardscope::live
