// SPDX-License-Identifier: MIT
#pragma once

// Options shared by the plan and simulate subcommands.
#include "cliio.h"
#include "engine/rebalance/minbytesplanner.h"
#include "engine/rebalance/rebalanceplanner.h"
#include "live/strategyreader.h"
#include "liveargs.h"
#include "snapshot/snapshotjson.h"
#include "valueargs.h"

#include <QCommandLineParser>
#include <cmath>
#include <cstdio>
#include <optional>

namespace shardscope::cli {

/** The parsed plan options. */
struct PlanArgs
{
    QString snapshot;
    QString dsn;          ///< plan on the live cluster instead of a snapshot
    QString strategyName; ///< as given with --strategy; empty: the default one
    engine::RebalanceOptions options;
    bool json = false;
};

/** The plan options that take a value (so that negative numbers reach them as values). */
inline QStringList planValuedOptions()
{
    return {QStringLiteral("--snapshot"),
            QStringLiteral("--dsn"),
            QStringLiteral("--strategy"),
            QStringLiteral("--threshold"),
            QStringLiteral("--improvement-threshold"),
            QStringLiteral("--max-shard-moves"),
            QStringLiteral("--drain"),
            QStringLiteral("--relation"),
            QStringLiteral("--excluded-shards")};
}

inline void addPlanOptions(QCommandLineParser& parser)
{
    parser.addOption(
        {QStringLiteral("snapshot"), QStringLiteral("The snapshot file to plan on."), QStringLiteral("FILE")});
    parser.addOption(dsnOption());
    parser.addOption({QStringLiteral("strategy"),
                      QStringLiteral("by_shard_count, by_disk_size (default), shardscope_min_bytes, or with --dsn "
                                     "any strategy of pg_dist_rebalance_strategy (default: the cluster's default)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("threshold"),
                      QStringLiteral("Allowed deviation from the average utilization (strategy default)."),
                      QStringLiteral("X")});
    parser.addOption({QStringLiteral("improvement-threshold"),
                      QStringLiteral("Skip moves that improve the balance less than this, relative to their cost."),
                      QStringLiteral("X")});
    parser.addOption({QStringLiteral("max-shard-moves"), QStringLiteral("Stop after N moves (default 1000000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("drain"),
                      QStringLiteral("Plan citus_drain_node for this node: move all its shards elsewhere."),
                      QStringLiteral("HOST:PORT")});
    parser.addOption(
        {QStringLiteral("drain-only"), QStringLiteral("Only move shards off nodes where they are not allowed.")});
    parser.addOption({QStringLiteral("relation"), QStringLiteral("Only rebalance this table's colocation group."),
                      QStringLiteral("TABLE")});
    parser.addOption({QStringLiteral("excluded-shards"),
                      QStringLiteral("Shard ids (of the representative tables) never to move."),
                      QStringLiteral("ID,...")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
}

inline int usageError(const QString& message, const QString& usage)
{
    printError(message);
    std::fprintf(stderr, "usage: shardscope-cli %s\n", usage.toUtf8().constData());
    return ExitUsage;
}

inline std::optional<float> floatOption(const QCommandLineParser& parser, const QString& name)
{
    bool ok = false;
    const float value = parser.value(name).toFloat(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

/** Parses host:port (the port after the last colon). */
inline std::optional<engine::NodeAddress> nodeAddress(const QString& text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    const int port = text.mid(colon + 1).toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return std::nullopt;
    return engine::NodeAddress{text.left(colon).toStdString(), port};
}

/** Reads the plan options; returns ExitOk, or ExitUsage / ExitFailed after printing the problem. */
inline int readPlanOptions(const QCommandLineParser& parser, const QString& usage, PlanArgs& out)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().front()),
                          usage);
    out.snapshot = parser.value(QStringLiteral("snapshot"));
    out.dsn = parser.value(QStringLiteral("dsn"));
    if (out.snapshot.isEmpty() == out.dsn.isEmpty())
        return usageError(QStringLiteral("give exactly one of --snapshot FILE and --dsn DSN"), usage);
    if (!out.dsn.isEmpty()) {
        live::ConnectionOptions connection;
        if (const int status = parseDsn(out.dsn, usage, connection); status != ExitOk)
            return status;
    }
    out.json = parser.isSet(QStringLiteral("json"));
    engine::RebalanceOptions& options = out.options;
    if (parser.isSet(QStringLiteral("threshold"))) {
        options.threshold = floatOption(parser, QStringLiteral("threshold"));
        if (!options.threshold)
            return usageError(QStringLiteral("--threshold needs a number"), usage);
    }
    if (parser.isSet(QStringLiteral("improvement-threshold"))) {
        options.improvementThreshold = floatOption(parser, QStringLiteral("improvement-threshold"));
        if (!options.improvementThreshold)
            return usageError(QStringLiteral("--improvement-threshold needs a number"), usage);
    }
    if (parser.isSet(QStringLiteral("max-shard-moves"))) {
        bool ok = false;
        options.maxShardMoves = parser.value(QStringLiteral("max-shard-moves")).toLongLong(&ok);
        if (!ok || options.maxShardMoves < 0)
            return usageError(QStringLiteral("--max-shard-moves needs a whole number >= 0"), usage);
    }
    if (parser.isSet(QStringLiteral("drain"))) {
        const auto address = nodeAddress(parser.value(QStringLiteral("drain")));
        if (!address)
            return usageError(QStringLiteral("--drain needs HOST:PORT"), usage);
        options.drainNode = *address;
        options.entryPoint = engine::RebalanceEntryPoint::DrainNode;
    }
    options.drainOnly = parser.isSet(QStringLiteral("drain-only"));
    options.relation = parser.value(QStringLiteral("relation")).toStdString();
    if (parser.isSet(QStringLiteral("excluded-shards"))) {
        for (const QString& part : parser.value(QStringLiteral("excluded-shards")).split(QLatin1Char(','))) {
            bool ok = false;
            const qint64 id = part.trimmed().toLongLong(&ok);
            if (!ok)
                return usageError(QStringLiteral("--excluded-shards needs shard ids separated by commas"), usage);
            options.excludedShards.push_back(id);
        }
    }
    out.strategyName = parser.value(QStringLiteral("strategy"));
    const std::string name = out.strategyName.isEmpty() ? std::string("by_disk_size") : out.strategyName.toStdString();
    if (engine::isShardScopeStrategy(name)) {
        options.strategy = engine::RebalanceStrategy::byDiskSize();
        options.strategy.name = name;
        return ExitOk;
    }
    if (!out.dsn.isEmpty()) {
        // Read from pg_dist_rebalance_strategy once connected (resolveLiveStrategy).
        options.strategy.name = name;
        return ExitOk;
    }
    auto builtin = engine::builtinRebalanceStrategy(name);
    if (!builtin.ok()) {
        // A snapshot knows Citus's two strategies only; --dsn reads the cluster's pg_dist_rebalance_strategy.
        printError(builtin.error());
        return ExitFailed;
    }
    options.strategy = std::move(builtin).value();
    return ExitOk;
}

/**
 * On a live cluster the strategy is the row of pg_dist_rebalance_strategy (the default one unless --strategy
 * names another): its thresholds, and a custom strategy's SQL functions evaluated by the server.
 */
inline bool resolveLiveStrategy(live::PgSession& session, PlanArgs& args)
{
    if (engine::isShardScopeStrategy(args.options.strategy.name))
        return true;
    auto strategy = live::loadRebalanceStrategy(session, args.strategyName.toStdString());
    if (!strategy) {
        printError(strategy.error());
        return false;
    }
    args.options.strategy = std::move(strategy).value();
    return true;
}

/** Plans with Citus's algorithm or, for a ShardScope strategy name, with ShardScope's own planner. */
inline Result<engine::RebalancePlan> planWith(const engine::ClusterState& state,
                                              const engine::RebalanceOptions& options)
{
    if (engine::isShardScopeStrategy(options.strategy.name))
        return engine::planMinBytesRebalance(state, options);
    return engine::planRebalance(state, options);
}

/** Loads the snapshot named by the options, or reads the live cluster; prints the error on failure. */
inline std::optional<engine::ClusterState> loadPlanSnapshot(PlanArgs& args)
{
    if (!args.dsn.isEmpty()) {
        auto options = live::ConnectionOptions::parse(args.dsn.toStdString());
        if (!options) {
            printError(options.error());
            return std::nullopt;
        }
        auto connection = connectLive(*options);
        if (!connection)
            return std::nullopt;
        auto cluster = readLive(*connection);
        if (!cluster || !resolveLiveStrategy(*connection->session, args))
            return std::nullopt;
        return std::move(cluster->state);
    }
    auto state = snapshot::loadSnapshotFile(args.snapshot.toStdString());
    if (!state.ok()) {
        printError(state.error());
        return std::nullopt;
    }
    return std::move(state).value();
}

/** "1.5 GB" style sizes (powers of 1024, like pg_size_pretty). */
inline QString prettyBytes(std::int64_t bytes)
{
    static const char* units[] = {"bytes", "kB", "MB", "GB", "TB", "PB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (std::fabs(value) >= 10240.0 && unit < 5) {
        value /= 1024.0;
        ++unit;
    }
    return unit == 0 ? QStringLiteral("%1 bytes").arg(bytes)
                     : QStringLiteral("%1 %2").arg(std::round(value)).arg(QLatin1String(units[unit]));
}

} // namespace shardscope::cli
