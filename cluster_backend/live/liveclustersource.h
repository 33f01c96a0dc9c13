// SPDX-License-Identifier: MIT
#pragma once

#include "api/canceltoken.h"
#include "api/clustersource.h"
#include "catalogreader.h"
#include "connectionworker.h"
#include "operationbuilder.h"

#include <QHash>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace shardscope::live {

/**
 * A Citus coordinator behind the ClusterSource interface. One ConnectionWorker owns the connection;
 * refreshes read the whole catalog there (never two at once), optionally every refreshInterval ms unless
 * paused; operations run there as parameterised statements and are followed by a refresh. Nothing is shown
 * as done unless the server said so.
 */
class LiveClusterSource : public ClusterSource
{
    Q_OBJECT

public:
    explicit LiveClusterSource(ConnectionOptions options, QObject* parent = nullptr);
    ~LiveClusterSource() override;

    SourceKind kind() const override { return SourceKind::Live; }
    /** "NAME (user@host:port/db)" for a saved connection profile, else "user@host:port/db". */
    QString displayName() const override;
    /** The connection profile this source was opened from (before the first refresh: it titles windows). */
    void setProfileName(const QString& name) { m_profileName = name.trimmed(); }

    /**
     * Hands this source off without making anyone wait: refreshes, polls and queued work stop, the running
     * statement or connect attempt is abandoned (cancelled), signals go nowhere, and the object deletes itself
     * once its connection thread has ended. The caller must not use it afterwards.
     */
    void retire();
    quint64 refresh() override;
    JobId submit(const engine::OperationRequest& request) override;
    void cancel(JobId job) override;

    /** create_distributed_table_concurrently (not an engine operation: the outcome equals the plain one). */
    JobId submitDistributeConcurrently(const engine::CreateDistributedTable& request);
    /** citus_rebalance_start, then progress polled every second until the background job ends. */
    JobId startRebalance(const RebalanceStart& options);

    /** Periodic refresh in milliseconds (0: only on request). */
    void setRefreshInterval(int milliseconds);
    int refreshInterval() const { return m_interval; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    /** For tests and benchmarks: read catalog-shaped tables from another schema. */
    void setCatalogOptions(const CatalogOptions& options) { m_catalogOptions = options; }

    /** Server, versions and encryption of the last snapshot, for the status bar. */
    const ServerInfo& serverInfo() const { return m_serverInfo; }
    const std::vector<BackgroundJob>& backgroundJobs() const { return m_jobs; }
    /** The rows of pg_dist_rebalance_strategy at the last refresh (names, default, custom or built in). */
    const std::vector<StrategyRow>& rebalanceStrategies() const { return m_strategies; }
    const QStringList& warnings() const { return m_warnings; }
    /** The worker's last connection message ("Connected to ... (encrypted, TLSv1.3 ...)"). */
    QString connectionMessage() const;
    /**
     * The options this source connects with. Long-running side work (EXPLAIN ANALYZE, statement statistics,
     * column statistics) opens its own ConnectionWorker with them, so it never queues behind a refresh.
     */
    const ConnectionOptions& connectionOptions() const { return m_options; }

Q_SIGNALS:
    void serverInfoChanged();
    void connectionMessageChanged(const QString& message);

private:
    struct RunningJob
    {
        CancelToken token;
        std::int64_t backgroundJobId = 0; ///< rebalance: the Citus job being watched
        int tasksDone = 0;                ///< rebalance: tasks done at the last poll
    };

    JobId runStatements(std::function<Result<OperationStatements>(PgSession&)> build);
    void finishJob(JobId id, Result<QueryResult> result, const QString& summary);
    void pollRebalance(JobId id);
    quint64 refreshAfterChange();
    void onWorkerState(ConnectionWorker::State state, const QString& message);

    ConnectionOptions m_options;
    QString m_profileName;
    CatalogOptions m_catalogOptions;
    ServerInfo m_serverInfo;
    std::vector<BackgroundJob> m_jobs;
    std::vector<StrategyRow> m_strategies;
    QStringList m_warnings;
    QTimer m_timer;
    int m_interval = 0;
    bool m_paused = false;
    bool m_inFlight = false;
    quint64 m_inFlightGeneration = 0;
    quint64 m_followUpGeneration = 0; ///< a refresh requested while one ran (after an operation)
    QHash<JobId, RunningJob> m_running;
    std::atomic<JobId> m_executing{0};
    std::unique_ptr<ConnectionWorker> m_worker; // last: destroyed (and joined) first
};

} // namespace shardscope::live
