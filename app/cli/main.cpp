// SPDX-License-Identifier: MIT
// shardscope-cli: the ShardScope back end from the command line (see README "Command line").
#include "clicommand.h"
#include "cliio.h"

#include <QCoreApplication>
#include <algorithm>
#include <cstdio>
#include <cstring>

using namespace shardscope::cli;

namespace {

void printUsage(FILE* to)
{
    std::fprintf(to, "usage: shardscope-cli COMMAND [OPTIONS]\n\nCommands:\n");
    std::vector<CliCommand> sorted = CliRegistry::commands();
    std::sort(sorted.begin(), sorted.end(),
              [](const CliCommand& a, const CliCommand& b) { return std::strcmp(a.name, b.name) < 0; });
    for (const CliCommand& command : sorted)
        std::fprintf(to, "  %-10s %s\n", command.name, command.summary);
    std::fprintf(to, "\nRun 'shardscope-cli COMMAND --help' for a command's options.\n");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("shardscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHARDSCOPE_VERSION));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty()) {
        printUsage(stderr);
        return ExitUsage;
    }
    const QString name = args.takeFirst();
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printUsage(stdout);
        return ExitOk;
    }
    if (name == QLatin1String("--version")) {
        std::printf("shardscope-cli %s\n", SHARDSCOPE_VERSION);
        return ExitOk;
    }
    for (const CliCommand& command : CliRegistry::commands()) {
        if (name == QLatin1String(command.name))
            return command.run(args);
    }
    printError(QStringLiteral("unknown command \"%1\"").arg(name));
    printUsage(stderr);
    return ExitUsage;
}
