// SPDX-License-Identifier: MIT
#include "statementreport.h"

#include "fanoutclassifier.h"

#include <algorithm>
#include <map>

namespace shardscope::stats {

StatementReport buildStatementReport(const StatementStatsInput& input, const TableCatalog& catalog)
{
    StatementReport report;
    report.citusAvailable = input.citusAvailable;
    report.simulated = input.simulated;
    report.notice = input.notice;
    report.statements = aggregateStatements(input.citus, input.pgss);
    for (StatementFigures& figures : report.statements) {
        if (input.citusAvailable) {
            ExecutionEvidence evidence;
            evidence.executors = figures.executors;
            evidence.everyCallKeyed = figures.citusCalls > 0 && figures.keyedCalls == figures.citusCalls;
            figures.fanout = classifyStatement(figures.query, catalog, evidence);
        } else {
            figures.fanout = Fanout{};
            figures.fanout.reason = "citus_stat_statements is missing: the server is not a Citus coordinator";
        }
    }

    std::map<std::string, std::int64_t> perKey;
    for (const CitusStatRow& row : input.citus) {
        if (row.partitionKey && row.calls > 0) {
            perKey[*row.partitionKey] += row.calls;
            report.keyedCalls += row.calls;
        }
    }
    for (const auto& [key, calls] : perKey) {
        const double share =
            report.keyedCalls > 0 ? static_cast<double>(calls) / static_cast<double>(report.keyedCalls) : 0;
        report.tenants.push_back(TenantShare{key, calls, share});
    }
    std::stable_sort(report.tenants.begin(), report.tenants.end(),
                     [](const TenantShare& a, const TenantShare& b) { return a.calls > b.calls; });
    return report;
}

std::optional<std::int64_t> shardCalls(const StatementFigures& figures)
{
    if (!figures.fanout.shards)
        return std::nullopt;
    return static_cast<std::int64_t>(*figures.fanout.shards) * figures.calls;
}

} // namespace shardscope::stats
