// SPDX-License-Identifier: MIT
#include "columntype.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace shardscope::engine {

namespace {

struct TypeInfo
{
    ColumnType type;
    std::string_view name;
    std::uint32_t oid;
};

constexpr std::array<TypeInfo, 14> kTypes{{
    {ColumnType::None, "none", 0},
    {ColumnType::Int2, "int2", 21},
    {ColumnType::Int4, "int4", 23},
    {ColumnType::Int8, "int8", 20},
    {ColumnType::Text, "text", 25},
    {ColumnType::Varchar, "varchar", 1043},
    {ColumnType::Bpchar, "bpchar", 1042},
    {ColumnType::Uuid, "uuid", 2950},
    {ColumnType::Date, "date", 1082},
    {ColumnType::Timestamp, "timestamp", 1114},
    {ColumnType::Timestamptz, "timestamptz", 1184},
    {ColumnType::Numeric, "numeric", 1700},
    {ColumnType::Bool, "bool", 16},
    {ColumnType::Oid, "oid", 26},
}};

struct Alias
{
    std::string_view alias;
    ColumnType type;
};

constexpr std::array<Alias, 14> kAliases{{
    {"smallint", ColumnType::Int2},
    {"integer", ColumnType::Int4},
    {"int", ColumnType::Int4},
    {"bigint", ColumnType::Int8},
    {"character varying", ColumnType::Varchar},
    {"character", ColumnType::Bpchar},
    {"char", ColumnType::Bpchar},
    {"timestamp without time zone", ColumnType::Timestamp},
    {"timestamp with time zone", ColumnType::Timestamptz},
    {"decimal", ColumnType::Numeric},
    {"boolean", ColumnType::Bool},
    {"serial", ColumnType::Int4},
    {"bigserial", ColumnType::Int8},
    {"smallserial", ColumnType::Int2},
}};

} // namespace

std::string_view columnTypeName(ColumnType type)
{
    for (const auto& info : kTypes) {
        if (info.type == type)
            return info.name;
    }
    return "none";
}

std::optional<ColumnType> columnTypeFromName(std::string_view name)
{
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // "varchar(20)", "numeric(10,2)", "character(3)": the modifier does not change the hash function.
    if (const auto paren = lower.find('('); paren != std::string::npos)
        lower.erase(paren);
    while (!lower.empty() && lower.back() == ' ')
        lower.pop_back();
    for (const auto& info : kTypes) {
        if (info.name == lower)
            return info.type;
    }
    for (const auto& alias : kAliases) {
        if (alias.alias == lower)
            return alias.type;
    }
    return std::nullopt;
}

std::uint32_t columnTypeOid(ColumnType type)
{
    for (const auto& info : kTypes) {
        if (info.type == type)
            return info.oid;
    }
    return 0;
}

std::optional<ColumnType> columnTypeFromOid(std::uint32_t oid)
{
    for (const auto& info : kTypes) {
        if (info.oid == oid)
            return info.type;
    }
    return std::nullopt;
}

std::uint32_t defaultCollation(ColumnType type)
{
    switch (type) {
    case ColumnType::Text:
    case ColumnType::Varchar:
    case ColumnType::Bpchar:
        return 100;
    default:
        return 0;
    }
}

} // namespace shardscope::engine
