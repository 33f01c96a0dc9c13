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
    /**
     * Estimated rows per placement (pg_class.reltuples of each shard, 0 when never analyzed): one
     * run_command_on_all_nodes call, one query per node in parallel.
     */
    bool readRowEstimates = true;
    /** The coordinator's tables that Citus does not know yet, as Plain tables (distribution candidates). */
    bool readLocalTables = true;
    /**
     * lock_timeout of the read, in ms (0: the server's). citus_shard_sizes() and pg_table_size() wait for locks
     * on the tables they measure, so an ALTER TABLE or a LOCK held elsewhere would stall the refresh and every
     * request queued behind it; with a timeout that part becomes a warning.
     */
    int lockTimeoutMs = 2000;
    /** Checked between steps; a set flag ends the read with a "cancelled" error. */
    const std::atomic<bool>* cancel = nullptr;
};

/**
 * Reads Citus's whole catalog in one repeatable-read transaction: nodes, colocation groups, tables,
 * shards, placements (streamed as binary COPY), sequences, background jobs, the sizes of every shard
 * from one citus_shard_sizes() call, row estimates from one run_command_on_all_nodes() call, and the coordinator's
 * tables Citus does not know yet (Plain tables, listed after Citus's own). The session must be connected.
 */
Result<LiveSnapshot> readCitusCatalog(PgSession& session, const CatalogOptions& options = {});

/** Limited mode for plain PostgreSQL: the user's tables as Plain tables with their sizes. */
Result<LiveSnapshot> readPlainCatalog(PgSession& session, int lockTimeoutMs = 2000);

} // namespace shardscope::live
