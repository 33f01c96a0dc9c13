// SPDX-License-Identifier: MIT
#pragma once

#include "livesnapshot.h"
#include "pgsession.h"

#include <atomic>

namespace shardscope::live {

/** Options of a catalog read. */
struct CatalogOptions
{
    /**
     * A schema searched before pg_catalog for the pg_dist_* relations and citus_shard_sizes() (empty: Citus's
     * own). Lets tests and benchmarks read synthetic catalog-shaped tables on plain PostgreSQL.
     */
    std::string schema;
    bool readSizes = true;
    bool readJobs = true;
    /** Checked between steps; a set flag ends the read with a "cancelled" error. */
    const std::atomic<bool>* cancel = nullptr;
};

/**
 * Reads Citus's whole catalog in one repeatable-read transaction: nodes, colocation groups, tables,
 * shards, placements (streamed as binary COPY), sequences, background jobs and the sizes of every shard
 * from one citus_shard_sizes() call. The session must be connected.
 */
Result<LiveSnapshot> readCitusCatalog(PgSession& session, const CatalogOptions& options = {});

/** Limited mode for plain PostgreSQL: the user's tables as Plain tables with their sizes. */
Result<LiveSnapshot> readPlainCatalog(PgSession& session);

} // namespace shardscope::live
