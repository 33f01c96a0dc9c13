// SPDX-License-Identifier: MIT
#include "sim/embeddedclustersource.h"

#include "api/async.h"
#include "sim/democluster.h"
#include "snapshot/workspace.h"

namespace shardscope::sim {

struct EmbeddedClusterSource::Core
{
    QString workspacePath;
    bool resetDemo = false;
    std::unique_ptr<snapshot::Workspace> workspace;
    std::shared_ptr<const engine::ClusterState> state;

    /** Opens the workspace and loads the cluster on first use; an empty or reset workspace gets the demo. */
    std::optional<Error> ensureLoaded()
    {
        if (state) {
            return std::nullopt;
        }
        workspace = std::make_unique<snapshot::Workspace>();
        if (Status opened = workspace->open(workspacePath.toStdString()); !opened) {
            workspace.reset();
            return opened.error();
        }
        Result<engine::ClusterState> loaded = workspace->load();
        if (!loaded) {
            return loaded.error();
        }
        if (resetDemo || loaded->nodes.empty()) {
            engine::ClusterState demo = makeDemoCluster();
            const char* label = resetDemo ? "Recreate the demo cluster" : "Create the demo cluster";
            if (auto committed = workspace->commit(demo, label); !committed) {
                return committed.error();
            }
            resetDemo = false;
            state = std::make_shared<const engine::ClusterState>(std::move(demo));
        } else {
            state = std::make_shared<const engine::ClusterState>(std::move(loaded).value());
        }
        return std::nullopt;
    }
};

namespace {

struct RefreshOutcome
{
    std::shared_ptr<const engine::ClusterState> state;
    std::optional<Error> error;
};

struct OperationOutcome
{
    std::shared_ptr<const engine::ClusterState> state; ///< the new state when the operation succeeded
    std::optional<Error> error;
    bool canceled = false;
};

QString defaultWorkspacePath()
{
    return QString::fromStdString(snapshot::Workspace::defaultPath("demo"));
}

} // namespace

EmbeddedClusterSource::EmbeddedClusterSource(QObject* parent) : EmbeddedClusterSource(Options{}, parent) {}

EmbeddedClusterSource::EmbeddedClusterSource(Options options, QObject* parent)
    : ClusterSource(parent), m_options(std::move(options)), m_core(std::make_shared<Core>())
{
    // One thread that never expires: operations apply in submission order, and a database connection
    // opened on it stays on it.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    m_core->workspacePath = m_options.workspacePath.isEmpty() ? defaultWorkspacePath() : m_options.workspacePath;
    m_core->resetDemo = m_options.resetDemo;
}

EmbeddedClusterSource::~EmbeddedClusterSource()
{
    for (auto& [id, token] : m_jobs) {
        token.cancel();
    }
    // The workspace's database connection belongs to the worker thread: close it there.
    // (QFuture::waitForFinished could run the task right here, on the wrong thread: wait for the pool instead.)
    auto closed = QtConcurrent::run(&m_pool, [core = m_core] { core->workspace.reset(); });
    Q_UNUSED(closed);
    m_pool.waitForDone();
}

void EmbeddedClusterSource::waitForIdle()
{
    m_pool.waitForDone();
}

ClusterSnapshot EmbeddedClusterSource::makeSnapshot(std::shared_ptr<const engine::ClusterState> state,
                                                    quint64 generation) const
{
    ClusterSnapshot snapshot;
    snapshot.state = std::move(state);
    snapshot.sourceKind = SourceKind::Embedded;
    snapshot.sourceName = m_options.displayName;
    snapshot.takenAt = QDateTime::currentDateTimeUtc();
    snapshot.generation = generation;
    return snapshot;
}

quint64 EmbeddedClusterSource::refresh()
{
    const quint64 generation = nextGeneration();
    if (m_pendingRefreshes++ == 0) {
        setRefreshing(true);
    }
    if (connectionState() == ConnectionState::Disconnected) {
        setConnectionState(ConnectionState::Connecting);
    }
    runAsync(
        &m_pool, this,
        [core = m_core] {
            RefreshOutcome outcome;
            outcome.error = core->ensureLoaded();
            outcome.state = core->state;
            return outcome;
        },
        [this, generation](const RefreshOutcome& outcome) {
            if (--m_pendingRefreshes == 0) {
                setRefreshing(false);
            }
            if (outcome.error) {
                setConnectionState(ConnectionState::Failed);
                Q_EMIT refreshFailed(*outcome.error);
                return;
            }
            setConnectionState(ConnectionState::Connected);
            publishSnapshot(makeSnapshot(outcome.state, generation));
        });
    return generation;
}

JobId EmbeddedClusterSource::submit(const engine::OperationRequest& request)
{
    const JobId id = nextJobId();
    const CancelToken token;
    m_jobs.emplace(id, token);
    const QString sql = QString::fromStdString(engine::operationSql(request));
    Q_EMIT jobProgressed(id, JobProgress{0, 1, sql});
    runAsync(
        &m_pool, this,
        [core = m_core, request, token] {
            OperationOutcome outcome;
            if (token.isCanceled()) {
                outcome.canceled = true;
                return outcome;
            }
            if (auto error = core->ensureLoaded()) {
                outcome.error = std::move(error);
                return outcome;
            }
            Result<engine::ClusterState> next = engine::applyOperation(*core->state, request);
            if (!next) {
                outcome.error = next.error();
                return outcome;
            }
            // Committed first: what the user sees is always what survives a restart.
            if (auto committed = core->workspace->commit(*next, engine::operationSql(request)); !committed) {
                outcome.error = committed.error();
                return outcome;
            }
            core->state = std::make_shared<const engine::ClusterState>(std::move(next).value());
            outcome.state = core->state;
            return outcome;
        },
        [this, id, sql](const OperationOutcome& outcome) {
            m_jobs.erase(id);
            JobResult result;
            result.error = outcome.error;
            result.canceled = outcome.canceled;
            if (outcome.state) {
                result.generation = nextGeneration();
                result.summary = sql;
                Q_EMIT jobProgressed(id, JobProgress{1, 1, result.summary});
                publishSnapshot(makeSnapshot(outcome.state, result.generation));
            }
            Q_EMIT jobFinished(id, result);
        });
    return id;
}

void EmbeddedClusterSource::cancel(JobId job)
{
    if (const auto it = m_jobs.find(job); it != m_jobs.end()) {
        it->second.cancel();
    }
}

} // namespace shardscope::sim
