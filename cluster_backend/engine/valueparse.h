// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace shardscope::engine {

/*
 * Text input of the simple distribution column types, as PostgreSQL 15's input functions parse it:
 * same accepted spellings, same error messages and SQLSTATEs.
 */

/** int2in/int4in/int8in: optional blanks and sign, decimal digits, optional blanks; range-checked. */
Result<std::int16_t> parseInt2(std::string_view text);
Result<std::int32_t> parseInt4(std::string_view text);
Result<std::int64_t> parseInt8(std::string_view text);
/** oidin: like strtoul, so "-1" is accepted as 4294967295. */
Result<std::uint32_t> parseOid(std::string_view text);
/** boolin: t/true/y/yes/on/1 and f/false/n/no/off/0, any case, unique prefixes, blanks around. */
Result<bool> parseBool(std::string_view text);
/** uuid_in: 32 hex digits, a '-' allowed after any group of four, optionally in braces. */
Result<std::array<std::uint8_t, 16>> parseUuid(std::string_view text);
/** What the server does with text sent by a UTF-8 client: rejects invalid sequences and NUL bytes. */
Status validateUtf8(std::string_view text);

/** PostgreSQL's C-locale isspace(). */
constexpr bool isPgSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/** Error helpers with PostgreSQL's wording. */
Error invalidSyntax(std::string_view typeName, std::string_view text);
Error outOfRange(std::string_view typeName, std::string_view text);

} // namespace shardscope::engine
