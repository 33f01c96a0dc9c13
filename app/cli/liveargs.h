// SPDX-License-Identifier: MIT
#pragma once

// Options and helpers shared by the subcommands that talk to a live coordinator (--dsn).
#include "clicommand.h"
#include "cliio.h"
#include "engine/operationrequest.h"
#include "live/clicoordinator.h"
#include "live/connectionoptions.h"

#include <QCommandLineParser>
#include <cstdio>
#include <optional>

namespace shardscope::cli {

inline QCommandLineOption dsnOption()
{
    return {QStringLiteral("dsn"),
            QStringLiteral("libpq connection string or postgresql:// URI of the Citus coordinator (service=, "
                           "~/.pgpass and PG* variables work as in psql)."),
            QStringLiteral("DSN")};
}

inline QCommandLineOption modeOption()
{
    return {QStringLiteral("mode"),
            QStringLiteral("Shard transfer mode: auto (default), force_logical or block_writes."),
            QStringLiteral("MODE")};
}

inline int liveUsageError(const QString& message, const QString& usage)
{
    printError(message);
    std::fprintf(stderr, "usage: shardscope-cli %s\n", usage.toUtf8().constData());
    return ExitUsage;
}

/** Parses a DSN the way libpq does; a malformed one is a usage error (exit 2). */
inline int parseDsn(const QString& dsn, const QString& usage, live::ConnectionOptions& out)
{
    if (dsn.isEmpty())
        return liveUsageError(QStringLiteral("--dsn DSN is required"), usage);
    auto parsed = live::ConnectionOptions::parse(dsn.toStdString());
    if (!parsed)
        return liveUsageError(QStringLiteral("--dsn is not a valid connection string: %1")
                                  .arg(QString::fromStdString(parsed.error().message)),
                              usage);
    out = std::move(*parsed);
    return ExitOk;
}

/** Connects to the coordinator; prints the explained error (unreachable, authentication, not Citus) on failure. */
inline std::optional<live::CoordinatorConnection> connectLive(const live::ConnectionOptions& options)
{
    auto connection = live::connectCoordinator(options);
    if (!connection) {
        printError(connection.error());
        return std::nullopt;
    }
    return std::move(*connection);
}

/** Reads the live cluster; warnings (sizes a worker could not give, ...) go to stderr. */
inline std::optional<live::LiveSnapshot> readLive(live::CoordinatorConnection& connection)
{
    auto snapshot = live::readCoordinatorSnapshot(connection);
    if (!snapshot) {
        printError(snapshot.error());
        return std::nullopt;
    }
    for (const std::string& warning : snapshot->warnings)
        std::fprintf(stderr, "warning: %s\n", warning.c_str());
    return std::move(*snapshot);
}

/** auto, force_logical or block_writes. */
inline std::optional<engine::TransferMode> transferMode(const QString& text)
{
    if (text.isEmpty() || text == QLatin1String("auto"))
        return engine::TransferMode::Auto;
    if (text == QLatin1String("force_logical"))
        return engine::TransferMode::ForceLogical;
    if (text == QLatin1String("block_writes"))
        return engine::TransferMode::BlockWrites;
    return std::nullopt;
}

} // namespace shardscope::cli
