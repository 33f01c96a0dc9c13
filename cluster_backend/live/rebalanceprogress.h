// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "queryresult.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace shardscope::live {

/** A task of a background job as citus_rebalance_status(raw => true) details it (only running tasks). */
struct RebalanceTaskDetail
{
    std::int64_t taskId = 0;
    std::string state;   ///< "running", ...
    std::string phase;   ///< "Setting Up", "Copying Data", "Catching Up", ... (empty when not reported)
    std::string command; ///< "SELECT pg_catalog.citus_move_shard_placement(102046,3,2,'force_logical')"
    std::string message; ///< the last error of the task, if any
    int retried = 0;
    std::string sourceHost; ///< "127.0.0.1:9702"
    std::string targetHost;
    std::int64_t sourceBytes = -1; ///< -1: not reported
    std::int64_t targetBytes = -1;
};

/** One row of citus_rebalance_status(raw => true): the latest rebalance job with its details JSON parsed. */
struct RebalanceJobStatus
{
    std::int64_t jobId = 0;
    std::string state; ///< citus_job_status: scheduled, running, cancelling, cancelled, failing, failed, finished
    std::string jobType;
    std::string description;
    std::string startedAt;
    std::string finishedAt;
    /** details.task_state_counts: citus_task_status label -> count (labels with no task are absent). */
    std::map<std::string, int> taskCounts;
    std::vector<RebalanceTaskDetail> runningTasks; ///< details.tasks

    int tasks() const;
    int tasksIn(const std::string& state) const;
    /** finished, cancelled or failed: the job will not change any more. */
    bool ended() const;
};

/** One row of get_rebalance_progress(): one shard of a shard group being moved or copied. */
struct ShardMoveProgress
{
    std::int64_t sessionId = 0;
    std::string table;
    std::int64_t shardId = 0;
    std::int64_t shardBytes = 0;
    std::string sourceName;
    int sourcePort = 0;
    std::string targetName;
    int targetPort = 0;
    int progress = 0; ///< 0 waiting, 1 moving, 2 moved, -1 failed
    std::int64_t sourceBytes = 0;
    std::int64_t targetBytes = 0;
    std::string operation; ///< "move" or "copy"
    std::string phase;     ///< the status column ("Copying Data", ...): Citus 12.1 and later
};

/** A shard group in flight: the moving rows of one session between one pair of nodes, summed. */
struct ShardGroupTransfer
{
    std::int64_t sessionId = 0;
    std::vector<std::int64_t> shardIds; ///< in the order get_rebalance_progress() lists them
    std::vector<std::string> tables;
    std::string sourceName;
    int sourcePort = 0;
    std::string targetName;
    int targetPort = 0;
    std::string operation;
    std::string phase;
    std::int64_t sourceBytes = 0; ///< summed over the group
    std::int64_t targetBytes = 0;

    /** "shard 102046 of ss.accounts (+1 colocated) 127.0.0.1:9702 -> 127.0.0.1:9701, Copying Data, 3 of 19 MB". */
    std::string describe() const;
};

/**
 * Parses citus_rebalance_status(raw => true) (columns found by name; the details column is jsonb text with
 * "tasks" and "task_state_counts"). No row: an empty optional-like status with jobId 0.
 */
Result<RebalanceJobStatus> parseRebalanceStatus(const QueryResult& result);
/** The details JSON of citus_rebalance_status into status (kept separate for tests). */
Status parseRebalanceDetails(std::string_view json, RebalanceJobStatus& status);

/** Parses get_rebalance_progress() rows, columns found by name (the status column is optional). */
Result<std::vector<ShardMoveProgress>> parseRebalanceProgress(const QueryResult& result);

/**
 * The shard groups moving now (progress 1), one per session and node pair: get_rebalance_progress() lists
 * every colocated shard of a moving group as a row of its own.
 */
std::vector<ShardGroupTransfer> activeTransfers(const std::vector<ShardMoveProgress>& rows);

/** Byte counts as pg_size_pretty writes them ("16 MB"), for progress lines. */
std::string prettySize(std::int64_t bytes);

} // namespace shardscope::live
