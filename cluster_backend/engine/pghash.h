// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "columntype.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace shardscope::engine {

namespace detail {

constexpr std::uint32_t rotl(std::uint32_t x, int r)
{
    return (x << r) | (x >> (32 - r));
}

/** lookup3's final() as PostgreSQL's hash_bytes uses it. */
constexpr void hashFinal(std::uint32_t& a, std::uint32_t& b, std::uint32_t& c)
{
    c ^= b;
    c -= rotl(b, 14);
    a ^= c;
    a -= rotl(c, 11);
    b ^= a;
    b -= rotl(a, 25);
    c ^= b;
    c -= rotl(b, 16);
    a ^= c;
    a -= rotl(c, 4);
    b ^= a;
    b -= rotl(a, 14);
    c ^= b;
    c -= rotl(b, 24);
}

} // namespace detail

/** PostgreSQL's hash_bytes (lookup3, little-endian result) over len bytes. */
std::uint32_t hashBytes(const unsigned char* data, std::size_t len);

/** PostgreSQL's hash_bytes_uint32. Inline: it is the whole cost of routing an integer key. */
constexpr std::uint32_t hashUint32(std::uint32_t value)
{
    std::uint32_t a = 0x9e3779b9U + 4U + 3923095U;
    std::uint32_t b = a;
    std::uint32_t c = a;
    a += value;
    detail::hashFinal(a, b, c);
    return c;
}

/** hashint4; also int2 (sign-extended) and date (days since 2000-01-01). */
constexpr std::int32_t hashInt4(std::int32_t value)
{
    return static_cast<std::int32_t>(hashUint32(static_cast<std::uint32_t>(value)));
}

/** hashint8; also timestamp/timestamptz (microseconds since 2000-01-01). Folds the high word into the low one. */
constexpr std::int32_t hashInt8(std::int64_t value)
{
    auto lo = static_cast<std::uint32_t>(value);
    const auto hi = static_cast<std::uint32_t>(value >> 32);
    lo ^= value >= 0 ? hi : ~hi;
    return static_cast<std::int32_t>(hashUint32(lo));
}

/** hashchar (bool's hash function: false and true hash as the chars 0 and 1); hashoid is hashUint32. */
constexpr std::int32_t hashBool(bool value)
{
    return static_cast<std::int32_t>(hashUint32(value ? 1U : 0U));
}

std::int32_t hashText(std::string_view utf8);
std::int32_t hashBpchar(std::string_view utf8); ///< trailing spaces are not significant

/**
 * Parses text as PostgreSQL's input function for the type would, then hashes it as Citus does for a
 * distribution column of that type. Bad input gives an Error in PostgreSQL's wording (and SQLSTATE).
 *
 * Deviations, all documented in pgdatetime.h: date/timestamp/timestamptz accept ISO 8601 input
 * (plus 'epoch', 'infinity', '-infinity', BC/AD) but not PostgreSQL's other date styles; a timestamptz
 * without an explicit offset (or Z/UTC/GMT) is taken as UTC, as on a server whose TimeZone is UTC.
 */
Result<std::int32_t> hashValue(ColumnType type, std::string_view text);

} // namespace shardscope::engine
