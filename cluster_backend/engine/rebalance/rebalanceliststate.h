// SPDX-License-Identifier: MIT
#pragma once

#include "rebalancecontext.h"

#include <cstdint>
#include <memory_resource>
#include <set>
#include <vector>

namespace shardscope::engine {

/**
 * The rebalancer's state for one list (§6.3) and its two phases (§6.4, §6.5), with the decision order of the
 * reference but faster structures: nodes kept in one vector sorted in ascending order (descending = reverse),
 * each node's shards as an ordered set of ranks (rank = position in cost desc / shard id asc order), and a
 * binary search that skips the shards that would only create a new peak.
 */
class RebalanceListState
{
public:
    RebalanceListState(RebalanceContext& context, std::size_t listIndex, std::vector<std::uint32_t>& scratch,
                       std::pmr::memory_resource* memory);

    /** Phase 1: moves every placement sitting where it is not allowed. */
    void evacuateDisallowed();
    /** Phase 2; returns true when the move limit stopped it before it ran out of moves. */
    bool balance();
    RebalanceListSummary summary() const;

private:
    struct Fill
    {
        float capacity = 0.0F;
        float total = 0.0F;
        float utilization = 0.0F;
        NodeId id = 0;
    };

    bool findAndMove();
    bool tryPair(std::uint32_t src, std::uint32_t dst);
    bool holds(std::uint32_t rank, std::uint32_t worker) const;
    void applyMove(std::uint32_t rank, std::uint32_t src, std::uint32_t dst, RebalancePhase phase);
    bool ascending(std::uint32_t a, std::uint32_t b) const;
    void reposition(std::uint32_t first, std::uint32_t second);
    void recordIgnored(std::uint32_t rank, std::uint32_t src, std::uint32_t dst, float improvement, float added);

    RebalanceContext& m_context;
    std::size_t m_listIndex;
    std::vector<Fill> m_fill;
    std::vector<std::uint32_t> m_order; ///< ascending node order (§6.3)
    std::vector<float> m_rankCost;
    std::vector<std::uint32_t> m_rankShard;
    std::vector<std::pmr::set<std::uint32_t>> m_shardsOfNode;
    std::vector<std::uint32_t> m_holderOffsets;
    std::vector<std::uint32_t> m_holders;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_disallowed; ///< (rank, worker)
    float m_totalCost = 0.0F;
    float m_totalCapacity = 0.0F;
    float m_lower = 0.0F;
    float m_upper = 0.0F;
    bool m_balanced = false;
    bool m_canSkip = true; ///< every cost >= 0: the "new peak" prefix can be skipped by binary search
    std::size_t m_moves = 0;
    std::uint32_t m_pollCounter = 0;
};

} // namespace shardscope::engine
