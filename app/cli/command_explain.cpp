// SPDX-License-Identifier: MIT
// shardscope-cli explain: the summary of an EXPLAIN plan file (JSON or text, as psql prints it), or of an EXPLAIN
// run on a server.
#include "clicommand.h"
#include "cliio.h"
#include "explain/plananalysis.h"
#include "explain/planfile.h"
#include "explain/planreader.h"
#include "explain/plansummary.h"
#include "live/explainrunner.h"
#include "liveargs.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

using namespace shardscope;
using namespace shardscope::explain;

namespace {

QJsonValue optionalNumber(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalInteger(const std::optional<std::int64_t>& value)
{
    return value ? QJsonValue(static_cast<qint64>(*value)) : QJsonValue(QJsonValue::Null);
}

/**
 * tasks_shown is the number of the main job's tasks present in the plan (1 for "One of 32", 32 for "All" with 32
 * tasks, 0 for repartition jobs), so it can be compared with task_count; null when the plan is not distributed.
 */
QJsonObject summaryJson(const PlanSummary& s)
{
    QJsonObject out;
    out.insert(QStringLiteral("distributed"), s.distributed);
    out.insert(QStringLiteral("task_count"), optionalInteger(s.taskCount));
    out.insert(QStringLiteral("tasks_shown"), optionalInteger(s.tasksShown));
    QJsonArray workers;
    for (const std::string& w : s.workerNodes)
        workers.append(QString::fromStdString(w));
    out.insert(QStringLiteral("worker_nodes"), workers);
    out.insert(QStringLiteral("planning_time_ms"), optionalNumber(s.planningTimeMs));
    out.insert(QStringLiteral("execution_time_ms"), optionalNumber(s.executionTimeMs));
    if (s.slowestSelfTimeMs) {
        QJsonObject slowest;
        slowest.insert(QStringLiteral("node_type"), QString::fromStdString(s.slowestNodeType));
        slowest.insert(QStringLiteral("self_time_ms"), std::round(*s.slowestSelfTimeMs * 1000.0) / 1000.0);
        out.insert(QStringLiteral("slowest_node"), slowest);
    } else {
        out.insert(QStringLiteral("slowest_node"), QJsonValue(QJsonValue::Null));
    }
    return out;
}

QString ms(const std::optional<double>& value)
{
    return value ? QStringLiteral("%1 ms").arg(*value, 0, 'f', 3) : QStringLiteral("-");
}

void printSummary(const PlanSummary& s)
{
    cli::printLine(
        QStringLiteral("Distributed:      %1").arg(s.distributed ? QStringLiteral("yes") : QStringLiteral("no")));
    if (s.distributed) {
        cli::printLine(QStringLiteral("Task count:       %1")
                           .arg(s.taskCount ? QString::number(*s.taskCount) : QStringLiteral("-")));
        cli::printLine(QStringLiteral("Tasks shown:      %1%2")
                           .arg(s.tasksShown ? QString::number(*s.tasksShown) : QStringLiteral("-"),
                                s.tasksShownText.empty()
                                    ? QString()
                                    : QStringLiteral(" (%1)").arg(QString::fromStdString(s.tasksShownText))));
        QStringList workers;
        for (const std::string& w : s.workerNodes)
            workers.append(QString::fromStdString(w));
        cli::printLine(QStringLiteral("Worker nodes:     %1")
                           .arg(workers.isEmpty() ? QStringLiteral("-") : workers.join(QStringLiteral(", "))));
        if (s.sampled)
            cli::printLine(QStringLiteral(
                "Note:             only some tasks were explained; SET citus.explain_all_tasks = on to see all"));
    }
    cli::printLine(QStringLiteral("Planning time:    %1").arg(ms(s.planningTimeMs)));
    cli::printLine(QStringLiteral("Execution time:   %1").arg(ms(s.executionTimeMs)));
    if (s.slowestSelfTimeMs)
        cli::printLine(QStringLiteral("Slowest node:     %1, self %2")
                           .arg(QString::fromStdString(s.slowestNodeLabel), ms(s.slowestSelfTimeMs)));
    if (s.worstMisestimate)
        cli::printLine(QStringLiteral("Worst estimate:   %1, off by %2x")
                           .arg(QString::fromStdString(s.mostMisestimatedLabel))
                           .arg(*s.worstMisestimate, 0, 'f', 1));
}

/** Runs the EXPLAIN on the server (blocking on a local event loop); the plan JSON or the error in plain words. */
Result<live::ExplainOutcome> runLive(const live::ConnectionOptions& options, const explain::ExplainScript& script)
{
    live::ExplainRunner runner(options);
    std::optional<live::ExplainOutcome> outcome;
    QEventLoop loop;
    QObject::connect(&runner, &live::ExplainRunner::runFinished, &loop, [&](const live::ExplainOutcome& o) {
        outcome = o;
        loop.quit();
    });
    runner.run(script);
    loop.exec();
    if (!outcome)
        return Error::make("EXPLAIN did not finish.");
    if (!outcome->ok)
        return outcome->error;
    return *outcome;
}

int runExplain(const QStringList& args)
{
    const QString usage = QStringLiteral("explain --file FILE [--json] | explain --dsn DSN --sql SQL [--analyze] "
                                         "[--verbose] [--buffers] [--all-tasks] [--repartition-joins] [--save FILE] "
                                         "[--json]");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Summarizes an EXPLAIN plan (FORMAT JSON, or text as psql prints it), read from a file or run on a server "
        "(--dsn, --sql). With --json prints an object with distributed, task_count, tasks_shown (the number of the "
        "main job's tasks present in the plan), worker_nodes, planning_time_ms, execution_time_ms and slowest_node; "
        "a run on a server adds rolled_back. ANALYZE of a data-changing statement runs inside a transaction that is "
        "rolled back."));
    parser.addOption(
        {QStringLiteral("file"), QStringLiteral("The plan file; - reads standard input."), QStringLiteral("FILE")});
    parser.addOption(cli::dsnOption());
    parser.addOption(
        {QStringLiteral("sql"), QStringLiteral("The statement to explain (with --dsn)."), QStringLiteral("SQL")});
    parser.addOption({QStringLiteral("analyze"), QStringLiteral("EXPLAIN ANALYZE: runs the statement.")});
    parser.addOption({QStringLiteral("verbose"), QStringLiteral("EXPLAIN VERBOSE.")});
    parser.addOption({QStringLiteral("buffers"), QStringLiteral("EXPLAIN BUFFERS.")});
    parser.addOption({QStringLiteral("all-tasks"), QStringLiteral("SET LOCAL citus.explain_all_tasks = on.")});
    parser.addOption(
        {QStringLiteral("repartition-joins"), QStringLiteral("SET LOCAL citus.enable_repartition_joins = on.")});
    parser.addOption(
        {QStringLiteral("save"), QStringLiteral("Also write the plan (JSON) to FILE."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the summary as JSON.")});
    if (!cli::parseArguments(parser, args, usage))
        return cli::ExitUsage;
    const bool fromFile = parser.isSet(QStringLiteral("file"));
    const bool fromServer = parser.isSet(QStringLiteral("dsn"));
    if (fromFile == fromServer || !parser.positionalArguments().isEmpty()) {
        cli::printError(QStringLiteral("explain needs --file FILE (or --file - for standard input), or --dsn DSN "
                                       "with --sql SQL"));
        return cli::ExitUsage;
    }
    Result<ExplainPlan> plan = Error::make("no plan");
    std::optional<bool> rolledBack;
    if (fromServer) {
        live::ConnectionOptions options;
        if (const int status = cli::parseDsn(parser.value(QStringLiteral("dsn")), usage, options);
            status != cli::ExitOk)
            return status;
        const QString sql = parser.value(QStringLiteral("sql")).trimmed();
        if (sql.isEmpty())
            return cli::liveUsageError(QStringLiteral("--dsn needs --sql SQL, the statement to explain"), usage);
        explain::ExplainOptions explainOptions;
        explainOptions.analyze = parser.isSet(QStringLiteral("analyze"));
        explainOptions.verbose = parser.isSet(QStringLiteral("verbose"));
        explainOptions.buffers = parser.isSet(QStringLiteral("buffers"));
        explainOptions.allTasks = parser.isSet(QStringLiteral("all-tasks"));
        explainOptions.repartitionJoins = parser.isSet(QStringLiteral("repartition-joins"));
        Result<live::ExplainOutcome> outcome =
            runLive(options, explain::buildExplainScript(sql.toStdString(), explainOptions));
        if (!outcome) {
            cli::printError(outcome.error());
            return cli::ExitFailed;
        }
        rolledBack = outcome->rolledBack;
        if (parser.isSet(QStringLiteral("save"))) {
            const Status saved =
                savePlanFile(parser.value(QStringLiteral("save")), QByteArray::fromStdString(outcome->planJson));
            if (!saved) {
                cli::printError(saved.error());
                return cli::ExitFailed;
            }
        }
        plan = parsePlan(outcome->planJson);
    } else {
        const QString path = parser.value(QStringLiteral("file"));
        if (path == QLatin1String("-")) {
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly)) {
                cli::printError(QStringLiteral("cannot read standard input"));
                return cli::ExitFailed;
            }
            plan = parsePlanBytes(in.readAll());
        } else {
            plan = loadPlanFile(path);
        }
    }
    if (!plan) {
        cli::printError(plan.error());
        return cli::ExitFailed;
    }
    const PlanSummary summary =
        summarizePlan(analyzePlan(std::make_shared<const ExplainPlan>(std::move(plan).value())));
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject out = summaryJson(summary);
        if (rolledBack)
            out.insert(QStringLiteral("rolled_back"), *rolledBack);
        cli::printJson(QJsonDocument(out));
    } else {
        printSummary(summary);
        if (rolledBack && *rolledBack)
            cli::printLine(QStringLiteral("Note:             ANALYZE ran the statement inside a transaction that was "
                                          "rolled back: nothing was changed"));
    }
    return cli::ExitOk;
}

} // namespace

SHARDSCOPE_CLI_COMMAND(explain, "Summarize an EXPLAIN plan, from a file or run on a server", runExplain)
