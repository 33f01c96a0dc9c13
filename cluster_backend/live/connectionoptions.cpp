// SPDX-License-Identifier: MIT
#include "connectionoptions.h"

#include <algorithm>
#include <charconv>
#include <libpq-fe.h>
#include <memory>

namespace shardscope::live {

namespace {

constexpr auto kDefaultTimeout = std::chrono::seconds(10);
constexpr auto kMinimumTimeout = std::chrono::seconds(2);

struct OptionsDeleter
{
    void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};
using OptionsPtr = std::unique_ptr<PQconninfoOption, OptionsDeleter>;

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace

Result<ConnectionOptions> ConnectionOptions::parse(const std::string& conninfo)
{
    char* error = nullptr;
    OptionsPtr options(PQconninfoParse(conninfo.c_str(), &error));
    if (!options) {
        std::string message = error ? trimmed(error) : std::string("out of memory");
        PQfreemem(error);
        return Error{"The connection string is not valid: " + message,
                     "shardscope.invalid_conninfo",
                     {},
                     "Use a postgresql:// URI or key=value pairs such as \"host=db1 port=5432 dbname=app\".",
                     {}};
    }
    ConnectionOptions result;
    for (const PQconninfoOption* option = options.get(); option->keyword; ++option) {
        if (option->val)
            result.m_parameters.push_back({option->keyword, option->val});
    }
    return result;
}

std::optional<std::string> ConnectionOptions::value(std::string_view keyword) const
{
    const auto it = std::find_if(m_parameters.begin(), m_parameters.end(),
                                 [&](const ConnectionParameter& p) { return p.keyword == keyword; });
    if (it == m_parameters.end())
        return std::nullopt;
    return it->value;
}

std::string ConnectionOptions::effectiveValue(std::string_view keyword) const
{
    if (auto explicitValue = value(keyword))
        return *explicitValue;
    OptionsPtr defaults(PQconndefaults());
    if (!defaults)
        return {};
    for (const PQconninfoOption* option = defaults.get(); option->keyword; ++option) {
        if (keyword == option->keyword)
            return option->val ? option->val : std::string();
    }
    return {};
}

ConnectionOptions ConnectionOptions::with(std::string_view keyword, std::string newValue) const
{
    ConnectionOptions copy = *this;
    for (ConnectionParameter& p : copy.m_parameters) {
        if (p.keyword == keyword) {
            p.value = std::move(newValue);
            return copy;
        }
    }
    copy.m_parameters.push_back({std::string(keyword), std::move(newValue)});
    return copy;
}

ConnectionOptions ConnectionOptions::without(std::string_view keyword) const
{
    ConnectionOptions copy = *this;
    std::erase_if(copy.m_parameters, [&](const ConnectionParameter& p) { return p.keyword == keyword; });
    return copy;
}

std::string quoteConninfoValue(std::string_view value)
{
    const bool plain = !value.empty() && std::none_of(value.begin(), value.end(), [](char c) {
        return c == ' ' || c == '\'' || c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '=';
    });
    if (plain)
        return std::string(value);
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    quoted += '\'';
    return quoted;
}

std::string ConnectionOptions::toConninfo() const
{
    std::string text;
    for (const ConnectionParameter& p : m_parameters) {
        if (!text.empty())
            text += ' ';
        text += p.keyword + '=' + quoteConninfoValue(p.value);
    }
    return text;
}

std::string ConnectionOptions::toDisplayConninfo() const
{
    return without("password").toConninfo();
}

std::string ConnectionOptions::displayName() const
{
    std::string host = effectiveValue("host");
    if (host.empty())
        host = effectiveValue("hostaddr");
    if (host.empty() || host.front() == '/')
        host = host.empty() ? std::string("local socket") : "socket " + host;
    std::string text = effectiveValue("user") + '@' + host;
    const std::string port = effectiveValue("port");
    if (!port.empty())
        text += ':' + port;
    const std::string database = effectiveValue("dbname");
    if (!database.empty())
        text += '/' + database;
    if (auto service = value("service"))
        text += " (service " + *service + ')';
    return text;
}

std::chrono::milliseconds ConnectionOptions::connectTimeout() const
{
    const auto text = value("connect_timeout");
    if (!text)
        return kDefaultTimeout;
    int seconds = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), seconds);
    if (ec != std::errc() || end != text->data() + text->size() || seconds <= 0)
        return kDefaultTimeout;
    return std::max<std::chrono::milliseconds>(std::chrono::seconds(seconds), kMinimumTimeout);
}

int ConnectionOptions::hostCount() const
{
    auto hosts = value("host");
    if (!hosts)
        hosts = value("hostaddr");
    if (!hosts)
        return 1;
    return 1 + static_cast<int>(std::count(hosts->begin(), hosts->end(), ','));
}

std::vector<ConnectionParameter> ConnectionOptions::connectParameters() const
{
    std::vector<ConnectionParameter> result = m_parameters;
    if (!value("application_name"))
        result.push_back({"application_name", "ShardScope"});
    return result;
}

} // namespace shardscope::live
