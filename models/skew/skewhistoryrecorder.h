// SPDX-License-Identifier: MIT
#pragma once

#include "snapshot/metrichistory.h"

#include <QMetaType>
#include <QObject>
#include <QThreadPool>
#include <memory>
#include <vector>

namespace shardscope {

/** What the history holds for a time range. */
struct SkewHistory
{
    std::vector<snapshot::MetricSample> samples;
    std::vector<snapshot::OperationMarker> markers;
};

/**
 * The metric history of one cluster seen from the GUI thread: every call returns at once and the SQLite work
 * runs in order on one worker thread of its own (Qt Sql connections belong to one thread), so writes never
 * overlap and the GUI never waits. Results and failures come back as signals in the caller's thread.
 */
class SkewHistoryRecorder : public QObject
{
    Q_OBJECT

public:
    explicit SkewHistoryRecorder(QObject* parent = nullptr);
    ~SkewHistoryRecorder() override;

    /** Opens (or creates) the history file; the calls below queue behind it. */
    void open(const QString& path);
    /** Stores a sample, then deletes what is older than the retention (when one is set). */
    void record(const snapshot::MetricSample& sample);
    void addMarker(const snapshot::OperationMarker& marker);
    /** Samples and markers older than this many days are deleted on the next record(); 0 keeps everything. */
    void setRetentionDays(int days);
    int retentionDays() const { return m_retentionDays; }
    /** Reads a time range; the answer comes as historyLoaded(). */
    void load(qint64 fromMs, qint64 toMs);
    /**
     * Reads the successful operations of one cluster (source "live"/"embedded", its display name) since fromMs
     * from the operations journal at journalPath, read-only (a missing file is no journal yet); the answer comes
     * as journalMarkersLoaded().
     */
    void loadJournalMarkers(const QString& journalPath, const QString& source, const QString& cluster, qint64 fromMs);

    /** Blocks until the queued work has run (shutdown and tests only). */
    void waitForIdle();

Q_SIGNALS:
    void historyLoaded(const shardscope::SkewHistory& history);
    /** The journal's operations as markers (samples empty). */
    void journalMarkersLoaded(const shardscope::SkewHistory& markers);
    void failed(const QString& message);

private:
    template <class Work>
    void enqueue(Work work);

    QThreadPool m_pool;
    std::shared_ptr<snapshot::MetricHistory> m_history;
    int m_retentionDays = 0;
};

} // namespace shardscope

Q_DECLARE_METATYPE(shardscope::SkewHistory)
