// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/clusterstate.h"

#include <QString>
#include <cstdint>
#include <string>
#include <vector>

namespace shardscope::snapshot {

/** One row of a workspace's operation log. */
struct OperationRecord
{
    std::int64_t id = 0;
    std::int64_t atMs = 0; ///< UTC, milliseconds since the epoch
    std::string label;     ///< what the user did ("Move shard 102008 to worker-2:5432")
    std::string summary;   ///< what it changed ("placements: 1 added, 1 removed")

    bool operator==(const OperationRecord&) const = default;
};

/**
 * The persistent store of one embedded cluster: a SQLite file (Qt Sql, QSQLITE) whose tables mirror
 * ClusterState, plus the log of the operations applied to it.
 *
 * Every commit() is one transaction holding the changed rows and its log row, in WAL mode with
 * synchronous=FULL, so a crash (of the app or of the machine) loses nothing committed and a failed commit
 * leaves the previous state intact. A Workspace belongs to the thread that calls open() (Qt Sql connections
 * are per thread): create, use and destroy it on that worker thread.
 */
class Workspace
{
public:
    /** Version of the SQLite schema this build reads and writes (PRAGMA user_version). */
    static constexpr int kSchemaVersion = 1;

    Workspace();
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    /** Where the workspace of a cluster lives by default: <AppDataLocation>/workspaces/<name>.sqlite. */
    static std::string defaultPath(const std::string& clusterName);

    /** Opens the file, creating it (and its directory) when missing, or validating it when it exists. */
    Status open(const std::string& path);
    void close();
    bool isOpen() const { return !m_connection.isEmpty(); }
    const std::string& path() const { return m_path; }

    /** The stored state; an empty ClusterState for a new workspace. Shards and placements come in id order. */
    Result<engine::ClusterState> load();

    /**
     * Stores after as the new state, with an operation log row, in one transaction. Only the rows that differ
     * from the stored state are written, so a shard move costs a few rows even with a million placements.
     * summary defaults to a description of the difference. A state that fails validateClusterState is refused.
     */
    Result<OperationRecord> commit(const engine::ClusterState& after, const std::string& operationLabel,
                                   const std::string& summary = {});

    /** The operation log, oldest first. */
    Result<std::vector<OperationRecord>> operations();
    /** The operations logged in [fromMs, toMs] (UTC ms), oldest first: the marks on a chart's time axis. */
    Result<std::vector<OperationRecord>> operations(std::int64_t fromMs, std::int64_t toMs);

private:
    Status ensureLoaded();

    QString m_connection; ///< unique Qt Sql connection name, empty when closed
    std::string m_path;
    engine::ClusterState m_stored; ///< what the file holds, to diff the next commit against
    bool m_storedKnown = false;
};

} // namespace shardscope::snapshot
