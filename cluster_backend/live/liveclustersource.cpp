// SPDX-License-Identifier: MIT
#include "liveclustersource.h"

#include "catalogsql.h"
#include "loadclusterstate.h"
#include "pgerrors.h"
#include "rebalanceprogress.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <unordered_map>

namespace shardscope::live {

namespace {

constexpr int kRebalancePollMs = 1000;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString displayTexts(const OperationStatements& statements)
{
    QStringList lines;
    for (const Statement& statement : statements)
        lines << qs(statement.displayText);
    return lines.join(QLatin1Char('\n'));
}

/** One look at a background rebalance job. */
struct RebalancePoll
{
    int done = 0;
    int total = 0;
    int failed = 0;
    std::string state;
    std::string lastError;                  ///< the message of the last failed task
    std::vector<ShardGroupTransfer> moving; ///< shard groups in flight (get_rebalance_progress())
};

Result<RebalancePoll> pollJob(PgSession& session, std::int64_t jobId)
{
    auto tasks = session.exec(catalogSql("rebalance_tasks"), {std::to_string(jobId)});
    if (!tasks)
        return tasks.error();
    RebalancePoll poll;
    poll.done = std::atoi(tasks->text(0, 0, "0").c_str());
    poll.total = std::atoi(tasks->text(0, 1, "0").c_str());
    poll.failed = std::atoi(tasks->text(0, 2, "0").c_str());
    poll.state = tasks->text(0, 3);
    poll.lastError = tasks->text(0, 4);
    // Progress is a nicety: a failure to read it (a worker down) leaves the counts standing.
    auto progress = session.exec(rebalanceProgressStatement());
    if (progress) {
        auto rows = parseRebalanceProgress(*progress);
        if (rows)
            poll.moving = activeTransfers(*rows);
    }
    return poll;
}

/**
 * Sizes could not be read this time (a locked table, a worker down): keep each shard's size from the last
 * snapshot rather than showing every shard as empty. Runs on the worker thread (a million placements).
 */
void keepPreviousSizes(const engine::ClusterState& previous, engine::ClusterState& state,
                       std::vector<std::string>& warnings)
{
    std::unordered_map<engine::ShardId, std::int64_t> bytes;
    bytes.reserve(previous.shards.size());
    for (const engine::Placement& placement : previous.placements) {
        if (placement.bytes > 0)
            bytes[placement.shard] = std::max(bytes[placement.shard], placement.bytes);
    }
    if (bytes.empty())
        return;
    for (engine::Placement& placement : state.placements) {
        const auto it = bytes.find(placement.shard);
        if (it != bytes.end())
            placement.bytes = it->second;
    }
    warnings.push_back("The shard sizes shown are those of the previous refresh.");
}

} // namespace

LiveClusterSource::LiveClusterSource(ConnectionOptions options, QObject* parent)
    : ClusterSource(parent), m_options(std::move(options)), m_worker(std::make_unique<ConnectionWorker>(m_options))
{
    connect(m_worker.get(), &ConnectionWorker::stateChanged, this, &LiveClusterSource::onWorkerState);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_paused && !isRefreshing())
            refresh();
    });
}

LiveClusterSource::~LiveClusterSource()
{
    m_worker.reset(); // joins the worker before anything it may touch goes away
}

QString LiveClusterSource::displayName() const
{
    const QString target = qs(m_options.displayName());
    if (m_profileName.isEmpty() || m_profileName == target)
        return target;
    return QStringLiteral("%1 (%2)").arg(m_profileName, target);
}

void LiveClusterSource::retire()
{
    // Nobody listens any more (destroyed() stays connected: QPointer-like watchers rely on it).
    disconnect(this, &ClusterSource::snapshotReady, nullptr, nullptr);
    disconnect(this, &ClusterSource::refreshFailed, nullptr, nullptr);
    disconnect(this, &ClusterSource::refreshingChanged, nullptr, nullptr);
    disconnect(this, &ClusterSource::connectionStateChanged, nullptr, nullptr);
    disconnect(this, &ClusterSource::jobProgressed, nullptr, nullptr);
    disconnect(this, &ClusterSource::jobFinished, nullptr, nullptr);
    disconnect(this, &LiveClusterSource::serverInfoChanged, nullptr, nullptr);
    disconnect(this, &LiveClusterSource::connectionMessageChanged, nullptr, nullptr);
    m_timer.stop();
    m_running.clear(); // pending polls see their job gone and stop
    if (m_worker->isStopped()) {
        deleteLater();
        return;
    }
    connect(m_worker.get(), &ConnectionWorker::stopped, this, &QObject::deleteLater);
    m_worker->stopAsync();
}

QString LiveClusterSource::connectionMessage() const
{
    return m_worker->stateMessage();
}

void LiveClusterSource::onWorkerState(ConnectionWorker::State state, const QString& message)
{
    switch (state) {
    case ConnectionWorker::State::Connecting:
    case ConnectionWorker::State::Reconnecting:
        setConnectionState(ConnectionState::Connecting);
        break;
    case ConnectionWorker::State::Connected:
        setConnectionState(ConnectionState::Connected);
        break;
    case ConnectionWorker::State::Failed:
        setConnectionState(ConnectionState::Failed);
        break;
    case ConnectionWorker::State::Disconnected:
        setConnectionState(ConnectionState::Disconnected);
        break;
    }
    Q_EMIT connectionMessageChanged(message);
}

void LiveClusterSource::setRefreshInterval(int milliseconds)
{
    m_interval = std::max(0, milliseconds);
    if (m_interval > 0 && !m_paused)
        m_timer.start(m_interval);
    else
        m_timer.stop();
}

void LiveClusterSource::setPaused(bool paused)
{
    m_paused = paused;
    setRefreshInterval(m_interval);
}

quint64 LiveClusterSource::refresh()
{
    if (m_inFlight)
        return m_inFlightGeneration; // never two reads at once
    const quint64 generation = nextGeneration();
    m_inFlight = true;
    m_inFlightGeneration = generation;
    setRefreshing(true);
    const CatalogOptions options = m_catalogOptions;
    const std::shared_ptr<const engine::ClusterState> previous = currentSnapshot().state;
    m_worker->request<LiveSnapshot>(
        this,
        [options, previous](PgSession& session) {
            auto snapshot = readLiveSnapshot(session, options);
            if (snapshot && !snapshot->sizesRead && previous)
                keepPreviousSizes(*previous, snapshot->state, snapshot->warnings);
            return snapshot;
        },
        [this, generation](Result<LiveSnapshot> result) {
            m_inFlight = false;
            if (result) {
                m_serverInfo = result->server;
                m_jobs = std::move(result->jobs);
                m_strategies = std::move(result->strategies);
                m_warnings.clear();
                for (const std::string& warning : result->warnings)
                    m_warnings << qs(warning);
                ClusterSnapshot snapshot;
                snapshot.state = std::make_shared<const engine::ClusterState>(std::move(result->state));
                snapshot.sourceKind = SourceKind::Live;
                snapshot.sourceName = displayName();
                snapshot.postgresVersion = qs(m_serverInfo.connection.serverVersion);
                snapshot.citusVersion = qs(citusRelease(m_serverInfo));
                snapshot.takenAt = QDateTime::currentDateTimeUtc();
                snapshot.generation = generation;
                Q_EMIT serverInfoChanged();
                publishSnapshot(snapshot);
            } else {
                Q_EMIT refreshFailed(result.error());
            }
            if (m_followUpGeneration) {
                // An operation finished while this read ran: read again so its effect is shown.
                m_followUpGeneration = 0;
                refresh();
                return;
            }
            setRefreshing(false);
        });
    return generation;
}

quint64 LiveClusterSource::refreshAfterChange()
{
    if (!m_inFlight)
        return refresh();
    m_followUpGeneration = 1;
    return m_inFlightGeneration + 1; // the follow-up read takes the next generation
}

JobId LiveClusterSource::submit(const engine::OperationRequest& request)
{
    return runStatements([request](PgSession& session) { return buildOperation(session, request); });
}

JobId LiveClusterSource::submitDistributeConcurrently(const engine::CreateDistributedTable& request)
{
    return runStatements(
        [request](PgSession& session) { return buildCreateDistributedTableConcurrently(session, request); });
}

JobId LiveClusterSource::runStatements(std::function<Result<OperationStatements>(PgSession&)> build)
{
    const JobId id = nextJobId();
    m_running.insert(id, RunningJob{});
    const CancelToken token = m_running[id].token;
    m_worker->post([this, id, token, build = std::move(build)](PgSession& session) {
        auto finish = [this, id](Result<QueryResult> result, const QString& sql) {
            QMetaObject::invokeMethod(
                this, [this, id, result = std::move(result), sql]() mutable { finishJob(id, std::move(result), sql); },
                Qt::QueuedConnection);
        };
        if (token.isCanceled())
            return finish(Error::make("Cancelled before it started; nothing was changed.", codes::kCancelled), {});
        if (!session.isConnected())
            return finish(session.lastError(), {});
        auto statements = build(session);
        if (!statements)
            return finish(statements.error(), {});
        const QString sql = displayTexts(*statements);
        QMetaObject::invokeMethod(
            this,
            [this, id, sql] {
                Q_EMIT jobProgressed(id, JobProgress{0, 1, tr("Running:\n%1").arg(sql)});
            },
            Qt::QueuedConnection);
        m_executing = id;
        auto result = runOperation(session, *statements);
        m_executing = 0;
        finish(std::move(result), sql);
    });
    return id;
}

void LiveClusterSource::finishJob(JobId id, Result<QueryResult> result, const QString& summary)
{
    const bool canceledByUser = m_running.contains(id) && m_running[id].token.isCanceled();
    m_running.remove(id);
    JobResult outcome;
    if (result) {
        outcome.summary = tr("Done: %1").arg(summary.section(QLatin1Char('\n'), -1));
        for (const std::string& notice : result->notices)
            outcome.summary += QLatin1Char('\n') + qs(notice);
        Q_EMIT jobProgressed(id, JobProgress{1, 1, outcome.summary});
        outcome.generation = refreshAfterChange();
    } else if (canceledByUser &&
               (result.error().code == codes::kQueryCanceled || result.error().code == codes::kCancelled)) {
        outcome.canceled = true;
        outcome.summary = tr("Cancelled; the server rolled the statement back.");
        refreshAfterChange();
    } else if (result.error().code == codes::kConnectionLost) {
        Error error = result.error();
        error.message = "The connection was lost while the operation ran, so its outcome is unknown.";
        error.hint = "ShardScope reconnects and refreshes; check the refreshed state before retrying.";
        outcome.error = error;
        refreshAfterChange();
    } else {
        outcome.error = result.error();
    }
    Q_EMIT jobFinished(id, outcome);
}

void LiveClusterSource::cancel(JobId job)
{
    if (!m_running.contains(job))
        return;
    RunningJob& entry = m_running[job];
    entry.token.cancel();
    if (entry.backgroundJobId > 0) {
        // A background rebalance: ask Citus to stop it, on a connection of its own so the request never
        // waits behind a refresh or a poll; polling reports when the job has stopped.
        Q_EMIT jobProgressed(job, JobProgress{0, 0, tr("Stopping the rebalance…")});
        auto* watcher = new QFutureWatcher<std::optional<Error>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, job] {
            const std::optional<Error> failure = watcher->result();
            watcher->deleteLater();
            if (failure && m_running.contains(job))
                Q_EMIT jobProgressed(job, JobProgress{0, 0, qs(failure->message)});
        });
        watcher->setFuture(QtConcurrent::run([options = m_options]() -> std::optional<Error> {
            PgSession session(options);
            Status connected = session.connect();
            if (!connected)
                return connected.error();
            auto stop = buildRebalanceStop(session);
            if (!stop)
                return stop.error();
            auto ran = runOperation(session, *stop);
            if (!ran)
                return ran.error();
            return std::nullopt;
        }));
        return;
    }
    if (m_executing == job)
        m_worker->cancelRunning();
}

JobId LiveClusterSource::startRebalance(const RebalanceStart& options)
{
    const JobId id = nextJobId();
    m_running.insert(id, RunningJob{});
    const CancelToken token = m_running[id].token;
    m_worker->request<QueryResult>(
        this,
        [this, id, token, options](PgSession& session) -> Result<QueryResult> {
            if (token.isCanceled())
                return Error::make("Cancelled before it started; nothing was changed.", codes::kCancelled);
            if (!session.isConnected())
                return session.lastError();
            auto statements = buildRebalanceStart(session, options);
            if (!statements)
                return statements.error();
            // The exact SQL first, as for every operation: the journal and the progress line take it from here.
            const QString sql = displayTexts(*statements);
            QMetaObject::invokeMethod(
                this,
                [this, id, sql] {
                    Q_EMIT jobProgressed(id, JobProgress{0, 1, tr("Running:\n%1").arg(sql)});
                },
                Qt::QueuedConnection);
            // citus_rebalance_start can wait for locks: cancellable like any other statement.
            m_executing = id;
            auto result = runOperation(session, *statements);
            m_executing = 0;
            return result;
        },
        [this, id](Result<QueryResult> result) {
            if (result && !result->text(0, 0).empty() && m_running.contains(id) && m_running[id].token.isCanceled()) {
                // Cancelled while citus_rebalance_start ran but too late to stop it: stop the job it scheduled.
                m_running[id].backgroundJobId = std::stoll(result->text(0, 0));
                pollRebalance(id);
                cancel(id);
                return;
            }
            if (!result || result->text(0, 0).empty()) {
                // An error, or NULL: Citus found nothing to move (its NOTICE says so).
                finishJob(id, std::move(result), tr("No moves were needed."));
                return;
            }
            m_running[id].backgroundJobId = std::stoll(result->text(0, 0));
            Q_EMIT jobProgressed(id, JobProgress{0, 0, tr("Rebalance job %1 scheduled").arg(qs(result->text(0, 0)))});
            pollRebalance(id);
        });
    return id;
}

void LiveClusterSource::pollRebalance(JobId id)
{
    QTimer::singleShot(kRebalancePollMs, this, [this, id] {
        if (!m_running.contains(id))
            return;
        const std::int64_t jobId = m_running[id].backgroundJobId;
        m_worker->request<RebalancePoll>(
            this, [jobId](PgSession& session) { return pollJob(session, jobId); },
            [this, id, jobId](Result<RebalancePoll> poll) {
                if (!m_running.contains(id))
                    return;
                if (!poll) {
                    Q_EMIT jobProgressed(id, JobProgress{0, 0, qs(poll.error().message)});
                    pollRebalance(id); // the job runs on the server regardless; keep watching
                    return;
                }
                QString text = tr("Rebalance job %1: %2, %3 of %4 tasks done")
                                   .arg(jobId)
                                   .arg(qs(poll->state))
                                   .arg(poll->done)
                                   .arg(poll->total);
                for (const ShardGroupTransfer& transfer : poll->moving)
                    text += tr("; moving %1").arg(qs(transfer.describe()));
                Q_EMIT jobProgressed(id, JobProgress{poll->done, poll->total, text});
                const std::string& state = poll->state;
                if (state == "finished" || state == "cancelled" || state == "failed") {
                    const bool canceled = state == "cancelled";
                    JobResult outcome;
                    outcome.canceled = canceled;
                    outcome.summary = text;
                    if (state == "failed")
                        outcome.error =
                            Error{"Rebalance job " + std::to_string(jobId) + " failed after " +
                                      std::to_string(poll->done) + " of " + std::to_string(poll->total) + " tasks.",
                                  "shardscope.rebalance_failed",
                                  poll->lastError,
                                  "SELECT * FROM pg_dist_background_task WHERE job_id = " + std::to_string(jobId) +
                                      " shows every task and its message.",
                                  {}};
                    m_running.remove(id);
                    outcome.generation = refreshAfterChange();
                    Q_EMIT jobFinished(id, outcome);
                    return;
                }
                if (m_running[id].tasksDone != poll->done) {
                    m_running[id].tasksDone = poll->done;
                    refreshAfterChange(); // moves done so far show up while the rest runs
                }
                pollRebalance(id);
            });
    });
}

} // namespace shardscope::live
