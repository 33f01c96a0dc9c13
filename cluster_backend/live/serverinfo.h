// SPDX-License-Identifier: MIT
#pragma once

#include "pgsession.h"

#include <string>

namespace shardscope::live {

/** What ShardScope found at the other end of a connection. */
enum class ServerKind : std::uint8_t
{
    CitusCoordinator, ///< Citus installed, and this node is the coordinator: full features
    PlainPostgres,    ///< no Citus extension: limited mode (plain tables and their sizes)
};

/** Facts for the status bar and the "limited mode" banner. */
struct ServerInfo
{
    ConnectionFacts connection;
    ServerKind kind = ServerKind::PlainPostgres;
    std::string citusVersion;     ///< pg_extension.extversion ("13.2-1"); empty without Citus
    std::string citusFullVersion; ///< citus_version() ("Citus 13.2.2 on x86_64-pc-linux-gnu, ...")
    std::string role;             ///< current_user
    std::string limitation;       ///< why features are limited, and how to fix it; empty with full features

    bool operator==(const ServerInfo&) const = default;
};

/**
 * One line for a status bar: "db1:5432 · PostgreSQL 15.20 · Citus 13.2.2 · TLSv1.3 TLS_AES_256_GCM_SHA384"
 * (or "not encrypted"; "no Citus (limited mode)" on plain PostgreSQL).
 */
std::string statusSummary(const ServerInfo& info);

/**
 * The Citus release users know ("13.2.2", from citus_version()); the extension version ("13.2-1") when the
 * release cannot be read from it. Empty without Citus.
 */
std::string citusRelease(const ServerInfo& info);

/** The oldest Citus whose catalog and functions ShardScope relies on. */
inline constexpr int kMinimumCitusMajor = 11;
inline constexpr int kMinimumCitusMinor = 1;

/**
 * Checks an extension version ("13.2-1", "11.0-4") against the minimum: 11.1 brought the background
 * rebalancer (citus_rebalance_start/status/stop, pg_dist_background_job) and
 * citus_split_shard_by_split_points, which ShardScope's operations use.
 */
Status checkCitusVersion(const std::string& extensionVersion);

} // namespace shardscope::live
