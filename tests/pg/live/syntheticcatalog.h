// SPDX-License-Identifier: MIT
#pragma once

#include "live/pgsession.h"

#include <string>

namespace shardscope::test {

/** Shape of a synthetic Citus catalog built in a scratch schema of plain PostgreSQL. */
struct SyntheticCatalogShape
{
    std::string schema = "shardscope_synthetic";
    int workers = 2;
    int hashTables = 3;
    int shardsPerTable = 8;
    bool withReferenceTable = true;
};

/**
 * Creates tables shaped like pg_dist_node/_partition/_colocation/_shard/_placement/_background_job and a
 * citus_shard_sizes() function in shape.schema, filled like a Citus cluster (hash ranges as Citus computes
 * them, round-robin placements over the workers), plus the real tables they describe. Shard ids start at
 * 102008, placement ids at 1, and shard i of a table is (8192 * (1 + i % 7)) bytes.
 */
Status createSyntheticCatalog(live::PgSession& session, const SyntheticCatalogShape& shape);

/** Drops the schema again. */
Status dropSyntheticCatalog(live::PgSession& session, const std::string& schema);

} // namespace shardscope::test
