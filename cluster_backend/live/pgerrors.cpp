// SPDX-License-Identifier: MIT
#include "pgerrors.h"

#include <libpq-fe.h>

namespace shardscope::live {

namespace {

bool contains(const std::string& text, const char* part)
{
    return text.find(part) != std::string::npos;
}

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

std::string field(const PGresult* result, int code)
{
    const char* value = result ? PQresultErrorField(result, code) : nullptr;
    return value ? value : std::string();
}

} // namespace

Error connectionError(const std::string& libpqMessage, const std::string& target)
{
    const std::string detail = trimmed(libpqMessage);
    Error error;
    error.detail = detail;
    if (contains(detail, "password authentication failed") || contains(detail, "no password supplied") ||
        contains(detail, "SCRAM") || contains(detail, "authentication method requirement")) {
        error.code = codes::kAuthFailed;
        error.message = "Authentication failed for " + target + ".";
        error.hint = "Check the user name and password (saved in the keychain or in ~/.pgpass), or ask the "
                     "administrator to check pg_hba.conf.";
    } else if (contains(detail, "no pg_hba.conf entry") || contains(detail, "authentication failed") ||
               contains(detail, "role \"") || contains(detail, "Peer authentication") ||
               contains(detail, "Ident authentication")) {
        error.code = codes::kAuthSpec;
        error.message = "The server refused the login for " + target + ".";
        error.hint = "The role may not exist or pg_hba.conf has no entry allowing this user, host and database; "
                     "ask the administrator to add one.";
    } else if (contains(detail, "database \"") && contains(detail, "does not exist")) {
        error.code = "3D000";
        error.message = "The database does not exist on " + target + ".";
        error.hint = "Check the database name in the connection profile.";
    } else if (contains(detail, "could not translate host name") || contains(detail, "Name or service not known")) {
        error.code = codes::kUnreachable;
        error.message = "The host name of " + target + " cannot be resolved.";
        error.hint = "Check the spelling of the host, or use its IP address.";
    } else if (contains(detail, "SSL") || contains(detail, "certificate")) {
        error.code = "08P01";
        error.message = "The encrypted connection to " + target + " could not be set up.";
        error.hint = "Check sslmode and the root certificate (sslrootcert) in the connection profile.";
    } else if (contains(detail, "too many connections") || contains(detail, "remaining connection slots")) {
        error.code = "53300";
        error.message = "The server " + target + " has no free connection slots.";
        error.hint = "Close idle sessions or raise max_connections; connection poolers help too.";
    } else if (contains(detail, "the database system is starting up") ||
               contains(detail, "the database system is shutting down")) {
        error.code = "57P03";
        error.message = "The server " + target + " is starting up or shutting down.";
        error.hint = "Wait a moment and connect again.";
    } else {
        error.code = codes::kUnreachable;
        error.message = "The server " + target + " cannot be reached.";
        error.hint = "Check host and port, that the server runs and listens on that address "
                     "(listen_addresses), and that no firewall blocks the port.";
    }
    return error;
}

Error statementError(const pg_result* result, const std::string& connectionMessage, const std::string& statement)
{
    Error error;
    error.code = field(result, PG_DIAG_SQLSTATE);
    error.message = field(result, PG_DIAG_MESSAGE_PRIMARY);
    error.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
    error.hint = field(result, PG_DIAG_MESSAGE_HINT);
    error.statement = statement;
    if (error.message.empty())
        error.message = trimmed(connectionMessage);
    if (error.code.empty()) {
        error.code = codes::kConnectionLost;
        if (error.message.empty())
            error.message = "The connection to the server was lost.";
        if (error.hint.empty())
            error.hint = "ShardScope reconnects on the next request; refresh to see the cluster's current state.";
    } else if (error.code == codes::kInsufficientPrivilege && error.hint.empty()) {
        error.hint = "Connect as a role allowed to do this (the owner of the table, or a superuser for "
                     "cluster-wide Citus functions), or ask an administrator to GRANT the privilege.";
    } else if (error.code == codes::kQueryCanceled && error.hint.empty()) {
        error.hint = "The statement was cancelled before it finished; nothing it did was committed.";
    }
    return error;
}

} // namespace shardscope::live
