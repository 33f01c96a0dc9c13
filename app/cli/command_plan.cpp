// SPDX-License-Identifier: MIT
// shardscope-cli plan: the moves Citus's rebalancer would make on a snapshot (get_rebalance_table_shards_plan),
// or on the live cluster, optionally side by side with Citus's own plan.
#include "clicommand.h"
#include "cliio.h"
#include "planargs.h"
#include "planrowsio.h"

#include <algorithm>
#include <cstdio>
#include <map>

using namespace shardscope;

namespace {

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

std::optional<std::string> optionalText(const std::optional<float>& value)
{
    if (!value)
        return std::nullopt;
    return QString::number(static_cast<double>(*value), 'g', 9).toStdString();
}

/** Citus's own plan for the same options, every value a parameter. */
Result<std::vector<engine::PlanRow>> citusPlan(live::PgSession& session, const engine::RebalanceOptions& options)
{
    std::string excluded = "{";
    for (std::size_t i = 0; i < options.excludedShards.size(); ++i)
        excluded += (i ? "," : "") + std::to_string(options.excludedShards[i]);
    excluded += '}';
    const std::string sql =
        "SELECT table_name::text, shardid, shard_size, sourcename, sourceport, targetname, targetport "
        "FROM pg_catalog.get_rebalance_table_shards_plan(relation => $1::regclass, threshold => $2::float4, "
        "max_shard_moves => $3::int4, excluded_shard_list => $4::int8[], drain_only => $5::bool, "
        "rebalance_strategy => $6::name, improvement_threshold => $7::float4)";
    auto result =
        session.exec(sql, {options.relation.empty() ? std::nullopt : std::optional<std::string>(options.relation),
                           optionalText(options.threshold), std::to_string(options.maxShardMoves), excluded,
                           std::string(options.drainOnly ? "true" : "false"), options.strategy.name,
                           optionalText(options.improvementThreshold)});
    if (!result)
        return result.error();
    std::vector<engine::PlanRow> rows;
    for (std::size_t r = 0; r < result->rows.size(); ++r) {
        engine::PlanRow row;
        row.tableName = result->text(r, 0);
        row.shardId = std::stoll(result->text(r, 1, "0"));
        row.shardSize = std::stoll(result->text(r, 2, "0"));
        row.sourceName = result->text(r, 3);
        row.sourcePort = std::stoi(result->text(r, 4, "0"));
        row.targetName = result->text(r, 5);
        row.targetPort = std::stoi(result->text(r, 6, "0"));
        rows.push_back(std::move(row));
    }
    return rows;
}

/** Where two plans part: "row 3: ShardScope moves shard 102008 ..., Citus moves shard ...". */
QString firstDifference(const std::vector<engine::PlanRow>& ours, const std::vector<engine::PlanRow>& theirs)
{
    auto describe = [](const engine::PlanRow& row) {
        return QStringLiteral("shard %1 of %2 from %3:%4 to %5:%6")
            .arg(QString::number(row.shardId), QString::fromStdString(row.tableName),
                 QString::fromStdString(row.sourceName), QString::number(row.sourcePort),
                 QString::fromStdString(row.targetName), QString::number(row.targetPort));
    };
    const std::size_t common = std::min(ours.size(), theirs.size());
    for (std::size_t i = 0; i < common; ++i) {
        if (!cli::samePlanRows({ours[i]}, {theirs[i]}))
            return QStringLiteral("row %1: ShardScope moves %2, Citus moves %3")
                .arg(QString::number(i + 1), describe(ours[i]), describe(theirs[i]));
    }
    return QStringLiteral("ShardScope's plan has %1 rows, Citus's %2").arg(ours.size()).arg(theirs.size());
}

/** plan --dsn --citus: one connection reads the state and asks Citus for its plan. */
int runComparison(cli::PlanArgs& planArgs)
{
    auto options = live::ConnectionOptions::parse(planArgs.dsn.toStdString());
    if (!options) {
        cli::printError(options.error());
        return cli::ExitFailed;
    }
    auto connection = cli::connectLive(*options);
    if (!connection)
        return cli::ExitFailed;
    auto snapshot = cli::readLive(*connection);
    if (!snapshot || !cli::resolveLiveStrategy(*connection->session, planArgs))
        return cli::ExitFailed;
    const auto plan = cli::planWith(snapshot->state, planArgs.options);
    if (!plan.ok()) {
        cli::printError(plan.error());
        return cli::ExitFailed;
    }
    const auto citus = citusPlan(*connection->session, planArgs.options);
    if (!citus.ok()) {
        cli::printError(citus.error());
        return cli::ExitFailed;
    }
    const bool identical = cli::samePlanRows(plan->rows, *citus);
    if (planArgs.json) {
        cli::printLine(QStringLiteral("{\"shardscope\": %1,\n \"citus\": %2,\n \"identical\": %3}")
                           .arg(cli::planRowsJson(plan->rows, 1), cli::planRowsJson(*citus, 1),
                                identical ? QStringLiteral("true") : QStringLiteral("false")));
        return cli::ExitOk;
    }
    cli::printLine(QStringLiteral("ShardScope's plan:"));
    cli::printPlanTable(plan->rows);
    printDecisions(snapshot->state, *plan);
    cli::printLine(QString());
    cli::printLine(QStringLiteral("Citus's plan (get_rebalance_table_shards_plan):"));
    cli::printPlanTable(*citus);
    cli::printLine(QString());
    cli::printLine(identical ? QStringLiteral("The plans are identical.")
                             : QStringLiteral("The plans differ: %1.").arg(firstDifference(plan->rows, *citus)));
    return cli::ExitOk;
}

int runPlan(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Prints the shard moves Citus 13.2's rebalancer would plan on a snapshot or, with --dsn, on "
                       "the live cluster (get_rebalance_table_shards_plan; citus_drain_node with --drain), or "
                       "ShardScope's shardscope_min_bytes plan. With --dsn and --citus, Citus's own plan is printed "
                       "too and compared."));
    cli::addPlanOptions(parser);
    parser.addOption({QStringLiteral("citus"),
                      QStringLiteral("With --dsn: also print Citus's own plan (get_rebalance_table_shards_plan with "
                                     "the same options) and whether both are identical.")});
    const QString usage = QStringLiteral(
        "plan --snapshot FILE|--dsn DSN [--citus] [--strategy by_shard_count|by_disk_size|NAME] [--threshold X] "
        "[--improvement-threshold X] [--max-shard-moves N] [--drain HOST:PORT] [--drain-only] "
        "[--relation TABLE] [--excluded-shards ID,...] [--json]");
    if (!cli::parseArguments(parser, cli::protectValueArguments(args, cli::planValuedOptions()), usage))
        return cli::ExitUsage;
    cli::PlanArgs planArgs;
    if (const int status = cli::readPlanOptions(parser, usage, planArgs); status != cli::ExitOk)
        return status;
    if (parser.isSet(QStringLiteral("citus"))) {
        if (planArgs.dsn.isEmpty())
            return cli::usageError(QStringLiteral("--citus needs --dsn: Citus plans on its live cluster only"), usage);
        if (planArgs.options.entryPoint == engine::RebalanceEntryPoint::DrainNode)
            return cli::usageError(
                QStringLiteral("--citus cannot be combined with --drain: Citus has no plan function for draining"),
                usage);
        if (engine::isShardScopeStrategy(planArgs.options.strategy.name))
            return cli::usageError(QStringLiteral("--citus needs one of Citus's strategies: %1 is ShardScope's own")
                                       .arg(QString::fromStdString(planArgs.options.strategy.name)),
                                   usage);
        return runComparison(planArgs);
    }
    const auto state = cli::loadPlanSnapshot(planArgs);
    if (!state)
        return cli::ExitFailed;
    const auto plan = cli::planWith(*state, planArgs.options);
    if (!plan.ok()) {
        cli::printError(plan.error());
        return cli::ExitFailed;
    }
    if (planArgs.json) {
        cli::printLine(cli::planRowsJson(plan->rows, 0));
    } else {
        cli::printPlanTable(plan->rows);
        printDecisions(*state, *plan);
    }
    return cli::ExitOk;
}

} // namespace

SHARDSCOPE_CLI_COMMAND(plan, "Rebalance plan of a snapshot or a live cluster, as Citus would make it", runPlan)
