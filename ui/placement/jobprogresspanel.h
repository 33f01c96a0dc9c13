// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersource.h"

#include <QPointer>
#include <QWidget>
#include <set>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;

namespace shardscope {

/**
 * The inline progress of a running move or rebalance: a bar, the phase the source reports and a Stop button.
 * It follows one or more jobs of a ClusterSource as one task (a plan of moves is many jobs; a background
 * rebalance one job with steps) and hides itself when the last one has finished.
 */
class JobProgressPanel : public QWidget
{
    Q_OBJECT

public:
    explicit JobProgressPanel(ClusterSource* source, QWidget* parent = nullptr);

    /** Follows jobs as one task called title; jobs still running from before join it. */
    void track(const QString& title, const std::vector<JobId>& jobs);
    bool isRunning() const { return !m_pending.empty(); }
    /** Asks the source to cancel every job not finished yet. */
    void stop();

    /** Lines about what is in flight now (one per shard group being moved); empty hides them. */
    void setDetails(const QStringList& lines);

    QProgressBar* progressBar() const { return m_bar; }
    QLabel* detailsLabel() const { return m_details; }
    QLabel* phaseLabel() const { return m_phase; }
    QPushButton* stopButton() const { return m_stop; }

Q_SIGNALS:
    /** The last job ended: how many succeeded, failed and were canceled, and the last message. */
    void taskFinished(int succeeded, int failed, int canceled, const QString& message);

private:
    void onProgress(JobId job, const JobProgress& progress);
    void onFinished(JobId job, const JobResult& result);
    void showPhase(const QString& text);

    QPointer<ClusterSource> m_source;
    QString m_title;
    std::set<JobId> m_pending;
    int m_total = 0;
    int m_succeeded = 0;
    int m_failed = 0;
    int m_canceled = 0;
    QString m_lastMessage;
    QProgressBar* m_bar = nullptr;
    QLabel* m_phase = nullptr;
    QLabel* m_details = nullptr;
    QPushButton* m_stop = nullptr;
};

} // namespace shardscope
