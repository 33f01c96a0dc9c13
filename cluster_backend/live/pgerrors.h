// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <string>

struct pg_result;

namespace shardscope::live {

/** Local error codes of the live backend (server errors keep their SQLSTATE). */
namespace codes {
inline constexpr const char* kUnreachable = "shardscope.unreachable";
inline constexpr const char* kTimeout = "shardscope.connect_timeout";
inline constexpr const char* kConnectionLost = "shardscope.connection_lost";
inline constexpr const char* kCancelled = "shardscope.cancelled";
inline constexpr const char* kNotCitus = "shardscope.not_citus";
inline constexpr const char* kCitusWorker = "shardscope.citus_worker";
inline constexpr const char* kCitusTooOld = "shardscope.citus_too_old";
inline constexpr const char* kProtocol = "shardscope.protocol";
inline constexpr const char* kAuthFailed = "28P01";
inline constexpr const char* kAuthSpec = "28000";
inline constexpr const char* kInsufficientPrivilege = "42501";
inline constexpr const char* kQueryCanceled = "57014";
inline constexpr const char* kLockNotAvailable = "55P03";
} // namespace codes

/**
 * Explains a failed connection attempt (libpq's message) with a fix: authentication failures
 * (28P01/28000), unknown hosts, refused or unreachable servers, TLS and database problems.
 */
Error connectionError(const std::string& libpqMessage, const std::string& target);

/** The server's error of a failed statement, with SQLSTATE, detail and hint, and a fix for the common ones. */
Error statementError(const pg_result* result, const std::string& connectionMessage, const std::string& statement);

} // namespace shardscope::live
