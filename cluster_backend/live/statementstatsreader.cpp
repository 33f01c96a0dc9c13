// SPDX-License-Identifier: MIT
#include "statementstatsreader.h"

#include <charconv>

namespace shardscope::live {

namespace {

template <class T>
T number(const std::string& text)
{
    T value{};
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

double real(const std::string& text)
{
    try {
        return text.empty() ? 0.0 : std::stod(text);
    } catch (...) {
        return 0.0; // the server only sends numbers here
    }
}

Result<bool> relationExists(PgSession& session, const std::string& name)
{
    auto result = session.exec("SELECT to_regclass($1) IS NOT NULL", {name});
    if (!result)
        return result.error();
    return !result->rows.empty() && result->text(0, 0) == "t";
}

} // namespace

Result<stats::StatementStatsInput> readStatementStats(PgSession& session)
{
    auto pgss = relationExists(session, "pg_stat_statements");
    if (!pgss)
        return pgss.error();
    if (!*pgss)
        return Error::make("pg_stat_statements is not installed in this database", "shardscope.no_pg_stat_statements",
                           "add pg_stat_statements to shared_preload_libraries and run CREATE EXTENSION "
                           "pg_stat_statements");
    stats::StatementStatsInput input;
    auto pgRows =
        session.exec("SELECT queryid, userid, dbid, query, calls, total_exec_time, toplevel FROM pg_stat_statements "
                     "WHERE queryid IS NOT NULL AND dbid = (SELECT oid FROM pg_database WHERE datname = "
                     "current_database())");
    if (!pgRows)
        return pgRows.error();
    for (std::size_t r = 0; r < pgRows->rows.size(); ++r) {
        input.pgss.push_back(stats::PgStatRow{
            number<std::int64_t>(pgRows->text(r, 0)), number<std::uint32_t>(pgRows->text(r, 1)),
            number<std::uint32_t>(pgRows->text(r, 2)), pgRows->text(r, 3), number<std::int64_t>(pgRows->text(r, 4)),
            real(pgRows->text(r, 5)), pgRows->text(r, 6) != "f"});
    }

    // Without pg_read_all_stats, other roles' statements come back with no queryid and no text.
    auto hidden = session.exec("SELECT count(*) FROM pg_stat_statements WHERE queryid IS NULL AND dbid = (SELECT oid "
                               "FROM pg_database WHERE datname = current_database())");
    if (!hidden)
        return hidden.error();
    const auto hiddenCount = number<std::int64_t>(hidden->text(0, 0));
    const std::string hiddenNotice =
        hiddenCount > 0 ? std::to_string(hiddenCount) +
                              " statements of other roles are hidden: grant pg_read_all_stats to this role to see them"
                        : std::string();

    auto citus = relationExists(session, "citus_stat_statements");
    if (!citus)
        return citus.error();
    if (!*citus) {
        input.citusAvailable = false;
        input.notice = "citus_stat_statements is missing (the server is not a Citus coordinator): statements are "
                       "listed from pg_stat_statements with class unknown";
        if (!hiddenNotice.empty())
            input.notice += "; " + hiddenNotice;
        return input;
    }
    auto citusRows = session.exec("SELECT queryid, userid, dbid, query, executor, partition_key, calls FROM "
                                  "citus_stat_statements WHERE queryid IS NOT NULL");
    if (!citusRows)
        return citusRows.error();
    for (std::size_t r = 0; r < citusRows->rows.size(); ++r) {
        const auto& row = citusRows->rows[r];
        input.citus.push_back(stats::CitusStatRow{
            number<std::int64_t>(citusRows->text(r, 0)), number<std::uint32_t>(citusRows->text(r, 1)),
            number<std::uint32_t>(citusRows->text(r, 2)), citusRows->text(r, 3), citusRows->text(r, 4),
            row.size() > 5 ? row[5] : std::nullopt, number<std::int64_t>(citusRows->text(r, 6))});
    }
    if (input.citus.empty())
        input.notice = "citus_stat_statements has no rows: set citus.stat_statements_track = 'all' to track them";
    if (!hiddenNotice.empty())
        input.notice += (input.notice.empty() ? "" : "; ") + hiddenNotice;
    return input;
}

Result<stats::StatementStatsInput> loadStatementStats(const std::string& conninfo)
{
    auto parsed = ConnectionOptions::parse(conninfo);
    if (!parsed)
        return parsed.error();
    PgSession session(*parsed);
    Status connected = session.connect();
    if (!connected)
        return connected.error();
    return readStatementStats(session);
}

} // namespace shardscope::live
