// SPDX-License-Identifier: MIT
#include "clusterbuilder.h"

#include <algorithm>

namespace shardscope::test {

using namespace engine;

ClusterBuilder::ClusterBuilder(const std::vector<int>& workerPorts)
{
    Node coordinator;
    coordinator.id = 1;
    coordinator.group = 0;
    coordinator.name = "localhost";
    coordinator.port = 9800;
    coordinator.shouldHaveShards = false;
    m_state.nodes.push_back(coordinator);
    for (std::size_t i = 0; i < workerPorts.size(); ++i) {
        Node worker;
        worker.id = static_cast<NodeId>(i + 2);
        worker.group = static_cast<GroupId>(i + 1);
        worker.name = "localhost";
        worker.port = workerPorts[i];
        m_state.nodes.push_back(worker);
    }
    m_state.sequences.nextNodeId = static_cast<NodeId>(workerPorts.size() + 2);
    m_state.sequences.nextGroupId = static_cast<GroupId>(workerPorts.size() + 1);
}

TableOid ClusterBuilder::addTable(const std::string& name, ColocationId colocation, const std::vector<int>& nodeOfShard,
                                  const std::vector<std::int64_t>& bytes)
{
    const bool known = std::any_of(m_state.colocationGroups.begin(), m_state.colocationGroups.end(),
                                   [&](const ColocationGroup& g) { return g.id == colocation; });
    if (!known)
        m_state.colocationGroups.push_back(
            {colocation, static_cast<std::int32_t>(nodeOfShard.size()), 1, ColumnType::Int8, 0});
    Table table;
    table.oid = m_state.sequences.nextTableOid++;
    table.name = name;
    table.distributionColumn = "id";
    table.columnType = ColumnType::Int8;
    table.colocationId = colocation;
    m_state.tables.push_back(table);
    const auto count = static_cast<std::int64_t>(nodeOfShard.size());
    const std::int64_t increment = 4294967296LL / count;
    for (std::int64_t i = 0; i < count; ++i) {
        Shard shard;
        shard.id = m_state.sequences.nextShardId++;
        shard.table = table.oid;
        shard.hasRange = true;
        shard.minValue = static_cast<std::int32_t>(-2147483648LL + i * increment);
        shard.maxValue =
            i == count - 1 ? 2147483647 : static_cast<std::int32_t>(-2147483648LL + (i + 1) * increment - 1);
        m_state.shards.push_back(shard);
        Placement placement;
        placement.id = m_state.sequences.nextPlacementId++;
        placement.shard = shard.id;
        placement.group = m_state.nodes[static_cast<std::size_t>(nodeOfShard[static_cast<std::size_t>(i)]) + 1].group;
        placement.bytes = bytes.empty() ? 0 : bytes[static_cast<std::size_t>(i)];
        m_state.placements.push_back(placement);
    }
    return table.oid;
}

TableOid ClusterBuilder::addRoundRobinTable(const std::string& name, ColocationId colocation, int shardCount,
                                            int workers)
{
    std::vector<int> nodes;
    for (int i = 0; i < shardCount; ++i)
        nodes.push_back(i % workers);
    return addTable(name, colocation, nodes);
}

} // namespace shardscope::test
