// SPDX-License-Identifier: MIT
#include "pgnumeric.h"

#include "pghash.h"
#include "valueparse.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <string>

namespace shardscope::engine {

namespace {

constexpr int kDecDigits = 4;            // decimal digits per base-10000 group
constexpr int kMaxDisplayScale = 0x3FFF; // NUMERIC_DSCALE_MASK
constexpr int kMinWeight = -32768;       // weights are stored as int16
constexpr int kMaxWeight = 32767;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

Error overflow()
{
    return Error::make("value overflows numeric format", "22003");
}

bool startsWithNoCase(std::string_view text, std::string_view word)
{
    if (text.size() < word.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = text[i];
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
        if (lower != word[i])
            return false;
    }
    return true;
}

// set_var_from_str: reads sign, digits, point and exponent starting at pos; returns the position after them.
Result<std::size_t> parseFinite(std::string_view text, std::size_t pos, PgNumeric& out)
{
    const auto at = [&](std::size_t i) { return i < text.size() ? text[i] : '\0'; };
    if (at(pos) == '+') {
        ++pos;
    } else if (at(pos) == '-') {
        out.negative = true;
        ++pos;
    }
    bool havePoint = false;
    if (at(pos) == '.') {
        havePoint = true;
        ++pos;
    }
    if (!isDigit(at(pos)))
        return invalidSyntax("numeric", text);

    std::vector<std::int8_t> decimals(kDecDigits, 0); // leading padding for group alignment
    long decimalWeight = -1;
    long displayScale = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (isDigit(c)) {
            decimals.push_back(static_cast<std::int8_t>(c - '0'));
            ++pos;
            if (!havePoint)
                ++decimalWeight;
            else
                ++displayScale;
        } else if (c == '.') {
            if (havePoint)
                return invalidSyntax("numeric", text);
            havePoint = true;
            ++pos;
        } else {
            break;
        }
    }
    const long digitCount = static_cast<long>(decimals.size()) - kDecDigits;
    decimals.insert(decimals.end(), kDecDigits - 1, 0); // trailing padding

    if (at(pos) == 'e' || at(pos) == 'E') {
        ++pos;
        // strtol, as the server uses it, also skips blanks after the 'e'.
        const std::string rest(text.substr(pos));
        char* end = nullptr;
        errno = 0;
        const long exponent = std::strtol(rest.c_str(), &end, 10);
        if (end == rest.c_str())
            return invalidSyntax("numeric", text);
        pos += static_cast<std::size_t>(end - rest.c_str());
        if (exponent >= INT_MAX / 2 || exponent <= -(INT_MAX / 2))
            return overflow();
        decimalWeight += exponent;
        displayScale -= exponent;
        if (displayScale < 0)
            displayScale = 0;
    }

    const long weight =
        decimalWeight >= 0 ? (decimalWeight + kDecDigits) / kDecDigits - 1 : -((-decimalWeight - 1) / kDecDigits + 1);
    const long offset = (weight + 1) * kDecDigits - (decimalWeight + 1);
    long groups = (digitCount + offset + kDecDigits - 1) / kDecDigits;
    std::size_t i = static_cast<std::size_t>(kDecDigits - offset);
    std::vector<std::int16_t> digits;
    digits.reserve(static_cast<std::size_t>(groups));
    while (groups-- > 0) {
        digits.push_back(static_cast<std::int16_t>(((decimals[i] * 10 + decimals[i + 1]) * 10 + decimals[i + 2]) * 10 +
                                                   decimals[i + 3]));
        i += kDecDigits;
    }

    // strip_var: drop zero groups at both ends; zero has weight 0 and no sign.
    std::size_t first = 0;
    long strippedWeight = weight;
    while (first < digits.size() && digits[first] == 0) {
        ++first;
        --strippedWeight;
    }
    std::size_t last = digits.size();
    while (last > first && digits[last - 1] == 0)
        --last;
    out.digits.assign(digits.begin() + static_cast<std::ptrdiff_t>(first),
                      digits.begin() + static_cast<std::ptrdiff_t>(last));
    if (out.digits.empty()) {
        strippedWeight = 0;
        out.negative = false;
    }
    // make_result: weight and display scale must fit the on-disk header.
    if (strippedWeight < kMinWeight || strippedWeight > kMaxWeight || displayScale > kMaxDisplayScale)
        return overflow();
    out.weight = static_cast<int>(strippedWeight);
    out.displayScale = static_cast<int>(displayScale);
    return pos;
}

} // namespace

Result<PgNumeric> parseNumeric(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size() && isPgSpace(text[pos]))
        ++pos;
    const std::string_view rest = text.substr(pos);
    PgNumeric value;
    // The same special spellings float8in accepts, tested in this order.
    struct Special
    {
        std::string_view word;
        PgNumeric::Kind kind;
    };
    static constexpr Special kSpecials[] = {
        {"nan", PgNumeric::Kind::NaN},
        {"infinity", PgNumeric::Kind::PlusInfinity},
        {"+infinity", PgNumeric::Kind::PlusInfinity},
        {"-infinity", PgNumeric::Kind::MinusInfinity},
        {"inf", PgNumeric::Kind::PlusInfinity},
        {"+inf", PgNumeric::Kind::PlusInfinity},
        {"-inf", PgNumeric::Kind::MinusInfinity},
    };
    bool special = false;
    for (const Special& candidate : kSpecials) {
        if (startsWithNoCase(rest, candidate.word)) {
            value.kind = candidate.kind;
            pos += candidate.word.size();
            special = true;
            break;
        }
    }
    if (!special) {
        auto end = parseFinite(text, pos, value);
        if (!end)
            return end.error();
        pos = *end;
    }
    while (pos < text.size()) {
        if (!isPgSpace(text[pos]))
            return invalidSyntax("numeric", text);
        ++pos;
    }
    return value;
}

std::int32_t hashNumeric(const PgNumeric& value)
{
    if (value.kind != PgNumeric::Kind::Finite)
        return 0;
    if (value.digits.empty())
        return -1;
    // The digit groups are hashed as the little-endian int16 array the server stores.
    std::vector<unsigned char> bytes;
    bytes.reserve(value.digits.size() * 2);
    for (const std::int16_t digit : value.digits) {
        const auto u = static_cast<std::uint16_t>(digit);
        bytes.push_back(static_cast<unsigned char>(u & 0xff));
        bytes.push_back(static_cast<unsigned char>(u >> 8));
    }
    const std::uint32_t hash = hashBytes(bytes.data(), bytes.size()) ^ static_cast<std::uint32_t>(value.weight);
    return static_cast<std::int32_t>(hash);
}

} // namespace shardscope::engine
