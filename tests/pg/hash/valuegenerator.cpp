// SPDX-License-Identifier: MIT
#include "valuegenerator.h"

#include <array>
#include <cstdio>

namespace shardscope::test {

using engine::ColumnType;

namespace {

bool isLeap(int year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int daysInMonth(int year, int month)
{
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

void appendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xc0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xe0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
}

std::string twoDigits(int value)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d", value);
    return buffer;
}

} // namespace

std::string ValueGenerator::blanks()
{
    static constexpr std::array<const char*, 4> kBlanks{" ", "  ", "\t", " \n"};
    return chance(10) ? kBlanks[static_cast<std::size_t>(range(0, 3))] : "";
}

std::string ValueGenerator::digits(int count, bool leadingNonZero)
{
    std::string out;
    for (int i = 0; i < count; ++i)
        out += static_cast<char>('0' + (i == 0 && leadingNonZero ? range(1, 9) : range(0, 9)));
    return out;
}

std::string ValueGenerator::integer(ColumnType type)
{
    qint64 value = 0;
    if (chance(30)) {
        value = range(-1000, 1000);
    } else if (type == ColumnType::Int2) {
        value = range(-32768, 32767);
    } else if (type == ColumnType::Int4) {
        value = static_cast<qint32>(m_random.generate());
    } else {
        value = static_cast<qint64>(m_random.generate64());
        if (chance(30)) // magnitudes around 2^32, where the high word starts to matter
            value >>= range(1, 40);
    }
    std::string text = std::to_string(value);
    if (value >= 0 && chance(10))
        text.insert(0, "+");
    if (chance(5))
        text.insert(text[0] == '-' || text[0] == '+' ? 1 : 0, std::string(static_cast<std::size_t>(range(1, 3)), '0'));
    return blanks() + text + blanks();
}

std::string ValueGenerator::utf8String(int maxLength)
{
    const int roll = range(1, 100);
    const int length = roll <= 80 ? range(0, std::min(40, maxLength)) : roll <= 95 ? range(0, 300) : range(0, 3000);
    std::string out;
    for (int i = 0; i < length; ++i) {
        const int kind = range(1, 100);
        char32_t c = 0;
        if (kind <= 3)
            c = static_cast<char32_t>(range(1, 31)); // control characters, but never NUL
        else if (kind <= 60)
            c = static_cast<char32_t>(range(0x20, 0x7e));
        else if (kind <= 75)
            c = static_cast<char32_t>(range(0x80, 0x7ff));
        else if (kind <= 90)
            c = static_cast<char32_t>(chance(50) ? range(0x800, 0xd7ff) : range(0xe000, 0xffff));
        else
            c = static_cast<char32_t>(range(0x10000, 0x10ffff));
        appendUtf8(out, c);
    }
    return out;
}

std::string ValueGenerator::uuid()
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (int i = 0; i < 32; ++i)
        hex += kHex[range(0, 15)];
    const int style = range(1, 100);
    std::string out;
    for (int i = 0; i < 32; ++i) {
        if (style <= 70 && (i == 8 || i == 12 || i == 16 || i == 20))
            out += '-';
        else if (style > 80 && style <= 90 && i > 0 && i % 4 == 0)
            out += '-';
        out += hex[static_cast<std::size_t>(i)];
    }
    if (style > 50 && style <= 60) {
        for (char& c : out)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (style > 60 && style <= 70)
        out = "{" + out + "}";
    return out;
}

std::string ValueGenerator::date(int minYear, int maxYear)
{
    // Astronomical years: 0 is 1 BC.
    const int roll = range(1, 100);
    const int year = roll <= 50 ? range(1900, 2100) : roll <= 80 ? range(1, 9999) : range(minYear, maxYear);
    const int month = range(1, 12);
    const int day = range(1, daysInMonth(year, month));
    const int shownYear = year > 0 ? year : 1 - year;
    char yearText[16];
    std::snprintf(yearText, sizeof yearText, "%04d", shownYear);
    if (year > 0 && shownYear < 10000 && chance(5))
        return std::string(yearText) + twoDigits(month) + twoDigits(day);
    const bool pad = chance(90);
    std::string out = std::string(yearText) + "-" + (pad ? twoDigits(month) : std::to_string(month)) + "-" +
                      (pad ? twoDigits(day) : std::to_string(day));
    return year > 0 ? out : out + "|BC"; // the era goes last; callers replace the marker
}

std::string ValueGenerator::time()
{
    if (chance(1))
        return "24:00:00";
    const int hour = range(0, 23);
    const int minute = range(0, 59);
    std::string out = twoDigits(hour) + ":" + twoDigits(minute);
    if (chance(80)) {
        const int second = chance(1) ? 60 : range(0, 59);
        out += ":" + twoDigits(second);
        // 23:59:60.5 would pass 24:00:00, which the server refuses.
        if (chance(60) && !(hour == 23 && minute == 59 && second == 60))
            out += "." + digits(range(0, 9), false);
    }
    return out;
}

std::string ValueGenerator::zone()
{
    const int style = range(1, 9);
    const std::string sign = chance(50) ? "+" : "-";
    const int hours = range(0, 15);
    const int minutes = range(0, 59);
    switch (style) {
    case 1:
        return "";
    case 2:
        return chance(50) ? "Z" : "z";
    case 3:
        return " UTC";
    case 4:
        return sign + twoDigits(hours);
    case 5:
        return sign + twoDigits(hours) + ":" + twoDigits(minutes);
    case 6:
        return sign + twoDigits(hours) + twoDigits(minutes);
    case 7:
        return " " + sign + std::to_string(hours) + ":" + twoDigits(minutes) + ":" + twoDigits(range(0, 59));
    case 8:
        return sign + std::to_string(hours);
    default:
        return " GMT";
    }
}

std::string ValueGenerator::numeric()
{
    if (chance(1)) {
        static constexpr std::array<const char*, 9> kSpecial{"NaN", "nan",  "Infinity", "-Infinity", "+infinity",
                                                             "inf", "-INF", "+inf",     " NaN "};
        return kSpecial[static_cast<std::size_t>(range(0, 8))];
    }
    std::string out = chance(15) ? (chance(70) ? "-" : "+") : "";
    const int roll = range(1, 100);
    const int integerDigits = roll <= 70 ? range(1, 20) : roll <= 80 ? 0 : roll <= 90 ? range(1, 5) : range(100, 1000);
    if (roll > 80 && roll <= 90)
        out += std::string(static_cast<std::size_t>(range(1, 6)), '0'); // leading zeros
    out += digits(integerDigits, false);
    const bool fraction = integerDigits == 0 || chance(50);
    if (fraction) {
        out += ".";
        out += digits(integerDigits == 0 ? range(1, 30) : range(0, 30), false);
        if (chance(20))
            out += std::string(static_cast<std::size_t>(range(1, 8)), '0'); // trailing zeros
    }
    if (chance(20)) {
        out += chance(50) ? "e" : "E";
        out += chance(50) ? "-" : (chance(50) ? "+" : "");
        out += std::to_string(range(0, 300));
    }
    return blanks() + out + blanks();
}

std::string ValueGenerator::next(ColumnType type)
{
    const auto withEra = [](std::string text, const std::string& rest) {
        const auto marker = text.find("|BC");
        if (marker == std::string::npos)
            return text + rest;
        return text.substr(0, marker) + rest + " BC";
    };
    switch (type) {
    case ColumnType::Int2:
    case ColumnType::Int4:
    case ColumnType::Int8:
        return integer(type);
    case ColumnType::Oid: {
        const qint64 value = chance(15) ? -static_cast<qint64>(range(1, 2147483647))
                                        : static_cast<qint64>(m_random.generate() >> (chance(20) ? range(1, 31) : 0));
        return blanks() + std::to_string(value) + blanks();
    }
    case ColumnType::Bool: {
        static constexpr std::array<const char*, 18> kSpellings{"t",   "tr",   "tru",   "true", "f",  "fa",
                                                                "fal", "fals", "false", "y",    "ye", "yes",
                                                                "n",   "no",   "on",    "off",  "1",  "0"};
        std::string text = kSpellings[static_cast<std::size_t>(range(0, 17))];
        for (char& c : text) {
            if (chance(30))
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        return blanks() + text + blanks();
    }
    case ColumnType::Text:
    case ColumnType::Varchar:
        return utf8String(3000);
    case ColumnType::Bpchar:
        return (chance(20) ? std::string(static_cast<std::size_t>(range(1, 3)), ' ') : std::string()) +
               utf8String(3000) + std::string(static_cast<std::size_t>(chance(50) ? range(0, 10) : 0), ' ');
    case ColumnType::Uuid:
        return uuid();
    case ColumnType::Date: {
        std::string time;
        if (chance(5))
            time = " " + this->time();
        return blanks() + withEra(date(-4712, 5874897), time) + blanks();
    }
    case ColumnType::Timestamp:
    case ColumnType::Timestamptz: {
        const std::string separator = chance(30) ? "T" : (chance(90) ? " " : "  ");
        std::string rest = chance(5) ? std::string() : separator + this->time();
        const std::string zone = this->zone();
        // Without a time, "2024-01-01-05" would read as a malformed date: the server needs a blank there.
        rest += rest.empty() && !zone.empty() && zone[0] == '-' ? " " + zone : zone;
        return blanks() + withEra(date(-4712, 294275), rest) + blanks();
    }
    case ColumnType::Numeric:
        return numeric();
    case ColumnType::None:
        break;
    }
    return {};
}

std::vector<std::string> ValueGenerator::edgeCases(ColumnType type)
{
    switch (type) {
    case ColumnType::Int2:
        return {"-32768", "32767", "0", "-0", "+0", "00000000000000000000000001", " -1 ", "\t7\n"};
    case ColumnType::Int4:
        return {"-2147483648", "2147483647", "0", "-1", "1", "65535", "65536", "+2147483647", " 00042 "};
    case ColumnType::Int8:
        return {"-9223372036854775808", "9223372036854775807", "0",           "-1",          "1",
                "4294967295",           "4294967296",          "-4294967296", "-4294967297", "2147483648",
                "-2147483649",          "+9223372036854775807"};
    case ColumnType::Oid:
        return {"0", "4294967295", "-1", "-2147483648", "2147483647", "2147483648", " 26 "};
    case ColumnType::Bool:
        return {"true", "false", "TRUE", "FaLsE", " t ", "OFF", "On", "YES", "nO", "1", "0"};
    case ColumnType::Text:
    case ColumnType::Varchar:
    case ColumnType::Bpchar:
        return {"",
                " ",
                "a",
                "hello world!",
                "hello world!x",
                "1234567890123",
                "\xc3\xbcn\xc3\xaf\x63\xc3\xb8\x64\xc3\xa9",
                "\xf0\x9f\x98\x80\xf0\x9f\x8e\x89",
                "e\xcc\x81",
                "tab\there",
                "trailing   ",
                "   leading",
                "quote\"and\\backslash",
                "{braces,commas}",
                "NULL",
                std::string(5000, 'x'),
                std::string(1000, ' ') + "y",
                "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe7\xac\xa6\xe4\xb8\xb2"};
    case ColumnType::Uuid:
        return {"00000000-0000-0000-0000-000000000000",    "ffffffff-ffff-ffff-ffff-ffffffffffff",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",    "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",  "a0eebc999c0b4ef8bb6d6bb9bd380a11",
                "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "{a0eebc999c0b4ef8bb6d6bb9bd380a11}"};
    case ColumnType::Date:
        return {"2000-01-01",          "1970-01-01",         "epoch",         "infinity",   "-infinity",
                " Infinity ",          "4714-11-24 BC",      "5874897-12-31", "0001-01-01", "0001-12-31 BC",
                "2024-02-29",          "1900-02-28",         "20240101",      "2024-1-1",   "10000-01-01",
                "2024-01-01 23:59:59", "2024-01-01T12:00+05"};
    case ColumnType::Timestamp:
    case ColumnType::Timestamptz:
        return {"2000-01-01 00:00:00",
                "1970-01-01",
                "epoch",
                "infinity",
                "-infinity",
                "4714-11-24 00:00:00 BC",
                "294276-12-31 23:59:59.999999",
                "2024-01-01 24:00:00",
                "2024-12-31 23:59:60",
                "2024-01-01 00:00:00.0000005",
                "2024-01-01 00:00:00.0000015",
                "2024-01-01 00:00:00.9999995",
                "2024-01-01 00:00:00.123456789123",
                "2024-01-01T1:2:3",
                "2024-01-01 00:00:00.",
                "2024-01-01 00:00+15:59:59",
                "2024-01-01 00:00-15",
                "2024-01-01Z",
                "2024-01-01 +05",
                "2024-01-01 00:00 zulu",
                "2024-01-01 00:00:00+123",
                "2024-01-01 00:00:00 GMT"};
    case ColumnType::Numeric:
        return {"0",
                "-0",
                "0.0000",
                "1",
                "-1",
                "1.0",
                "10000",
                "9999",
                "0.0001",
                "0.00001",
                "12345.678",
                "1e0",
                "1E+5",
                "1e-5",
                "1.5e3",
                "-1.5e-3",
                "123456789012345678901234567890.123456789012345678901234567890",
                "1e131071",
                "1e-16383",
                "-9e-16383",
                "0e-16383",
                "1e 7",
                ".1",
                "1.",
                "NaN",
                "Infinity",
                "-Infinity",
                "+inf",
                std::string(1000, '9') + "." + std::string(1000, '1'),
                "0000000000000001.10000000000000000000"};
    case ColumnType::None:
        break;
    }
    return {};
}

} // namespace shardscope::test
