// SPDX-License-Identifier: MIT
#include "jsonfieldreader.h"

#include "statenames.h"

namespace shardscope::snapshot {

using namespace simdjson;
using namespace engine;

std::string_view typeName(ondemand::json_type type)
{
    switch (type) {
    case ondemand::json_type::array:
        return "an array";
    case ondemand::json_type::object:
        return "an object";
    case ondemand::json_type::number:
        return "a number";
    case ondemand::json_type::string:
        return "a string";
    case ondemand::json_type::boolean:
        return "true or false";
    case ondemand::json_type::null:
        return "null";
    }
    return "an unknown value";
}

std::string describeJsonError(error_code error)
{
    switch (error) {
    case TAPE_ERROR:
    case INCOMPLETE_ARRAY_OR_OBJECT:
        return "not valid JSON: truncated or malformed (an object or array is not closed properly)";
    case UNCLOSED_STRING:
        return "not valid JSON: truncated or malformed (a string is not closed)";
    case UTF8_ERROR:
        return "the file is not valid UTF-8";
    case UNESCAPED_CHARS:
        return "a string contains an unescaped control character";
    case STRING_ERROR:
        return "a string has an invalid escape sequence";
    case EMPTY:
        return "the file is empty";
    case DEPTH_ERROR:
        return "the JSON is nested too deeply";
    case T_ATOM_ERROR:
    case F_ATOM_ERROR:
    case N_ATOM_ERROR:
        return "the JSON has an invalid literal (expected true, false or null)";
    case NUMBER_ERROR:
        return "the JSON has an invalid number";
    case CAPACITY:
        return "the file is too large";
    case MEMALLOC:
        return "not enough memory to read the file";
    default:
        return std::string("the JSON is malformed (") + error_message(error) + ")";
    }
}

bool JsonFieldReader::fail(const Path& path, const std::string& message, const char* location)
{
    if (!m_error) {
        const std::string where = path.parent.empty() ? std::string() : path.str() + ": ";
        m_error =
            Error::make("invalid snapshot: " + where + message + position(location), "shardscope.snapshot_invalid");
    }
    return false;
}

bool JsonFieldReader::jsonError(const Path& path, error_code error, const char* location)
{
    return fail(path, describeJsonError(error), location);
}

std::string JsonFieldReader::position(const char* location) const
{
    if (!location || location < m_begin || location > m_begin + m_length)
        return {};
    const std::string_view before(m_begin, static_cast<std::size_t>(location - m_begin));
    std::size_t line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i] == '\n')
            ++line, lineStart = i + 1;
    }
    return " (line " + std::to_string(line) + ", column " + std::to_string(before.size() - lineStart + 1) + ")";
}

bool JsonFieldReader::typeError(ondemand::value& value, const Path& path, std::string_view expected, error_code error)
{
    const char* location = value.raw_json_token().data();
    if (error != INCORRECT_TYPE && error != NUMBER_OUT_OF_RANGE && error != NUMBER_ERROR)
        return jsonError(path, error, location); // e.g. a bad escape inside a string
    ondemand::json_type type{};
    if (const error_code typeError = value.type().get(type))
        return jsonError(path, typeError, location);
    if (type == ondemand::json_type::number) {
        std::string_view token = value.raw_json_token();
        while (!token.empty() &&
               (token.back() == ' ' || token.back() == '\n' || token.back() == '\t' || token.back() == '\r'))
            token.remove_suffix(1);
        const std::string shown = std::string(token.substr(0, 40));
        const bool digitsOnly = !token.empty() && token.find_first_not_of("-0123456789") == std::string_view::npos;
        if (error == NUMBER_OUT_OF_RANGE || (digitsOnly && expected == "an integer"))
            return fail(path, "the number " + shown + " does not fit in a 64-bit integer", location);
        if (error == NUMBER_ERROR)
            return fail(path, shown + " is not a valid number", location);
        return fail(path, "expected " + std::string(expected) + ", found the number " + shown, location);
    }
    return fail(path, "expected " + std::string(expected) + ", found " + std::string(typeName(type)), location);
}

bool JsonFieldReader::integer(ondemand::value& value, const Path& path, std::int64_t lo, std::int64_t hi,
                              std::int64_t& out)
{
    if (const error_code error = value.get_int64().get(out))
        return typeError(value, path, "an integer", error);
    if (out < lo || out > hi)
        return fail(path,
                    "the value " + std::to_string(out) + " is out of range (" + std::to_string(lo) + " to " +
                        std::to_string(hi) + ")",
                    value.raw_json_token().data());
    return true;
}

bool JsonFieldReader::text(ondemand::value& value, const Path& path, std::string& out)
{
    std::string_view view;
    if (const error_code error = value.get_string().get(view))
        return typeError(value, path, "a string", error);
    out.assign(view);
    return true;
}

bool JsonFieldReader::optionalText(ondemand::value& value, const Path& path, std::string& out)
{
    bool isNull = false;
    if (value.is_null().get(isNull) == SUCCESS && isNull) {
        out.clear();
        return true;
    }
    return text(value, path, out);
}

bool JsonFieldReader::boolean(ondemand::value& value, const Path& path, bool& out)
{
    if (const error_code error = value.get_bool().get(out))
        return typeError(value, path, "true or false", error);
    return true;
}

bool JsonFieldReader::columnType(ondemand::value& value, const Path& path, ColumnType& out)
{
    std::string name;
    if (!optionalText(value, path, name))
        return false;
    if (name.empty()) {
        out = ColumnType::None;
        return true;
    }
    const auto type = canonicalColumnType(name);
    if (!type || *type == ColumnType::None)
        return fail(path, "unknown column type \"" + name + "\"");
    out = *type;
    return true;
}

} // namespace shardscope::snapshot
