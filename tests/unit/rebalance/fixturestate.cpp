// SPDX-License-Identifier: MIT
#include "fixturestate.h"

#include "testdata.h"

#include <QTextStream>
#include <map>

namespace shardscope::test {

using namespace engine;

QList<QStringList> readRebalanceCsv(const QString& file)
{
    const QByteArray data = readData(QStringLiteral("rebalance/") + file);
    QList<QStringList> rows;
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty())
            continue;
        rows.append(QString::fromUtf8(lines[i]).split(QLatin1Char(',')));
    }
    return rows;
}

ClusterState fixtureCluster(const QString& nodesFile)
{
    ClusterState state;
    state.name = "citus-13.2 fixture";
    for (const QStringList& row : readRebalanceCsv(nodesFile)) {
        Node node;
        node.id = row[0].toInt();
        node.group = row[1].toInt();
        node.name = row[2].toStdString();
        node.port = row[3].toInt();
        node.hasMetadata = row[5] == QLatin1String("t");
        node.isActive = row[6] == QLatin1String("t");
        node.shouldHaveShards = row[10] == QLatin1String("t");
        state.nodes.push_back(node);
    }
    state.colocationGroups = {{1, 32, 1, ColumnType::Int8, 0}, {2, 1, -1, ColumnType::None, 0}};
    const std::map<QString, TableOid> oids = {
        {QStringLiteral("users"), 16400}, {QStringLiteral("events"), 16410}, {QStringLiteral("countries"), 16420}};
    for (const char* name : {"users", "events", "countries"}) {
        Table table;
        table.oid = oids.at(QString::fromLatin1(name));
        table.name = name;
        const bool reference = std::string(name) == "countries";
        table.kind = reference ? TableKind::Reference : TableKind::HashDistributed;
        table.colocationId = reference ? 2 : 1;
        table.replicationModel = reference ? 't' : 's';
        table.distributionColumn = reference ? "" : "user_id";
        table.columnType = reference ? ColumnType::None : ColumnType::Int8;
        state.tables.push_back(table);
    }
    for (const QStringList& row : readRebalanceCsv(QStringLiteral("01_pg_dist_shard_sample.csv"))) {
        Shard shard;
        shard.table = oids.at(row[0]);
        shard.id = row[1].toLongLong();
        shard.hasRange = !row[3].isEmpty();
        shard.minValue = row[3].toInt();
        shard.maxValue = row[4].toInt();
        state.shards.push_back(shard);
    }
    std::sort(state.shards.begin(), state.shards.end(), [](const Shard& a, const Shard& b) { return a.id < b.id; });
    std::map<std::pair<ShardId, int>, std::int64_t> sizes; // (shard, port) -> bytes
    for (const QStringList& row : readRebalanceCsv(QStringLiteral("01_citus_shards_sample.csv")))
        sizes[{row[1].toLongLong(), row[6].toInt()}] = row[7].toLongLong();
    for (const QStringList& row : readRebalanceCsv(QStringLiteral("01_pg_dist_placement_sample.csv"))) {
        Placement placement;
        placement.id = row[0].toLongLong();
        placement.shard = row[1].toLongLong();
        placement.group = row[4].toInt();
        for (const Node& node : state.nodes) {
            if (node.group == placement.group)
                placement.bytes = sizes[{placement.shard, node.port}];
        }
        state.placements.push_back(placement);
    }
    state.sequences.nextShardId = 102073;
    state.sequences.nextPlacementId = 68;
    state.sequences.nextColocationId = 3;
    state.sequences.nextGroupId = static_cast<GroupId>(state.nodes.size());
    state.sequences.nextNodeId = static_cast<NodeId>(state.nodes.size() + 1);
    return state;
}

ClusterState fixtureClusterAtRebalance()
{
    ClusterState state = fixtureCluster(QStringLiteral("05_pg_dist_node_3_workers.csv"));
    for (const QStringList& row : readRebalanceCsv(QStringLiteral("05_reconstructed_shard_growth.csv"))) {
        for (Placement& placement : state.placements) {
            if (placement.shard == row[0].toLongLong())
                placement.bytes += row[1].toLongLong();
        }
    }
    return state;
}

} // namespace shardscope::test
