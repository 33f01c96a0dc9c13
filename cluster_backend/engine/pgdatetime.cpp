// SPDX-License-Identifier: MIT
#include "pgdatetime.h"

#include "valueparse.h"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

namespace shardscope::engine {

namespace {

constexpr std::int64_t kUsecsPerSec = 1000000;
constexpr std::int64_t kUsecsPerDay = 86400 * kUsecsPerSec;
constexpr std::int64_t kPostgresEpochJulian = 2451545; // 2000-01-01
constexpr std::int64_t kDateEndJulian = 2147483494;    // first julian day past the last valid date
constexpr std::int64_t kMinTimestamp = -211813488000000000LL;
constexpr std::int64_t kEndTimestamp = 9223371331200000000LL;
constexpr int kMaxZoneHours = 15;

__extension__ using Int128 = __int128;

enum class Failure : std::uint8_t
{
    Syntax,        // not a date at all
    Unsupported,   // maybe valid for the server, but outside the ISO subset we read
    FieldOverflow, // a field out of its range
    MonthDayOverflow,
    ZoneOverflow,
};

struct Fields
{
    enum class Special : std::uint8_t
    {
        None,
        Epoch,
        Infinity,
        MinusInfinity,
    };
    Special special = Special::None;
    std::int64_t year = 0;
    std::int64_t month = 0;
    std::int64_t day = 0;
    bool bc = false;
    std::int64_t hour = 0;
    std::int64_t minute = 0;
    std::int64_t second = 0;
    std::int64_t fraction = 0; // microseconds
    bool hasZone = false;
    std::int64_t zoneEast = 0; // seconds east of UTC
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string lowered(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c | 0x20);
    }
    return out;
}

class Scanner
{
public:
    explicit Scanner(std::string_view text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek(std::size_t ahead = 0) const { return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0'; }
    void skip(std::size_t n = 1) { m_pos += n; }
    void skipBlanks()
    {
        while (!atEnd() && isPgSpace(peek()))
            ++m_pos;
    }
    std::string_view digits()
    {
        const std::size_t start = m_pos;
        while (!atEnd() && isDigit(peek()))
            ++m_pos;
        return m_text.substr(start, m_pos - start);
    }
    std::string_view word()
    {
        const std::size_t start = m_pos;
        while (!atEnd() && isAlpha(peek()))
            ++m_pos;
        return m_text.substr(start, m_pos - start);
    }
    std::string_view rest() const { return m_text.substr(m_pos); }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

// Decimal digits to a number; more than 9 digits cannot be a valid field of a date or time.
std::int64_t number(std::string_view digits, bool* tooLong)
{
    std::int64_t value = 0;
    for (const char c : digits)
        value = value * 10 + (c - '0');
    *tooLong = digits.size() > 9;
    return value;
}

std::optional<Failure> readDate(Scanner& in, Fields& out)
{
    bool tooLong = false;
    const std::string_view first = in.digits();
    if (first.empty())
        return isAlpha(in.peek()) ? Failure::Unsupported : Failure::Syntax;
    if (in.peek() != '-') {
        if (first.size() != 8)
            return Failure::Unsupported;
        out.year = number(first.substr(0, 4), &tooLong);
        out.month = number(first.substr(4, 2), &tooLong);
        out.day = number(first.substr(6, 2), &tooLong);
        return std::nullopt;
    }
    if (first.size() < 3)
        return Failure::Unsupported; // two-digit years depend on DateStyle
    out.year = number(first, &tooLong);
    if (tooLong)
        return Failure::FieldOverflow;
    in.skip();
    const std::string_view month = in.digits();
    if (month.empty() || in.peek() != '-')
        return Failure::Unsupported;
    in.skip();
    const std::string_view day = in.digits();
    if (day.empty())
        return Failure::Unsupported;
    if (month.size() > 2 || day.size() > 2)
        return Failure::Unsupported;
    out.month = number(month, &tooLong);
    out.day = number(day, &tooLong);
    return std::nullopt;
}

std::optional<Failure> readTime(Scanner& in, Fields& out)
{
    bool tooLong = false;
    const std::string_view hour = in.digits();
    if (in.peek() != ':')
        return hour.size() <= 2 ? Failure::Syntax : Failure::Unsupported;
    in.skip();
    const std::string_view minute = in.digits();
    if (hour.size() > 2 || minute.empty() || minute.size() > 2 || in.peek() == '.')
        return Failure::Unsupported;
    out.hour = number(hour, &tooLong);
    out.minute = number(minute, &tooLong);
    if (in.peek() == ':') {
        in.skip();
        const std::string_view second = in.digits();
        if (second.empty() || second.size() > 2)
            return Failure::Unsupported;
        out.second = number(second, &tooLong);
        if (in.peek() == '.') {
            // The server reads the fraction with strtod and rounds with rint (half to even).
            in.skip();
            const std::string digits = "0." + std::string(in.digits());
            out.fraction = static_cast<std::int64_t>(std::nearbyint(std::strtod(digits.c_str(), nullptr) * 1e6));
        }
    }
    // Leap second 60 and 24:00:00 roll over, but the time of day may not pass 24:00:00.
    const std::int64_t timeOfDay = ((out.hour * 60 + out.minute) * 60 + out.second) * kUsecsPerSec + out.fraction;
    if (out.minute > 59 || out.second > 60 || out.fraction > kUsecsPerSec || timeOfDay > kUsecsPerDay)
        return Failure::FieldOverflow;
    return std::nullopt;
}

std::optional<Failure> readZone(Scanner& in, Fields& out)
{
    bool tooLong = false;
    const int sign = in.peek() == '-' ? -1 : 1;
    in.skip();
    const std::string_view first = in.digits();
    if (first.empty())
        return Failure::Syntax;
    std::int64_t hours = number(first, &tooLong);
    std::int64_t minutes = 0;
    std::int64_t seconds = 0;
    if (in.peek() == ':') {
        in.skip();
        minutes = number(in.digits(), &tooLong);
        if (in.peek() == ':') {
            in.skip();
            seconds = number(in.digits(), &tooLong);
        }
    } else if (first.size() > 2) {
        // "+0530" and "+123": the last two digits are minutes.
        minutes = hours % 100;
        hours /= 100;
    }
    if (tooLong || hours > kMaxZoneHours || minutes >= 60 || seconds >= 60)
        return Failure::ZoneOverflow;
    out.hasZone = true;
    out.zoneEast = sign * (hours * 3600 + minutes * 60 + seconds);
    return std::nullopt;
}

std::optional<Failure> readFields(std::string_view text, Fields& out)
{
    Scanner in(text);
    in.skipBlanks();
    std::string_view body = in.rest();
    while (!body.empty() && isPgSpace(body.back()))
        body.remove_suffix(1);
    const std::string word = lowered(body);
    if (word == "epoch") {
        out.special = Fields::Special::Epoch;
        return std::nullopt;
    }
    if (word == "infinity") {
        out.special = Fields::Special::Infinity;
        return std::nullopt;
    }
    if (word == "-infinity") {
        out.special = Fields::Special::MinusInfinity;
        return std::nullopt;
    }
    if (word == "now" || word == "today" || word == "tomorrow" || word == "yesterday" || word == "allballs")
        return Failure::Unsupported;

    if (auto failure = readDate(in, out))
        return failure;
    bool haveTime = false;
    bool haveEra = false;
    while (true) {
        const bool blank = isPgSpace(in.peek());
        in.skipBlanks();
        if (in.atEnd())
            return std::nullopt;
        const char c = in.peek();
        if (!haveTime && !out.hasZone && !haveEra && (c == 'T' || c == 't') && isDigit(in.peek(1))) {
            in.skip();
            if (auto failure = readTime(in, out))
                return failure;
            haveTime = true;
        } else if (!haveTime && !out.hasZone && !haveEra && blank && isDigit(c)) {
            if (auto failure = readTime(in, out))
                return failure;
            haveTime = true;
        } else if (c == '-' && !blank && !haveTime && !out.hasZone && !haveEra) {
            return Failure::Syntax; // the server reads "2024-01-01-05" as one malformed date
        } else if (!out.hasZone && !haveEra && (c == '+' || c == '-')) {
            if (auto failure = readZone(in, out))
                return failure;
        } else if (isAlpha(c)) {
            const std::string name = lowered(in.word());
            if (!out.hasZone && !haveEra && (name == "z" || name == "zulu" || name == "utc" || name == "gmt")) {
                out.hasZone = true;
                out.zoneEast = 0;
            } else if (!haveEra && (name == "bc" || name == "ad")) {
                haveEra = true;
                out.bc = name == "bc";
            } else {
                return Failure::Unsupported;
            }
        } else {
            return Failure::Syntax;
        }
    }
}

bool isLeap(std::int64_t year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

// ValidateDate: BC years to astronomical ones, then month and day checks.
std::optional<Failure> validateDate(Fields& fields)
{
    if (fields.year <= 0)
        return Failure::FieldOverflow; // there is no year zero
    if (fields.bc)
        fields.year = -(fields.year - 1);
    if (fields.month < 1 || fields.month > 12)
        return Failure::MonthDayOverflow;
    if (fields.day < 1 || fields.day > 31)
        return Failure::MonthDayOverflow;
    static constexpr int kDays[2][12] = {{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
                                         {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}};
    if (fields.day > kDays[isLeap(fields.year) ? 1 : 0][fields.month - 1])
        return Failure::FieldOverflow;
    return std::nullopt;
}

bool isValidJulian(std::int64_t year, std::int64_t month)
{
    return (year > -4713 || (year == -4713 && month >= 11)) && (year < 5874898 || (year == 5874898 && month < 6));
}

std::int64_t julianDay(std::int64_t year, std::int64_t month, std::int64_t day)
{
    if (month > 2) {
        month += 1;
        year += 4800;
    } else {
        month += 13;
        year += 4799;
    }
    const std::int64_t century = year / 100;
    std::int64_t julian = year * 365 - 32167;
    julian += year / 4 - century + century / 4;
    julian += 7834 * month / 256 + day;
    return julian;
}

Error failureError(Failure failure, std::string_view typeName, std::string_view text)
{
    const std::string quoted = "\"" + std::string(text) + "\"";
    switch (failure) {
    case Failure::Syntax:
        return Error::make("invalid input syntax for type " + std::string(typeName) + ": " + quoted, "22007");
    case Failure::Unsupported:
        return Error::make("invalid input syntax for type " + std::string(typeName) + ": " + quoted, "22007",
                           "ShardScope reads ISO 8601 input such as 2024-01-31 or 2024-01-31 13:45:00.5+02, "
                           "'epoch', 'infinity' and '-infinity'.");
    case Failure::FieldOverflow:
        return Error::make("date/time field value out of range: " + quoted, "22008");
    case Failure::MonthDayOverflow:
        return Error::make("date/time field value out of range: " + quoted, "22008",
                           "Perhaps you need a different \"datestyle\" setting.");
    case Failure::ZoneOverflow:
        return Error::make("time zone displacement out of range: " + quoted, "22009");
    }
    return Error::make("invalid input syntax for type " + std::string(typeName) + ": " + quoted, "22007");
}

} // namespace

Result<std::int32_t> parseDate(std::string_view text)
{
    Fields fields;
    if (auto failure = readFields(text, fields))
        return failureError(*failure, "date", text);
    switch (fields.special) {
    case Fields::Special::Epoch:
        return static_cast<std::int32_t>(julianDay(1970, 1, 1) - kPostgresEpochJulian);
    case Fields::Special::Infinity:
        return std::numeric_limits<std::int32_t>::max();
    case Fields::Special::MinusInfinity:
        return std::numeric_limits<std::int32_t>::min();
    case Fields::Special::None:
        break;
    }
    if (auto failure = validateDate(fields))
        return failureError(*failure, "date", text);
    const Error outOfRange = Error::make("date out of range: \"" + std::string(text) + "\"", "22008");
    if (!isValidJulian(fields.year, fields.month))
        return outOfRange;
    const std::int64_t julian = julianDay(fields.year, fields.month, fields.day);
    if (julian < 0 || julian >= kDateEndJulian)
        return outOfRange;
    return static_cast<std::int32_t>(julian - kPostgresEpochJulian);
}

Result<std::int64_t> parseTimestamp(std::string_view text, bool withTimeZone)
{
    const std::string_view typeName = withTimeZone ? "timestamp with time zone" : "timestamp";
    Fields fields;
    if (auto failure = readFields(text, fields))
        return failureError(*failure, typeName, text);
    switch (fields.special) {
    case Fields::Special::Epoch:
        return (julianDay(1970, 1, 1) - kPostgresEpochJulian) * kUsecsPerDay;
    case Fields::Special::Infinity:
        return std::numeric_limits<std::int64_t>::max();
    case Fields::Special::MinusInfinity:
        return std::numeric_limits<std::int64_t>::min();
    case Fields::Special::None:
        break;
    }
    if (auto failure = validateDate(fields))
        return failureError(*failure, typeName, text);
    const Error outOfRange = Error::make("timestamp out of range: \"" + std::string(text) + "\"", "22008");
    if (!isValidJulian(fields.year, fields.month))
        return outOfRange;
    const Int128 days = julianDay(fields.year, fields.month, fields.day) - kPostgresEpochJulian;
    const Int128 time =
        ((fields.hour * 60 + fields.minute) * 60 + fields.second) * static_cast<Int128>(kUsecsPerSec) + fields.fraction;
    Int128 result = days * kUsecsPerDay + time;
    // A zone given to a timestamp without time zone is checked but ignored, as the server does.
    if (withTimeZone && fields.hasZone)
        result -= static_cast<Int128>(fields.zoneEast) * kUsecsPerSec;
    if (result < kMinTimestamp || result >= kEndTimestamp)
        return outOfRange;
    return static_cast<std::int64_t>(result);
}

} // namespace shardscope::engine
