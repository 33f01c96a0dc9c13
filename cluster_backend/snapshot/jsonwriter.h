// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace shardscope::snapshot {

/**
 * A minimal streaming JSON writer: values are appended to a buffer that is handed to a sink whenever it
 * grows past the chunk size, so a large document never exists in memory as a whole (no DOM). Structure
 * (commas, brackets) is written by the caller with raw(); the writer handles escaping and numbers.
 */
class JsonWriter
{
public:
    /** Receives a chunk of output; returns false when it cannot be written (the writer then stops). */
    using Sink = std::function<bool(std::string_view)>;

    /** Without a sink everything stays in the buffer; take() returns it. */
    explicit JsonWriter(Sink sink = {}, std::size_t chunkSize = std::size_t(1) << 20);

    void raw(std::string_view text);
    void raw(char c);
    /** A quoted string; invalid UTF-8 is replaced by U+FFFD, control characters are escaped. */
    void string(std::string_view text);
    /** "name": */
    void key(std::string_view name);
    void integer(std::int64_t value);
    void boolean(bool value);
    void null();

    /** Hands the rest of the buffer to the sink; false when any write failed. */
    bool finish();
    /** The buffered text (no sink mode). */
    std::string take() { return std::move(m_buffer); }

private:
    void maybeFlush();

    std::string m_buffer;
    Sink m_sink;
    std::size_t m_chunkSize;
    bool m_failed = false;
};

} // namespace shardscope::snapshot
