// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"

#include <string>
#include <vector>

namespace shardscope::test {

/**
 * Small hand-made clusters for the reference's verified examples: a coordinator (nodeid 1, group 0,
 * shouldhaveshards=false) plus workers "localhost" on the given ports (nodeids 2.., groups 1..).
 */
class ClusterBuilder
{
public:
    explicit ClusterBuilder(const std::vector<int>& workerPorts);

    /**
     * Adds a hash-distributed table in a colocation group (created on first use) whose shard i sits on
     * worker nodeOfShard[i] (index into workerPorts); shard ids and placement ids come from the sequences.
     */
    engine::TableOid addTable(const std::string& name, engine::ColocationId colocation,
                              const std::vector<int>& nodeOfShard, const std::vector<std::int64_t>& bytes = {});
    /** Round-robin over the first `workers` workers, as create_distributed_table does (§3.2). */
    engine::TableOid addRoundRobinTable(const std::string& name, engine::ColocationId colocation, int shardCount,
                                        int workers);

    engine::ClusterState& state() { return m_state; }

private:
    engine::ClusterState m_state;
};

} // namespace shardscope::test
