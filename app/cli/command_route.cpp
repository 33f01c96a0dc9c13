// SPDX-License-Identifier: MIT
// shardscope-cli route: the shard of each value in a table of N uniform hash shards (Citus's routing).
#include "clicommand.h"
#include "cliio.h"
#include "engine/pghash.h"
#include "engine/shardrange.h"
#include "valueargs.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace shardscope;

namespace {

int runRoute(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Prints, for each value, its hash, the 0-based index of the shard holding it in a table of "
                       "N shards created by create_distributed_table, and that shard's min and max hash, "
                       "separated by tabs. Values come from the arguments, or one per line from standard input."));
    parser.addOption({QStringLiteral("type"), QStringLiteral("The distribution column type."), QStringLiteral("TYPE")});
    parser.addOption(
        {QStringLiteral("shard-count"), QStringLiteral("Number of shards, 1 to 64000."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("json"),
                      QStringLiteral("Print a JSON array of {\"value\", \"hash\", \"shard_index\", \"shard_min\", "
                                     "\"shard_max\"} objects.")});
    parser.addPositionalArgument(QStringLiteral("VALUE"), QStringLiteral("Values in PostgreSQL's text form."),
                                 QStringLiteral("[VALUE...]"));
    const QString usage = QStringLiteral("route --type TYPE --shard-count N [--json] [VALUE...]");
    const QStringList valued{QStringLiteral("--type"), QStringLiteral("--shard-count")};
    if (!cli::parseArguments(parser, cli::protectValueArguments(args, valued), usage))
        return cli::ExitUsage;
    const auto type = cli::typeOption(parser);
    if (!type)
        return cli::ExitUsage;
    bool numeric = false;
    const int shardCount = parser.value(QStringLiteral("shard-count")).toInt(&numeric);
    if (!numeric || shardCount < engine::kMinShardCount || shardCount > engine::kMaxShardCount) {
        cli::printError(parser.isSet(QStringLiteral("shard-count"))
                            ? QStringLiteral("--shard-count must be a whole number from 1 to 64000, not \"%1\"")
                                  .arg(parser.value(QStringLiteral("shard-count")))
                            : QStringLiteral("missing --shard-count (for example --shard-count 32)"));
        return cli::ExitUsage;
    }

    const bool json = parser.isSet(QStringLiteral("json"));
    QJsonArray rows;
    bool failed = false;
    for (const QString& value : cli::valuesFromArgsOrStdin(parser.positionalArguments())) {
        const auto hash = engine::hashValue(*type, value.toStdString());
        if (!hash) {
            cli::printError(hash.error());
            failed = true;
            continue;
        }
        const int index = engine::uniformShardIndex(*hash, shardCount);
        const engine::HashRange range = engine::uniformRange(index, shardCount);
        if (json) {
            rows.append(QJsonObject{{QStringLiteral("value"), value},
                                    {QStringLiteral("hash"), *hash},
                                    {QStringLiteral("shard_index"), index},
                                    {QStringLiteral("shard_min"), range.min},
                                    {QStringLiteral("shard_max"), range.max}});
        } else {
            cli::printLine(QStringLiteral("%1\t%2\t%3\t%4").arg(*hash).arg(index).arg(range.min).arg(range.max));
        }
    }
    if (json)
        cli::printJson(QJsonDocument(rows));
    return failed ? cli::ExitFailed : cli::ExitOk;
}

} // namespace

SHARDSCOPE_CLI_COMMAND(route, "shard of values in a table of N hash shards", runRoute)
