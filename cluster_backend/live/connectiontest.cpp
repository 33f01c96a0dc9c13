// SPDX-License-Identifier: MIT
#include "connectiontest.h"

#include "serverprobe.h"

namespace shardscope::live {

Result<ServerInfo> testConnection(const ConnectionOptions& options, const std::atomic<bool>* abort)
{
    PgSession session(options);
    Status connected = session.connect(abort);
    if (!connected)
        return connected.error();
    return probeServer(session);
}

} // namespace shardscope::live
