// SPDX-License-Identifier: MIT
#include "demoplaintables.h"

#include <cstdint>
#include <string>

namespace shardscope::sim {

using namespace shardscope::engine;

namespace {

constexpr int kSampleSize = 400;

std::vector<std::string> integers(std::int64_t first, int count)
{
    std::vector<std::string> values;
    for (int i = 0; i < count; ++i)
        values.push_back(std::to_string(first + i));
    return values;
}

// A few big accounts dominate: customer 1 sends a third of the rows (the hot tenant of the demo).
std::vector<std::string> hotTenantIds(int count)
{
    std::vector<std::string> values;
    for (int i = 0; i < count; ++i)
        values.push_back(std::to_string(i % 3 == 0 ? 1 : 2 + (i * 7919) % 997));
    return values;
}

std::vector<std::string> countryCodes(int count)
{
    // Most customers come from a handful of countries.
    static const char* const kCodes[] = {"US", "US", "US", "DE", "DE", "GB", "FR", "NL", "IN", "BR"};
    std::vector<std::string> values;
    for (int i = 0; i < count; ++i)
        values.emplace_back(kCodes[(i * 31) % 10]);
    return values;
}

std::vector<std::string> emails(int count)
{
    std::vector<std::string> values;
    for (int i = 0; i < count; ++i)
        values.push_back("user" + std::to_string(i * 13 + 7) + "@example.com");
    return values;
}

std::vector<std::string> days(int count)
{
    std::vector<std::string> values;
    for (int i = 0; i < count; ++i) {
        const int day = 1 + (i % 28);
        values.push_back("2026-0" + std::to_string(1 + i % 9) + (day < 10 ? "-0" : "-") + std::to_string(day));
    }
    return values;
}

PlainColumn column(std::string name, std::string type, bool notNull, double distinct, double nullFraction,
                   std::vector<std::string> sample)
{
    PlainColumn c;
    c.name = std::move(name);
    c.typeName = std::move(type);
    c.notNull = notNull;
    c.distinct = distinct;
    c.nullFraction = nullFraction;
    c.sampleValues = std::move(sample);
    return c;
}

PlainTableInfo customers()
{
    PlainTableInfo t;
    t.name = "customers";
    t.rows = 250000;
    t.columns = {
        column("customer_id", "bigint", true, -1.0, 0.0, integers(1, kSampleSize)),
        column("email", "text", true, -1.0, 0.0, emails(kSampleSize)),
        column("country_code", "character(2)", true, 10, 0.0, countryCodes(kSampleSize)),
        column("signup_day", "date", false, 240, 0.02, days(kSampleSize)),
        column("profile", "jsonb", false, -0.9, 0.1, {}),
    };
    t.uniqueKeys = {{"customers_pkey", {"customer_id"}, true}};
    return t;
}

PlainTableInfo invoices()
{
    PlainTableInfo t;
    t.name = "invoices";
    t.rows = 1800000;
    t.columns = {
        column("invoice_id", "bigint", true, -1.0, 0.0, integers(100000, kSampleSize)),
        column("customer_id", "bigint", true, 240000, 0.0, hotTenantIds(kSampleSize)),
        column("amount", "numeric(12,2)", true, -0.4, 0.0, integers(10, kSampleSize)),
        column("issued_at", "timestamptz", true, -0.95, 0.0, {}),
    };
    t.uniqueKeys = {{"invoices_pkey", {"customer_id", "invoice_id"}, true}};
    // The demo's users are distributed by user_id (bigint): a key on it forces colocation with them.
    t.foreignKeys = {{"invoices_customer_id_fkey", {"customer_id"}, "public", "users", {"user_id"}, false}};
    return t;
}

PlainTableInfo auditLog()
{
    PlainTableInfo t;
    t.name = "audit_log";
    t.rows = 90000;
    t.columns = {
        column("entry_id", "bigint", true, -1.0, 0.0, integers(1, kSampleSize)),
        column("tenant_id", "integer", false, 12, 0.05, hotTenantIds(kSampleSize)),
        column("action", "varchar(40)", true, 8, 0.0, countryCodes(kSampleSize)),
        column("payload", "json", false, -1.0, 0.3, {}),
    };
    t.uniqueKeys = {{"audit_log_pkey", {"entry_id"}, true}};
    return t;
}

} // namespace

std::vector<PlainTableInfo> demoPlainTables()
{
    return {customers(), invoices(), auditLog()};
}

std::vector<CreatePlainTable> demoPlainTableRequests()
{
    constexpr std::int64_t kMiB = 1024 * 1024;
    return {
        CreatePlainTable{"public", "customers", 96 * kMiB, 250000},
        CreatePlainTable{"public", "invoices", 540 * kMiB, 1800000},
        CreatePlainTable{"public", "audit_log", 22 * kMiB, 90000},
    };
}

std::optional<PlainTableInfo> demoPlainTable(const std::string& schema, const std::string& name)
{
    for (PlainTableInfo& table : demoPlainTables()) {
        if (table.schema == schema && table.name == name)
            return std::move(table);
    }
    return std::nullopt;
}

} // namespace shardscope::sim
