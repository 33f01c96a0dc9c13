// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shardscope::stats {

/** A column as a statement writes it: "e.user_id" has qualifier "e", "user_id" has none. */
struct ColumnName
{
    std::string qualifier;
    std::string column;
    auto operator<=>(const ColumnName&) const = default;
};

/** A conjunct restricting a column to a few values: col = v (1), col IN (a, b) (2), col = ANY($1) (unknown). */
struct KeyRestriction
{
    ColumnName column;
    std::optional<int> valueCount;
};

/** One output column of the SELECT of INSERT ... SELECT: a plain column, *, or anything else. */
struct SelectTarget
{
    std::optional<ColumnName> column; ///< a bare column reference, or the column under a cast
    bool star = false;                ///< * or t.*
    bool cast = false;                ///< column is under a cast: whether it keeps its value is not known
};

/** The parts of a SELECT that make Citus combine rows on the coordinator when it spans several shards. */
struct SelectTraits
{
    bool limit = false;                      ///< LIMIT or OFFSET
    bool aggregate = false;                  ///< an aggregate function in the target list or HAVING
    bool distinct = false;                   ///< DISTINCT or DISTINCT ON
    std::vector<ColumnName> groupBy;         ///< the plain columns of GROUP BY
    std::vector<ColumnName> distinctOn;      ///< DISTINCT ON columns, or all plain target columns of DISTINCT
    bool window = false;                     ///< a window function
    std::vector<ColumnName> windowPartition; ///< PARTITION BY columns common to every window
};

/** A table in the FROM list (or the target of INSERT/UPDATE/DELETE). */
struct RelationRef
{
    std::string schema; ///< empty when not written
    std::string name;
    std::string alias; ///< empty when none
};

/**
 * What fan-out classification needs from one statement, read from PostgreSQL's own parser (libpg_query):
 * the tables, the equality restrictions that Citus uses for shard pruning, and the column equalities
 * that join tables. Statements with subqueries, CTEs, set operations or several statements are marked
 * complex rather than half-analysed. For INSERT ... SELECT the target comes first in relations and the
 * SELECT's tables, restrictions and equalities follow.
 */
struct StatementShape
{
    enum class Kind : std::uint8_t
    {
        Select,
        Insert,
        Update,
        Delete,
        Other,
    };
    Kind kind = Kind::Other;
    std::vector<RelationRef> relations; ///< for INSERT/UPDATE/DELETE the target comes first
    std::vector<KeyRestriction> restrictions;
    std::vector<std::pair<ColumnName, ColumnName>> columnEqualities;
    int insertRows = 0; ///< rows of INSERT ... VALUES
    bool insertSelect = false;
    std::vector<std::string> insertColumns;  ///< the column list of INSERT, empty when not written
    std::vector<SelectTarget> selectTargets; ///< the SELECT list of INSERT ... SELECT
    SelectTraits select;                     ///< of the SELECT (the source of INSERT ... SELECT)
    bool functionsInFrom = false;            ///< FROM has set-returning functions (generate_series, ...)
    std::string complexity;                  ///< why the statement is not analysed further; empty when it is simple
    /** Every table named anywhere (subqueries, CTEs, several statements): says whether Citus tables are read. */
    std::vector<RelationRef> referencedRelations;
};

/** Parses one statement (PREPARE and EXPLAIN are looked through). A syntax error gives an Error. */
Result<StatementShape> parseStatementShape(std::string_view sql);

} // namespace shardscope::stats
