// SPDX-License-Identifier: MIT
#include "explainrunner.h"

#include "connectionworker.h"
#include "pgerrors.h"

#include <chrono>
#include <libpq-fe.h>

namespace shardscope::live {

namespace {

bool contains(const std::string& text, const char* part)
{
    return text.find(part) != std::string::npos;
}

bool inTransaction(const PgSession& session)
{
    return session.isConnected() && session.handle() && PQtransactionStatus(session.handle()) != PQTRANS_IDLE;
}

/** Leaves no transaction open: the explained statement's changes must never stay. */
void rollBack(PgSession& session)
{
    // Twice at most: a late cancel may hit the first ROLLBACK.
    for (int attempt = 0; attempt < 2 && inTransaction(session); ++attempt)
        (void)session.exec("ROLLBACK");
}

ExplainOutcome runScript(PgSession& session, const explain::ExplainScript& script, const std::atomic<bool>& cancelled)
{
    const auto start = std::chrono::steady_clock::now();
    ExplainOutcome out;
    out.server = session.options().displayName();
    auto finish = [&](ExplainOutcome& o) -> ExplainOutcome {
        if (script.transaction)
            rollBack(session);
        o.elapsedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        return o;
    };
    for (std::size_t i = 0; i <= script.explainIndex && i < script.statements.size(); ++i) {
        if (cancelled) {
            out.cancelled = true;
            out.error = ExplainRunner::explainError(
                Error::make("canceling statement due to user request", codes::kQueryCanceled), true,
                script.transaction);
            return finish(out);
        }
        Result<QueryResult> result = session.exec(script.statements[i]);
        if (!result) {
            out.cancelled = cancelled || result.error().code == codes::kQueryCanceled;
            out.error = ExplainRunner::explainError(result.error(), out.cancelled, script.transaction);
            return finish(out);
        }
        if (i != script.explainIndex)
            continue;
        for (std::size_t row = 0; row < result->rows.size(); ++row) {
            if (row > 0)
                out.planJson += '\n';
            out.planJson += result->text(row, 0);
        }
        out.notices = result->notices;
    }
    out.ok = true;
    out.rolledBack = script.rolledBack;
    return finish(out);
}

} // namespace

ExplainRunner::ExplainRunner(ConnectionOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_cancelFlag(std::make_shared<std::atomic<bool>>(false)),
      m_worker(std::make_unique<ConnectionWorker>(m_options))
{
    qRegisterMetaType<ExplainOutcome>();
}

ExplainRunner::~ExplainRunner()
{
    *m_cancelFlag = true; // queued runs end at once
    // Never wait for a server that may not answer: the running EXPLAIN is cancelled, the worker's thread ends on
    // its own and the worker is deleted then. Results still in flight are dropped (they are guarded by this).
    ConnectionWorker::retire(std::move(m_worker));
}

quint64 ExplainRunner::run(const explain::ExplainScript& script)
{
    const quint64 id = ++m_lastRun;
    ++m_running;
    std::shared_ptr<std::atomic<bool>> cancelled = m_cancelFlag;
    m_worker->request<ExplainOutcome>(
        this,
        [script, cancelled, id](PgSession& session) -> Result<ExplainOutcome> {
            ExplainOutcome out = runScript(session, script, *cancelled);
            out.runId = id;
            return out;
        },
        [this](Result<ExplainOutcome> result) {
            --m_running;
            Q_EMIT runFinished(result.value());
        });
    Q_EMIT runStarted(id);
    return id;
}

void ExplainRunner::cancel()
{
    if (m_running == 0)
        return;
    // Every run queued so far is cancelled; later runs get a fresh flag.
    *m_cancelFlag = true;
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_worker->cancelRunning();
    Q_EMIT cancelRequested();
}

Error ExplainRunner::explainError(const Error& server, bool cancelled, bool transaction)
{
    Error error = server;
    const std::string& said = server.message;
    if (cancelled) {
        error.message = transaction ? "EXPLAIN was cancelled and its transaction rolled back: nothing was changed."
                                    : "EXPLAIN was cancelled.";
        error.detail = said + (server.detail.empty() ? std::string() : " " + server.detail);
        error.code = server.code.empty() ? codes::kCancelled : server.code;
        error.hint.clear();
    } else if (server.code == "42601" && contains(said, "multiple commands")) {
        error.message = "Only one statement can be explained at a time (the server said: " + said + ").";
        error.hint = "Explain the statements one at a time.";
    } else if (server.code == "42601") {
        error.message = "The statement is not valid SQL: " + said + ".";
    } else if (server.code == "42P01" || server.code == "42703" || server.code == "42883" || server.code == "3F000") {
        error.message = "The statement names something that does not exist: " + said + ".";
        if (error.hint.empty())
            error.hint = "Check the spelling and the schema (search_path) of the names in the statement.";
    } else if (contains(said, "requires repartitioning")) {
        error.message = "Citus needs a repartition join to run this statement: " + said + ".";
        error.hint = "Turn on repartition joins (citus.enable_repartition_joins) and run again.";
    } else if (contains(said, "EXPLAIN ANALYZE is currently not supported")) {
        error.message = "Citus cannot run EXPLAIN ANALYZE of this statement: " + said + ".";
        if (error.hint.empty())
            error.hint = "Explain it without ANALYZE to see the plan without running the statement.";
    } else if (server.code == codes::kConnectionLost || server.code == codes::kUnreachable ||
               server.code == codes::kTimeout || server.code == codes::kAuthFailed || server.code == codes::kAuthSpec) {
        // Connection problems are already explained with a fix.
    } else {
        error.message = "The server could not explain the statement: " + said + ".";
    }
    return error;
}

} // namespace shardscope::live
