// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <string>
#include <vector>

namespace shardscope::snapshot {

/** One operation the app ran, as the journal keeps it. */
struct JournalEntry
{
    std::int64_t id = 0;        ///< assigned by the journal
    std::int64_t startedMs = 0; ///< UTC, milliseconds since the epoch
    std::int64_t durationMs = 0;
    std::string source;  ///< "embedded" or "live"
    std::string cluster; ///< the source's display name
    std::string what;    ///< one line: what was done, as the user saw it
    std::string sql;     ///< the exact statements
    std::string outcome; ///< "ok", "failed" or "canceled"
    std::string error;   ///< the error message when it failed (with SQLSTATE in brackets)

    bool operator==(const JournalEntry&) const = default;
};

/** Which entries to read; empty fields match everything. */
struct JournalFilter
{
    std::string text;    ///< substring of what, sql, error or cluster (case-insensitive)
    std::string outcome; ///< exact outcome
    std::int64_t fromMs = 0;
    std::int64_t toMs = INT64_MAX;
};

/**
 * The local journal of operations: a SQLite file (Qt Sql, QSQLITE) with one row per operation, on either back
 * end. Entries are only ever added. Qt Sql connections belong to the thread that opens them: use a journal on
 * one thread.
 */
class OperationJournal
{
public:
    static constexpr int kSchemaVersion = 1;
    /** PRAGMA application_id of a journal file ("SSOJ"). */
    static constexpr int kApplicationId = 0x53534f4a;

    OperationJournal();
    ~OperationJournal();
    OperationJournal(const OperationJournal&) = delete;
    OperationJournal& operator=(const OperationJournal&) = delete;

    /** <AppDataLocation>/journal.sqlite */
    static std::string defaultPath();

    /** Opens the file, creating it (and its folder) when missing. A file of another application is refused. */
    Status open(const std::string& path);
    void close();
    bool isOpen() const { return !m_connection.isEmpty(); }

    /** Stores an entry; returns its id. */
    Result<std::int64_t> append(const JournalEntry& entry);
    /** Matching entries, oldest first. */
    Result<std::vector<JournalEntry>> entries(const JournalFilter& filter = {}) const;

    /** CSV with a header line (RFC 4180 quoting, UTF-8). */
    static QByteArray toCsv(const std::vector<JournalEntry>& entries);
    /** A JSON array of objects, times as ISO 8601 UTC. */
    static QByteArray toJson(const std::vector<JournalEntry>& entries);

private:
    QString m_connection;
};

} // namespace shardscope::snapshot
