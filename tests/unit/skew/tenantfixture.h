// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"
#include "live/queryresult.h"

#include <QString>

namespace shardscope::test {

/** A psql --csv file of tests/data (no quoted fields) as a text-format query result; empty cells are NULL. */
live::QueryResult readCsvResult(const QString& relative);

/**
 * The part of the real cluster the tenant fixture was captured on: coordinator (node 1) and workers 2 and 3,
 * the skew_check tables with their real shard ids, ranges and placements (tenant_shard_ranges.csv).
 */
engine::ClusterState tenantFixtureState();

} // namespace shardscope::test
