// SPDX-License-Identifier: MIT
#include "tenantfixture.h"

#include "testdata.h"

#include <QStringList>
#include <algorithm>
#include <map>

namespace shardscope::test {

live::QueryResult readCsvResult(const QString& relative)
{
    live::QueryResult result;
    const QStringList lines = QString::fromUtf8(readData(relative)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringList cells = lines[i].split(QLatin1Char(','));
        if (i == 0) {
            for (const QString& cell : cells)
                result.columns.push_back(cell.toStdString());
            continue;
        }
        std::vector<std::optional<std::string>> row;
        for (const QString& cell : cells)
            row.push_back(cell.isEmpty() ? std::nullopt : std::optional<std::string>(cell.toStdString()));
        result.rows.push_back(std::move(row));
    }
    return result;
}

engine::ClusterState tenantFixtureState()
{
    using namespace engine;
    ClusterState state;
    state.name = "skew_check";
    for (int n = 1; n <= 3; ++n) {
        Node node;
        node.id = NodeId(n);
        node.group = GroupId(n - 1);
        node.name = "127.0.0.1";
        node.port = 9699 + n;
        node.shouldHaveShards = n > 1;
        state.nodes.push_back(node);
    }
    const live::QueryResult ranges = readCsvResult(QStringLiteral("skew/tenant_shard_ranges.csv"));
    std::map<std::string, TableOid> oids;
    for (std::size_t r = 0; r < ranges.rows.size(); ++r) {
        const auto colocation = ColocationId(std::stoll(ranges.text(r, 0)));
        const std::string qualified = ranges.text(r, 1);
        const ColumnType type = ranges.text(r, 2) == "bigint" ? ColumnType::Int8 : ColumnType::Text;
        if (!oids.count(qualified)) {
            const TableOid oid = TableOid(16384 + oids.size());
            oids[qualified] = oid;
            Table table;
            table.oid = oid;
            table.schema = "skew_check";
            table.name = qualified.substr(qualified.find('.') + 1);
            table.columnType = type;
            table.distributionColumn = table.name == "accounts"    ? "region"
                                       : table.name == "companies" ? "id"
                                                                   : "company_id";
            table.colocationId = colocation;
            state.tables.push_back(table);
            if (std::none_of(state.colocationGroups.begin(), state.colocationGroups.end(),
                             [colocation](const ColocationGroup& g) { return g.id == colocation; }))
                state.colocationGroups.push_back({colocation, 0, 1, type, 0});
        }
        Shard shard;
        shard.id = ShardId(std::stoll(ranges.text(r, 3)));
        shard.table = oids[qualified];
        shard.minValue = std::stoi(ranges.text(r, 4));
        shard.maxValue = std::stoi(ranges.text(r, 5));
        shard.hasRange = true;
        state.shards.push_back(shard);
        Placement placement;
        placement.id = PlacementId(state.placements.size() + 1);
        placement.shard = shard.id;
        placement.group = GroupId(std::stoll(ranges.text(r, 6)) - 1);
        state.placements.push_back(placement);
    }
    for (ColocationGroup& group : state.colocationGroups)
        group.shardCount = group.id == 1 ? 8 : 4;
    std::sort(state.shards.begin(), state.shards.end(), [](const Shard& a, const Shard& b) { return a.id < b.id; });
    // Creation order (the file is sorted by name): a table created earlier got the lower shard ids.
    const auto firstShard = [&state](TableOid oid) {
        for (const Shard& shard : state.shards)
            if (shard.table == oid)
                return shard.id;
        return ShardId(0);
    };
    std::sort(state.tables.begin(), state.tables.end(),
              [&](const Table& a, const Table& b) { return firstShard(a.oid) < firstShard(b.oid); });
    return state;
}

} // namespace shardscope::test
