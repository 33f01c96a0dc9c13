// SPDX-License-Identifier: MIT
#pragma once

#include "api/canceltoken.h"
#include "api/clustersource.h"

#include <QThreadPool>
#include <map>
#include <memory>

namespace shardscope::sim {

/**
 * The embedded cluster as a ClusterSource: the engine applies operations to an in-process ClusterState kept
 * in a SQLite workspace (the demo cluster on first start), each operation committed before it is shown. All
 * work runs in order on one worker thread of its own, so operations never race, the workspace's connection
 * stays on its thread and the GUI thread never waits; results come back as queued signals.
 */
class EmbeddedClusterSource : public ClusterSource
{
    Q_OBJECT

public:
    struct Options
    {
        /** Shown in the status bar; the app passes a translated "Embedded demo cluster". */
        QString displayName = QStringLiteral("Embedded demo cluster");
        /** Workspace file; empty: snapshot::Workspace::defaultPath("demo") under AppDataLocation. */
        QString workspacePath;
        /** Start again from a fresh demo cluster, dropping the user's changes. */
        bool resetDemo = false;
    };

    explicit EmbeddedClusterSource(QObject* parent = nullptr);
    explicit EmbeddedClusterSource(Options options, QObject* parent = nullptr);
    ~EmbeddedClusterSource() override;

    SourceKind kind() const override { return SourceKind::Embedded; }
    QString displayName() const override { return m_options.displayName; }
    quint64 refresh() override;
    JobId submit(const engine::OperationRequest& request) override;
    void cancel(JobId job) override;

    /** Blocks until every queued refresh and operation has run (shutdown and tests only). */
    void waitForIdle();

    struct Core; // the state and its storage; only ever touched on the worker thread

private:
    ClusterSnapshot makeSnapshot(std::shared_ptr<const engine::ClusterState> state, quint64 generation) const;

    Options m_options;
    QThreadPool m_pool;
    std::shared_ptr<Core> m_core;
    std::map<JobId, CancelToken> m_jobs;
    int m_pendingRefreshes = 0;
};

} // namespace shardscope::sim
