// SPDX-License-Identifier: MIT
#include "distributionadvice.h"

#include "pghash.h"
#include "shardrange.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace shardscope::engine {

namespace {

std::string quoted(const std::string& name)
{
    return "\"" + name + "\"";
}

std::string joined(const std::vector<std::string>& columns)
{
    std::string out;
    for (const std::string& column : columns) {
        out += (out.empty() ? "" : ", ") + column;
    }
    return "(" + out + ")";
}

std::string percent(double fraction)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", fraction * 100.0);
    return buffer;
}

const Table* findTable(const ClusterState& state, const std::string& schema, const std::string& name)
{
    for (const Table& table : state.tables) {
        if (table.name == name && table.schema == schema)
            return &table;
    }
    return nullptr;
}

std::ptrdiff_t positionOf(const std::vector<std::string>& columns, const std::string& column)
{
    const auto it = std::find(columns.begin(), columns.end(), column);
    return it == columns.end() ? -1 : it - columns.begin();
}

// §10: a foreign key must hold the distribution column of both sides in the same position; towards a
// reference table anything goes; a plain table on the other side is refused.
void checkForeignKey(const ClusterState& state, const PlainTableInfo& self, const ForeignKey& fk,
                     const std::string& column, std::optional<ColumnType> type, ColumnAdvice& advice)
{
    const Table* other = findTable(state, fk.otherSchema, fk.otherTable);
    const std::string otherName = quoted(fk.otherTable);
    if (!other || other->kind == TableKind::Plain || other->kind == TableKind::CitusLocal) {
        if (fk.incoming) {
            advice.problems.push_back("foreign key " + fk.name + " of the local table " + otherName +
                                      " points at this table: foreign keys from local tables to distributed "
                                      "tables are not supported");
        } else {
            advice.problems.push_back("referenced table " + otherName +
                                      " must be a distributed table or a reference table (distribute it first, "
                                      "or make it a reference table)");
        }
        return;
    }
    if (other->kind == TableKind::Reference) {
        if (fk.incoming) {
            advice.problems.push_back("foreign key " + fk.name + " of the reference table " + otherName +
                                      " points at this table: foreign keys from reference tables to distributed "
                                      "tables are not supported");
        }
        return;
    }
    if (other->kind != TableKind::HashDistributed) {
        advice.problems.push_back("cannot create foreign key constraint " + fk.name + " with the single-shard table " +
                                  otherName);
        return;
    }
    // Outgoing: our columns are fk.columns; incoming: ours are fk.otherColumns.
    const std::vector<std::string>& mine = fk.incoming ? fk.otherColumns : fk.columns;
    const std::vector<std::string>& theirs = fk.incoming ? fk.columns : fk.otherColumns;
    const std::ptrdiff_t myPos = positionOf(mine, column);
    const std::ptrdiff_t theirPos = positionOf(theirs, other->distributionColumn);
    if (myPos < 0 || myPos != theirPos) {
        advice.problems.push_back("cannot create foreign key constraint " + fk.name + ": it must pair " + column +
                                  " with " + otherName + "'s distribution column " + other->distributionColumn);
        return;
    }
    if (type && other->columnType != *type) {
        advice.problems.push_back("cannot colocate with " + otherName + " for foreign key " + fk.name +
                                  ": its distribution column type differs");
        return;
    }
    advice.warnings.push_back("foreign key " + fk.name + " needs colocate_with => '" + qualifiedTableName(*other) +
                              "'");
    (void)self;
}

void sampleSkew(const PlainColumn& column, ColumnType type, int shardCount, ColumnAdvice& advice)
{
    std::vector<double> perShard(static_cast<std::size_t>(shardCount), 0.0);
    double total = 0.0;
    for (std::size_t i = 0; i < column.sampleValues.size(); ++i) {
        const Result<std::int32_t> hash = hashValue(type, column.sampleValues[i]);
        if (!hash)
            continue; // a value the type cannot read is not a row Citus would place
        const double weight = i < column.sampleWeights.size() ? column.sampleWeights[i] : 1.0;
        perShard[static_cast<std::size_t>(uniformShardIndex(*hash, shardCount))] += weight;
        total += weight;
        ++advice.sampleSize;
    }
    if (total <= 0.0)
        return;
    advice.shardsHit =
        static_cast<int>(std::count_if(perShard.begin(), perShard.end(), [](double w) { return w > 0; }));
    advice.maxShardShare = *std::max_element(perShard.begin(), perShard.end()) / total;
}

} // namespace

double ColumnAdvice::maxOverMean() const
{
    return maxShardShare && meanShardShare > 0.0 ? *maxShardShare / meanShardShare : 0.0;
}

std::string qualifiedTableName(const Table& table)
{
    return table.schema == "public" ? table.name : table.schema + "." + table.name;
}

std::vector<ColumnAdvice> adviseDistribution(const ClusterState& state, const PlainTableInfo& table, int shardCount)
{
    shardCount = std::clamp(shardCount, kMinShardCount, kMaxShardCount);
    std::vector<ColumnAdvice> result;
    result.reserve(table.columns.size());
    for (const PlainColumn& column : table.columns) {
        ColumnAdvice advice;
        advice.column = column.name;
        advice.typeName = column.typeName;
        advice.type = columnTypeFromName(column.typeName);
        advice.supported = advice.type.has_value() && *advice.type != ColumnType::None;
        advice.meanShardShare = 1.0 / shardCount;
        if (!advice.supported) {
            advice.problems.push_back("type " + column.typeName +
                                      " is not a distribution column type ShardScope can hash (Citus needs a hash "
                                      "function for it)");
        }
        if (column.distinct) {
            const double d = *column.distinct;
            advice.distinct = d < 0 ? -d * static_cast<double>(table.rows) : d;
        }
        advice.nullFraction = column.nullFraction;
        if (advice.nullFraction && *advice.nullFraction > 0.0 && !column.notNull) {
            advice.problems.push_back(percent(*advice.nullFraction) +
                                      " of the rows are NULL: Citus refuses NULL in the distribution column");
        }
        if (advice.distinct && *advice.distinct < shardCount) {
            advice.warnings.push_back("only " + std::to_string(std::llround(*advice.distinct)) +
                                      " distinct values for " + std::to_string(shardCount) +
                                      " shards: most shards stay empty");
        }
        for (const UniqueKey& key : table.uniqueKeys) {
            if (positionOf(key.columns, column.name) < 0) {
                advice.problems.push_back("cannot create constraint on " + quoted(table.name) + ": " +
                                          (key.primary ? "PRIMARY KEY " : "UNIQUE ") + key.name + " " +
                                          joined(key.columns) + " does not include the distribution column");
            }
        }
        for (const ForeignKey& fk : table.foreignKeys) {
            checkForeignKey(state, table, fk, column.name, advice.type, advice);
        }
        if (advice.supported) {
            sampleSkew(column, *advice.type, shardCount, advice);
            if (advice.maxOverMean() >= 2.0) {
                char buffer[96];
                std::snprintf(buffer, sizeof buffer, "the largest shard would hold %.1fx the mean share",
                              advice.maxOverMean());
                advice.warnings.emplace_back(buffer);
            }
            for (const Table& other : state.tables) {
                if (other.kind == TableKind::HashDistributed && other.columnType == *advice.type &&
                    other.partitionOf == 0) {
                    advice.colocationCandidates.push_back(qualifiedTableName(other));
                }
            }
        }
        result.push_back(std::move(advice));
    }
    return result;
}

std::vector<std::string> referenceTableProblems(const ClusterState& state, const PlainTableInfo& table)
{
    std::vector<std::string> problems;
    for (const ForeignKey& fk : table.foreignKeys) {
        if (fk.incoming)
            continue; // local, reference and distributed tables may all reference a reference table
        const Table* other = findTable(state, fk.otherSchema, fk.otherTable);
        if (!other || other->kind == TableKind::Plain) {
            problems.push_back("referenced table " + quoted(fk.otherTable) +
                               " must be a distributed table or a reference table");
        } else if (other->kind != TableKind::Reference) {
            problems.push_back("foreign keys from a reference table to the distributed table " + quoted(fk.otherTable) +
                               " are not supported");
        }
    }
    return problems;
}

} // namespace shardscope::engine
