// SPDX-License-Identifier: MIT
// shardscope-cli simulate: a rebalance plan applied to a snapshot, before and after (optionally "what if").
#include "clicommand.h"
#include "cliio.h"
#include "engine/rebalance/plansimulation.h"
#include "engine/rebalance/whatif.h"
#include "planargs.h"

#include <QJsonArray>
#include <QJsonObject>
#include <map>

using namespace shardscope;

namespace {

QJsonObject balanceJson(const engine::ByteBalance& balance)
{
    return QJsonObject{{QStringLiteral("max_over_mean"), balance.maxOverMean},
                       {QStringLiteral("coefficient_of_variation"), balance.coefficientOfVariation},
                       {QStringLiteral("max_bytes"), static_cast<qint64>(balance.maxBytes)}};
}

QJsonObject simulationJson(const engine::PlanSimulation& s, const QString& strategy)
{
    std::map<engine::NodeId, const engine::NodeLoadChange*> nodes;
    for (const engine::NodeLoadChange& node : s.nodes)
        nodes[node.node] = &node;
    QJsonArray nodeArray;
    for (const engine::NodeLoadChange& node : s.nodes) {
        nodeArray.append(QJsonObject{{QStringLiteral("nodeid"), node.node},
                                     {QStringLiteral("nodename"), QString::fromStdString(node.name)},
                                     {QStringLiteral("nodeport"), node.port},
                                     {QStringLiteral("should_have_shards"), node.shouldHaveShards},
                                     {QStringLiteral("bytes_before"), static_cast<qint64>(node.bytesBefore)},
                                     {QStringLiteral("bytes_after"), static_cast<qint64>(node.bytesAfter)},
                                     {QStringLiteral("shards_before"), static_cast<qint64>(node.shardsBefore)},
                                     {QStringLiteral("shards_after"), static_cast<qint64>(node.shardsAfter)}});
    }
    QJsonArray transfers;
    for (const engine::NodePairTransfer& pair : s.pairs) {
        const auto* from = nodes.count(pair.source) ? nodes[pair.source] : nullptr;
        const auto* to = nodes.count(pair.target) ? nodes[pair.target] : nullptr;
        transfers.append(
            QJsonObject{{QStringLiteral("sourcename"), from ? QString::fromStdString(from->name) : QString()},
                        {QStringLiteral("sourceport"), from ? from->port : 0},
                        {QStringLiteral("targetname"), to ? QString::fromStdString(to->name) : QString()},
                        {QStringLiteral("targetport"), to ? to->port : 0},
                        {QStringLiteral("bytes"), static_cast<qint64>(pair.bytes)},
                        {QStringLiteral("shards"), static_cast<qint64>(pair.shards)},
                        {QStringLiteral("moves"), static_cast<qint64>(pair.groupMoves)}});
    }
    return QJsonObject{{QStringLiteral("strategy"), strategy},
                       {QStringLiteral("moves"), static_cast<qint64>(s.groupMoves)},
                       {QStringLiteral("shards_to_move"), static_cast<qint64>(s.shardsToMove)},
                       {QStringLiteral("bytes_to_move"), static_cast<qint64>(s.bytesToMove)},
                       {QStringLiteral("copy_rate_mb_per_s"), s.copyRateBytesPerSecond / 1e6},
                       {QStringLiteral("estimated_seconds"), s.estimatedSeconds},
                       {QStringLiteral("skew_before"), balanceJson(s.before)},
                       {QStringLiteral("skew_after"), balanceJson(s.after)},
                       {QStringLiteral("nodes"), nodeArray},
                       {QStringLiteral("transfers"), transfers}};
}

void printSummary(const engine::PlanSimulation& s, const QString& strategy)
{
    cli::printLine(QStringLiteral("Strategy:        %1").arg(strategy));
    cli::printLine(QStringLiteral("Moves:           %1 shard groups, %2 shards").arg(s.groupMoves).arg(s.shardsToMove));
    cli::printLine(
        QStringLiteral("To copy:         %1 (%2 bytes)").arg(cli::prettyBytes(s.bytesToMove)).arg(s.bytesToMove));
    cli::printLine(QStringLiteral("Estimated time:  %1 s at %2 MB/s")
                       .arg(s.estimatedSeconds, 0, 'f', 1)
                       .arg(s.copyRateBytesPerSecond / 1e6));
    cli::printLine(QStringLiteral("Skew (max/mean): %1 -> %2")
                       .arg(s.before.maxOverMean, 0, 'f', 3)
                       .arg(s.after.maxOverMean, 0, 'f', 3));
    cli::printLine(QStringLiteral("Skew (CV):       %1 -> %2")
                       .arg(s.before.coefficientOfVariation, 0, 'f', 3)
                       .arg(s.after.coefficientOfVariation, 0, 'f', 3));
    cli::printLine(QString());
    cli::printLine(
        QStringLiteral("node                          bytes before      bytes after   shards before -> after"));
    for (const engine::NodeLoadChange& node : s.nodes) {
        cli::printLine(QStringLiteral("%1 %2 %3   %4 -> %5")
                           .arg(QStringLiteral("%1:%2").arg(QString::fromStdString(node.name)).arg(node.port), -28)
                           .arg(node.bytesBefore, 16)
                           .arg(node.bytesAfter, 16)
                           .arg(node.shardsBefore, 13)
                           .arg(node.shardsAfter));
    }
    if (!s.pairs.empty()) {
        cli::printLine(QString());
        cli::printLine(QStringLiteral("Transfers:"));
        std::map<engine::NodeId, QString> names;
        for (const engine::NodeLoadChange& node : s.nodes)
            names[node.node] = QStringLiteral("%1:%2").arg(QString::fromStdString(node.name)).arg(node.port);
        for (const engine::NodePairTransfer& pair : s.pairs) {
            cli::printLine(QStringLiteral("  %1 -> %2: %3 (%4 moves, %5 shards)")
                               .arg(names[pair.source], names[pair.target], cli::prettyBytes(pair.bytes))
                               .arg(pair.groupMoves)
                               .arg(pair.shards));
        }
    }
}

int runSimulate(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Plans a rebalance on a snapshot (same options as plan), applies it and prints the load per "
                       "node before and after, the skew, the bytes to copy per node pair and an estimated duration. "
                       "--add-nodes, --remove-node and --shard-count change the snapshot first (what if)."));
    cli::addPlanOptions(parser);
    parser.addOption({QStringLiteral("copy-rate"), QStringLiteral("Copy speed in MB (10^6 bytes) per second (100)."),
                      QStringLiteral("MBPS")});
    parser.addOption(
        {QStringLiteral("add-nodes"), QStringLiteral("What if N empty workers were added."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("remove-node"), QStringLiteral("What if this node were taken out (repeatable)."),
                      QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("shard-count"),
                      QStringLiteral("What if TABLE's colocation group had N shards (alter_distributed_table)."),
                      QStringLiteral("TABLE=N")});
    const QString usage = QStringLiteral("simulate --snapshot FILE|--dsn DSN [plan options] [--copy-rate MBPS] "
                                         "[--add-nodes N] [--remove-node HOST:PORT] "
                                         "[--shard-count TABLE=N] [--json]");
    QStringList valued = cli::planValuedOptions();
    valued << QStringLiteral("--copy-rate") << QStringLiteral("--add-nodes") << QStringLiteral("--remove-node")
           << QStringLiteral("--shard-count");
    if (!cli::parseArguments(parser, cli::protectValueArguments(args, valued), usage))
        return cli::ExitUsage;
    cli::PlanArgs planArgs;
    if (const int status = cli::readPlanOptions(parser, usage, planArgs); status != cli::ExitOk)
        return status;
    double copyRate = 100.0;
    if (parser.isSet(QStringLiteral("copy-rate"))) {
        bool ok = false;
        copyRate = parser.value(QStringLiteral("copy-rate")).toDouble(&ok);
        if (!ok || !(copyRate > 0.0) || !std::isfinite(copyRate))
            return cli::usageError(QStringLiteral("--copy-rate needs a positive number of MB per second"), usage);
    }
    engine::WhatIf whatIf;
    if (parser.isSet(QStringLiteral("add-nodes"))) {
        bool ok = false;
        whatIf.addNodes = parser.value(QStringLiteral("add-nodes")).toInt(&ok);
        if (!ok || whatIf.addNodes < 0 || whatIf.addNodes > 10000)
            return cli::usageError(QStringLiteral("--add-nodes needs a number from 0 to 10000"), usage);
    }
    for (const QString& value : parser.values(QStringLiteral("remove-node"))) {
        const auto address = cli::nodeAddress(value);
        if (!address)
            return cli::usageError(QStringLiteral("--remove-node needs HOST:PORT"), usage);
        whatIf.removeNodes.push_back(*address);
    }
    if (parser.isSet(QStringLiteral("shard-count"))) {
        const QString value = parser.value(QStringLiteral("shard-count"));
        const qsizetype equals = value.lastIndexOf(QLatin1Char('='));
        bool ok = false;
        whatIf.newShardCount = equals > 0 ? value.mid(equals + 1).toInt(&ok) : 0;
        if (!ok)
            return cli::usageError(QStringLiteral("--shard-count needs TABLE=N"), usage);
        whatIf.shardCountRelation = value.left(equals).toStdString();
    }

    const auto loaded = cli::loadPlanSnapshot(planArgs);
    if (!loaded)
        return cli::ExitFailed;
    auto state = engine::applyWhatIf(*loaded, whatIf);
    if (!state.ok()) {
        cli::printError(state.error());
        return cli::ExitFailed;
    }
    const auto plan = cli::planWith(*state, planArgs.options);
    if (!plan.ok()) {
        cli::printError(plan.error());
        return cli::ExitFailed;
    }
    const auto simulation = engine::simulatePlan(*state, *plan, copyRate);
    if (!simulation.ok()) {
        cli::printError(simulation.error());
        return cli::ExitFailed;
    }
    const QString strategy = QString::fromStdString(planArgs.options.strategy.name);
    if (planArgs.json)
        cli::printJson(QJsonDocument(simulationJson(*simulation, strategy)));
    else
        printSummary(*simulation, strategy);
    return cli::ExitOk;
}

} // namespace

SHARDSCOPE_CLI_COMMAND(simulate, "Before/after summary of a rebalance plan applied to a snapshot", runSimulate)
