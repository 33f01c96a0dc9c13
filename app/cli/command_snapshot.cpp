// SPDX-License-Identifier: MIT
// shardscope-cli snapshot: reads a live Citus cluster into a snapshot file (see cluster_backend/snapshot/FORMAT.md).
#include "clicommand.h"
#include "cliio.h"
#include "liveargs.h"
#include "snapshot/snapshotjson.h"

#include <cstdio>

using namespace shardscope;

namespace {

int runSnapshot(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Reads the live cluster (nodes, tables, shards, placements and their sizes from "
                       "citus_shard_sizes()) into a snapshot, written to FILE or standard output."));
    parser.addOption(cli::dsnOption());
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Write the snapshot to FILE (atomically) instead of standard output."),
                      QStringLiteral("FILE")});
    const QString usage = QStringLiteral("snapshot --dsn DSN [-o FILE]");
    if (!cli::parseArguments(parser, args, usage))
        return cli::ExitUsage;
    if (!parser.positionalArguments().isEmpty())
        return cli::liveUsageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().front()), usage);
    if (parser.isSet(QStringLiteral("output")) && parser.value(QStringLiteral("output")).isEmpty())
        return cli::liveUsageError(QStringLiteral("-o needs a file name"), usage);
    live::ConnectionOptions options;
    if (const int status = cli::parseDsn(parser.value(QStringLiteral("dsn")), usage, options); status != cli::ExitOk)
        return status;

    auto connection = cli::connectLive(options);
    if (!connection)
        return cli::ExitFailed;
    auto cluster = cli::readLive(*connection);
    if (!cluster)
        return cli::ExitFailed;
    snapshot::SnapshotMetadata metadata;
    metadata.source = snapshot::SnapshotSource::Live;
    metadata.citusVersion = live::citusRelease(cluster->server);
    metadata.postgresVersion = cluster->server.connection.serverVersion;

    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty()) {
        const std::string json = snapshot::serializeSnapshot(cluster->state, metadata);
        std::fwrite(json.data(), 1, json.size(), stdout);
        std::fputc('\n', stdout);
        return std::fflush(stdout) == 0 ? cli::ExitOk : cli::ExitFailed;
    }
    Status saved = snapshot::saveSnapshotFile(cluster->state, metadata, output.toStdString());
    if (!saved) {
        cli::printError(saved.error());
        return cli::ExitFailed;
    }
    std::fprintf(stderr, "Wrote %s: %zu nodes, %zu tables, %zu shards, %zu placements.\n", output.toUtf8().constData(),
                 cluster->state.nodes.size(), cluster->state.tables.size(), cluster->state.shards.size(),
                 cluster->state.placements.size());
    return cli::ExitOk;
}

} // namespace

SHARDSCOPE_CLI_COMMAND(snapshot, "Read a live Citus cluster into a snapshot file", runSnapshot)
