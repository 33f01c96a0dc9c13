// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersnapshot.h"
#include "api/jobprogress.h"
#include "api/jobresult.h"
#include "engine/operationrequest.h"

#include <QObject>

namespace shardscope {

/**
 * Where the GUI gets a cluster from: the embedded cluster or a live coordinator, behind one interface.
 *
 * All calls are made from the thread the source lives in (the GUI thread) and return at once; the work runs
 * elsewhere and its results come back as signals in this thread. refresh() leads to snapshotReady() or
 * refreshFailed(); a snapshot older than the one already published is dropped, so listeners only ever see
 * increasing generations. submit() starts an operation and returns its job id; jobProgressed() reports
 * progress, jobFinished() the outcome, and a successful operation is followed by a fresh snapshot.
 */
class ClusterSource : public QObject
{
    Q_OBJECT

public:
    enum class ConnectionState
    {
        Disconnected,
        Connecting,
        Connected,
        Failed,
    };
    Q_ENUM(ConnectionState)

    explicit ClusterSource(QObject* parent = nullptr);
    ~ClusterSource() override;

    virtual SourceKind kind() const = 0;
    /** What the status bar shows ("Embedded demo cluster", "prod (db1:5432)"). */
    virtual QString displayName() const = 0;

    /** Starts reading the cluster; returns the generation its snapshot will carry. */
    virtual quint64 refresh() = 0;
    /** Starts an operation; returns its job id (never 0). */
    virtual JobId submit(const engine::OperationRequest& request) = 0;
    /** Asks a running job to stop; it still ends with jobFinished() (canceled, or done if it was too late). */
    virtual void cancel(JobId job) = 0;

    ConnectionState connectionState() const { return m_connectionState; }
    /** The last published snapshot (null before the first one). */
    const ClusterSnapshot& currentSnapshot() const { return m_current; }
    /** True while a refresh is running. */
    bool isRefreshing() const { return m_refreshing; }

Q_SIGNALS:
    void snapshotReady(const shardscope::ClusterSnapshot& snapshot);
    void refreshFailed(const shardscope::Error& error);
    void refreshingChanged(bool refreshing);
    void connectionStateChanged(shardscope::ClusterSource::ConnectionState state);
    void jobProgressed(shardscope::JobId job, const shardscope::JobProgress& progress);
    void jobFinished(shardscope::JobId job, const shardscope::JobResult& result);

protected:
    /** The next generation number, for a refresh request or a state change. */
    quint64 nextGeneration() { return ++m_lastGeneration; }
    JobId nextJobId() { return ++m_lastJobId; }
    /** Publishes a snapshot unless one of a newer generation was published already; returns whether it was. */
    bool publishSnapshot(const ClusterSnapshot& snapshot);
    void setConnectionState(ConnectionState state);
    void setRefreshing(bool refreshing);

private:
    ClusterSnapshot m_current;
    quint64 m_lastGeneration = 0;
    JobId m_lastJobId = 0;
    ConnectionState m_connectionState = ConnectionState::Disconnected;
    bool m_refreshing = false;
};

} // namespace shardscope
