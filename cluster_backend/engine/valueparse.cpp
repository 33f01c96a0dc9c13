// SPDX-License-Identifier: MIT
#include "valueparse.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

namespace shardscope::engine {

namespace {

constexpr const char* kInvalidTextRepresentation = "22P02";
constexpr const char* kNumericOutOfRange = "22003";
constexpr const char* kCharacterNotInRepertoire = "22021";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    return (c | 0x20) - 'a' + 10;
}

// pg_strtoint16/32/64 of PostgreSQL 15: the value is accumulated as a negative number so that the
// minimum fits, and overflow is detected while digits are read (before any trailing garbage).
template <class T>
Result<T> parseSigned(std::string_view text, std::string_view typeName)
{
    std::size_t i = 0;
    while (i < text.size() && isPgSpace(text[i]))
        ++i;
    bool negative = false;
    if (i < text.size() && text[i] == '-') {
        negative = true;
        ++i;
    } else if (i < text.size() && text[i] == '+') {
        ++i;
    }
    if (i >= text.size() || !isDigit(text[i]))
        return invalidSyntax(typeName, text);
    T accumulated = 0;
    while (i < text.size() && isDigit(text[i])) {
        const T digit = static_cast<T>(text[i++] - '0');
        if (__builtin_mul_overflow(accumulated, T{10}, &accumulated) ||
            __builtin_sub_overflow(accumulated, digit, &accumulated))
            return outOfRange(typeName, text);
    }
    while (i < text.size() && isPgSpace(text[i]))
        ++i;
    if (i != text.size())
        return invalidSyntax(typeName, text);
    if (!negative) {
        if (accumulated == std::numeric_limits<T>::min())
            return outOfRange(typeName, text);
        accumulated = static_cast<T>(-accumulated);
    }
    return accumulated;
}

bool startsWithNoCase(std::string_view text, std::string_view word, std::size_t compareLength)
{
    // pg_strncasecmp(text, word, compareLength) == 0 on NUL-terminated strings.
    for (std::size_t i = 0; i < compareLength; ++i) {
        const char a = i < text.size() ? text[i] : '\0';
        const char b = i < word.size() ? word[i] : '\0';
        const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; };
        if (lower(a) != lower(b))
            return false;
        if (a == '\0')
            return true;
    }
    return true;
}

std::string hexBytes(std::string_view bytes)
{
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "%s0x%02x", i == 0 ? "" : " ", static_cast<unsigned char>(bytes[i]));
        out += buffer;
    }
    return out;
}

} // namespace

Error invalidSyntax(std::string_view typeName, std::string_view text)
{
    return Error::make("invalid input syntax for type " + std::string(typeName) + ": \"" + std::string(text) + "\"",
                       kInvalidTextRepresentation);
}

Error outOfRange(std::string_view typeName, std::string_view text)
{
    return Error::make("value \"" + std::string(text) + "\" is out of range for type " + std::string(typeName),
                       kNumericOutOfRange);
}

Result<std::int16_t> parseInt2(std::string_view text)
{
    return parseSigned<std::int16_t>(text, "smallint");
}

Result<std::int32_t> parseInt4(std::string_view text)
{
    return parseSigned<std::int32_t>(text, "integer");
}

Result<std::int64_t> parseInt8(std::string_view text)
{
    return parseSigned<std::int64_t>(text, "bigint");
}

Result<std::uint32_t> parseOid(std::string_view text)
{
    // oidin is written around strtoul; use it the same way on a NUL-terminated copy.
    const std::string copy(text);
    const char* start = copy.c_str();
    if (*start == '\0')
        return invalidSyntax("oid", text);
    errno = 0;
    char* end = nullptr;
    const unsigned long converted = std::strtoul(start, &end, 10);
    if (end == start)
        return invalidSyntax("oid", text);
    if (errno == ERANGE)
        return outOfRange("oid", text);
    while (*end != '\0' && isPgSpace(*end))
        ++end;
    if (*end != '\0')
        return invalidSyntax("oid", text);
    const auto result = static_cast<std::uint32_t>(converted);
    // A minus sign is accepted when the value still fits after sign extension ("-1" = 4294967295).
    if (converted != static_cast<unsigned long>(result) &&
        converted != static_cast<unsigned long>(static_cast<long>(static_cast<int>(result))))
        return outOfRange("oid", text);
    return result;
}

Result<bool> parseBool(std::string_view text)
{
    std::string_view value = text;
    while (!value.empty() && isPgSpace(value.front()))
        value.remove_prefix(1);
    while (!value.empty() && isPgSpace(value.back()))
        value.remove_suffix(1);
    const std::size_t len = value.size();
    if (len > 0) {
        switch (value.front()) {
        case 't':
        case 'T':
            if (startsWithNoCase(value, "true", len))
                return true;
            break;
        case 'f':
        case 'F':
            if (startsWithNoCase(value, "false", len))
                return false;
            break;
        case 'y':
        case 'Y':
            if (startsWithNoCase(value, "yes", len))
                return true;
            break;
        case 'n':
        case 'N':
            if (startsWithNoCase(value, "no", len))
                return false;
            break;
        case 'o':
        case 'O':
            // "o" alone is ambiguous between on and off.
            if (startsWithNoCase(value, "on", len > 2 ? len : 2))
                return true;
            if (startsWithNoCase(value, "off", len > 2 ? len : 2))
                return false;
            break;
        case '1':
            if (len == 1)
                return true;
            break;
        case '0':
            if (len == 1)
                return false;
            break;
        default:
            break;
        }
    }
    return invalidSyntax("boolean", text);
}

Result<std::array<std::uint8_t, 16>> parseUuid(std::string_view text)
{
    std::array<std::uint8_t, 16> bytes{};
    std::size_t pos = 0;
    const bool braces = !text.empty() && text.front() == '{';
    if (braces)
        ++pos;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (pos + 1 >= text.size() || !isHexDigit(text[pos]) || !isHexDigit(text[pos + 1]))
            return invalidSyntax("uuid", text);
        bytes[i] = static_cast<std::uint8_t>(hexValue(text[pos]) * 16 + hexValue(text[pos + 1]));
        pos += 2;
        if (pos < text.size() && text[pos] == '-' && i % 2 == 1 && i < bytes.size() - 1)
            ++pos;
    }
    if (braces) {
        if (pos >= text.size() || text[pos] != '}')
            return invalidSyntax("uuid", text);
        ++pos;
    }
    if (pos != text.size())
        return invalidSyntax("uuid", text);
    return bytes;
}

Status validateUtf8(std::string_view text)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        std::size_t length = 1;
        if (c >= 0x80) {
            length = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 1;
            bool legal = length > 1 && i + length <= n;
            // pg_utf8_islegal: no overlong forms, no surrogates, nothing above U+10FFFF.
            for (std::size_t k = 1; legal && k < length; ++k)
                legal = (s[i + k] & 0xc0) == 0x80;
            if (legal) {
                const unsigned char c1 = s[i + 1];
                if (length == 2)
                    legal = c >= 0xc2;
                else if (length == 3)
                    legal = !(c == 0xe0 && c1 < 0xa0) && !(c == 0xed && c1 > 0x9f);
                else
                    legal = c <= 0xf4 && !(c == 0xf0 && c1 < 0x90) && !(c == 0xf4 && c1 > 0x8f);
            }
            if (!legal) {
                const std::size_t shown = std::min(std::max<std::size_t>(length, 1), n - i);
                return Error::make("invalid byte sequence for encoding \"UTF8\": " + hexBytes(text.substr(i, shown)),
                                   kCharacterNotInRepertoire);
            }
        } else if (c == 0) {
            return Error::make("invalid byte sequence for encoding \"UTF8\": 0x00", kCharacterNotInRepertoire);
        }
        i += length;
    }
    return Done{};
}

} // namespace shardscope::engine
