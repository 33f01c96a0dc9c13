// SPDX-License-Identifier: MIT
#include "statementstats.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace shardscope::stats {

namespace {

// EXPLAIN without ANALYZE plans its statement but does not run it.
bool isPlainExplain(const std::string& query)
{
    std::string head;
    for (const char c : query.substr(0, 200))
        head += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto start = head.find_first_not_of(" \t\r\n(");
    return start != std::string::npos && head.compare(start, 7, "EXPLAIN") == 0 &&
           head.find("ANALYZE") == std::string::npos && head.find("ANALYSE") == std::string::npos;
}

} // namespace

std::vector<StatementFigures> aggregateStatements(std::span<const CitusStatRow> citus, std::span<const PgStatRow> pgss)
{
    using Key = std::tuple<std::int64_t, std::uint32_t, std::uint32_t>;
    std::map<Key, StatementFigures> statements;
    std::map<Key, std::set<std::string>> keys;
    std::map<Key, std::set<std::string>> executors;
    const auto figuresFor = [&](const Key& key, const std::string& query) -> StatementFigures& {
        auto [it, inserted] = statements.try_emplace(key);
        if (inserted) {
            std::tie(it->second.queryId, it->second.userId, it->second.dbId) = key;
            it->second.query = query;
        }
        return it->second;
    };
    for (const CitusStatRow& row : citus) {
        const Key key{row.queryId, row.userId, row.dbId};
        StatementFigures& figures = figuresFor(key, row.query);
        figures.citusCalls += row.calls;
        if (row.partitionKey) {
            figures.keyedCalls += row.calls;
            keys[key].insert(*row.partitionKey);
        }
        executors[key].insert(row.executor);
    }
    for (const PgStatRow& row : pgss) {
        if (!row.toplevel && isPlainExplain(row.query))
            continue;
        StatementFigures& figures = figuresFor(Key{row.queryId, row.userId, row.dbId}, row.query);
        if (row.toplevel)
            figures.query = row.query; // a nested row's text is its caller's (e.g. "EXPLAIN SELECT ...")
        figures.calls += row.calls;    // toplevel and nested rows of one statement add up
        figures.totalTimeMs = figures.totalTimeMs.value_or(0) + row.totalTimeMs;
    }
    std::vector<StatementFigures> result;
    result.reserve(statements.size());
    for (auto& [key, figures] : statements) {
        if (figures.calls == 0)
            figures.calls = figures.citusCalls;
        if (figures.totalTimeMs && figures.calls > 0)
            figures.meanTimeMs = *figures.totalTimeMs / static_cast<double>(figures.calls);
        figures.distinctKeys = static_cast<int>(keys[key].size());
        figures.executors.assign(executors[key].begin(), executors[key].end());
        result.push_back(std::move(figures));
    }
    std::stable_sort(result.begin(), result.end(), [](const StatementFigures& a, const StatementFigures& b) {
        return std::tuple(a.totalTimeMs.value_or(-1), a.calls) > std::tuple(b.totalTimeMs.value_or(-1), b.calls);
    });
    return result;
}

} // namespace shardscope::stats
