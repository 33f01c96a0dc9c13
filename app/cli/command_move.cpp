// SPDX-License-Identifier: MIT
// shardscope-cli move: moves one shard (with its shard group) to another node through citus_move_shard_placement.
#include "clicommand.h"
#include "cliio.h"
#include "live/operationbuilder.h"
#include "liveargs.h"
#include "planargs.h"

#include <cstdio>

using namespace shardscope;

namespace {

QString nodeText(const engine::Node& node)
{
    return QStringLiteral("%1:%2").arg(QString::fromStdString(node.name)).arg(node.port);
}

/** The primary node of a group, or nullptr. */
const engine::Node* primaryOfGroup(const engine::ClusterState& state, engine::GroupId group)
{
    for (const engine::Node& node : state.nodes)
        if (node.group == group && node.role == engine::NodeRole::Primary)
            return &node;
    return nullptr;
}

/** The move request for the shard's current node; an Error in plain words when there is none. */
Result<engine::MoveShardPlacement> moveRequest(const engine::ClusterState& state, engine::ShardId shard,
                                               const engine::NodeAddress& target, engine::TransferMode mode)
{
    const engine::Node* to = nullptr;
    QStringList known;
    for (const engine::Node& node : state.nodes) {
        known.append(nodeText(node));
        if (node.name == target.name && node.port == target.port)
            to = &node;
    }
    if (!to)
        return Error::make("No node " + target.name + ':' + std::to_string(target.port) + " in pg_dist_node.",
                           "shardscope.invalid_value",
                           QStringLiteral("The nodes are: %1.").arg(known.join(QStringLiteral(", "))).toStdString());
    bool exists = false;
    for (const engine::Shard& s : state.shards)
        exists = exists || s.id == shard;
    if (!exists)
        return Error::make("Shard " + std::to_string(shard) + " does not exist.", "shardscope.invalid_value",
                           "Shard ids are in pg_dist_shard (or run shardscope-cli snapshot).");
    std::vector<const engine::Node*> sources;
    for (const engine::Placement& placement : state.placements)
        if (placement.shard == shard)
            if (const engine::Node* node = primaryOfGroup(state, placement.group))
                sources.push_back(node);
    if (sources.empty())
        return Error::make("Shard " + std::to_string(shard) + " has no active placement to move.",
                           "shardscope.invalid_value");
    if (sources.size() > 1)
        return Error::make("Shard " + std::to_string(shard) + " has " + std::to_string(sources.size()) +
                               " placements (a reference table or a replicated shard); a move needs exactly one.",
                           "shardscope.invalid_value");
    if (sources.front()->id == to->id)
        return Error::make("Shard " + std::to_string(shard) + " is already on " + nodeText(*to).toStdString() + '.',
                           "shardscope.invalid_value");
    return engine::MoveShardPlacement{shard, sources.front()->id, to->id, mode};
}

int runMove(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Moves a shard, with its colocated shards, from the node it is on to HOST:PORT "
                       "(citus_move_shard_placement), printing the SQL it runs."));
    parser.addOption(cli::dsnOption());
    parser.addOption({QStringLiteral("shard"), QStringLiteral("The shard id to move."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("The target node."), QStringLiteral("HOST:PORT")});
    parser.addOption(cli::modeOption());
    const QString usage =
        QStringLiteral("move --dsn DSN --shard ID --to HOST:PORT [--mode auto|force_logical|block_writes]");
    if (!cli::parseArguments(parser, args, usage))
        return cli::ExitUsage;
    if (!parser.positionalArguments().isEmpty())
        return cli::liveUsageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().front()), usage);
    bool ok = false;
    const qint64 shard = parser.value(QStringLiteral("shard")).toLongLong(&ok);
    if (!ok || shard <= 0)
        return cli::liveUsageError(QStringLiteral("--shard needs a shard id (a positive whole number)"), usage);
    const auto target = cli::nodeAddress(parser.value(QStringLiteral("to")));
    if (!target)
        return cli::liveUsageError(QStringLiteral("--to needs HOST:PORT"), usage);
    const auto mode = cli::transferMode(parser.value(QStringLiteral("mode")));
    if (!mode)
        return cli::liveUsageError(QStringLiteral("--mode must be auto, force_logical or block_writes"), usage);
    live::ConnectionOptions options;
    if (const int status = cli::parseDsn(parser.value(QStringLiteral("dsn")), usage, options); status != cli::ExitOk)
        return status;

    auto connection = cli::connectLive(options);
    if (!connection)
        return cli::ExitFailed;
    auto cluster = cli::readLive(*connection);
    if (!cluster)
        return cli::ExitFailed;
    const auto request = moveRequest(cluster->state, shard, *target, *mode);
    if (!request) {
        cli::printError(request.error());
        return cli::ExitFailed;
    }
    auto statements = live::buildOperation(*connection->session, *request);
    if (!statements) {
        cli::printError(statements.error());
        return cli::ExitFailed;
    }
    for (const live::Statement& statement : *statements)
        cli::printLine(QString::fromStdString(statement.displayText));
    std::fflush(stdout);
    auto result = live::runOperation(*connection->session, *statements);
    if (!result) {
        cli::printError(result.error());
        return cli::ExitFailed;
    }
    for (const std::string& notice : result->notices)
        std::fprintf(stderr, "%s\n", notice.c_str());
    const engine::Node* from = nullptr;
    for (const engine::Node& node : cluster->state.nodes)
        if (node.id == request->sourceNode)
            from = &node;
    cli::printLine(QStringLiteral("Moved shard %1 (and its colocated shards) from %2 to %3:%4.")
                       .arg(shard)
                       .arg(from ? nodeText(*from) : QStringLiteral("its node"), QString::fromStdString(target->name))
                       .arg(target->port));
    return cli::ExitOk;
}

} // namespace

SHARDSCOPE_CLI_COMMAND(move, "Move a shard of a live cluster to another node", runMove)
