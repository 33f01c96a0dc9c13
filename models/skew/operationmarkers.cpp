// SPDX-License-Identifier: MIT
#include "operationmarkers.h"

#include <QDateTime>
#include <algorithm>
#include <cstdlib>

namespace shardscope {

namespace {

constexpr std::int64_t kSameOperationMs = 60 * 1000;

} // namespace

std::string OperationMarkers::kindOf(const QString& text)
{
    const QString s = text.toLower();
    if (s.contains(QLatin1String("rebalance")))
        return "rebalance";
    if (s.contains(QLatin1String("move")))
        return "move";
    if (s.contains(QLatin1String("split")))
        return "split";
    if (s.contains(QLatin1String("isolate")))
        return "isolate";
    if (s.contains(QLatin1String("drain")))
        return "drain";
    return "operation";
}

std::vector<snapshot::OperationMarker> OperationMarkers::fromJournal(const std::vector<snapshot::JournalEntry>& entries,
                                                                     const std::string& source,
                                                                     const std::string& cluster)
{
    std::vector<snapshot::OperationMarker> markers;
    for (const snapshot::JournalEntry& entry : entries) {
        if (entry.outcome != "ok" || entry.source != source || entry.cluster != cluster)
            continue;
        const QString what = QString::fromStdString(entry.what);
        markers.push_back({entry.startedMs + entry.durationMs, kindOf(what), what.left(300).toStdString()});
    }
    return markers;
}

std::vector<snapshot::OperationMarker>
OperationMarkers::fromBackgroundJobs(const std::vector<live::BackgroundJob>& jobs)
{
    std::vector<snapshot::OperationMarker> markers;
    for (const live::BackgroundJob& job : jobs) {
        if (job.state != "finished" || job.finishedAt.empty())
            continue;
        const QDateTime at = QDateTime::fromString(QString::fromStdString(job.finishedAt), Qt::ISODate);
        if (!at.isValid())
            continue;
        const QString type = QString::fromStdString(job.type);
        std::string kind = kindOf(type);
        if (kind == "operation")
            kind = kindOf(QString::fromStdString(job.description));
        const std::string label = job.description.empty() ? job.type : job.description;
        markers.push_back(
            {at.toMSecsSinceEpoch(), kind, "Citus background job " + std::to_string(job.id) + ": " + label});
    }
    std::sort(markers.begin(), markers.end(), [](const auto& a, const auto& b) { return a.atMs < b.atMs; });
    return markers;
}

void OperationMarkers::merge(std::vector<snapshot::OperationMarker>& into,
                             const std::vector<snapshot::OperationMarker>& extra)
{
    for (const snapshot::OperationMarker& marker : extra) {
        const bool seen = std::any_of(into.begin(), into.end(), [&marker](const snapshot::OperationMarker& m) {
            return m.label == marker.label && std::llabs(m.atMs - marker.atMs) <= kSameOperationMs;
        });
        if (!seen)
            into.push_back(marker);
    }
    std::stable_sort(into.begin(), into.end(), [](const auto& a, const auto& b) { return a.atMs < b.atMs; });
}

} // namespace shardscope
