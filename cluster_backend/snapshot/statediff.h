// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace shardscope::snapshot {

/** What changed in one vector of a ClusterState, keyed by id. */
struct EntityDiff
{
    std::vector<std::size_t> upserts;  ///< indices into the new vector of rows to write (new, changed or moved)
    std::vector<std::int64_t> deletes; ///< ids that are gone
    std::size_t added = 0;
    std::size_t changed = 0; ///< content changes (a row that only moved in the vector is not counted)

    bool empty() const { return upserts.empty() && deletes.empty(); }
};

/**
 * The difference between two states as the workspace stores it. Nodes, colocation groups and tables keep
 * their position in the vector (it is part of the row); shards and placements are kept in id order.
 */
struct StateDiff
{
    bool clusterChanged = false; ///< name or sequences
    EntityDiff nodes;
    EntityDiff colocationGroups;
    EntityDiff tables;
    EntityDiff shards;
    EntityDiff placements;

    bool empty() const
    {
        return !clusterChanged && nodes.empty() && colocationGroups.empty() && tables.empty() && shards.empty() &&
               placements.empty();
    }
    /** "placements: 2 added, 2 removed; shards: 1 changed", or "no changes". */
    std::string summary() const;
};

/** O(n) when both states are in id order (the catalog order), O(n log n) otherwise. */
StateDiff diffStates(const engine::ClusterState& before, const engine::ClusterState& after);

} // namespace shardscope::snapshot
