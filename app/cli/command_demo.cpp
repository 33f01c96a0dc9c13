// SPDX-License-Identifier: MIT
// shardscope-cli demo --save FILE: writes the embedded demo cluster as a snapshot.
#include "clicommand.h"
#include "cliio.h"
#include "sim/democluster.h"
#include "snapshot/snapshotjson.h"

#include <cstdio>

using namespace shardscope;

namespace {

int runDemo(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes the demo cluster (a coordinator and four workers with the Citus tutorial schema and "
                       "one hot tenant) as a snapshot file, readable by skew --snapshot and the other commands."));
    parser.addOption({QStringLiteral("save"), QStringLiteral("The snapshot file to write."), QStringLiteral("FILE")});
    const QString usage = QStringLiteral("demo --save FILE");
    if (!cli::parseArguments(parser, args, usage))
        return cli::ExitUsage;
    const QString file = parser.value(QStringLiteral("save"));
    if (file.isEmpty() || !parser.positionalArguments().isEmpty()) {
        cli::printError(file.isEmpty()
                            ? QStringLiteral("--save FILE is required")
                            : QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().front()));
        std::fprintf(stderr, "usage: shardscope-cli %s\n", usage.toUtf8().constData());
        return cli::ExitUsage;
    }

    const engine::ClusterState demo = sim::makeDemoCluster();
    snapshot::SnapshotMetadata metadata;
    metadata.source = snapshot::SnapshotSource::Embedded;
    const Status saved = snapshot::saveSnapshotFile(demo, metadata, file.toStdString());
    if (!saved) {
        cli::printError(saved.error());
        return cli::ExitFailed;
    }
    cli::printLine(QStringLiteral("Saved %1 (%2 nodes, %3 tables, %4 shards, %5 placements) to %6")
                       .arg(QString::fromStdString(demo.name))
                       .arg(demo.nodes.size())
                       .arg(demo.tables.size())
                       .arg(demo.shards.size())
                       .arg(demo.placements.size())
                       .arg(file));
    return cli::ExitOk;
}

} // namespace

SHARDSCOPE_CLI_COMMAND(demo, "Write the demo cluster as a snapshot file", runDemo)
