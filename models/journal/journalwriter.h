// SPDX-License-Identifier: MIT
#pragma once

#include "snapshot/operationjournal.h"

#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace shardscope {

/**
 * The operations journal on a thread of its own: the SQLite file is opened, written and read there (a Qt
 * Sql connection belongs to the thread that opened it), in the order the calls were made, so the GUI
 * thread never waits on the disk. Answers come back as queued signals or callbacks in this object's thread.
 */
class JournalWriter : public QObject
{
    Q_OBJECT

public:
    using EntriesCallback = std::function<void(Result<std::vector<snapshot::JournalEntry>>)>;

    /** Starts opening the journal at path (created when missing); opened() tells how it went. */
    explicit JournalWriter(const QString& path, QObject* parent = nullptr);
    /** Writes what is still queued, then closes the file. */
    ~JournalWriter() override;

    /** False until the file is open (and when it cannot be opened: see openError()). */
    bool isOpen() const { return m_open.load(); }
    QString openError() const;

    /** Queues an entry; entryRecorded() (with its id) or recordFailed() follows. */
    void append(const snapshot::JournalEntry& entry);
    /** Reads matching entries after every append queued before; then() runs in context's thread. */
    void query(const snapshot::JournalFilter& filter, QObject* context, EntriesCallback then);
    /** Blocks until everything queued has run (shutdown and tests only). */
    void waitForIdle();
    /** The thread the journal is used on (for tests: it is never the caller's). */
    QThread* writerThread() const { return m_thread.load(); }

Q_SIGNALS:
    void opened(bool ok, const QString& error);
    void entryRecorded(const shardscope::snapshot::JournalEntry& entry);
    void recordFailed(const QString& message);

private:
    struct Core;

    QThreadPool m_pool;
    std::shared_ptr<Core> m_core;
    std::atomic<bool> m_open{false};
    std::atomic<QThread*> m_thread{nullptr};
    mutable std::mutex m_mutex;
    QString m_openError;
};

} // namespace shardscope
