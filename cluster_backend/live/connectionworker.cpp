// SPDX-License-Identifier: MIT
#include "connectionworker.h"

#include <QMetaObject>

namespace shardscope::live {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString describe(const Error& error)
{
    return error.hint.empty() ? qs(error.message) : qs(error.message) + QLatin1Char(' ') + qs(error.hint);
}

} // namespace

ConnectionWorker::ConnectionWorker(ConnectionOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_thread([this] { run(); })
{
}

ConnectionWorker::~ConnectionWorker()
{
    stopAsync();
    m_thread.join();
}

void ConnectionWorker::retire(std::unique_ptr<ConnectionWorker> worker)
{
    if (!worker)
        return;
    ConnectionWorker* w = worker.release();
    if (w->isStopped()) {
        delete w;
        return;
    }
    connect(w, &ConnectionWorker::stopped, w, &QObject::deleteLater);
    w->stopAsync();
}

void ConnectionWorker::stopAsync()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_queue.clear();
        m_abortConnect = true;
        if (m_session)
            m_session->cancel();
    }
    m_wake.notify_all();
}

void ConnectionWorker::post(Task task)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(task));
    }
    m_wake.notify_one();
}

void ConnectionWorker::cancelRunning()
{
    {
        std::lock_guard lock(m_mutex);
        m_abortConnect = true;
        if (m_session)
            m_session->cancel();
    }
    Q_EMIT cancelRequested();
}

void ConnectionWorker::clearQueue()
{
    std::lock_guard lock(m_mutex);
    m_queue.clear();
}

ConnectionFacts ConnectionWorker::facts() const
{
    std::lock_guard lock(m_mutex);
    return m_facts;
}

void ConnectionWorker::deliver(std::function<void()> call)
{
    // This object outlives the worker thread (the destructor joins it), so queuing on it is safe.
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
}

void ConnectionWorker::publish(State state, const QString& message)
{
    deliver([this, state, message] {
        m_state = state;
        m_stateMessage = message;
        Q_EMIT stateChanged(state, message);
    });
}

void ConnectionWorker::ensureConnected(PgSession& session)
{
    if (session.isConnected())
        return;
    const QString target = qs(m_options.displayName());
    if (m_everConnected)
        publish(State::Reconnecting,
                tr("The connection to %1 was lost (%2); reconnecting…").arg(target, qs(session.lastError().message)));
    else
        publish(State::Connecting, tr("Connecting to %1…").arg(target));
    m_abortConnect = false;
    Status connected = session.connect(&m_abortConnect);
    if (!connected) {
        publish(State::Failed, describe(connected.error()));
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_facts = session.facts();
    }
    const QString how = session.facts().encrypted
                            ? tr("encrypted, %1 %2").arg(qs(session.facts().sslProtocol), qs(session.facts().sslCipher))
                            : tr("not encrypted");
    publish(State::Connected, m_everConnected ? tr("Reconnected to %1 (%2).").arg(target, how)
                                              : tr("Connected to %1 (%2).").arg(target, how));
    m_everConnected = true;
}

void ConnectionWorker::run()
{
    {
        PgSession session(m_options);
        {
            std::lock_guard lock(m_mutex);
            m_session = &session;
        }
        for (;;) {
            Task task;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
                if (m_stop)
                    break;
                task = std::move(m_queue.front());
                m_queue.pop_front();
            }
            ensureConnected(session);
            const bool wasConnected = session.isConnected();
            task(session);
            if (wasConnected && !session.isConnected()) {
                // Lost while the task ran: say so now, and try to come back at once.
                ensureConnected(session);
            }
        }
        std::lock_guard lock(m_mutex);
        m_session = nullptr;
    } // the connection is closed here
    deliver([this] {
        m_stopped = true;
        Q_EMIT stopped();
    });
}

} // namespace shardscope::live
