// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shardscope::explain {

/** The shortest text that reads back as the same double ("250", "0.012", "1e+300"). */
std::string formatNumber(double value);
/** A finite decimal number ("12", "-0.5", "1.5e3"); nothing for anything else (no "nan", "inf", hex). */
std::optional<double> parseDecimal(std::string_view text);
/** A decimal integer that fits in 64 bits. */
std::optional<long long> parseInteger(std::string_view text);

} // namespace shardscope::explain
