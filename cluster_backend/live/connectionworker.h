// SPDX-License-Identifier: MIT
#pragma once

#include "pgsession.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace shardscope::live {

/**
 * Owns one PgSession on its own thread: the only code that touches the PGconn. Requests are queued and run
 * one at a time in order; the session connects (and reconnects after a loss) before a request runs, and
 * state changes are reported as signals in the thread the worker lives in.
 */
class ConnectionWorker : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Disconnected,
        Connecting,
        Connected,
        Reconnecting,
        Failed,
    };
    Q_ENUM(State)

    using Task = std::function<void(PgSession&)>;

    explicit ConnectionWorker(ConnectionOptions options, QObject* parent = nullptr);
    ~ConnectionWorker() override;

    /** Queues a task for the worker thread. */
    void post(Task task);

    /**
     * Runs work on the worker thread and hands its result to then() in this object's thread, unless context
     * is destroyed first.
     */
    template <class T>
    void request(QObject* context, std::function<Result<T>(PgSession&)> work, std::function<void(Result<T>)> then)
    {
        QPointer<QObject> guard(context);
        post([this, guard, work = std::move(work), then = std::move(then)](PgSession& session) {
            auto result = std::make_shared<Result<T>>(work(session));
            deliver([guard, then, result] {
                if (guard)
                    then(std::move(*result));
            });
        });
    }

    /** Asks the server to stop the running statement (or a running connect); returns at once. */
    void cancelRunning();
    /** Drops queued tasks that have not started. */
    void clearQueue();
    /**
     * Ends the worker without waiting for it: queued tasks are dropped, a connect attempt is abandoned and the
     * running statement is cancelled; stopped() follows once the thread has closed its connection, after which
     * the destructor no longer waits. For switching away from a server that may not answer.
     */
    void stopAsync();
    bool isStopped() const { return m_stopped; }
    /**
     * Lets an owner drop its worker without waiting: stopAsync(), then the worker deletes itself once its thread
     * has ended (at once if it has already). For side connections owned by pages and dialogs.
     */
    static void retire(std::unique_ptr<ConnectionWorker> worker);

    State state() const { return m_state; }
    QString stateMessage() const { return m_stateMessage; }
    /** Facts of the current connection (valid once Connected). */
    ConnectionFacts facts() const;
    const ConnectionOptions& options() const { return m_options; }

Q_SIGNALS:
    void stateChanged(shardscope::live::ConnectionWorker::State state, const QString& message);
    /** Emitted as soon as cancelRunning() is called, before the server has answered. */
    void cancelRequested();
    /** The thread has ended (after stopAsync(), or the destructor's own stop). */
    void stopped();

private:
    void run();
    void ensureConnected(PgSession& session);
    void publish(State state, const QString& message);
    void deliver(std::function<void()> call);

    ConnectionOptions m_options;
    PgSession* m_session = nullptr; // lives on the worker thread's stack; guarded by m_mutex for cancel
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Task> m_queue;
    bool m_stop = false;
    std::atomic<bool> m_abortConnect{false};
    bool m_everConnected = false;
    ConnectionFacts m_facts;
    State m_state = State::Disconnected;
    bool m_stopped = false; ///< set in this object's thread when stopped() is emitted
    QString m_stateMessage;
    std::thread m_thread;
};

} // namespace shardscope::live
