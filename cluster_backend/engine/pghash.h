// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "columntype.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace shardscope::engine {

/** PostgreSQL's hash_bytes (lookup3, little-endian result) over len bytes. */
std::uint32_t hashBytes(const unsigned char* data, std::size_t len);
/** PostgreSQL's hash_bytes_uint32. */
std::uint32_t hashUint32(std::uint32_t value);

std::int32_t hashInt4(std::int32_t value); ///< hashint4; also int2 (sign-extended) and date (days since 2000-01-01)
std::int32_t hashInt8(std::int64_t value); ///< hashint8; also timestamp/timestamptz (microseconds since 2000-01-01)
std::int32_t hashText(std::string_view utf8);
std::int32_t hashBpchar(std::string_view utf8); ///< trailing spaces are not significant

/**
 * Parses text as PostgreSQL's input function for the type would, then hashes it as Citus does for a
 * distribution column of that type. Bad input gives an Error in PostgreSQL's wording.
 */
Result<std::int32_t> hashValue(ColumnType type, std::string_view text);

} // namespace shardscope::engine
