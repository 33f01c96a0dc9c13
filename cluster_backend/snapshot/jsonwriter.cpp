// SPDX-License-Identifier: MIT
#include "jsonwriter.h"

#include <charconv>

namespace shardscope::snapshot {

namespace {

/** Length of the valid UTF-8 sequence starting at text[i], or 0 when it is not valid. */
std::size_t utf8SequenceLength(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    std::uint32_t min = 0;
    std::uint32_t code = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, min = 0x80, code = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, min = 0x800, code = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, min = 0x10000, code = lead & 0x07u;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0u) != 0x80u)
            return 0;
        code = (code << 6) | (byte(i + k) & 0x3Fu);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
    if (code < min || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
        return 0;
    return length;
}

} // namespace

JsonWriter::JsonWriter(Sink sink, std::size_t chunkSize) : m_sink(std::move(sink)), m_chunkSize(chunkSize)
{
    if (m_sink)
        m_buffer.reserve(m_chunkSize + 256);
}

void JsonWriter::maybeFlush()
{
    if (!m_sink || m_buffer.size() < m_chunkSize)
        return;
    if (!m_failed && !m_sink(m_buffer))
        m_failed = true;
    m_buffer.clear();
}

void JsonWriter::raw(std::string_view text)
{
    m_buffer.append(text);
    maybeFlush();
}

void JsonWriter::raw(char c)
{
    m_buffer.push_back(c);
    maybeFlush();
}

void JsonWriter::string(std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    m_buffer.push_back('"');
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            m_buffer.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        switch (c) {
        case '"':
            m_buffer.append("\\\"");
            break;
        case '\\':
            m_buffer.append("\\\\");
            break;
        case '\n':
            m_buffer.append("\\n");
            break;
        case '\t':
            m_buffer.append("\\t");
            break;
        case '\r':
            m_buffer.append("\\r");
            break;
        default:
            if (c < 0x20) {
                m_buffer.append("\\u00");
                m_buffer.push_back(kHex[c >> 4]);
                m_buffer.push_back(kHex[c & 0xF]);
            } else if (const std::size_t length = utf8SequenceLength(text, i); length > 0) {
                m_buffer.append(text.substr(i, length));
                i += length;
                continue;
            } else {
                m_buffer.append("\xEF\xBF\xBD"); // U+FFFD for a byte that is not UTF-8
            }
        }
        ++i;
    }
    m_buffer.push_back('"');
    maybeFlush();
}

void JsonWriter::key(std::string_view name)
{
    string(name);
    m_buffer.push_back(':');
}

void JsonWriter::integer(std::int64_t value)
{
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    m_buffer.append(digits, result.ptr);
    maybeFlush();
}

void JsonWriter::boolean(bool value)
{
    raw(value ? std::string_view("true") : std::string_view("false"));
}

void JsonWriter::null()
{
    raw(std::string_view("null"));
}

bool JsonWriter::finish()
{
    if (m_sink && !m_buffer.empty()) {
        if (!m_failed && !m_sink(m_buffer))
            m_failed = true;
        m_buffer.clear();
    }
    return !m_failed;
}

} // namespace shardscope::snapshot
