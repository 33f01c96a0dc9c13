// SPDX-License-Identifier: MIT
// shardscope-cli rebalance: starts Citus's background rebalancer and, with --wait, follows it on stderr.
#include "clicommand.h"
#include "cliio.h"
#include "live/operationbuilder.h"
#include "liveargs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QString bytesText(const std::string& text)
{
    bool ok = false;
    const qint64 bytes = QString::fromStdString(text).toLongLong(&ok);
    if (!ok)
        return QStringLiteral("?");
    static const char* units[] = {"bytes", "kB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    return unit == 0 ? QStringLiteral("%1 bytes").arg(bytes)
                     : QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

QString progressWord(const std::string& progress)
{
    if (progress == "0")
        return QStringLiteral("waiting");
    if (progress == "1")
        return QStringLiteral("copying");
    if (progress == "2")
        return QStringLiteral("moved");
    return QStringLiteral("error");
}

/** What citus_rebalance_status's details say: task counts, the phases of running tasks, the last error. */
struct JobDetails
{
    int total = 0;
    int done = 0;
    QStringList runningPhases;
    QString lastMessage;
};

JobDetails jobDetails(const std::string& json)
{
    JobDetails details;
    const QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    const QJsonObject counts = root.value(QStringLiteral("task_state_counts")).toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        details.total += it.value().toInt();
    details.done = counts.value(QStringLiteral("done")).toInt();
    for (const QJsonValue& task : root.value(QStringLiteral("tasks")).toArray()) {
        const QJsonObject object = task.toObject();
        if (object.value(QStringLiteral("state")).toString() == QLatin1String("running"))
            details.runningPhases.append(object.value(QStringLiteral("phase")).toString());
        const QString message = object.value(QStringLiteral("message")).toString().trimmed();
        if (!message.isEmpty())
            details.lastMessage = message;
    }
    return details;
}

void tellStillRunning(const std::string& jobId)
{
    std::fprintf(stderr,
                 "\nshardscope-cli: stopped waiting. Rebalance job %s keeps running in the background on the "
                 "coordinator.\nFollow it with: SELECT * FROM citus_rebalance_status();\nStop it with: SELECT "
                 "citus_rebalance_stop();\n",
                 jobId.c_str());
}

/** Polls until the job ends; prints a line on stderr whenever a move's progress changes. */
int waitForJob(live::PgSession& session, const std::string& jobId)
{
    QString lastLine;
    QString lastState;
    for (;;) {
        if (g_interrupted) {
            tellStillRunning(jobId);
            return cli::ExitFailed;
        }
        auto status = session.exec(live::rebalanceStatusStatement());
        if (!status) {
            cli::printError(status.error());
            tellStillRunning(jobId);
            return cli::ExitFailed;
        }
        if (status->rows.empty() || status->text(0, 0) != jobId) {
            cli::printError(
                QStringLiteral("rebalance job %1 is no longer the latest rebalance job; stopped following it")
                    .arg(QString::fromStdString(jobId)));
            return cli::ExitFailed;
        }
        const QString state = QString::fromStdString(status->text(0, 1));
        const JobDetails details = jobDetails(status->text(0, 6));
        if (state != lastState) {
            std::fprintf(stderr, "job %s: %s\n", jobId.c_str(), state.toUtf8().constData());
            lastState = state;
        }
        if (state == QLatin1String("finished")) {
            std::fprintf(stderr, "Rebalance job %s finished: %d of %d tasks done.\n", jobId.c_str(), details.done,
                         details.total);
            return cli::ExitOk;
        }
        if (state == QLatin1String("cancelled") || state == QLatin1String("failed")) {
            cli::printError(
                QStringLiteral("rebalance job %1 %2 after %3 of %4 tasks%5")
                    .arg(QString::fromStdString(jobId), state)
                    .arg(details.done)
                    .arg(details.total)
                    .arg(details.lastMessage.isEmpty() ? QString() : QStringLiteral(": ") + details.lastMessage));
            return cli::ExitFailed;
        }
        auto progress = session.exec(live::rebalanceProgressStatement());
        if (progress) {
            int moving = 0;
            for (std::size_t r = 0; r < progress->rows.size(); ++r) {
                const std::string step = progress->text(r, 8);
                if (step != "1" && step != "-1")
                    continue;
                const QString phase = moving < details.runningPhases.size() && !details.runningPhases[moving].isEmpty()
                                          ? details.runningPhases[moving]
                                          : progressWord(step);
                const QString line =
                    QStringLiteral("move %1 of %2: shard %3 (%4) %5:%6 -> %7:%8, %9 of %10, phase: %11")
                        .arg(QString::number(details.done + moving + 1),
                             QString::number(std::max(details.total, details.done + moving + 1)),
                             QString::fromStdString(progress->text(r, 2)), QString::fromStdString(progress->text(r, 1)),
                             QString::fromStdString(progress->text(r, 4)), QString::fromStdString(progress->text(r, 5)),
                             QString::fromStdString(progress->text(r, 6)), QString::fromStdString(progress->text(r, 7)),
                             bytesText(progress->text(r, 10, "0")), bytesText(progress->text(r, 9, "0")), phase);
                ++moving;
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
