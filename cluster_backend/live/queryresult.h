// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace shardscope::live {

/** A statement's whole result as plain values (text format), safe to hand to any thread. */
struct QueryResult
{
    std::vector<std::string> columns;
    std::vector<std::vector<std::optional<std::string>>> rows;
    std::string commandStatus;
    /** NOTICE and WARNING messages the server sent while the statement ran. */
    std::vector<std::string> notices;

    int columnIndex(const std::string& name) const;
    /** The text of a cell; fallback when it is NULL or out of range. */
    std::string text(std::size_t row, int column, const std::string& fallback = {}) const;
};

/** SQL text plus its parameters, sent with PQexecParams; displayText is what the user is shown. */
struct Statement
{
    std::string sql;
    std::vector<std::optional<std::string>> parameters;
    std::string displayText;
    /** Run even when an earlier statement of the same operation failed (restoring a setting). */
    bool always = false;
};

} // namespace shardscope::live
