// SPDX-License-Identifier: MIT
#include "rebalanceliststate.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace shardscope::engine {

namespace {

constexpr std::size_t kMaxRecordedIgnoredMoves = 10000;
constexpr std::uint32_t kPollEvery = 4096;

/** Maps a float to an unsigned key with the same order (both zeros equal). */
std::uint32_t orderedBits(float value)
{
    if (value == 0.0F)
        value = 0.0F;
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return (bits & 0x80000000U) != 0 ? ~bits : bits | 0x80000000U;
}

// Citus's Max/Min macros: the first operand wins unless the comparison says otherwise (matters for NaN).
float floatMax(float a, float b)
{
    return a > b ? a : b;
}
float floatMin(float a, float b)
{
    return a < b ? a : b;
}

std::string address(const Node* node)
{
    return node->name + ":" + std::to_string(node->port);
}

} // namespace

RebalanceListState::RebalanceListState(RebalanceContext& context, std::size_t listIndex,
                                       std::vector<std::uint32_t>& scratch, std::pmr::memory_resource* memory)
    : m_context(context), m_listIndex(listIndex)
{
    const RebalanceListInput& input = context.lists[listIndex];
    const auto& shards = context.catalog->state().shards;
    const std::size_t nodeCount = context.workers.size();

    m_fill.resize(nodeCount);
    for (std::size_t w = 0; w < nodeCount; ++w) {
        m_fill[w].capacity = context.workers[w].capacity;
        m_fill[w].id = context.workers[w].node->id;
        m_fill[w].utilization = rebalanceUtilization(0.0F, m_fill[w].capacity);
        m_totalCapacity += m_fill[w].capacity;
    }

    // Ranks: cost descending, shard id ascending (§6.3). Keys pack the cost order and the state shard index; the
    // index is the id order when the state keeps shards sorted by id (the catalog checks).
    std::vector<std::uint64_t> keys;
    for (const std::uint32_t shard : input.shards) {
        if (scratch[shard] != ShardGroupCatalog::npos)
            continue;
        scratch[shard] = 0;
        const float cost = context.costOfShard[shard];
        if (!(cost >= 0.0F))
            m_canSkip = false;
        keys.push_back((static_cast<std::uint64_t>(~orderedBits(cost)) << 32) | shard);
    }
    if (context.catalog->idsAscending()) {
        std::sort(keys.begin(), keys.end());
    } else {
        std::sort(keys.begin(), keys.end(), [&shards](std::uint64_t a, std::uint64_t b) {
            if ((a >> 32) != (b >> 32))
                return (a >> 32) < (b >> 32);
            return shards[a & 0xFFFFFFFFU].id < shards[b & 0xFFFFFFFFU].id;
        });
    }
    const auto rankCount = static_cast<std::uint32_t>(keys.size());
    m_rankCost.resize(rankCount);
    m_rankShard.resize(rankCount);
    for (std::uint32_t r = 0; r < rankCount; ++r) {
        const auto shard = static_cast<std::uint32_t>(keys[r] & 0xFFFFFFFFU);
        scratch[shard] = r;
        m_rankShard[r] = shard;
        m_rankCost[r] = context.costOfShard[shard];
    }

    // Totals in placement order (float4 sums), holders per rank and disallowed placements.
    m_holderOffsets.assign(rankCount + 1, 0);
    for (std::size_t p = 0; p < input.shards.size(); ++p) {
        const std::uint32_t rank = scratch[input.shards[p]];
        const std::uint32_t worker = input.workers[p];
        const float cost = m_rankCost[rank];
        m_fill[worker].total += cost;
        m_totalCost += cost;
        ++m_holderOffsets[rank + 1];
        if (!context.allowed(m_rankShard[rank], worker))
            m_disallowed.emplace_back(rank, worker);
    }
    for (Fill& fill : m_fill)
        fill.utilization = rebalanceUtilization(fill.total, fill.capacity);
    for (std::uint32_t r = 0; r < rankCount; ++r)
        m_holderOffsets[r + 1] += m_holderOffsets[r];
    m_holders.resize(m_holderOffsets.back());
    std::vector<std::uint32_t> cursor(m_holderOffsets.begin(), m_holderOffsets.end() - 1);
    for (std::size_t p = 0; p < input.shards.size(); ++p) {
        const std::uint32_t rank = scratch[input.shards[p]];
        m_holders[cursor[rank]++] = input.workers[p];
    }
    for (const std::uint32_t shard : m_rankShard)
        scratch[shard] = ShardGroupCatalog::npos;
    std::stable_sort(m_disallowed.begin(), m_disallowed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    // Node shard lists: walking the ranks in order fills every set in order (constant-time hinted inserts).
    m_shardsOfNode.reserve(nodeCount);
    for (std::size_t w = 0; w < nodeCount; ++w)
        m_shardsOfNode.emplace_back(memory);
    for (std::uint32_t r = 0; r < rankCount; ++r) {
        for (std::uint32_t i = m_holderOffsets[r]; i < m_holderOffsets[r + 1]; ++i) {
            auto& set = m_shardsOfNode[m_holders[i]];
            set.emplace_hint(set.end(), r);
        }
    }

    m_order.resize(nodeCount);
    for (std::uint32_t w = 0; w < nodeCount; ++w)
        m_order[w] = w;
    std::sort(m_order.begin(), m_order.end(), [this](std::uint32_t a, std::uint32_t b) { return ascending(a, b); });
}

bool RebalanceListState::ascending(std::uint32_t a, std::uint32_t b) const
{
    const Fill& x = m_fill[a];
    const Fill& y = m_fill[b];
    if (x.utilization != y.utilization)
        return x.utilization < y.utilization;
    if (x.capacity != y.capacity)
        return x.capacity > y.capacity;
    return x.id < y.id;
}

void RebalanceListState::reposition(std::uint32_t first, std::uint32_t second)
{
    // Both leave before either is inserted again: the rest of the vector stays sorted for the binary search.
    std::erase_if(m_order, [&](std::uint32_t w) { return w == first || w == second; });
    for (std::uint32_t worker : {first, second}) {
        const auto at = std::lower_bound(m_order.begin(), m_order.end(), worker,
                                         [this](std::uint32_t a, std::uint32_t b) { return ascending(a, b); });
        m_order.insert(at, worker);
    }
}

bool RebalanceListState::holds(std::uint32_t rank, std::uint32_t worker) const
{
    for (std::uint32_t i = m_holderOffsets[rank]; i < m_holderOffsets[rank + 1]; ++i) {
        if (m_holders[i] == worker)
            return true;
    }
    return false;
}

void RebalanceListState::applyMove(std::uint32_t rank, std::uint32_t src, std::uint32_t dst, RebalancePhase phase)
{
    const float cost = m_rankCost[rank];
    const std::uint32_t shard = m_rankShard[rank];
    PlannedMove move;
    move.shard = m_context.catalog->state().shards[shard].id;
    move.table = m_context.catalog->state().shards[shard].table;
    const std::uint32_t table = m_context.catalog->tableIndexOfShard(shard);
    move.colocationId = table == ShardGroupCatalog::npos ? 0 : m_context.catalog->state().tables[table].colocationId;
    move.source = m_fill[src].id;
    move.target = m_fill[dst].id;
    move.cost = cost;
    move.phase = phase;
    m_context.plan.moves.push_back(move);
    ++m_moves;

    m_shardsOfNode[src].erase(rank);
    m_shardsOfNode[dst].insert(rank);
    for (std::uint32_t i = m_holderOffsets[rank]; i < m_holderOffsets[rank + 1]; ++i) {
        if (m_holders[i] == src) {
            m_holders[i] = dst;
            break;
        }
    }
    m_fill[dst].total += cost;
    m_fill[dst].utilization = rebalanceUtilization(m_fill[dst].total, m_fill[dst].capacity);
    m_fill[src].total -= cost;
    m_fill[src].utilization = rebalanceUtilization(m_fill[src].total, m_fill[src].capacity);
    reposition(src, dst);
}

void RebalanceListState::evacuateDisallowed()
{
    for (const auto& [rank, source] : m_disallowed) {
        const std::uint32_t shard = m_rankShard[rank];
        std::uint32_t target = ShardGroupCatalog::npos;
        for (std::uint32_t candidate : m_order) {
            if (!holds(rank, candidate) && m_context.allowed(shard, candidate)) {
                target = candidate;
                break;
            }
        }
        if (target == ShardGroupCatalog::npos) {
            const ShardId id = m_context.catalog->state().shards[shard].id;
            m_context.plan.decisions.notAllowedAnywhere.push_back({id, m_fill[source].id});
            m_context.plan.decisions.notices.push_back("WARNING: Not allowed to move shard " + std::to_string(id) +
                                                       " anywhere from " + address(m_context.workers[source].node));
            continue;
        }
        applyMove(rank, source, target, RebalancePhase::Evacuate);
    }
}

bool RebalanceListState::balance()
{
    m_balanced = true;
    const float average = m_totalCost / m_totalCapacity;
    const double threshold = static_cast<double>(m_context.threshold);
    m_lower = static_cast<float>((1.0 - threshold) * static_cast<double>(average));
    m_upper = static_cast<float>((1.0 + threshold) * static_cast<double>(average));
    bool more = true;
    while (more && static_cast<std::int64_t>(m_context.plan.moves.size()) < m_context.maxShardMoves) {
        if (m_context.cancelled())
            return false;
        more = findAndMove();
    }
    return more;
}

bool RebalanceListState::findAndMove()
{
    for (auto s = m_order.rbegin(); s != m_order.rend(); ++s) {
        const std::uint32_t src = *s;
        if (m_fill[src].utilization <= m_lower)
            return false;
        for (std::uint32_t dst : m_order) {
            if (m_fill[dst].utilization >= m_upper)
                break;
            if (m_fill[dst].utilization >= m_lower && m_fill[src].utilization <= m_upper)
                break;
            if (tryPair(src, dst))
                return true;
            if (m_context.cancelled())
                return false;
        }
    }
    return false;
}

bool RebalanceListState::tryPair(std::uint32_t src, std::uint32_t dst)
{
    const Fill& from = m_fill[src];
    const Fill& to = m_fill[dst];
    const auto& candidates = m_shardsOfNode[src];
    if (candidates.empty())
        return false;
    auto it = candidates.begin();
    if (m_canSkip) {
        // Not even src's cheapest shard fits under src's utilization: nothing to try (common late in a list).
        if (rebalanceUtilization(to.total + m_rankCost[*candidates.rbegin()], to.capacity) > from.utilization)
            return false;
        // Shards whose move would lift dst above src's utilization are rejected anyway (newDst > src.util
        // implies newDst > newSrc when cost >= 0); newDst grows with the cost, so they form a prefix.
        const auto firstUseful = std::partition_point(m_rankCost.begin(), m_rankCost.end(), [&](float cost) {
            return rebalanceUtilization(to.total + cost, to.capacity) > from.utilization;
        });
        it = candidates.lower_bound(static_cast<std::uint32_t>(firstUseful - m_rankCost.begin()));
    }
    for (; it != candidates.end(); ++it) {
        const std::uint32_t rank = *it;
        if (++m_pollCounter % kPollEvery == 0 && m_context.cancelled())
            return false;
        if (holds(rank, dst) || !m_context.allowed(m_rankShard[rank], dst))
            continue;
        const float cost = m_rankCost[rank];
        const float newDst = rebalanceUtilization(to.total + cost, to.capacity);
        const float newSrc = rebalanceUtilization(from.total - cost, from.capacity);
        if (newDst <= newSrc) {
            applyMove(rank, src, dst, RebalancePhase::Balance);
            return true;
        }
        if (newDst > from.utilization)
            continue;
        if (newDst == from.utilization && newSrc <= to.utilization)
            continue;
        const float improvement = floatMax(from.utilization - newDst, newSrc - to.utilization);
        const float added = floatMin(newDst - to.utilization, from.utilization - newSrc);
        if (improvement / added < m_context.improvementThreshold) {
            recordIgnored(rank, src, dst, improvement, added);
            continue;
        }
        applyMove(rank, src, dst, RebalancePhase::Balance);
        return true;
    }
    return false;
}

void RebalanceListState::recordIgnored(std::uint32_t rank, std::uint32_t src, std::uint32_t dst, float improvement,
                                       float added)
{
    RebalanceContext& ctx = m_context;
    ++ctx.ignoredMoveCount;
    const ShardId id = ctx.catalog->state().shards[m_rankShard[rank]].id;
    if (ctx.plan.decisions.ignoredMoves.size() < kMaxRecordedIgnoredMoves) {
        ctx.plan.decisions.ignoredMoves.push_back(
            {id, m_fill[src].id, m_fill[dst].id, improvement, added, ctx.improvementThreshold});
    }
    if (ctx.maxLoggedIgnoredMoves < 0 || ctx.ignoredMoveCount <= ctx.maxLoggedIgnoredMoves) {
        ctx.plan.decisions.notices.push_back("NOTICE: Ignoring move of shard " + std::to_string(id) + " from " +
                                             address(ctx.workers[src].node) + " to " + address(ctx.workers[dst].node) +
                                             ": the balance improvement " + std::to_string(improvement / added) +
                                             " is below the improvement threshold " +
                                             std::to_string(ctx.improvementThreshold));
    }
}

RebalanceListSummary RebalanceListState::summary() const
{
    const RebalanceListInput& input = m_context.lists[m_listIndex];
    RebalanceListSummary summary;
    summary.representative = input.representative;
    summary.pooled = input.pooled;
    summary.placements = input.shards.size();
    summary.average = m_totalCost / m_totalCapacity;
    const double threshold = static_cast<double>(m_context.threshold);
    summary.lower = m_balanced ? m_lower : static_cast<float>((1.0 - threshold) * static_cast<double>(summary.average));
    summary.upper = m_balanced ? m_upper : static_cast<float>((1.0 + threshold) * static_cast<double>(summary.average));
    summary.balanced = m_balanced;
    summary.moves = m_moves;
    bool within = true;
    for (const Fill& fill : m_fill) {
        summary.nodes.push_back({fill.id, fill.capacity, fill.total, fill.utilization});
        if (fill.capacity > 0.0F && (fill.utilization > summary.upper || fill.utilization < summary.lower))
            within = false;
        if (fill.capacity <= 0.0F && fill.total > 0.0F)
            within = false;
    }
    summary.withinWindow = within;
    return summary;
}

} // namespace shardscope::engine
