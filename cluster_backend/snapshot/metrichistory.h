// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <QString>
#include <cstdint>
#include <string>
#include <vector>

namespace shardscope::snapshot {

/** Bytes of one node at one sample. */
struct NodeMetric
{
    std::string node; ///< "host:port", stable across refreshes (node ids are not, after a re-add)
    std::int64_t bytes = 0;
    std::int64_t shards = 0;

    bool operator==(const NodeMetric&) const = default;
};

/** Size and balance of one colocation group at one sample. */
struct GroupMetric
{
    std::int64_t colocationId = 0;
    std::string label; ///< the group's tables, as shown to the user
    std::int64_t bytes = 0;
    double maxOverMean = 1.0;
    double coefficientOfVariation = 0.0;

    bool operator==(const GroupMetric&) const = default;
};

/** The skew figures of a cluster at one moment. */
struct MetricSample
{
    std::int64_t atMs = 0; ///< UTC, milliseconds since the epoch
    std::int64_t totalBytes = 0;
    double nodeMaxOverMean = 1.0;
    double nodeCoefficientOfVariation = 0.0;
    std::vector<NodeMetric> nodes;
    std::vector<GroupMetric> groups;

    bool operator==(const MetricSample&) const = default;
};

/** A rebalance, move or other operation shown on the time axis. */
struct OperationMarker
{
    std::int64_t atMs = 0;
    std::string kind;  ///< "rebalance", "move", "split", ... ("operation" when unknown)
    std::string label; ///< what was done, as the user saw it

    bool operator==(const OperationMarker&) const = default;
};

/**
 * The local metric history of one cluster: a SQLite file (Qt Sql, QSQLITE) of skew samples and operation
 * markers, so trends survive restarts. A retention bound deletes what is older.
 *
 * Like Workspace, a MetricHistory belongs to the thread that calls open() (Qt Sql connections are per thread):
 * create, use and destroy it on one worker thread, never the GUI thread.
 */
class MetricHistory
{
public:
    /** Version of the SQLite schema this build reads and writes (PRAGMA user_version). */
    static constexpr int kSchemaVersion = 1;
    /** PRAGMA application_id of a history file ("SSMH"). */
    static constexpr int kApplicationId = 0x53534d48;

    MetricHistory();
    ~MetricHistory();
    MetricHistory(const MetricHistory&) = delete;
    MetricHistory& operator=(const MetricHistory&) = delete;

    /** <AppDataLocation>/history/<cluster>.sqlite, the name reduced to letters, digits, '-' and '_'. */
    static std::string defaultPath(const std::string& clusterKey);

    /** Opens the file, creating it (and its folder) when missing, or checking it when it exists. */
    Status open(const std::string& path);
    void close();
    bool isOpen() const { return !m_connection.isEmpty(); }
    const std::string& path() const { return m_path; }

    /** Stores one sample with its node and group rows, in one transaction. */
    Status record(const MetricSample& sample);
    /** Stores a marker; one with the same time and label already stored is kept once. */
    Status addMarker(const OperationMarker& marker);

    /** Samples with fromMs <= atMs <= toMs, oldest first. */
    Result<std::vector<MetricSample>> samples(std::int64_t fromMs, std::int64_t toMs);
    /** Markers with fromMs <= atMs <= toMs, oldest first. */
    Result<std::vector<OperationMarker>> markers(std::int64_t fromMs, std::int64_t toMs);
    /** The number of stored samples. */
    Result<std::int64_t> sampleCount();

    /** Deletes samples and markers older than cutoffMs; returns how many samples went. */
    Result<std::int64_t> deleteOlderThan(std::int64_t cutoffMs);

private:
    QString m_connection; ///< unique Qt Sql connection name, empty when closed
    std::string m_path;
};

} // namespace shardscope::snapshot
