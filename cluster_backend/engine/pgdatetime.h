// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <cstdint>
#include <string_view>

namespace shardscope::engine {

/*
 * Text input of date, timestamp and timestamptz for hashing, matching PostgreSQL 15 for ISO 8601 input:
 *   [blanks] Y-M-D | YYYYMMDD   [('T' | blanks) H:M[:S[.fraction]]]   [blanks] [zone]   [blanks] [BC|AD] [blanks]
 * where the year has at least three digits, zone is Z, UTC, GMT or a numeric offset (+H, +HH, +HHMM, +HH:MM,
 * +HH:MM:SS, at most 15:59:59), and the special words epoch, infinity and -infinity (any case).
 * Fractions are rounded to microseconds as the server does, 24:00:00 and leap second 60 roll over.
 *
 * Differences from the server, on purpose:
 * - timestamptz input without a zone is taken as UTC (the server uses its TimeZone setting);
 * - named time zones other than Z/UTC/GMT, non-ISO date styles, two-digit years and the words now, today,
 *   tomorrow, yesterday and allballs are refused (the error carries a hint saying so).
 * timestamp (without time zone) ignores a given zone, as the server does.
 */

/** date_in: days since 2000-01-01; -infinity and infinity are INT32_MIN and INT32_MAX. */
Result<std::int32_t> parseDate(std::string_view text);
/** timestamp_in / timestamptz_in: microseconds since 2000-01-01 00:00 (UTC for timestamptz). */
Result<std::int64_t> parseTimestamp(std::string_view text, bool withTimeZone);

} // namespace shardscope::engine
