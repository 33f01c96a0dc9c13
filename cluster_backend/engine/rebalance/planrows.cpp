// SPDX-License-Identifier: MIT
#include "planrows.h"

#include <unordered_map>

namespace shardscope::engine {

void expandPlanRows(const ShardGroupCatalog& catalog, RebalancePlan& plan)
{
    const ClusterState& state = catalog.state();
    std::unordered_map<NodeId, const Node*> nodes;
    for (const Node& node : state.nodes)
        nodes.emplace(node.id, &node);
    for (std::size_t m = 0; m < plan.moves.size(); ++m) {
        PlannedMove& move = plan.moves[m];
        const auto sourceIt = nodes.find(move.source);
        const auto targetIt = nodes.find(move.target);
        if (sourceIt == nodes.end() || targetIt == nodes.end())
            continue; // moves always name nodes of the state; never throw across the engine boundary
        const Node* source = sourceIt->second;
        const Node* target = targetIt->second;
        const std::uint32_t shard = catalog.shardIndex(move.shard);
        move.bytes = 0;
        for (std::uint32_t member : catalog.shardGroup(shard)) {
            PlanRow row;
            row.tableName = catalog.regclassName(catalog.tableIndexOfShard(member));
            row.shardId = state.shards[member].id;
            row.shardSize = 0; // pg_dist_placement.shardlength: Citus leaves it 0 for hash-distributed shards
            row.sourceName = source->name;
            row.sourcePort = source->port;
            row.targetName = target->name;
            row.targetPort = target->port;
            const auto placements = catalog.placementsOfShard(member);
            bool found = false;
            for (std::uint32_t p : placements) {
                if (state.placements[p].group == source->group) {
                    row.bytes = state.placements[p].bytes;
                    found = true;
                    break;
                }
            }
            if (!found && !placements.empty())
                row.bytes = state.placements[placements.front()].bytes; // moved here by an earlier move
            row.moveIndex = m;
            move.bytes += row.bytes;
            plan.rows.push_back(std::move(row));
        }
    }
}

} // namespace shardscope::engine
