// SPDX-License-Identifier: MIT
#include "binarycopyparser.h"

#include <cstring>

namespace shardscope::live {

namespace {

constexpr char kSignature[] = "PGCOPY\n\377\r\n";
constexpr std::size_t kSignatureLength = 11;
constexpr std::size_t kHeaderFixedLength = kSignatureLength + 8;

std::uint32_t readU32(const char* p)
{
    const auto* b = reinterpret_cast<const unsigned char*>(p);
    return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8) | std::uint32_t(b[3]);
}

std::uint16_t readU16(const char* p)
{
    const auto* b = reinterpret_cast<const unsigned char*>(p);
    return static_cast<std::uint16_t>((b[0] << 8) | b[1]);
}

Error formatError(const std::string& what)
{
    return Error::make("The server sent a malformed binary COPY stream: " + what + ".", "shardscope.protocol");
}

} // namespace

std::int32_t BinaryRow::int4(std::size_t i, std::int32_t fallback) const
{
    const auto& f = m_fields[i];
    if (!f)
        return fallback;
    if (f->size() == 2)
        return static_cast<std::int16_t>(readU16(f->data()));
    if (f->size() != 4)
        return fallback;
    return static_cast<std::int32_t>(readU32(f->data()));
}

std::int64_t BinaryRow::int8(std::size_t i, std::int64_t fallback) const
{
    const auto& f = m_fields[i];
    if (!f)
        return fallback;
    if (f->size() == 4)
        return static_cast<std::int32_t>(readU32(f->data()));
    if (f->size() != 8)
        return fallback;
    const std::uint64_t high = readU32(f->data());
    const std::uint64_t low = readU32(f->data() + 4);
    return static_cast<std::int64_t>((high << 32) | low);
}

std::uint32_t BinaryRow::oid(std::size_t i, std::uint32_t fallback) const
{
    const auto& f = m_fields[i];
    return f && f->size() == 4 ? readU32(f->data()) : fallback;
}

bool BinaryRow::boolean(std::size_t i, bool fallback) const
{
    const auto& f = m_fields[i];
    return f && f->size() == 1 ? (*f)[0] != 0 : fallback;
}

std::string BinaryRow::text(std::size_t i, const std::string& fallback) const
{
    const auto& f = m_fields[i];
    return f ? std::string(*f) : fallback;
}

BinaryCopyParser::BinaryCopyParser(RowHandler handler, std::size_t expectedColumns)
    : m_handler(std::move(handler)), m_expectedColumns(expectedColumns)
{
}

Status BinaryCopyParser::feed(std::string_view data)
{
    std::size_t consumed = 0;
    if (m_pending.empty()) {
        // Fast path: libpq hands over whole rows, so usually nothing needs to be buffered.
        Status status = parseBuffered(data, &consumed);
        if (!status)
            return status;
        m_pending.assign(data.substr(consumed));
        return Done{};
    }
    m_pending.append(data);
    Status status = parseBuffered(m_pending, &consumed);
    m_pending.erase(0, consumed);
    return status;
}

Status BinaryCopyParser::parseBuffered(std::string_view data, std::size_t* consumed)
{
    std::size_t pos = 0;
    if (!m_headerSeen) {
        if (data.size() < kHeaderFixedLength)
            return Done{};
        if (std::memcmp(data.data(), kSignature, kSignatureLength) != 0)
            return formatError("missing PGCOPY signature");
        const std::uint32_t extension = readU32(data.data() + kSignatureLength + 4);
        if (data.size() < kHeaderFixedLength + extension)
            return Done{};
        pos = kHeaderFixedLength + extension;
        m_headerSeen = true;
    }
    while (pos + 2 <= data.size()) {
        if (m_trailerSeen)
            return formatError("data after the trailer");
        const auto count = static_cast<std::int16_t>(readU16(data.data() + pos));
        if (count == -1) {
            m_trailerSeen = true;
            pos += 2;
            continue;
        }
        if (count < 0)
            return formatError("negative field count");
        if (m_expectedColumns && static_cast<std::size_t>(count) != m_expectedColumns)
            return formatError("expected " + std::to_string(m_expectedColumns) + " columns, got " +
                               std::to_string(count));
        std::size_t cursor = pos + 2;
        m_row.m_fields.clear();
        bool complete = true;
        for (int f = 0; f < count; ++f) {
            if (cursor + 4 > data.size()) {
                complete = false;
                break;
            }
            const auto length = static_cast<std::int32_t>(readU32(data.data() + cursor));
            cursor += 4;
            if (length < 0) {
                m_row.m_fields.emplace_back(std::nullopt);
                continue;
            }
            if (cursor + static_cast<std::size_t>(length) > data.size()) {
                complete = false;
                break;
            }
            m_row.m_fields.emplace_back(data.substr(cursor, static_cast<std::size_t>(length)));
            cursor += static_cast<std::size_t>(length);
        }
        if (!complete)
            break;
        ++m_rows;
        Status status = m_handler(m_row);
        if (!status)
            return status;
        pos = cursor;
    }
    *consumed = pos;
    return Done{};
}

Status BinaryCopyParser::finish() const
{
    if (!m_headerSeen || !m_trailerSeen || !m_pending.empty())
        return formatError("the stream ended early");
    return Done{};
}

} // namespace shardscope::live
