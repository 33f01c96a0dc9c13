// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/columntype.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <simdjson.h>
#include <string>
#include <string_view>

namespace shardscope::snapshot {

/** A simdjson error as a sentence for the user. */
std::string describeJsonError(simdjson::error_code error);
/** "an array", "a number"...: what a JSON value is, for messages. */
std::string_view typeName(simdjson::ondemand::json_type type);

/**
 * The generic half of the snapshot reader: typed reads of On-Demand values (integers in range, strings,
 * objects with a fixed key set, arrays, equally long columns) that record the first error with the path and
 * the line and column where it happened.
 */
class JsonFieldReader
{
public:
    /** More rows than this in one column is treated as hostile input rather than a cluster. */
    static constexpr std::size_t kMaxRows = 100'000'000;
    static constexpr std::size_t npos = std::string::npos;

    /** Where a value sits, formatted only when an error is reported: nodes[3].port, shards.min[12], metadata.source. */
    struct Path
    {
        explicit Path(std::string_view p = {}, std::string_view m = {}, std::size_t i = npos, bool c = false)
            : parent(p), member(m), index(i), column(c)
        {
        }

        std::string_view parent;
        std::string_view member;
        std::size_t index = npos;
        bool column = false; ///< index applies to member (shards.min[12]) rather than parent (nodes[3].port)

        std::string str() const
        {
            std::string text(parent);
            const std::string subscript = index == npos ? std::string() : "[" + std::to_string(index) + "]";
            if (!column)
                text += subscript;
            if (!member.empty())
                text += "." + std::string(member);
            if (column)
                text += subscript;
            return text;
        }
        Path at(std::size_t i) const
        {
            Path p = *this;
            p.index = i;
            return p;
        }
        Path field(std::string_view name) const { return Path(parent, name, index, column); }
    };

protected:
    JsonFieldReader(const char* begin, std::size_t length) : m_begin(begin), m_length(length) {}

    bool fail(const Path& path, const std::string& message, const char* location = nullptr);
    bool jsonError(const Path& path, simdjson::error_code error, const char* location = nullptr);
    bool typeError(simdjson::ondemand::value& value, const Path& path, std::string_view expected,
                   simdjson::error_code error);
    std::string position(const char* location) const;

    bool integer(simdjson::ondemand::value& value, const Path& path, std::int64_t lo, std::int64_t hi,
                 std::int64_t& out);
    template <class T>
    bool integerAs(simdjson::ondemand::value& value, const Path& path, T& out)
    {
        std::int64_t v = 0;
        if (!integer(value, path, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), v))
            return false;
        out = static_cast<T>(v);
        return true;
    }
    bool text(simdjson::ondemand::value& value, const Path& path, std::string& out);
    bool optionalText(simdjson::ondemand::value& value, const Path& path, std::string& out);
    bool boolean(simdjson::ondemand::value& value, const Path& path, bool& out);
    bool columnType(simdjson::ondemand::value& value, const Path& path, engine::ColumnType& out);

    template <std::size_t N, class F>
    bool object(simdjson::ondemand::value& value, const Path& path, const std::array<std::string_view, N>& keys,
                F&& onField);
    template <class F>
    bool array(simdjson::ondemand::value& value, const Path& path, F&& onElement);
    template <class Resize, class Set>
    bool column(simdjson::ondemand::value& value, const Path& path, std::size_t& rows, Resize&& resize, Set&& set);

    const char* m_begin;
    std::size_t m_length;
    std::optional<Error> m_error;
};

template <std::size_t N, class F>
bool JsonFieldReader::object(simdjson::ondemand::value& value, const Path& path,
                             const std::array<std::string_view, N>& keys, F&& onField)
{
    static_assert(N <= 64);
    const char* location = value.raw_json_token().data();
    simdjson::ondemand::object object;
    if (const simdjson::error_code error = value.get_object().get(object))
        return typeError(value, path, "an object", error);
    std::uint64_t seen = 0;
    for (auto result : object) {
        simdjson::ondemand::field field;
        if (const simdjson::error_code error = std::move(result).get(field))
            return jsonError(path, error, location);
        std::string_view key;
        if (const simdjson::error_code error = field.unescaped_key().get(key))
            return jsonError(path, error, location);
        std::size_t index = 0;
        while (index < N && keys[index] != key)
            ++index;
        const char* here = field.value().raw_json_token().data();
        if (index == N)
            return fail(path, "unknown member \"" + std::string(key) + "\"", here);
        if (seen & (std::uint64_t(1) << index))
            return fail(path, "duplicate member \"" + std::string(key) + "\"", here);
        seen |= std::uint64_t(1) << index;
        if (!onField(index, field.value()))
            return false;
    }
    for (std::size_t index = 0; index < N; ++index) {
        if (!(seen & (std::uint64_t(1) << index)))
            return fail(path, "missing member \"" + std::string(keys[index]) + "\"", location);
    }
    return true;
}

template <class F>
bool JsonFieldReader::array(simdjson::ondemand::value& value, const Path& path, F&& onElement)
{
    const char* location = value.raw_json_token().data();
    simdjson::ondemand::array array;
    if (const simdjson::error_code error = value.get_array().get(array))
        return typeError(value, path, "an array", error);
    std::size_t count = 0;
    if (const simdjson::error_code error = array.count_elements().get(count))
        return jsonError(path, error, location);
    if (count > kMaxRows)
        return fail(path, "too many elements (" + std::to_string(count) + ")", location);
    std::size_t i = 0;
    for (auto result : array) {
        simdjson::ondemand::value element;
        if (const simdjson::error_code error = std::move(result).get(element))
            return jsonError(path.at(i), error, location);
        if (!onElement(i, element, count))
            return false;
        ++i;
    }
    return true;
}

template <class Resize, class Set>
bool JsonFieldReader::column(simdjson::ondemand::value& value, const Path& path, std::size_t& rows, Resize&& resize,
                             Set&& set)
{
    const char* location = value.raw_json_token().data();
    simdjson::ondemand::array array;
    if (const simdjson::error_code error = value.get_array().get(array))
        return typeError(value, path, "an array", error);
    std::size_t count = 0;
    if (const simdjson::error_code error = array.count_elements().get(count))
        return jsonError(path, error, location);
    if (rows == npos) {
        if (count > kMaxRows)
            return fail(path, "too many elements (" + std::to_string(count) + ")", location);
        rows = count;
        resize(count);
    } else if (count != rows) {
        return fail(path,
                    "has " + std::to_string(count) + " elements but the columns before it have " + std::to_string(rows),
                    location);
    }
    std::size_t i = 0;
    for (auto result : array) {
        simdjson::ondemand::value element;
        if (const simdjson::error_code error = std::move(result).get(element))
            return jsonError(path.at(i), error, location);
        if (!set(i, element))
            return false;
        ++i;
    }
    return true;
}

} // namespace shardscope::snapshot
