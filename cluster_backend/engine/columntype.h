// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace shardscope::engine {

/** Distribution column types whose PostgreSQL hash ShardScope reproduces. */
enum class ColumnType : std::uint8_t
{
    None, ///< no distribution column (reference, single-shard, local tables)
    Int2,
    Int4,
    Int8,
    Text,
    Varchar,
    Bpchar,
    Uuid,
    Date,
    Timestamp,
    Timestamptz,
    Numeric,
    Bool,
    Oid,
};

/** The SQL spelling used in snapshots and on the command line ("int8", "text", ...). */
std::string_view columnTypeName(ColumnType type);
/** Accepts the canonical names and the usual aliases ("bigint", "integer", "character varying", ...). */
std::optional<ColumnType> columnTypeFromName(std::string_view name);
/** PostgreSQL type oid (20 for int8, 25 for text, ...), 0 for None. */
std::uint32_t columnTypeOid(ColumnType type);
std::optional<ColumnType> columnTypeFromOid(std::uint32_t oid);
/** Default collation oid of the type: 100 for the text types, 0 otherwise. */
std::uint32_t defaultCollation(ColumnType type);

} // namespace shardscope::engine
