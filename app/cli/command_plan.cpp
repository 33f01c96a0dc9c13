// SPDX-License-Identifier: MIT
// shardscope-cli plan: the moves Citus's rebalancer would make on a snapshot (get_rebalance_table_shards_plan).
#include "clicommand.h"
#include "cliio.h"
#include "planargs.h"

#include <algorithm>
#include <cstdio>
#include <map>

using namespace shardscope;

namespace {

QString jsonString(const std::string& text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : QString::fromStdString(text)) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

/** Citus's columns in Citus's order (QJsonObject would sort the keys). */
void printJsonRows(const engine::RebalancePlan& plan)
{
    if (plan.rows.empty()) {
        cli::printLine(QStringLiteral("[]"));
        return;
    }
    cli::printLine(QStringLiteral("["));
    for (std::size_t i = 0; i < plan.rows.size(); ++i) {
        const engine::PlanRow& row = plan.rows[i];
        cli::printLine(QStringLiteral("  {\"table_name\": %1, \"shardid\": %2, \"shard_size\": %3, \"sourcename\": %4, "
                                      "\"sourceport\": %5, \"targetname\": %6, \"targetport\": %7}%8")
                           .arg(jsonString(row.tableName))
                           .arg(row.shardId)
                           .arg(row.shardSize)
                           .arg(jsonString(row.sourceName))
                           .arg(row.sourcePort)
                           .arg(jsonString(row.targetName))
                           .arg(row.targetPort)
                           .arg(i + 1 < plan.rows.size() ? QStringLiteral(",") : QString()));
    }
    cli::printLine(QStringLiteral("]"));
}

void printTable(const engine::RebalancePlan& plan)
{
    const QStringList header = {QStringLiteral("table_name"), QStringLiteral("shardid"),
                                QStringLiteral("shard_size"), QStringLiteral("sourcename"),
                                QStringLiteral("sourceport"), QStringLiteral("targetname"),
                                QStringLiteral("targetport")};
    QList<QStringList> cells;
    for (const engine::PlanRow& row : plan.rows) {
        cells.append({QString::fromStdString(row.tableName), QString::number(row.shardId),
                      QString::number(row.shardSize), QString::fromStdString(row.sourceName),
                      QString::number(row.sourcePort), QString::fromStdString(row.targetName),
                      QString::number(row.targetPort)});
    }
    QList<qsizetype> widths;
    for (const QString& h : header)
        widths.append(h.size());
    for (const QStringList& line : cells)
        for (qsizetype c = 0; c < line.size(); ++c)
            widths[c] = std::max(widths[c], line[c].size());
    auto format = [&](const QStringList& line) {
        QStringList padded;
        for (qsizetype c = 0; c < line.size(); ++c)
            padded.append(line[c].leftJustified(widths[c]));
        return padded.join(QStringLiteral(" | ")).trimmed();
    };
    cli::printLine(format(header));
    QStringList rule;
    for (qsizetype w : widths)
        rule.append(QString(w, QLatin1Char('-')));
    cli::printLine(rule.join(QStringLiteral("-+-")));
    for (const QStringList& line : cells)
        cli::printLine(format(line));
    cli::printLine(QStringLiteral("(%1 rows)").arg(cells.size()));
}

/** The decisions in words: why nothing (more) happens. */
void printDecisions(const engine::ClusterState& state, const engine::RebalancePlan& plan)
{
    const engine::RebalanceDecisions& d = plan.decisions;
    std::int64_t bytes = 0;
    for (const engine::PlannedMove& move : plan.moves)
        bytes += move.bytes;
    cli::printLine(QString());
    if (!plan.moves.empty()) {
        cli::printLine(QStringLiteral("%1 shard group moves, %2 shards, %3 to copy.")
                           .arg(plan.moves.size())
                           .arg(plan.rows.size())
                           .arg(cli::prettyBytes(bytes)));
    }
    for (const std::string& notice : d.notices)
        cli::printLine(QString::fromStdString(notice));
    std::map<engine::TableOid, QString> names;
    for (const engine::Table& table : state.tables)
        names[table.oid] = QString::fromStdString(table.name);
    for (const engine::RebalanceListSummary& list : d.lists) {
        const QString what = list.pooled ? QStringLiteral("small colocation groups (pooled)")
                                         : QStringLiteral("colocation group of %1").arg(names[list.representative]);
        QString why;
        if (list.withinWindow)
            why = QStringLiteral("every node is within the threshold window [%1, %2] around the average %3")
                      .arg(static_cast<double>(list.lower), 0, 'g', 7)
                      .arg(static_cast<double>(list.upper), 0, 'g', 7)
                      .arg(static_cast<double>(list.average), 0, 'g', 7);
        else if (!list.balanced)
            why = d.limitReached ? QStringLiteral("max_shard_moves was reached before this list")
                                 : QStringLiteral("only placements on disallowed nodes are moved (drain only)");
        else
            why = QStringLiteral("no remaining move improves the balance enough (threshold %1, improvement threshold "
                                 "%2)")
                      .arg(static_cast<double>(d.threshold))
                      .arg(static_cast<double>(d.improvementThreshold));
        cli::printLine(QStringLiteral("%1: %2 placements, %3 moves; %4.")
                           .arg(what)
                           .arg(list.placements)
                           .arg(list.moves)
                           .arg(list.moves == 0 ? QStringLiteral("nothing to do because ") + why : why));
    }
    if (d.lists.empty())
        cli::printLine(
            QStringLiteral("Nothing to do because there are no distributed tables with placements to move."));
    if (!d.notAllowedAnywhere.empty())
        cli::printLine(QStringLiteral("%1 shards are not allowed on any node and stay where they are.")
                           .arg(d.notAllowedAnywhere.size()));
    if (d.ignoredMoveCount > 0)
        cli::printLine(QStringLiteral("%1 moves were ignored as too small an improvement for their cost.")
                           .arg(d.ignoredMoveCount));
}

int runPlan(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Prints the shard moves Citus 13.2's rebalancer would plan on a snapshot "
                       "(get_rebalance_table_shards_plan; citus_drain_node with --drain), or ShardScope's "
                       "shardscope_min_bytes plan."));
    cli::addPlanOptions(parser);
    const QString usage =
        QStringLiteral("plan --snapshot FILE [--strategy by_shard_count|by_disk_size|NAME] [--threshold X] "
                       "[--improvement-threshold X] [--max-shard-moves N] [--drain HOST:PORT] [--drain-only] "
                       "[--relation TABLE] [--excluded-shards ID,...] [--json]");
    if (!cli::parseArguments(parser, cli::protectValueArguments(args, cli::planValuedOptions()), usage))
        return cli::ExitUsage;
    cli::PlanArgs planArgs;
    if (const int status = cli::readPlanOptions(parser, usage, planArgs); status != cli::ExitOk)
        return status;
    const auto state = cli::loadPlanSnapshot(planArgs);
    if (!state)
        return cli::ExitFailed;
    const auto plan = cli::planWith(*state, planArgs.options);
    if (!plan.ok()) {
        cli::printError(plan.error());
        return cli::ExitFailed;
    }
    if (planArgs.json) {
        printJsonRows(*plan);
    } else {
        printTable(*plan);
        printDecisions(*state, *plan);
    }
    return cli::ExitOk;
}

} // namespace

SHARDSCOPE_CLI_COMMAND(plan, "Rebalance plan of a snapshot, as Citus would make it", runPlan)
