// SPDX-License-Identifier: MIT
#pragma once

#include "serverinfo.h"

#include <atomic>

namespace shardscope::live {

/**
 * Connects once and finds out what the server is, blocking the calling thread (run it off the GUI
 * thread). A worker or too old a Citus is an Error; plain PostgreSQL is a ServerInfo in limited mode.
 */
Result<ServerInfo> testConnection(const ConnectionOptions& options, const std::atomic<bool>* abort = nullptr);

} // namespace shardscope::live
