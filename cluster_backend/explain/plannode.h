// SPDX-License-Identifier: MIT
#pragma once

#include "explain/planvalue.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shardscope::explain {

struct PlanNode;

/** Block counters of a node or of planning (EXPLAIN BUFFERS). Absent counters stay empty. */
struct PlanBuffers
{
    std::optional<std::int64_t> sharedHit, sharedRead, sharedDirtied, sharedWritten;
    std::optional<std::int64_t> localHit, localRead, localDirtied, localWritten;
    std::optional<std::int64_t> tempRead, tempWritten;

    bool present() const;
    /** Shared hit + read (what a reader wants first). */
    std::int64_t sharedTotal() const { return sharedHit.value_or(0) + sharedRead.value_or(0); }
    bool operator==(const PlanBuffers&) const = default;
};

/** WAL usage of a node (EXPLAIN WAL). */
struct PlanWal
{
    std::optional<std::int64_t> records, fullPageImages, bytes;

    bool present() const { return records || fullPageImages || bytes; }
    bool operator==(const PlanWal&) const = default;
};

/**
 * One EXPLAIN result: a plan root plus statement-level figures. A whole EXPLAIN output, the worker's plan of a
 * Citus task ("Remote Plan"), the SELECT of an INSERT ... SELECT and a distributed subplan are all statements.
 */
struct ExplainStatement
{
    std::vector<PlanNode> root; ///< the "Plan" (exactly one in a valid plan; a vector so the type can nest)
    std::optional<double> planningTimeMs;
    std::optional<double> executionTimeMs;
    PlanProperties properties; ///< Triggers, Settings, JIT, Planning, Query Identifier, ...

    const PlanNode* plan() const;
    bool operator==(const ExplainStatement&) const;
};

/** A Citus task: one shard query sent to one worker ("Tasks" of a Job). */
struct CitusTask
{
    std::string node;              ///< "host=127.0.0.1 port=9702 dbname=postgres" as Citus prints it
    std::string query;             ///< with VERBOSE
    std::string tupleDataReceived; ///< "8 bytes" with ANALYZE
    PlanProperties properties;
    std::vector<ExplainStatement> remotePlan; ///< the worker's own EXPLAIN (normally one statement)

    /** "host:port" parsed from node; empty when node does not say. */
    std::string hostPort() const;
    bool operator==(const CitusTask&) const = default;
};

/** A repartition step of a Job ("Dependent Jobs", shown as MapMergeJob in text). */
struct CitusDependentJob
{
    std::optional<std::int64_t> mapTaskCount;
    std::optional<std::int64_t> mergeTaskCount;
    PlanProperties properties;

    bool operator==(const CitusDependentJob&) const = default;
};

/** "Distributed Query" / "Job" of a Citus custom scan. */
struct CitusJob
{
    std::optional<std::int64_t> taskCount;
    std::string tasksShown;        ///< "One of 32", "All", "None, not supported for re-partition queries"
    std::string tupleDataReceived; ///< "256 bytes" with ANALYZE
    PlanProperties properties;
    std::vector<CitusTask> tasks;
    std::vector<CitusDependentJob> dependentJobs;

    /** True when the plan holds every task ("All", or as many tasks as Task Count). */
    bool allTasksShown() const;
    bool operator==(const CitusJob&) const = default;
};

/** A subplan Citus runs first and whose result is passed on ("Subplans" of a Distributed Query). */
struct CitusSubplan
{
    std::string name;          ///< text format: "Distributed Subplan 1_1"
    PlanProperties properties; ///< Intermediate Data Size, Result destination, ...
    std::vector<ExplainStatement> plans;

    bool operator==(const CitusSubplan&) const = default;
};

/** One plan node with the fields ShardScope computes with; everything else stays in properties. */
struct PlanNode
{
    std::string nodeType;           ///< "Seq Scan", "Custom Scan", ...
    std::string customPlanProvider; ///< "Citus Adaptive", "Citus INSERT ... SELECT"
    std::string parentRelationship; ///< "Outer", "Inner", "InitPlan", "SubPlan", ...
    std::string subplanName;        ///< "InitPlan 1 (returns $0)", "CTE c"
    std::string relationName, schema, alias, indexName, cteName, functionName;
    std::string joinType, strategy, partialMode, operation, scanDirection;
    std::optional<bool> parallelAware, asyncCapable;

    std::optional<double> startupCost, totalCost, planRows, planWidth;
    std::optional<double> actualStartupTimeMs, actualTotalTimeMs, actualRows, actualLoops;
    std::optional<std::int64_t> workersPlanned, workersLaunched;
    PlanBuffers buffers;
    PlanWal wal;
    PlanProperties properties;

    std::optional<CitusJob> job;               ///< Citus: the distributed job of this custom scan
    std::vector<CitusSubplan> subplans;        ///< Citus: subplans run before the job
    PlanProperties distributedProperties;      ///< Citus: other members of "Distributed Query"
    std::string insertSelectMethod;            ///< Citus: "repartition", "pull to coordinator"
    std::vector<ExplainStatement> selectQuery; ///< Citus INSERT ... SELECT: the SELECT's plan
    std::vector<PlanNode> children;            ///< "Plans"

    bool isCitusScan() const;
    /** "Seq Scan on events", "Custom Scan (Citus Adaptive)": how a reader names the node. */
    std::string label() const;
    /** Whether the node ran (ANALYZE, loops > 0). */
    bool executed() const { return actualLoops && *actualLoops > 0; }
    /** Whether the plan carries ANALYZE figures for this node. */
    bool analyzed() const { return actualLoops.has_value(); }
    bool operator==(const PlanNode&) const = default;
};

/** How a plan file was written. */
enum class PlanFormat : std::uint8_t
{
    Json,
    Text,
};

/** A parsed EXPLAIN output (one statement per explained query; EXPLAIN prints one). */
struct ExplainPlan
{
    std::vector<ExplainStatement> statements;
    PlanFormat sourceFormat = PlanFormat::Json;
    std::string sourceSql; ///< an SQL comment line before a text plan ("-- EXPLAIN ..."), when present

    const ExplainStatement* first() const { return statements.empty() ? nullptr : &statements.front(); }
    /** Structural equality of the plan (the source format and SQL comment are not compared). */
    bool samePlan(const ExplainPlan& other) const { return statements == other.statements; }
};

} // namespace shardscope::explain
