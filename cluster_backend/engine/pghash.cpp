// SPDX-License-Identifier: MIT
#include "pghash.h"

#include "pgdatetime.h"
#include "pgnumeric.h"
#include "valueparse.h"

namespace shardscope::engine {

namespace {

constexpr void hashMix(std::uint32_t& a, std::uint32_t& b, std::uint32_t& c)
{
    using detail::rotl;
    a -= c;
    a ^= rotl(c, 4);
    c += b;
    b -= a;
    b ^= rotl(a, 6);
    a += c;
    c -= b;
    c ^= rotl(b, 8);
    b += a;
    a -= c;
    a ^= rotl(c, 16);
    c += b;
    b -= a;
    b ^= rotl(a, 19);
    a += c;
    c -= b;
    c ^= rotl(b, 4);
    b += a;
}

// Little-endian assembly of up to four bytes; missing high bytes are zero.
std::uint32_t littleEndian(const unsigned char* p, std::size_t n)
{
    std::uint32_t value = 0;
    for (std::size_t i = n; i > 0; --i)
        value = (value << 8) | p[i - 1];
    return value;
}

} // namespace

std::uint32_t hashBytes(const unsigned char* data, std::size_t len)
{
    std::uint32_t a = 0x9e3779b9U + static_cast<std::uint32_t>(len) + 3923095U;
    std::uint32_t b = a;
    std::uint32_t c = a;
    std::size_t left = len;
    const unsigned char* k = data;
    while (left >= 12) {
        a += littleEndian(k, 4);
        b += littleEndian(k + 4, 4);
        c += littleEndian(k + 8, 4);
        hashMix(a, b, c);
        k += 12;
        left -= 12;
    }
    a += littleEndian(k, left < 4 ? left : 4);
    if (left > 4)
        b += littleEndian(k + 4, left < 8 ? left - 4 : 4);
    if (left > 8)
        c += littleEndian(k + 8, left - 8) << 8; // the low byte of c is reserved for the length
    detail::hashFinal(a, b, c);
    return c;
}

std::int32_t hashText(std::string_view utf8)
{
    return static_cast<std::int32_t>(hashBytes(reinterpret_cast<const unsigned char*>(utf8.data()), utf8.size()));
}

std::int32_t hashBpchar(std::string_view utf8)
{
    while (!utf8.empty() && utf8.back() == ' ')
        utf8.remove_suffix(1);
    return hashText(utf8);
}

Result<std::int32_t> hashValue(ColumnType type, std::string_view text)
{
    switch (type) {
    case ColumnType::Int2: {
        auto value = parseInt2(text);
        return value ? Result<std::int32_t>(hashInt4(*value)) : Result<std::int32_t>(value.error());
    }
    case ColumnType::Int4: {
        auto value = parseInt4(text);
        return value ? Result<std::int32_t>(hashInt4(*value)) : Result<std::int32_t>(value.error());
    }
    case ColumnType::Int8: {
        auto value = parseInt8(text);
        return value ? Result<std::int32_t>(hashInt8(*value)) : Result<std::int32_t>(value.error());
    }
    case ColumnType::Oid: {
        auto value = parseOid(text);
        return value ? Result<std::int32_t>(static_cast<std::int32_t>(hashUint32(*value)))
                     : Result<std::int32_t>(value.error());
    }
    case ColumnType::Bool: {
        auto value = parseBool(text);
        return value ? Result<std::int32_t>(hashBool(*value)) : Result<std::int32_t>(value.error());
    }
    case ColumnType::Text:
    case ColumnType::Varchar:
    case ColumnType::Bpchar: {
        if (auto valid = validateUtf8(text); !valid)
            return valid.error();
        return type == ColumnType::Bpchar ? hashBpchar(text) : hashText(text);
    }
    case ColumnType::Uuid: {
        auto value = parseUuid(text);
        if (!value)
            return value.error();
        return static_cast<std::int32_t>(hashBytes(value->data(), value->size()));
    }
    case ColumnType::Date: {
        auto value = parseDate(text);
        return value ? Result<std::int32_t>(hashInt4(*value)) : Result<std::int32_t>(value.error());
    }
    case ColumnType::Timestamp:
    case ColumnType::Timestamptz: {
        auto value = parseTimestamp(text, type == ColumnType::Timestamptz);
        return value ? Result<std::int32_t>(hashInt8(*value)) : Result<std::int32_t>(value.error());
    }
    case ColumnType::Numeric: {
        auto value = parseNumeric(text);
        return value ? Result<std::int32_t>(hashNumeric(*value)) : Result<std::int32_t>(value.error());
    }
    case ColumnType::None:
        break;
    }
    return Error::make("a table without a distribution column has no hash", "shardscope.invalid_type");
}

} // namespace shardscope::engine
