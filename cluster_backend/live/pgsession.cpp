// SPDX-License-Identifier: MIT
#include "pgsession.h"

#include "pgerrors.h"

#include <chrono>
#include <cstdlib>
#include <libpq-fe.h>
#include <poll.h>
#include <thread>

namespace shardscope::live {

namespace {

using Clock = std::chrono::steady_clock;

struct ResultDeleter
{
    void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// Waits for the socket in slices so an abort request is seen quickly.
bool waitSocket(int socket, bool forWrite, Clock::time_point deadline, const std::atomic<bool>* abort)
{
    constexpr int kSliceMs = 50;
    for (;;) {
        if (abort && abort->load())
            return false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0)
            return false;
        pollfd fd{socket, static_cast<short>(forWrite ? POLLOUT : POLLIN), 0};
        const int ready = ::poll(&fd, 1, static_cast<int>(std::min<long long>(left, kSliceMs)));
        if (ready > 0)
            return true;
        if (ready < 0 && errno != EINTR)
            return false;
    }
}

std::string text(const char* value)
{
    return value ? value : std::string();
}

} // namespace

PgSession::PgSession(ConnectionOptions options) : m_options(std::move(options)) {}

PgSession::~PgSession()
{
    disconnect();
}

Status PgSession::connect(const std::atomic<bool>* abort)
{
    disconnect();
    std::vector<ConnectionParameter> parameters = m_options.connectParameters();
    // Keepalives let the kernel notice a dead peer instead of a statement waiting forever.
    for (const char* keyword : {"keepalives_idle", "keepalives_interval", "keepalives_count"}) {
        if (!m_options.value(keyword))
            parameters.push_back({keyword, std::string(keyword) == "keepalives_count" ? "3" : "10"});
    }
    std::vector<const char*> keywords;
    std::vector<const char*> values;
    for (const ConnectionParameter& p : parameters) {
        keywords.push_back(p.keyword.c_str());
        values.push_back(p.value.c_str());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);

    const std::string target = m_options.displayName();
    m_conn = PQconnectStartParams(keywords.data(), values.data(), 0);
    if (!m_conn) {
        m_lastError = Error::make("Out of memory while connecting.", codes::kUnreachable);
        return m_lastError;
    }
    const auto deadline = Clock::now() + m_options.connectTimeout() * m_options.hostCount();
    PostgresPollingStatusType state = PGRES_POLLING_WRITING;
    while (PQstatus(m_conn) != CONNECTION_BAD && state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED) {
        if (!waitSocket(PQsocket(m_conn), state == PGRES_POLLING_WRITING, deadline, abort)) {
            const bool aborted = abort && abort->load();
            disconnect();
            m_lastError = aborted ? Error::make("Connecting to " + target + " was cancelled.", codes::kCancelled)
                                  : Error{"The server " + target + " did not answer within " +
                                              std::to_string(m_options.connectTimeout().count() / 1000) + " s.",
                                          codes::kTimeout,
                                          {},
                                          "Check host, port and firewall, or raise the connect timeout.",
                                          {}};
            return m_lastError;
        }
        state = PQconnectPoll(m_conn);
    }
    if (PQstatus(m_conn) != CONNECTION_OK) {
        m_lastError = connectionError(PQerrorMessage(m_conn), target);
        disconnect();
        return m_lastError;
    }
    PQsetNoticeProcessor(m_conn, &PgSession::onNotice, this);
    {
        std::lock_guard lock(m_cancelMutex);
        m_cancel = std::shared_ptr<pg_cancel>(PQgetCancel(m_conn), [](PGcancel* c) { PQfreeCancel(c); });
    }
    collectFacts();
    m_lastError = {};
    return Done{};
}

void PgSession::collectFacts()
{
    m_facts = {};
    m_facts.host = text(PQhost(m_conn));
    m_facts.port = text(PQport(m_conn));
    m_facts.user = text(PQuser(m_conn));
    m_facts.database = text(PQdb(m_conn));
    m_facts.serverVersion = text(PQparameterStatus(m_conn, "server_version"));
    m_facts.serverVersionNumber = PQserverVersion(m_conn);
    m_facts.encrypted = PQsslInUse(m_conn) != 0;
    if (m_facts.encrypted) {
        m_facts.sslProtocol = text(PQsslAttribute(m_conn, "protocol"));
        m_facts.sslCipher = text(PQsslAttribute(m_conn, "cipher"));
    }
}

bool PgSession::isConnected() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

void PgSession::disconnect()
{
    {
        std::lock_guard lock(m_cancelMutex);
        m_cancel.reset();
    }
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
}

void PgSession::onNotice(void* self, const char* message)
{
    std::string line = text(message);
    while (!line.empty() && line.back() == '\n')
        line.pop_back();
    static_cast<PgSession*>(self)->m_notices.push_back(std::move(line));
}

Error PgSession::lostOrFailed(const std::string& statement)
{
    if (m_conn && PQstatus(m_conn) == CONNECTION_OK)
        return Error{"The statement failed: " + text(PQerrorMessage(m_conn)), codes::kProtocol, {}, {}, statement};
    Error error{"The connection to " + m_options.displayName() + " was lost.", codes::kConnectionLost,
                m_conn ? text(PQerrorMessage(m_conn)) : std::string(),
                "ShardScope reconnects on the next request; refresh to see the cluster's current state.", statement};
    m_lastError = error;
    return error;
}

Result<QueryResult> PgSession::exec(const std::string& sql, const std::vector<std::optional<std::string>>& parameters)
{
    if (!isConnected())
        return m_lastError.message.empty() ? lostOrFailed(sql) : m_lastError;
    std::vector<const char*> values;
    values.reserve(parameters.size());
    for (const auto& p : parameters)
        values.push_back(p ? p->c_str() : nullptr);
    m_notices.clear();
    ResultPtr result(PQexecParams(m_conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                                  nullptr, 0));
    if (!result)
        return lostOrFailed(sql);
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        if (status == PGRES_FATAL_ERROR && PQresultErrorField(result.get(), PG_DIAG_SQLSTATE))
            return statementError(result.get(), PQerrorMessage(m_conn), sql);
        return lostOrFailed(sql);
    }
    QueryResult out;
    const int columns = PQnfields(result.get());
    const int rows = PQntuples(result.get());
    for (int c = 0; c < columns; ++c)
        out.columns.emplace_back(PQfname(result.get(), c));
    out.rows.resize(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
        auto& row = out.rows[static_cast<std::size_t>(r)];
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result.get(), r, c))
                row.emplace_back(std::nullopt);
            else
                row.emplace_back(std::string(PQgetvalue(result.get(), r, c),
                                             static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
        }
    }
    out.commandStatus = text(PQcmdStatus(result.get()));
    out.notices = std::move(m_notices);
    m_notices.clear();
    return out;
}

Result<std::int64_t> PgSession::copyOut(const std::string& query, std::size_t columns,
                                        BinaryCopyParser::RowHandler handler)
{
    const std::string sql = "COPY (" + query + ") TO STDOUT (FORMAT binary)";
    if (!isConnected())
        return m_lastError.message.empty() ? lostOrFailed(sql) : m_lastError;
    ResultPtr start(PQexec(m_conn, sql.c_str()));
    if (!start)
        return lostOrFailed(sql);
    if (PQresultStatus(start.get()) != PGRES_COPY_OUT) {
        if (PQresultErrorField(start.get(), PG_DIAG_SQLSTATE))
            return statementError(start.get(), PQerrorMessage(m_conn), query);
        return lostOrFailed(query);
    }
    BinaryCopyParser parser(std::move(handler), columns);
    Status parsed = Done{};
    for (;;) {
        char* buffer = nullptr;
        const int length = PQgetCopyData(m_conn, &buffer, 0);
        if (length > 0) {
            if (parsed)
                parsed = parser.feed(std::string_view(buffer, static_cast<std::size_t>(length)));
            PQfreemem(buffer);
            if (!parsed)
                cancel(); // stop the server sending the rest; the loop drains what is in flight
            continue;
        }
        break; // -1: done; -2: failure (reported by PQgetResult below)
    }
    Error failure;
    bool failed = false;
    while (PGresult* raw = PQgetResult(m_conn)) {
        ResultPtr result(raw);
        if (PQresultStatus(raw) != PGRES_COMMAND_OK && !failed) {
            failed = true;
            failure = PQresultErrorField(raw, PG_DIAG_SQLSTATE) ? statementError(raw, PQerrorMessage(m_conn), query)
                                                                : lostOrFailed(query);
        }
    }
    if (!parsed)
        return parsed.error();
    if (failed)
        return failure;
    if (!isConnected())
        return lostOrFailed(query);
    Status finished = parser.finish();
    if (!finished)
        return finished.error();
    return parser.rowCount();
}

void PgSession::cancel()
{
    std::shared_ptr<pg_cancel> handle;
    {
        std::lock_guard lock(m_cancelMutex);
        handle = m_cancel;
    }
    if (!handle)
        return;
    // PQcancel opens a new connection and may block; run it on a helper thread so the caller never waits.
    std::thread([handle] {
        char message[256];
        PQcancel(handle.get(), message, sizeof message);
    }).detach();
}

Result<std::string> PgSession::quoteIdentifier(std::string_view identifier) const
{
    if (!m_conn)
        return Error::make("Not connected: identifiers are quoted by the server connection.", codes::kConnectionLost);
    char* quoted = PQescapeIdentifier(m_conn, identifier.data(), identifier.size());
    if (!quoted)
        return Error::make("The identifier cannot be quoted: " + text(PQerrorMessage(m_conn)), "22021");
    std::string out = quoted;
    PQfreemem(quoted);
    return out;
}

Result<std::string> PgSession::quoteLiteral(std::string_view literal) const
{
    if (!m_conn)
        return Error::make("Not connected: literals are quoted by the server connection.", codes::kConnectionLost);
    char* quoted = PQescapeLiteral(m_conn, literal.data(), literal.size());
    if (!quoted)
        return Error::make("The value cannot be quoted: " + text(PQerrorMessage(m_conn)), "22021");
    std::string out = quoted;
    PQfreemem(quoted);
    return out;
}

} // namespace shardscope::live
