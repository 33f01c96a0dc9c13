// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace shardscope::test {

/** Rows of a psql --csv file under tests/data/rebalance/ (header dropped; no quoted commas in these files). */
QList<QStringList> readRebalanceCsv(const QString& file);

/**
 * The fixture cluster (users + events colocated, 32 shards, countries reference) rebuilt from the 01_* catalog
 * files: nodes from nodesFile, shards, placements and shard sizes from the 01 samples. Tables are in
 * pg_dist_partition's physical order (users, events, countries: creation order; the CSV is sorted by name).
 */
engine::ClusterState fixtureCluster(const QString& nodesFile);

/** The step-5 cluster (3 workers) with the events growth of step 4 (05_reconstructed_shard_growth.csv). */
engine::ClusterState fixtureClusterAtRebalance();

} // namespace shardscope::test
