// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shardscope::live {

/** One keyword=value pair of a libpq connection string. */
struct ConnectionParameter
{
    std::string keyword;
    std::string value;

    bool operator==(const ConnectionParameter&) const = default;
};

/**
 * What a user typed to reach a server, as libpq understands it: a postgresql:// URI or a key=value
 * string, parsed by libpq itself (PQconninfoParse), so every libpq feature works (several hosts, service=,
 * PG* environment variables and ~/.pgpass, which libpq resolves when connecting).
 */
class ConnectionOptions
{
public:
    ConnectionOptions() = default;

    /** Parses a URI or key=value string; the Error carries libpq's own message. */
    static Result<ConnectionOptions> parse(const std::string& conninfo);

    /** The parameters given explicitly, in libpq's keyword order. */
    const std::vector<ConnectionParameter>& parameters() const { return m_parameters; }
    std::optional<std::string> value(std::string_view keyword) const;
    /** The value libpq would use: explicit, else from the environment (PGHOST, ...) or the built-in default. */
    std::string effectiveValue(std::string_view keyword) const;

    ConnectionOptions with(std::string_view keyword, std::string value) const;
    ConnectionOptions without(std::string_view keyword) const;

    /** A key=value string libpq parses back to the same parameters (values quoted as libpq expects). */
    std::string toConninfo() const;
    /** The same without the password, for messages and logs. */
    std::string toDisplayConninfo() const;
    /** "user@host:port/dbname" with effective values; several hosts are joined by commas. */
    std::string displayName() const;

    /** Our own connect deadline (libpq ignores connect_timeout in non-blocking connects): per host, min 2 s. */
    std::chrono::milliseconds connectTimeout() const;
    /** Number of hosts listed (at least 1). */
    int hostCount() const;

    /** Keywords and values for PQconnectStartParams, with application_name=ShardScope unless set. */
    std::vector<ConnectionParameter> connectParameters() const;

    bool operator==(const ConnectionOptions&) const = default;

private:
    std::vector<ConnectionParameter> m_parameters;
};

/** Quotes a value for a key=value connection string when it needs it. */
std::string quoteConninfoValue(std::string_view value);

} // namespace shardscope::live
