// SPDX-License-Identifier: MIT
#include "rebalanceprogress.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace shardscope::live {

namespace {

QString q(const char* text)
{
    return QString::fromLatin1(text);
}

std::string str(const QJsonValue& value)
{
    return value.isString() ? value.toString().toStdString() : std::string();
}

// raw => true gives bytes as numbers; the pretty form gives "16 MB" (kept as unknown).
std::int64_t bytes(const QJsonValue& value)
{
    return value.isDouble() ? static_cast<std::int64_t>(value.toDouble()) : -1;
}

template <class T>
bool number(const std::string& text, T& out)
{
    if (text.empty())
        return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

Error badOutput(const std::string& what)
{
    return Error{"Citus answered in an unexpected form: " + what + '.',
                 "shardscope.unexpected_output",
                 {},
                 "ShardScope reads Citus 11.1 to 13.x; please report the Citus version.",
                 {}};
}

// Column indexes by name; a missing required one is an error naming it.
class Columns
{
public:
    explicit Columns(const QueryResult& result) : m_result(result) {}
    int require(const char* name)
    {
        const int index = m_result.columnIndex(name);
        if (index < 0 && m_missing.empty())
            m_missing = name;
        return index;
    }
    int optional(const char* name) const { return m_result.columnIndex(name); }
    const std::string& missing() const { return m_missing; }

private:
    const QueryResult& m_result;
    std::string m_missing;
};

} // namespace

int RebalanceJobStatus::tasks() const
{
    int total = 0;
    for (const auto& [label, count] : taskCounts)
        total += count;
    return total;
}

int RebalanceJobStatus::tasksIn(const std::string& label) const
{
    const auto it = taskCounts.find(label);
    return it == taskCounts.end() ? 0 : it->second;
}

bool RebalanceJobStatus::ended() const
{
    return state == "finished" || state == "cancelled" || state == "failed";
}

Status parseRebalanceDetails(std::string_view json, RebalanceJobStatus& status)
{
    if (json.empty())
        return Done{};
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return badOutput("citus_rebalance_status() details are not a JSON object");
    const QJsonObject root = document.object();
    const QJsonObject counts = root.value(q("task_state_counts")).toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        status.taskCounts[it.key().toStdString()] = it.value().toInt();
    for (const QJsonValue& value : root.value(q("tasks")).toArray()) {
        const QJsonObject task = value.toObject();
        RebalanceTaskDetail detail;
        detail.taskId = static_cast<std::int64_t>(task.value(q("task_id")).toDouble());
        detail.state = str(task.value(q("state")));
        detail.phase = str(task.value(q("phase")));
        detail.command = str(task.value(q("command")));
        detail.message = str(task.value(q("message")));
        detail.retried = task.value(q("retried")).toInt();
        const QJsonObject hosts = task.value(q("hosts")).toObject();
        detail.sourceHost = str(hosts.value(q("source")));
        detail.targetHost = str(hosts.value(q("target")));
        const QJsonObject size = task.value(q("size")).toObject();
        detail.sourceBytes = bytes(size.value(q("source")));
        detail.targetBytes = bytes(size.value(q("target")));
        status.runningTasks.push_back(std::move(detail));
    }
    return Done{};
}

Result<RebalanceJobStatus> parseRebalanceStatus(const QueryResult& result)
{
    Columns columns(result);
    const int jobId = columns.require("job_id");
    const int state = columns.require("state");
    const int jobType = columns.require("job_type");
    const int description = columns.require("description");
    const int startedAt = columns.require("started_at");
    const int finishedAt = columns.require("finished_at");
    const int details = columns.require("details");
    if (!columns.missing().empty())
        return badOutput("citus_rebalance_status() has no column " + columns.missing());
    RebalanceJobStatus status;
    if (result.rows.empty())
        return status;
    if (!number(result.text(0, jobId), status.jobId))
        return badOutput("citus_rebalance_status() job_id \"" + result.text(0, jobId) + "\" is not a number");
    status.state = result.text(0, state);
    status.jobType = result.text(0, jobType);
    status.description = result.text(0, description);
    status.startedAt = result.text(0, startedAt);
    status.finishedAt = result.text(0, finishedAt);
    Status parsed = parseRebalanceDetails(result.text(0, details), status);
    if (!parsed)
        return parsed.error();
    return status;
}

Result<std::vector<ShardMoveProgress>> parseRebalanceProgress(const QueryResult& result)
{
    Columns columns(result);
    const int session = columns.require("sessionid");
    const int table = columns.require("table_name");
    const int shard = columns.require("shardid");
    const int shardSize = columns.require("shard_size");
    const int sourceName = columns.require("sourcename");
    const int sourcePort = columns.require("sourceport");
    const int targetName = columns.require("targetname");
    const int targetPort = columns.require("targetport");
    const int progress = columns.require("progress");
    const int sourceSize = columns.require("source_shard_size");
    const int targetSize = columns.require("target_shard_size");
    const int operation = columns.optional("operation_type");
    const int phase = columns.optional("status");
    if (!columns.missing().empty())
        return badOutput("get_rebalance_progress() has no column " + columns.missing());
    std::vector<ShardMoveProgress> rows;
    rows.reserve(result.rows.size());
    for (std::size_t r = 0; r < result.rows.size(); ++r) {
        ShardMoveProgress row;
        const bool ok = number(result.text(r, session, "0"), row.sessionId) &&
                        number(result.text(r, shard), row.shardId) &&
                        number(result.text(r, sourcePort, "0"), row.sourcePort) &&
                        number(result.text(r, targetPort, "0"), row.targetPort) &&
                        number(result.text(r, progress, "0"), row.progress);
        if (!ok)
            return badOutput("a get_rebalance_progress() row has a non-numeric id, port or progress");
        // Sizes are NULL while a side has not been measured yet.
        (void)number(result.text(r, shardSize, "0"), row.shardBytes);
        (void)number(result.text(r, sourceSize, "0"), row.sourceBytes);
        (void)number(result.text(r, targetSize, "0"), row.targetBytes);
        row.table = result.text(r, table);
        row.sourceName = result.text(r, sourceName);
        row.targetName = result.text(r, targetName);
        row.operation = result.text(r, operation);
        row.phase = result.text(r, phase);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<ShardGroupTransfer> activeTransfers(const std::vector<ShardMoveProgress>& rows)
{
    std::vector<ShardGroupTransfer> groups;
    for (const ShardMoveProgress& row : rows) {
        if (row.progress != 1)
            continue;
        auto it = std::find_if(groups.begin(), groups.end(), [&](const ShardGroupTransfer& g) {
            return g.sessionId == row.sessionId && g.sourceName == row.sourceName && g.sourcePort == row.sourcePort &&
                   g.targetName == row.targetName && g.targetPort == row.targetPort;
        });
        if (it == groups.end()) {
            ShardGroupTransfer group;
            group.sessionId = row.sessionId;
            group.sourceName = row.sourceName;
            group.sourcePort = row.sourcePort;
            group.targetName = row.targetName;
            group.targetPort = row.targetPort;
            group.operation = row.operation;
            group.phase = row.phase;
            groups.push_back(std::move(group));
            it = std::prev(groups.end());
        }
        it->shardIds.push_back(row.shardId);
        it->tables.push_back(row.table);
        it->sourceBytes += row.sourceBytes;
        it->targetBytes += row.targetBytes;
    }
    return groups;
}

std::string ShardGroupTransfer::describe() const
{
    std::string text = "shard " + (shardIds.empty() ? std::string("?") : std::to_string(shardIds.front()));
    if (!tables.empty())
        text += " of " + tables.front();
    if (shardIds.size() > 1)
        text += " (+" + std::to_string(shardIds.size() - 1) + " colocated)";
    text +=
        ' ' + sourceName + ':' + std::to_string(sourcePort) + " -> " + targetName + ':' + std::to_string(targetPort);
    if (!phase.empty())
        text += ", " + phase;
    text += ", " + prettySize(targetBytes) + " of " + prettySize(sourceBytes);
    return text;
}

std::string prettySize(std::int64_t bytes)
{
    // pg_size_pretty's integer steps (PostgreSQL 15): bytes below 10 kB, then half-units shifted down and
    // rounded half away from zero, each unit used below 20479 half-units.
    if (std::llabs(bytes) < 10 * 1024)
        return std::to_string(bytes) + " bytes";
    static const char* units[] = {"kB", "MB", "GB", "TB", "PB"};
    std::int64_t size = bytes / (std::int64_t(1) << 9);
    for (int unit = 0;; ++unit) {
        if (unit == 4 || std::llabs(size) < 20 * 1024 - 1) {
            const std::int64_t rounded = (size + (size < 0 ? -1 : 1)) / 2;
            return std::to_string(rounded) + ' ' + units[unit];
        }
        size /= std::int64_t(1) << 10;
    }
}

} // namespace shardscope::live
