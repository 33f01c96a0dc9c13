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
 * complex rather than half-analysed.
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
    std::string complexity; ///< why the statement is not analysed further; empty when it is simple
};

/** Parses one statement (PREPARE and EXPLAIN are looked through). A syntax error gives an Error. */
Result<StatementShape> parseStatementShape(std::string_view sql);

} // namespace shardscope::stats
