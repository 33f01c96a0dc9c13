// SPDX-License-Identifier: MIT
#include "tenantstatsreader.h"

#include <charconv>
#include <cmath>

namespace shardscope::live {

namespace {

Result<std::int64_t> integerCell(const QueryResult& result, std::size_t row, int column)
{
    const std::string text = result.text(row, column, "0");
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size())
        return Error::make("citus_stat_tenants: '" + text + "' in column " + result.columns[std::size_t(column)] +
                               " is not an integer",
                           "shardscope.bad_tenant_stats");
    return value;
}

Result<double> realCell(const QueryResult& result, std::size_t row, int column)
{
    const std::string text = result.text(row, column, "0");
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
        return Error::make("citus_stat_tenants: '" + text + "' in column " + result.columns[std::size_t(column)] +
                               " is not a number",
                           "shardscope.bad_tenant_stats");
    return value;
}

Result<bool> viewExists(PgSession& session)
{
    auto result = session.exec("SELECT to_regclass('pg_catalog.citus_stat_tenants') IS NOT NULL");
    if (!result)
        return result.error();
    return !result->rows.empty() && result->text(0, 0) == "t";
}

} // namespace

const std::vector<std::string>& tenantStatColumns()
{
    static const std::vector<std::string> columns{
        "nodeid",
        "colocation_id",
        "tenant_attribute",
        "read_count_in_this_period",
        "read_count_in_last_period",
        "query_count_in_this_period",
        "query_count_in_last_period",
        "cpu_usage_in_this_period",
        "cpu_usage_in_last_period",
    };
    return columns;
}

Result<std::vector<TenantStatRow>> parseTenantStatRows(const QueryResult& result)
{
    std::vector<int> at;
    for (const std::string& name : tenantStatColumns()) {
        const int index = result.columnIndex(name);
        if (index < 0)
            return Error::make("citus_stat_tenants has no column " + name, "shardscope.bad_tenant_stats",
                               "this Citus version is not supported for tenant statistics");
        at.push_back(index);
    }
    std::vector<TenantStatRow> rows;
    rows.reserve(result.rows.size());
    for (std::size_t r = 0; r < result.rows.size(); ++r) {
        TenantStatRow row;
        std::int64_t* integers[] = {&row.nodeId,           &row.colocationId,    nullptr,
                                    &row.readsThisPeriod,  &row.readsLastPeriod, &row.queriesThisPeriod,
                                    &row.queriesLastPeriod};
        for (std::size_t c = 0; c < std::size(integers); ++c) {
            if (!integers[c])
                continue;
            auto value = integerCell(result, r, at[c]);
            if (!value)
                return value.error();
            *integers[c] = *value;
        }
        // A NULL tenant attribute stays empty: the view shows it for queries without a key value.
        row.tenant = result.text(r, at[2]);
        auto cpuNow = realCell(result, r, at[7]);
        if (!cpuNow)
            return cpuNow.error();
        auto cpuLast = realCell(result, r, at[8]);
        if (!cpuLast)
            return cpuLast.error();
        row.cpuSecondsThisPeriod = *cpuNow;
        row.cpuSecondsLastPeriod = *cpuLast;
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<TenantStats> readTenantStats(PgSession& session)
{
    TenantStats stats;
    auto exists = viewExists(session);
    if (!exists)
        return exists.error();
    if (!*exists) {
        stats.available = false;
        stats.notice = "this server has no citus_stat_tenants (it needs Citus 11.3 or later on the coordinator)";
        return stats;
    }
    auto settings = session.exec("SELECT current_setting('citus.stat_tenants_track', true), "
                                 "current_setting('citus.stat_tenants_period', true)");
    if (!settings)
        return settings.error();
    const std::string track = settings->text(0, 0);
    std::from_chars(settings->text(0, 1).data(), settings->text(0, 1).data() + settings->text(0, 1).size(),
                    stats.periodSeconds);
    if (track == "none") {
        stats.available = false;
        stats.notice = "tenant statistics are off: set citus.stat_tenants_track = 'all' (postgresql.conf of the "
                       "coordinator and the workers) to track them";
        return stats;
    }
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < tenantStatColumns().size(); ++i)
        sql += (i ? ", " : "") + tenantStatColumns()[i];
    sql += " FROM pg_catalog.citus_stat_tenants "
           "ORDER BY query_count_in_this_period + query_count_in_last_period DESC, tenant_attribute";
    auto result = session.exec(sql);
    if (!result)
        return result.error();
    auto rows = parseTenantStatRows(*result);
    if (!rows)
        return rows.error();
    stats.rows = std::move(*rows);
    if (stats.rows.empty())
        stats.notice = "citus_stat_tenants has no rows yet: it counts router queries by distribution key value";
    return stats;
}

Result<TenantStats> loadTenantStats(const std::string& conninfo)
{
    auto parsed = ConnectionOptions::parse(conninfo);
    if (!parsed)
        return parsed.error();
    PgSession session(*parsed);
    Status connected = session.connect();
    if (!connected)
        return connected.error();
    return readTenantStats(session);
}

} // namespace shardscope::live
