// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shardscope::live {

/** One row of a binary COPY stream; the views point into the parser's buffer and live until the callback returns. */
class BinaryRow
{
public:
    std::size_t size() const { return m_fields.size(); }
    bool isNull(std::size_t i) const { return !m_fields[i].has_value(); }
    std::optional<std::string_view> field(std::size_t i) const { return m_fields[i]; }

    /** Network-order decoders for the binary send formats of int2/int4/int8/oid/bool/text ("char" as text). */
    std::int32_t int4(std::size_t i, std::int32_t fallback = 0) const;
    std::int64_t int8(std::size_t i, std::int64_t fallback = 0) const;
    std::uint32_t oid(std::size_t i, std::uint32_t fallback = 0) const;
    bool boolean(std::size_t i, bool fallback = false) const;
    std::string text(std::size_t i, const std::string& fallback = {}) const;

private:
    friend class BinaryCopyParser;
    std::vector<std::optional<std::string_view>> m_fields;
};

/**
 * Incremental parser of PostgreSQL's binary COPY format (header, tuples, trailer). Data may arrive in any
 * chunking; each complete row goes to the callback, which may stop the stream by returning an Error.
 */
class BinaryCopyParser
{
public:
    using RowHandler = std::function<Status(const BinaryRow&)>;

    explicit BinaryCopyParser(RowHandler handler, std::size_t expectedColumns = 0);

    Status feed(std::string_view data);
    /** The stream ended: an Error unless the header and the trailer were seen. */
    Status finish() const;
    std::int64_t rowCount() const { return m_rows; }

private:
    Status parseBuffered(std::string_view data, std::size_t* consumed);

    RowHandler m_handler;
    std::size_t m_expectedColumns = 0;
    std::string m_pending;
    BinaryRow m_row;
    bool m_headerSeen = false;
    bool m_trailerSeen = false;
    std::int64_t m_rows = 0;
};

} // namespace shardscope::live
