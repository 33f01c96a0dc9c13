// SPDX-License-Identifier: MIT
#pragma once

#include "clusterstate.h"

#include <optional>
#include <string>
#include <vector>

namespace shardscope::engine {

/** A column of a plain table as the distribution advice needs it. */
struct PlainColumn
{
    std::string name;
    std::string typeName; ///< SQL spelling ("bigint", "text", "jsonb", ...)
    bool notNull = false;
    /** pg_stats.n_distinct: > 0 a count, < 0 minus a fraction of the rows; empty when unknown. */
    std::optional<double> distinct;
    std::optional<double> nullFraction; ///< pg_stats.null_frac; empty when unknown
    /** Values as text (pg_stats.most_common_vals or a sample); used to estimate skew. */
    std::vector<std::string> sampleValues;
    /** Frequency of each sample value (pg_stats.most_common_freqs); empty: every value weighs the same. */
    std::vector<double> sampleWeights;
};

/** A PRIMARY KEY or UNIQUE constraint (or unique index). */
struct UniqueKey
{
    std::string name;
    std::vector<std::string> columns;
    bool primary = false;
};

/** A foreign key of the table, or one that points at it (incoming). */
struct ForeignKey
{
    std::string name;
    std::vector<std::string> columns;   ///< on the referencing side
    std::string otherSchema = "public"; ///< the referenced table (outgoing) or the referencing one (incoming)
    std::string otherTable;
    std::vector<std::string> otherColumns; ///< the columns on the other table
    bool incoming = false;
};

/** What the wizard knows about a plain table beyond the ClusterState. */
struct PlainTableInfo
{
    std::string schema = "public";
    std::string name;
    std::int64_t rows = 0;
    std::vector<PlainColumn> columns;
    std::vector<UniqueKey> uniqueKeys;
    std::vector<ForeignKey> foreignKeys;
};

/** How one column would do as the distribution column. */
struct ColumnAdvice
{
    std::string column;
    std::string typeName;
    std::optional<ColumnType> type; ///< empty: Citus can hash it but ShardScope cannot model it (or no hash)
    bool supported = false;
    std::optional<double> distinct; ///< estimated distinct values (negative n_distinct resolved with rows)
    std::optional<double> nullFraction;
    /** Skew over the sample: the largest shard's share and the mean share (1/shardCount). */
    std::optional<double> maxShardShare;
    double meanShardShare = 0.0;
    int sampleSize = 0;
    int shardsHit = 0;
    std::vector<std::string> problems;             ///< reasons Citus would refuse (constraints, foreign keys, type)
    std::vector<std::string> warnings;             ///< allowed but unwise (low cardinality, nulls, skew)
    std::vector<std::string> colocationCandidates; ///< tables distributed on a column of the same type

    bool usable() const { return supported && problems.empty(); }
    /** maxShardShare / meanShardShare, 0 when not computed. */
    double maxOverMean() const;
};

/**
 * Advice for each column of a plain table distributed by hash into shardCount shards: whether the type can be
 * hashed, cardinality and nulls, the skew its sample values would create with PostgreSQL's hash and Citus's
 * uniform ranges, whether every PRIMARY KEY / UNIQUE constraint includes it and how its foreign keys fare
 * (reference §10), and the distributed tables of the same column type it could be colocated with.
 */
std::vector<ColumnAdvice> adviseDistribution(const ClusterState& state, const PlainTableInfo& table, int shardCount);

/** Problems making the table a reference table (§10: foreign keys to plain or distributed tables). */
std::vector<std::string> referenceTableProblems(const ClusterState& state, const PlainTableInfo& table);

/** Name of a table as create_distributed_table's colocate_with takes it ("public." left out). */
std::string qualifiedTableName(const Table& table);

} // namespace shardscope::engine
