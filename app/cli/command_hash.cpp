// SPDX-License-Identifier: MIT
// shardscope-cli hash: the PostgreSQL hash (as Citus computes it for a distribution column) of each value.
#include "clicommand.h"
#include "cliio.h"
#include "engine/pghash.h"
#include "valueargs.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace shardscope;

namespace {

int runHash(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Prints the signed 32-bit hash PostgreSQL computes for each value of a column of type TYPE "
                       "(what Citus routes on). Values come from the arguments, or one per line from standard "
                       "input when there are none."));
    parser.addOption({QStringLiteral("type"), QStringLiteral("The distribution column type."), QStringLiteral("TYPE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array of {\"value\", \"hash\"} objects.")});
    parser.addPositionalArgument(QStringLiteral("VALUE"), QStringLiteral("Values in PostgreSQL's text form."),
                                 QStringLiteral("[VALUE...]"));
    const QString usage = QStringLiteral("hash --type TYPE [--json] [VALUE...]");
    if (!cli::parseArguments(parser, cli::protectValueArguments(args, {QStringLiteral("--type")}), usage))
        return cli::ExitUsage;
    const auto type = cli::typeOption(parser);
    if (!type)
        return cli::ExitUsage;

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
        if (json)
            rows.append(QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("hash"), *hash}});
        else
            cli::printLine(QString::number(*hash));
    }
    if (json)
        cli::printJson(QJsonDocument(rows));
    return failed ? cli::ExitFailed : cli::ExitOk;
}

} // namespace

SHARDSCOPE_CLI_COMMAND(hash, "PostgreSQL hash of values, as Citus computes it", runHash)
