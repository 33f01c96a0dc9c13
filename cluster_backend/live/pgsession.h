// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "binarycopyparser.h"
#include "connectionoptions.h"
#include "queryresult.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

struct pg_conn;
struct pg_cancel;

namespace shardscope::live {

/** Facts about the open connection, for the status bar. */
struct ConnectionFacts
{
    std::string host;
    std::string port;
    std::string user;
    std::string database;
    std::string serverVersion; ///< server_version as the server reports it ("15.20 (Debian ...)")
    int serverVersionNumber = 0;
    bool encrypted = false;
    std::string sslProtocol; ///< "TLSv1.3"
    std::string sslCipher;   ///< "TLS_AES_256_GCM_SHA384"

    bool operator==(const ConnectionFacts&) const = default;
};

/**
 * One libpq connection. Not thread-safe: it belongs to the thread that runs it (the connection worker, or
 * the caller of loadClusterState); only cancel() may be called from elsewhere.
 */
class PgSession
{
public:
    explicit PgSession(ConnectionOptions options);
    ~PgSession();
    PgSession(const PgSession&) = delete;
    PgSession& operator=(const PgSession&) = delete;

    /**
     * Connects without blocking libpq, polling the socket under our own deadline (connectTimeout per host).
     * abort (optional) stops the attempt from another thread.
     */
    Status connect(const std::atomic<bool>* abort = nullptr);
    bool isConnected() const;
    /** Closes the connection (nothing happens if there is none). */
    void disconnect();
    const ConnectionOptions& options() const { return m_options; }
    const ConnectionFacts& facts() const { return m_facts; }
    /** The error of the last failed connect, or the reason the connection was lost. */
    const Error& lastError() const { return m_lastError; }

    /** Runs one statement with text parameters (PQexecParams) and returns all rows. */
    Result<QueryResult> exec(const std::string& sql, const std::vector<std::optional<std::string>>& parameters = {});
    Result<QueryResult> exec(const Statement& statement) { return exec(statement.sql, statement.parameters); }
    /** Runs "COPY (query) TO STDOUT (FORMAT binary)" and streams its rows to the handler. */
    Result<std::int64_t> copyOut(const std::string& query, std::size_t columns, BinaryCopyParser::RowHandler handler);

    /** Asks the server to cancel the running statement; safe from any thread, returns at once. */
    void cancel();

    /** PQescapeIdentifier: an identifier quoted for this connection's encoding. */
    Result<std::string> quoteIdentifier(std::string_view identifier) const;
    /** PQescapeLiteral: a literal for statements shown to the user (never for execution). */
    Result<std::string> quoteLiteral(std::string_view literal) const;

    /** Raw handle for the few callers that need libpq directly (the catalog reader). */
    pg_conn* handle() const { return m_conn; }

private:
    void collectFacts();
    Error lostOrFailed(const std::string& statement);
    static void onNotice(void* self, const char* message);

    ConnectionOptions m_options;
    pg_conn* m_conn = nullptr;
    ConnectionFacts m_facts;
    Error m_lastError;
    std::vector<std::string> m_notices;
    mutable std::mutex m_cancelMutex;
    std::shared_ptr<pg_cancel> m_cancel;
};

} // namespace shardscope::live
