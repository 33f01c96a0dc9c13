// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace shardscope::engine {

/** A numeric as PostgreSQL stores it: base-10000 digits around the decimal point, stripped of zero groups. */
struct PgNumeric
{
    enum class Kind : std::uint8_t
    {
        Finite,
        NaN,
        PlusInfinity,
        MinusInfinity,
    };
    Kind kind = Kind::Finite;
    bool negative = false;
    int weight = 0;                   ///< position of digits[0]: 0 = units group, -1 = first group after the point
    int displayScale = 0;             ///< digits after the decimal point (dscale); not hashed
    std::vector<std::int16_t> digits; ///< no leading or trailing zero groups; empty for zero
};

/** numeric_in without a type modifier (PostgreSQL 15): exponents, NaN, [+-]Infinity/inf, blanks around. */
Result<PgNumeric> parseNumeric(std::string_view text);
/** hash_numeric: 0 for NaN/infinities, -1 for zero, else hash of the digit groups XOR weight. */
std::int32_t hashNumeric(const PgNumeric& value);

} // namespace shardscope::engine
