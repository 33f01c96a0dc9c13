// SPDX-License-Identifier: MIT
#include "journalwriter.h"

#include <QMetaObject>
#include <QPointer>
#include <QThread>

namespace shardscope {

struct JournalWriter::Core
{
    snapshot::OperationJournal journal; // only touched on the pool's one thread
};

JournalWriter::JournalWriter(const QString& path, QObject* parent) : QObject(parent), m_core(std::make_shared<Core>())
{
    // One thread that never expires: the SQLite connection stays with the thread that opened it.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    m_pool.start([this, core = m_core, path] {
        m_thread = QThread::currentThread();
        const Status status = core->journal.open(path.toStdString());
        const QString error = status ? QString() : QString::fromStdString(status.error().message);
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_openError = error;
        }
        m_open = status.ok();
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT opened(error.isEmpty(), error); }, Qt::QueuedConnection);
    });
}

JournalWriter::~JournalWriter()
{
    // The destructor runs after every queued task (the pool is FIFO), so nothing touches this object later.
    m_pool.start([core = m_core] { core->journal.close(); });
    m_pool.waitForDone();
}

QString JournalWriter::openError() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_openError;
}

void JournalWriter::append(const snapshot::JournalEntry& entry)
{
    m_pool.start([this, core = m_core, entry] {
        Result<std::int64_t> id = core->journal.append(entry);
        snapshot::JournalEntry stored = entry;
        if (id)
            stored.id = *id;
        const QString error = id ? QString() : QString::fromStdString(id.error().message);
        QMetaObject::invokeMethod(
            this,
            [this, stored, error] {
                if (error.isEmpty())
                    Q_EMIT entryRecorded(stored);
                else
                    Q_EMIT recordFailed(error);
            },
            Qt::QueuedConnection);
    });
}

void JournalWriter::query(const snapshot::JournalFilter& filter, QObject* context, EntriesCallback then)
{
    QPointer<QObject> guard(context); // only looked at in this thread
    m_pool.start([this, core = m_core, filter, guard, then = std::move(then)] {
        auto entries = std::make_shared<Result<std::vector<snapshot::JournalEntry>>>(core->journal.entries(filter));
        QMetaObject::invokeMethod(
            this,
            [guard, then, entries] {
                if (guard)
                    then(std::move(*entries));
            },
            Qt::QueuedConnection);
    });
}

void JournalWriter::waitForIdle()
{
    m_pool.waitForDone();
}

} // namespace shardscope
