// SPDX-License-Identifier: MIT
// shardscope-cli fanout: per statement of pg_stat_statements / citus_stat_statements, how many shards and nodes
// one execution touches. On plain PostgreSQL (no citus_stat_statements) it says so on standard error and still
// lists the pg_stat_statements rows, classed "unknown" (limited mode, exit 0); without pg_stat_statements it fails.
#include "clicommand.h"
#include "cliio.h"
#include "live/loadclusterstate.h"
#include "live/statementstatsreader.h"
#include "stats/statementreport.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace shardscope;

namespace {

QJsonValue optionalNumber(const std::optional<int>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString cell(const std::optional<int>& value, bool upperBound)
{
    if (!value)
        return QStringLiteral("-");
    return (upperBound ? QStringLiteral("<=") : QString()) + QString::number(*value);
}

void printTable(const stats::StatementReport& report)
{
    const QString header = QStringLiteral("%1 %2 %3 %4 %5  %6 %7")
                               .arg(QStringLiteral("class"), -12)
                               .arg(QStringLiteral("calls"), 10)
                               .arg(QStringLiteral("total ms"), 12)
                               .arg(QStringLiteral("shards"), 7)
                               .arg(QStringLiteral("nodes"), 6)
                               .arg(QStringLiteral("insert-select"), -15)
                               .arg(QStringLiteral("query"));
    cli::printLine(header);
    for (const stats::StatementFigures& figures : report.statements) {
        QString query = QString::fromStdString(figures.query).simplified();
        if (query.size() > 90)
            query = query.left(89) + QChar(0x2026);
        // How Citus runs an INSERT ... SELECT: pushdown, repartition or via-coordinator (text output only).
        const QString method = QLatin1String(stats::insertSelectMethodName(figures.fanout.insertSelect));
        cli::printLine(
            QStringLiteral("%1 %2 %3 %4 %5  %6 %7")
                .arg(QLatin1String(stats::fanoutClassName(figures.fanout.kind)), -12)
                .arg(figures.calls, 10)
                .arg(figures.totalTimeMs ? QString::number(*figures.totalTimeMs, 'f', 1) : QStringLiteral("-"), 12)
                .arg(cell(figures.fanout.shards, figures.fanout.upperBound), 7)
                .arg(cell(figures.fanout.nodes, figures.fanout.upperBound), 6)
                .arg(method.isEmpty() ? QStringLiteral("-") : method, -15)
                .arg(query));
    }
    cli::printLine(QStringLiteral("%1 statements").arg(report.statements.size()));
}

int runFanout(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints, per normalized statement, its calls, total time and how many shards and nodes one execution "
        "touches (class router, multi-shard, reference, repartition or unknown), from citus_stat_statements "
        "and pg_stat_statements. Without Citus the statements are listed with class unknown."));
    parser.addOption(
        {QStringLiteral("dsn"), QStringLiteral("libpq connection string of the coordinator."), QStringLiteral("DSN")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Print a JSON array of {\"query\", \"calls\", \"total_time_ms\", "
                                                "\"fanout_shards\", \"fanout_nodes\", \"class\"} objects.")});
    const QString usage = QStringLiteral("fanout --dsn DSN [--json]");
    if (!cli::parseArguments(parser, args, usage))
        return cli::ExitUsage;
    if (!parser.isSet(QStringLiteral("dsn")) || !parser.positionalArguments().isEmpty()) {
        cli::printError(QStringLiteral("fanout needs --dsn DSN and no other arguments (usage: %1)").arg(usage));
        return cli::ExitUsage;
    }
    const std::string dsn = parser.value(QStringLiteral("dsn")).toStdString();

    auto state = live::loadClusterState(dsn);
    if (!state) {
        cli::printError(state.error());
        return cli::ExitFailed;
    }
    auto input = live::loadStatementStats(dsn);
    if (!input) {
        cli::printError(input.error());
        return cli::ExitFailed;
    }
    if (!input->notice.empty())
        cli::printError(QString::fromStdString(input->notice));
    const auto report = stats::buildStatementReport(*input, stats::TableCatalog::fromClusterState(*state));

    if (!parser.isSet(QStringLiteral("json"))) {
        printTable(report);
        return cli::ExitOk;
    }
    QJsonArray rows;
    for (const stats::StatementFigures& figures : report.statements) {
        rows.append(QJsonObject{
            {QStringLiteral("query"), QString::fromStdString(figures.query)},
            {QStringLiteral("calls"), static_cast<qint64>(figures.calls)},
            {QStringLiteral("total_time_ms"),
             figures.totalTimeMs ? QJsonValue(*figures.totalTimeMs) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("fanout_shards"), optionalNumber(figures.fanout.shards)},
            {QStringLiteral("fanout_nodes"), optionalNumber(figures.fanout.nodes)},
            {QStringLiteral("class"), QLatin1String(stats::fanoutClassName(figures.fanout.kind))},
        });
    }
    cli::printJson(QJsonDocument(rows));
    return cli::ExitOk;
}

} // namespace

SHARDSCOPE_CLI_COMMAND(fanout, "fan-out of the statements in pg_stat_statements / citus_stat_statements", runFanout)
