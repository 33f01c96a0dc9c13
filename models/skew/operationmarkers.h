// SPDX-License-Identifier: MIT
#pragma once

#include "live/livesnapshot.h"
#include "snapshot/metrichistory.h"
#include "snapshot/operationjournal.h"

#include <QString>
#include <vector>

namespace shardscope {

/**
 * Where the operation markers of the Skew tab's time axis come from, besides the operations finished while the
 * page is open: the operations journal (every operation the app ran, on either back end) and, on a live
 * cluster, Citus's own background jobs (rebalances started from psql or another tool).
 */
class OperationMarkers
{
public:
    /** "rebalance", "move", "split", "isolate", "drain" or "operation", from what the user saw. */
    static std::string kindOf(const QString& text);

    /** Successful journal entries of one cluster ("live"/"embedded" and its display name), at their end. */
    static std::vector<snapshot::OperationMarker> fromJournal(const std::vector<snapshot::JournalEntry>& entries,
                                                              const std::string& source, const std::string& cluster);

    /** Finished background jobs, at finished_at; jobs still running or without a time are left out. */
    static std::vector<snapshot::OperationMarker> fromBackgroundJobs(const std::vector<live::BackgroundJob>& jobs);

    /**
     * Adds the markers of extra to into, oldest first: one with the same label within a minute of a marker
     * already there is the same operation seen twice (the page saw it finish and the journal recorded it).
     */
    static void merge(std::vector<snapshot::OperationMarker>& into,
                      const std::vector<snapshot::OperationMarker>& extra);
};

} // namespace shardscope
