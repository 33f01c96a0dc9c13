// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersource.h"
#include "snapshot/operationjournal.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <map>
#include <memory>

namespace shardscope {

/**
 * Writes every operation a ClusterSource runs to the operations journal. It listens to the source's job
 * signals, the one boundary every operation crosses on either back end: the first progress report of a job
 * carries its statements, jobFinished() its outcome.
 */
class JournalRecorder : public QObject
{
    Q_OBJECT

public:
    /** Opens the journal at path (created when missing); see isOpen() / openError(). */
    explicit JournalRecorder(const QString& path, QObject* parent = nullptr);
    ~JournalRecorder() override;

    bool isOpen() const { return m_journal.isOpen(); }
    QString openError() const { return m_openError; }
    QString path() const { return m_path; }

    /** Records the jobs of this source from now on (the previous source is let go). */
    void attach(ClusterSource* source);

    snapshot::OperationJournal& journal() { return m_journal; }

Q_SIGNALS:
    void entryRecorded(const shardscope::snapshot::JournalEntry& entry);
    void recordFailed(const QString& message);

private:
    struct Running
    {
        qint64 startedMs = 0;
        QElapsedTimer timer;
        QString sql;
    };

    void onProgress(JobId job, const JobProgress& progress);
    void onFinished(JobId job, const JobResult& result);

    QString m_path;
    QString m_openError;
    snapshot::OperationJournal m_journal;
    QPointer<ClusterSource> m_source;
    std::map<JobId, Running> m_running;
};

} // namespace shardscope
