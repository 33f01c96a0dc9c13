// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "connectionoptions.h"
#include "explain/explainrequest.h"

#include <QMetaType>
#include <QObject>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace shardscope::live {

class ConnectionWorker;

/** What one EXPLAIN run gave back: the plan as the server printed it, or the error in plain words. */
struct ExplainOutcome
{
    quint64 runId = 0;
    bool ok = false;
    bool cancelled = false;  ///< the user cancelled (error holds the server's answer)
    bool rolledBack = false; ///< the statement ran inside a transaction that was rolled back
    std::string planJson;    ///< EXPLAIN's output (FORMAT JSON), when ok
    std::vector<std::string> notices;
    std::string server; ///< where it ran, "user@host:port/db"
    double elapsedMs = 0;
    Error error; ///< when !ok: message in plain words with the server's own text, SQLSTATE, detail, hint
};

/**
 * Runs EXPLAIN scripts (explain::buildExplainScript) on a side connection of its own, so a long EXPLAIN
 * ANALYZE never waits behind a catalog refresh and never blocks the GUI thread. The statements run one by
 * one; a transaction is always rolled back, also after an error or a cancel. Results arrive as
 * runFinished() in this object's thread.
 */
class ExplainRunner : public QObject
{
    Q_OBJECT

public:
    explicit ExplainRunner(ConnectionOptions options, QObject* parent = nullptr);
    ~ExplainRunner() override;

    /** Queues a run (an earlier one still running finishes first); returns its id. */
    quint64 run(const explain::ExplainScript& script);
    /** Asks the server to stop the running EXPLAIN; acknowledged at once with cancelRequested(). */
    void cancel();
    bool isRunning() const { return m_running > 0; }
    const ConnectionOptions& options() const { return m_options; }

    /** Rewords a server error of an EXPLAIN run for the user (the server's message stays in it). */
    static Error explainError(const Error& server, bool cancelled, bool transaction);

Q_SIGNALS:
    void runStarted(quint64 runId);
    void cancelRequested();
    void runFinished(const shardscope::live::ExplainOutcome& outcome);

private:
    ConnectionOptions m_options;
    quint64 m_lastRun = 0;
    int m_running = 0;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    std::unique_ptr<ConnectionWorker> m_worker; // last: destroyed (and joined) first
};

} // namespace shardscope::live

Q_DECLARE_METATYPE(shardscope::live::ExplainOutcome)
