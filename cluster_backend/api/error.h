// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace shardscope {

/** A failure as the user should see it: never an exception across a boundary. */
struct Error
{
    std::string message;   ///< one sentence, user-facing (Citus's wording where Citus has one)
    std::string code;      ///< SQLSTATE from the server, or a local code such as "shardscope.invalid_value"
    std::string detail;    ///< optional
    std::string hint;      ///< optional: what to do about it
    std::string statement; ///< optional: the SQL involved

    static Error make(std::string message, std::string code = "shardscope.error", std::string hint = {})
    {
        return Error{std::move(message), std::move(code), {}, std::move(hint), {}};
    }
};

/** A value or an Error. */
template <class T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) {}     // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::move(error)) {} // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(m_data); }
    T& value() & { return std::get<T>(m_data); }
    T&& value() && { return std::get<T>(std::move(m_data)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const Error& error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/** Result of an operation that produces no value. */
struct Done
{
};
using Status = Result<Done>;

} // namespace shardscope
