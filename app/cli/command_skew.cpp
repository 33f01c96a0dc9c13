// SPDX-License-Identifier: MIT
// shardscope-cli skew (--snapshot FILE | --dsn DSN) [--json] [--top N] [--tenants]: data skew per node and per
// colocation group; with --tenants, the busiest tenants of citus_stat_tenants routed to their shards.
#include "clicommand.h"
#include "cliio.h"
#include "engine/clusterindex.h"
#include "engine/skew.h"
#include "live/loadclusterstate.h"
#include "live/tenantstatsreader.h"
#include "sim/tenantactivity.h"
#include "snapshot/snapshotjson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

using namespace shardscope;
using namespace shardscope::engine;

namespace {

/** "1.23 GiB" */
QString humanBytes(std::int64_t bytes)
{
    static const char* const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (std::abs(value) >= 1024.0 && unit < 6) {
        value /= 1024.0;
        ++unit;
    }
    if (unit == 0)
        return QStringLiteral("%1 B").arg(bytes);
    return QStringLiteral("%1 %2").arg(value, 0, 'f', value < 10 ? 2 : 1).arg(QLatin1String(kUnits[unit]));
}

/** "1,234,567" (C locale grouping, the same everywhere). */
QString exact(std::int64_t value)
{
    QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale.toString(static_cast<qlonglong>(value));
}

QString bytesText(std::int64_t bytes)
{
    return QStringLiteral("%1 (%2 bytes)").arg(humanBytes(bytes), exact(bytes));
}

QString ratio(double value)
{
    return QString::number(value, 'f', 2);
}

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 1) + QLatin1Char('%');
}

QString joined(const std::vector<std::string>& names)
{
    QStringList list;
    for (const std::string& name : names)
        list << QString::fromStdString(name);
    return list.join(QStringLiteral(", "));
}

/** Prints rows as aligned columns; numeric columns (flagged in right) are right-aligned. */
void printTable(const QStringList& header, const std::vector<QStringList>& rows, const std::vector<bool>& right)
{
    std::vector<qsizetype> width(static_cast<std::size_t>(header.size()), 0);
    const auto measure = [&](const QStringList& row) {
        for (qsizetype c = 0; c < row.size(); ++c)
            width[std::size_t(c)] = std::max(width[std::size_t(c)], row[c].size());
    };
    measure(header);
    for (const QStringList& row : rows)
        measure(row);
    const auto print = [&](const QStringList& row) {
        QString line = QStringLiteral("  ");
        for (qsizetype c = 0; c < row.size(); ++c) {
            const auto w = static_cast<int>(width[std::size_t(c)]);
            line += right[std::size_t(c)] ? row[c].rightJustified(w) : row[c].leftJustified(w);
            if (c + 1 < row.size())
                line += QStringLiteral("  ");
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        cli::printLine(line);
    };
    print(header);
    for (const QStringList& row : rows)
        print(row);
}

QString nodeLabel(const std::string& name, std::int32_t port)
{
    return QStringLiteral("%1:%2").arg(QString::fromStdString(name)).arg(port);
}

void printText(const ClusterState& state, const SkewReport& report)
{
    std::map<NodeId, const Node*> nodes;
    for (const Node& node : state.nodes)
        nodes[node.id] = &node;

    cli::printLine(QStringLiteral("Cluster %1: %2 nodes listed, %3, %4 rows")
                       .arg(QString::fromStdString(state.name))
                       .arg(report.nodes.size())
                       .arg(bytesText(report.totalBytes), exact(report.totalRows)));
    cli::printLine(QStringLiteral("Node balance: max/mean %1, coefficient of variation %2")
                       .arg(ratio(report.nodeMaxOverMean), ratio(report.nodeCoefficientOfVariation)));
    cli::printLine({});

    cli::printLine(QStringLiteral("Nodes"));
    std::vector<QStringList> rows;
    for (const NodeSkew& node : report.nodes) {
        rows.push_back({QString::number(node.node), nodeLabel(node.name, node.port), QString::number(node.group),
                        node.shouldHaveShards ? QStringLiteral("yes") : QStringLiteral("no"), exact(node.shards),
                        humanBytes(node.bytes), exact(node.bytes), percent(node.share), exact(node.rows)});
    }
    printTable({QStringLiteral("id"), QStringLiteral("node"), QStringLiteral("group"), QStringLiteral("has shards"),
                QStringLiteral("shards"), QStringLiteral("size"), QStringLiteral("bytes"), QStringLiteral("share"),
                QStringLiteral("rows")},
               rows, {true, false, true, false, true, true, true, true, true});

    for (const ColocationSkew& group : report.colocationGroups) {
        cli::printLine({});
        cli::printLine(QStringLiteral("Colocation group %1: %2").arg(group.colocationId).arg(joined(group.tables)));
        cli::printLine(QStringLiteral("  %1 shard groups, %2, %3 rows; max/mean %4, coefficient of variation %5")
                           .arg(exact(group.shardGroups), bytesText(group.bytes), exact(group.rows),
                                ratio(group.maxOverMean), ratio(group.coefficientOfVariation)));
        rows.clear();
        for (const NodeBytes& perNode : group.perNode) {
            const auto node = nodes.find(perNode.node);
            const QString label =
                node == nodes.end() ? QString::number(perNode.node) : nodeLabel(node->second->name, node->second->port);
            const double share =
                group.bytes > 0 ? static_cast<double>(perNode.bytes) / static_cast<double>(group.bytes) : 0.0;
            rows.push_back(
                {label, exact(perNode.shardGroups), humanBytes(perNode.bytes), exact(perNode.bytes), percent(share)});
        }
        printTable({QStringLiteral("node"), QStringLiteral("shard groups"), QStringLiteral("size"),
                    QStringLiteral("bytes"), QStringLiteral("share")},
                   rows, {false, true, true, true, true});
    }

    cli::printLine({});
    cli::printLine(QStringLiteral("Hottest shard groups"));
    rows.clear();
    int rank = 0;
    for (const HotShardGroup& hot : report.hottest) {
        const QString range =
            hot.hasRange ? QStringLiteral("[%1, %2]").arg(hot.minValue).arg(hot.maxValue) : QStringLiteral("-");
        const QString node = hot.node == 0 ? QStringLiteral("-") : nodeLabel(hot.nodeName, hot.nodePort);
        rows.push_back({QString::number(++rank), QString::number(hot.shard), QString::number(hot.colocationId),
                        joined(hot.tables), humanBytes(hot.bytes), exact(hot.bytes), exact(hot.rows), node, range});
    }
    printTable({QStringLiteral("#"), QStringLiteral("shard"), QStringLiteral("colocation"), QStringLiteral("tables"),
                QStringLiteral("size"), QStringLiteral("bytes"), QStringLiteral("rows"), QStringLiteral("node"),
                QStringLiteral("hash range")},
               rows, {true, true, true, false, true, true, true, false, false});
}

QJsonArray stringArray(const std::vector<std::string>& values)
{
    QJsonArray array;
    for (const std::string& value : values)
        array.append(QString::fromStdString(value));
    return array;
}

QJsonObject toJson(const ClusterState& state, const SkewReport& report)
{
    QJsonArray nodes;
    for (const NodeSkew& n : report.nodes) {
        nodes.append(QJsonObject{{QStringLiteral("node_id"), n.node},
                                 {QStringLiteral("group_id"), n.group},
                                 {QStringLiteral("name"), QString::fromStdString(n.name)},
                                 {QStringLiteral("port"), n.port},
                                 {QStringLiteral("should_have_shards"), n.shouldHaveShards},
                                 {QStringLiteral("bytes"), qint64(n.bytes)},
                                 {QStringLiteral("rows"), qint64(n.rows)},
                                 {QStringLiteral("shards"), qint64(n.shards)},
                                 {QStringLiteral("share"), n.share}});
    }
    QJsonArray groups;
    for (const ColocationSkew& g : report.colocationGroups) {
        QJsonArray perNode;
        for (const NodeBytes& p : g.perNode) {
            perNode.append(QJsonObject{{QStringLiteral("node_id"), p.node},
                                       {QStringLiteral("group_id"), p.group},
                                       {QStringLiteral("bytes"), qint64(p.bytes)},
                                       {QStringLiteral("shard_groups"), qint64(p.shardGroups)}});
        }
        groups.append(QJsonObject{{QStringLiteral("colocation_id"), g.colocationId},
                                  {QStringLiteral("tables"), stringArray(g.tables)},
                                  {QStringLiteral("bytes"), qint64(g.bytes)},
                                  {QStringLiteral("rows"), qint64(g.rows)},
                                  {QStringLiteral("shard_groups"), qint64(g.shardGroups)},
                                  {QStringLiteral("max_over_mean"), g.maxOverMean},
                                  {QStringLiteral("coefficient_of_variation"), g.coefficientOfVariation},
                                  {QStringLiteral("per_node"), perNode}});
    }
    QJsonArray hottest;
    for (const HotShardGroup& h : report.hottest) {
        QJsonArray shards;
        QJsonArray shardBytes;
        for (const ShardId id : h.shards)
            shards.append(qint64(id));
        for (const std::int64_t bytes : h.shardBytes)
            shardBytes.append(qint64(bytes));
        QJsonObject hot{{QStringLiteral("colocation_id"), h.colocationId},
                        {QStringLiteral("shard_id"), qint64(h.shard)},
                        {QStringLiteral("shards"), shards},
                        {QStringLiteral("tables"), stringArray(h.tables)},
                        {QStringLiteral("shard_bytes"), shardBytes},
                        {QStringLiteral("bytes"), qint64(h.bytes)},
                        {QStringLiteral("rows"), qint64(h.rows)},
                        {QStringLiteral("has_range"), h.hasRange},
                        {QStringLiteral("node_id"), h.node},
                        {QStringLiteral("group_id"), h.group},
                        {QStringLiteral("node_name"), QString::fromStdString(h.nodeName)},
                        {QStringLiteral("node_port"), h.nodePort}};
        hot.insert(QStringLiteral("min_value"), h.hasRange ? QJsonValue(h.minValue) : QJsonValue());
        hot.insert(QStringLiteral("max_value"), h.hasRange ? QJsonValue(h.maxValue) : QJsonValue());
        hottest.append(hot);
    }
    return QJsonObject{{QStringLiteral("cluster"), QString::fromStdString(state.name)},
                       {QStringLiteral("total_bytes"), qint64(report.totalBytes)},
                       {QStringLiteral("total_rows"), qint64(report.totalRows)},
                       {QStringLiteral("node_max_over_mean"), report.nodeMaxOverMean},
                       {QStringLiteral("node_coefficient_of_variation"), report.nodeCoefficientOfVariation},
                       {QStringLiteral("nodes"), nodes},
                       {QStringLiteral("colocation_groups"), groups},
                       {QStringLiteral("hottest"), hottest}};
}

/** The tenants of citus_stat_tenants with the shard and node their value routes to in state. */
int printTenants(const ClusterState& state, const live::TenantStats& stats, int top, bool json)
{
    const ClusterIndex index(state);
    std::vector<live::TenantStatRow> rows = stats.rows;
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return a.queriesThisPeriod + a.queriesLastPeriod > b.queriesThisPeriod + b.queriesLastPeriod;
    });
    if (rows.size() > std::size_t(top))
        rows.resize(std::size_t(top));
    QJsonArray array;
    std::vector<QStringList> table;
    for (const live::TenantStatRow& row : rows) {
        const auto location = sim::locateTenant(index, ColocationId(row.colocationId), row.tenant);
        const Node* node = index.nodeById(NodeId(row.nodeId));
        const QString nodeName = node ? nodeLabel(node->name, node->port) : QString::number(row.nodeId);
        const qint64 shard = location ? qint64(location->shard) : 0;
        array.append(QJsonObject{{QStringLiteral("tenant"), QString::fromStdString(row.tenant)},
                                 {QStringLiteral("colocation_id"), qint64(row.colocationId)},
                                 {QStringLiteral("node_id"), qint64(row.nodeId)},
                                 {QStringLiteral("node"), nodeName},
                                 {QStringLiteral("shard_id"), location ? QJsonValue(shard) : QJsonValue()},
                                 {QStringLiteral("queries_this_period"), qint64(row.queriesThisPeriod)},
                                 {QStringLiteral("queries_last_period"), qint64(row.queriesLastPeriod)},
                                 {QStringLiteral("reads_this_period"), qint64(row.readsThisPeriod)},
                                 {QStringLiteral("reads_last_period"), qint64(row.readsLastPeriod)},
                                 {QStringLiteral("cpu_seconds_this_period"), row.cpuSecondsThisPeriod},
                                 {QStringLiteral("cpu_seconds_last_period"), row.cpuSecondsLastPeriod}});
        table.push_back({QString::fromStdString(row.tenant), QString::number(row.colocationId),
                         exact(row.queriesThisPeriod + row.queriesLastPeriod),
                         exact(row.readsThisPeriod + row.readsLastPeriod),
                         QString::number((row.cpuSecondsThisPeriod + row.cpuSecondsLastPeriod) * 1000.0, 'f', 1),
                         nodeName, location ? QString::number(shard) : QStringLiteral("-")});
    }
    if (json) {
        cli::printJson(QJsonDocument(QJsonObject{{QStringLiteral("available"), stats.available},
                                                 {QStringLiteral("notice"), QString::fromStdString(stats.notice)},
                                                 {QStringLiteral("period_seconds"), stats.periodSeconds},
                                                 {QStringLiteral("tenants"), array}}));
        return cli::ExitOk;
    }
    if (!stats.available || rows.empty()) {
        cli::printLine(QStringLiteral("No tenant statistics: %1").arg(QString::fromStdString(stats.notice)));
        return cli::ExitOk;
    }
    cli::printLine(QStringLiteral("Top tenants (citus_stat_tenants, the last %1 s period and the running one)")
                       .arg(stats.periodSeconds));
    printTable({QStringLiteral("tenant"), QStringLiteral("colocation"), QStringLiteral("queries"),
                QStringLiteral("reads"), QStringLiteral("cpu ms"), QStringLiteral("node"), QStringLiteral("shard")},
               table, {false, true, true, true, true, false, true});
    return cli::ExitOk;
}

int runSkew(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Prints the data skew of a cluster snapshot: bytes, shards and share per node, balance "
                       "(max/mean, coefficient of variation) per colocation group, and the hottest shard groups."));
    parser.addOption(
        {QStringLiteral("snapshot"), QStringLiteral("The snapshot file to read."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("dsn"),
                      QStringLiteral("Read a live coordinator instead (libpq connection string)."),
                      QStringLiteral("DSN")});
    parser.addOption({QStringLiteral("tenants"),
                      QStringLiteral("With --dsn: the busiest tenants of citus_stat_tenants and their shards.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the figures as JSON (snake_case keys).")});
    parser.addOption({QStringLiteral("top"), QStringLiteral("How many hottest shard groups to list (default 10)."),
                      QStringLiteral("N"), QStringLiteral("10")});
    const QString usage = QStringLiteral("skew (--snapshot FILE | --dsn DSN) [--json] [--top N] [--tenants]");
    if (!cli::parseArguments(parser, args, usage))
        return cli::ExitUsage;
    const QString file = parser.value(QStringLiteral("snapshot"));
    const QString dsn = parser.value(QStringLiteral("dsn"));
    const bool tenants = parser.isSet(QStringLiteral("tenants"));
    bool topOk = false;
    const int top = parser.value(QStringLiteral("top")).toInt(&topOk);
    QString problem;
    if (file.isEmpty() && dsn.isEmpty())
        problem = QStringLiteral("--snapshot FILE is required (or --dsn DSN for a live coordinator)");
    else if (!file.isEmpty() && !dsn.isEmpty())
        problem = QStringLiteral("give --snapshot FILE or --dsn DSN, not both");
    else if (tenants && dsn.isEmpty())
        problem = QStringLiteral("--tenants needs --dsn: a snapshot holds no tenant statistics");
    else if (!topOk || top < 0 || top > 100000)
        problem = QStringLiteral("--top must be a number from 0 to 100000, not \"%1\"")
                      .arg(parser.value(QStringLiteral("top")));
    else if (!parser.positionalArguments().isEmpty())
        problem = QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().front());
    if (!problem.isEmpty()) {
        cli::printError(problem);
        std::fprintf(stderr, "usage: shardscope-cli %s\n", usage.toUtf8().constData());
        return cli::ExitUsage;
    }

    const Result<ClusterState> state =
        dsn.isEmpty() ? snapshot::loadSnapshotFile(file.toStdString()) : live::loadClusterState(dsn.toStdString());
    if (!state) {
        cli::printError(state.error());
        return cli::ExitFailed;
    }
    if (tenants) {
        const auto stats = live::loadTenantStats(dsn.toStdString());
        if (!stats) {
            cli::printError(stats.error());
            return cli::ExitFailed;
        }
        return printTenants(*state, *stats, top, parser.isSet(QStringLiteral("json")));
    }
    const SkewReport report = computeSkew(*state, top);
    if (parser.isSet(QStringLiteral("json")))
        cli::printJson(QJsonDocument(toJson(*state, report)));
    else
        printText(*state, report);
    return cli::ExitOk;
}

} // namespace

SHARDSCOPE_CLI_COMMAND(skew, "Data skew per node and colocation group (snapshot or live); top tenants", runSkew)
