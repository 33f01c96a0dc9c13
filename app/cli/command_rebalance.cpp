// SPDX-License-Identifier: MIT
// shardscope-cli rebalance: starts Citus's background rebalancer and, with --wait, follows it on stderr.
#include "clicommand.h"
#include "cliio.h"
#include "live/operationbuilder.h"
#include "live/rebalanceprogress.h"
#include "liveargs.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

using namespace shardscope;

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void onInterrupt(int)
{
    g_interrupted = 1;
}

/** The message Citus kept for the job's last failed task (empty if none). */
QString lastTaskMessage(live::PgSession& session, const std::string& jobId)
{
    auto message = session.exec("SELECT message FROM pg_dist_background_task WHERE job_id = $1::int8 AND status = "
                                "'error' AND message <> '' ORDER BY task_id DESC LIMIT 1",
                                {jobId});
    return message ? QString::fromStdString(message->text(0, 0)).trimmed() : QString();
}

void tellStillRunning(const std::string& jobId)
{
    std::fprintf(stderr,
                 "\nshardscope-cli: stopped waiting. Rebalance job %s keeps running in the background on the "
                 "coordinator.\nFollow it with: SELECT * FROM citus_rebalance_status();\nStop it with: SELECT "
                 "citus_rebalance_stop();\n",
                 jobId.c_str());
}

/** Polls until the job ends; prints a line on stderr whenever the job's state or a transfer's progress changes. */
int waitForJob(live::PgSession& session, const std::string& jobId)
{
    QString lastLine;
    std::string lastState;
    for (;;) {
        if (g_interrupted) {
            tellStillRunning(jobId);
            return cli::ExitFailed;
        }
        auto result = session.exec(live::rebalanceStatusStatement());
        auto status = result ? live::parseRebalanceStatus(*result) : Result<live::RebalanceJobStatus>(result.error());
        if (!status) {
            cli::printError(status.error());
            tellStillRunning(jobId);
            return cli::ExitFailed;
        }
        if (std::to_string(status->jobId) != jobId) {
            cli::printError(
                QStringLiteral("rebalance job %1 is no longer the latest rebalance job; stopped following it")
                    .arg(QString::fromStdString(jobId)));
            return cli::ExitFailed;
        }
        const int total = status->tasks();
        const int done = status->tasksIn("done");
        if (status->state != lastState) {
            std::fprintf(stderr, "job %s: %s\n", jobId.c_str(), status->state.c_str());
            lastState = status->state;
        }
        if (status->state == "finished") {
            std::fprintf(stderr, "Rebalance job %s finished: %d of %d tasks done.\n", jobId.c_str(), done, total);
            return cli::ExitOk;
        }
        if (status->ended()) {
            const QString message = lastTaskMessage(session, jobId);
            cli::printError(QStringLiteral("rebalance job %1 %2 after %3 of %4 tasks%5")
                                .arg(QString::fromStdString(jobId), QString::fromStdString(status->state))
                                .arg(done)
                                .arg(total)
                                .arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message));
            return cli::ExitFailed;
        }
        auto progress = session.exec(live::rebalanceProgressStatement());
        auto rows = progress ? live::parseRebalanceProgress(*progress)
                             : Result<std::vector<live::ShardMoveProgress>>(progress.error());
        if (rows) {
            const auto transfers = live::activeTransfers(*rows);
            for (std::size_t i = 0; i < transfers.size(); ++i) {
                const QString line = QStringLiteral("task %1 of %2: %3")
                                         .arg(done + static_cast<int>(i) + 1)
                                         .arg(std::max(total, done + static_cast<int>(i) + 1))
                                         .arg(QString::fromStdString(transfers[i].describe()));
                if (line != lastLine) {
                    std::fprintf(stderr, "%s\n", line.toUtf8().constData());
                    lastLine = line;
                }
            }
        }
        for (int i = 0; i < 10 && !g_interrupted; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

int runRebalance(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Starts Citus's background rebalancer (citus_rebalance_start) and prints its job id on "
                       "standard output. With --wait, follows the job and writes progress to standard error until "
                       "it has finished, failed or was cancelled; Ctrl+C stops waiting, not the job."));
    parser.addOption(cli::dsnOption());
    parser.addOption({QStringLiteral("strategy"),
                      QStringLiteral("A rebalance strategy of pg_dist_rebalance_strategy (default: the default one)."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("drain-only"), QStringLiteral("Only move shards off nodes where they are not allowed.")});
    parser.addOption(cli::modeOption());
    parser.addOption({QStringLiteral("wait"), QStringLiteral("Follow the job until it ends.")});
    const QString usage = QStringLiteral(
        "rebalance --dsn DSN [--strategy NAME] [--drain-only] [--mode auto|force_logical|block_writes] [--wait]");
    if (!cli::parseArguments(parser, args, usage))
        return cli::ExitUsage;
    if (!parser.positionalArguments().isEmpty())
        return cli::liveUsageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().front()), usage);
    live::RebalanceStart start;
    start.strategy = parser.value(QStringLiteral("strategy")).toStdString();
    if (parser.isSet(QStringLiteral("strategy")) && start.strategy.empty())
        return cli::liveUsageError(QStringLiteral("--strategy needs a name"), usage);
    start.drainOnly = parser.isSet(QStringLiteral("drain-only"));
    const auto mode = cli::transferMode(parser.value(QStringLiteral("mode")));
    if (!mode)
        return cli::liveUsageError(QStringLiteral("--mode must be auto, force_logical or block_writes"), usage);
    start.mode = *mode;
    live::ConnectionOptions options;
    if (const int status = cli::parseDsn(parser.value(QStringLiteral("dsn")), usage, options); status != cli::ExitOk)
        return status;

    auto connection = cli::connectLive(options);
    if (!connection)
        return cli::ExitFailed;
    auto statements = live::buildRebalanceStart(*connection->session, start);
    if (!statements) {
        cli::printError(statements.error());
        return cli::ExitFailed;
    }
    for (const live::Statement& statement : *statements)
        std::fprintf(stderr, "%s\n", statement.displayText.c_str());
    auto result = live::runOperation(*connection->session, *statements);
    if (!result) {
        cli::printError(result.error());
        return cli::ExitFailed;
    }
    const std::string jobId = result->text(0, 0);
    if (jobId.empty()) {
        for (const std::string& notice : result->notices)
            std::fprintf(stderr, "%s\n", notice.c_str());
        std::fprintf(stderr, "Nothing to rebalance: Citus planned no moves, so no job was started.\n");
        return cli::ExitOk;
    }
    cli::printLine(QString::fromStdString(jobId));
    std::fflush(stdout);
    if (!parser.isSet(QStringLiteral("wait"))) {
        std::fprintf(stderr,
                     "Rebalance job %s runs in the background. Follow it with SELECT * FROM citus_rebalance_status(); "
                     "stop it with SELECT citus_rebalance_stop();\n",
                     jobId.c_str());
        return cli::ExitOk;
    }
    std::signal(SIGINT, onInterrupt);
    const int status = waitForJob(*connection->session, jobId);
    std::signal(SIGINT, SIG_DFL);
    return status;
}

} // namespace

SHARDSCOPE_CLI_COMMAND(rebalance, "Start Citus's background rebalancer on a live cluster, optionally waiting",
                       runRebalance)
