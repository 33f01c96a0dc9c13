// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersource.h"
#include "journalwriter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <map>
#include <memory>

namespace shardscope {

/**
 * Writes every operation a ClusterSource runs to the operations journal. It listens to the source's job
 * signals, the one boundary every operation crosses on either back end: the first progress report of a job
 * carries its statements, jobFinished() its outcome. The entry is written by the JournalWriter's thread;
 * entryRecorded() follows once it is stored.
 */
class JournalRecorder : public QObject
{
    Q_OBJECT

public:
    /**
     * Opens the journal at path (created when missing) on the writer's thread; see isOpen() / openError()
     * once the writer's opened() was emitted.
     */
    explicit JournalRecorder(const QString& path, QObject* parent = nullptr);
    ~JournalRecorder() override;

    bool isOpen() const { return m_writer->isOpen(); }
    QString openError() const { return m_writer->openError(); }
    QString path() const { return m_path; }

    /** Records the jobs of this source from now on (the previous source is let go). */
    void attach(ClusterSource* source);

    /** Where entries are written and read, off the GUI thread. */
    JournalWriter* writer() const { return m_writer; }

Q_SIGNALS:
    void entryRecorded(const shardscope::snapshot::JournalEntry& entry);
    void recordFailed(const QString& message);

private:
    struct Running
    {
        qint64 startedMs = 0;
        QElapsedTimer timer;
        QString sql;
        QString firstReport; ///< the first progress line when it was not SQL (a background job's description)
    };

    void onProgress(JobId job, const JobProgress& progress);
    void onFinished(JobId job, const JobResult& result);

    QString m_path;
    JournalWriter* m_writer;
    QPointer<ClusterSource> m_source;
    std::map<JobId, Running> m_running;
};

} // namespace shardscope
