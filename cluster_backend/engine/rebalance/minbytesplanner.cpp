// SPDX-License-Identifier: MIT
#include "minbytesplanner.h"

#include "planrows.h"
#include "plansimulation.h"
#include "rebalanceplanner.h"
#include "shardgroupcatalog.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace shardscope::engine {

namespace {

/** A movable shard group: its representative shard and its bytes. */
struct Unit
{
    std::uint32_t shard = 0;
    std::int64_t bytes = 0;
    std::uint32_t node = 0;
    bool movable = true;
};

/** Greedy byte balancing over all shard groups (see planMinBytesRebalance). */
class MinBytesBalancer
{
public:
    MinBytesBalancer(const ShardGroupCatalog& catalog, const RebalanceOptions& options)
        : m_catalog(catalog), m_options(options)
    {
    }

    Status build();
    void evacuate();
    void balance(double targetMaxOverMean, std::int64_t maxMoves, const std::atomic<bool>* cancel);
    RebalancePlan& plan() { return m_plan; }

private:
    bool allowedOn(const Unit& unit, std::uint32_t node) const;
    double maxOverMean(std::uint32_t* maxNode) const;
    void move(std::uint32_t unit, std::uint32_t target, RebalancePhase phase);

    const ShardGroupCatalog& m_catalog;
    const RebalanceOptions& m_options;
    std::vector<const Node*> m_nodes;
    std::vector<bool> m_mayHold;
    std::vector<std::int64_t> m_bytes;
    std::vector<std::int64_t> m_placements; ///< placements of distributed tables
    std::vector<Unit> m_units;
    std::vector<std::set<std::pair<std::int64_t, std::uint32_t>>> m_unitsOn; ///< (bytes, unit) per node
    std::set<std::pair<ShardId, NodeId>> m_pairs;
    RebalancePlan m_plan;
};

Status MinBytesBalancer::build()
{
    const ClusterState& state = m_catalog.state();
    std::unordered_map<GroupId, std::uint32_t> nodeOfGroup;
    for (const Node& node : state.nodes) {
        if (!node.isActive || node.role != NodeRole::Primary)
            continue;
        const bool drained =
            m_options.drainNode && node.name == m_options.drainNode->name && node.port == m_options.drainNode->port;
        nodeOfGroup.emplace(node.group, static_cast<std::uint32_t>(m_nodes.size()));
        m_nodes.push_back(&node);
        m_mayHold.push_back(node.shouldHaveShards && !drained);
    }
    m_bytes.assign(m_nodes.size(), 0);
    m_placements.assign(m_nodes.size(), 0);
    m_unitsOn.resize(m_nodes.size());
    const std::unordered_set<ShardId> reference = referenceShards(state);
    for (const Placement& placement : state.placements) {
        const auto it = nodeOfGroup.find(placement.group);
        if (it != nodeOfGroup.end()) {
            m_bytes[it->second] += placement.bytes;
            if (reference.count(placement.shard) == 0)
                ++m_placements[it->second];
        }
    }
    const auto& pairs = m_options.strategy.allowed == ShardAllowedKind::OnlyListed ? m_options.strategy.allowedPairs
                                                                                   : m_options.strategy.disallowedPairs;
    for (const ShardNodePair& pair : pairs)
        m_pairs.insert({pair.shard, pair.node});

    // One unit per shard group of every colocation group (or only the relation's group).
    const std::unordered_set<ShardId> excluded(m_options.excludedShards.begin(), m_options.excludedShards.end());
    std::uint32_t wanted = ShardGroupCatalog::npos;
    if (!m_options.relation.empty()) {
        for (std::uint32_t u = 0; u < state.tables.size() && wanted == ShardGroupCatalog::npos; ++u) {
            if (m_catalog.regclassName(u) == m_options.relation ||
                state.tables[u].schema + "." + state.tables[u].name == m_options.relation)
                wanted = u;
        }
        if (wanted == ShardGroupCatalog::npos)
            return Error::make("relation \"" + m_options.relation + "\" does not exist", "42P01");
    }
    std::unordered_set<ColocationId> seen;
    for (std::uint32_t t = 0; t < state.tables.size(); ++t) {
        const Table& table = state.tables[t];
        if (table.kind != TableKind::HashDistributed && table.kind != TableKind::SingleShard)
            continue;
        if (table.colocationId != 0 && !seen.insert(table.colocationId).second)
            continue;
        if (wanted != ShardGroupCatalog::npos &&
            (table.colocationId != state.tables[wanted].colocationId || (table.colocationId == 0 && t != wanted)))
            continue;
        for (const std::uint32_t s : m_catalog.shardsOfTable(t)) {
            std::vector<std::uint32_t> where;
            for (std::uint32_t p : m_catalog.placementsOfShard(s)) {
                const auto it = nodeOfGroup.find(state.placements[p].group);
                if (it != nodeOfGroup.end())
                    where.push_back(it->second);
            }
            if (where.size() != 1)
                continue; // replicated or nowhere: left alone
            Unit unit;
            unit.shard = s;
            unit.node = where.front();
            unit.bytes = m_catalog.shardGroupBytes(s, m_nodes[unit.node]->group);
            unit.movable = excluded.count(state.shards[s].id) == 0;
            const auto index = static_cast<std::uint32_t>(m_units.size());
            m_units.push_back(unit);
            if (unit.movable)
                m_unitsOn[unit.node].insert({unit.bytes, index});
        }
    }
    return Done{};
}

bool MinBytesBalancer::allowedOn(const Unit& unit, std::uint32_t node) const
{
    if (!m_mayHold[node])
        return false;
    const auto kind = m_options.strategy.allowed;
    if (kind == ShardAllowedKind::All)
        return true;
    const bool listed = m_pairs.count({m_catalog.state().shards[unit.shard].id, m_nodes[node]->id}) != 0;
    return kind == ShardAllowedKind::OnlyListed ? listed : !listed;
}

double MinBytesBalancer::maxOverMean(std::uint32_t* maxNode) const
{
    std::int64_t total = 0;
    std::int64_t count = 0;
    std::int64_t max = -1;
    for (std::uint32_t n = 0; n < m_nodes.size(); ++n) {
        if (!m_nodes[n]->shouldHaveShards && m_placements[n] == 0)
            continue; // the balance nodes of byteBalance()
        total += m_bytes[n];
        ++count;
        if (m_bytes[n] > max) {
            max = m_bytes[n];
            *maxNode = n;
        }
    }
    if (count == 0 || total <= 0)
        return 1.0;
    return static_cast<double>(max) / (static_cast<double>(total) / static_cast<double>(count));
}

void MinBytesBalancer::move(std::uint32_t index, std::uint32_t target, RebalancePhase phase)
{
    Unit& unit = m_units[index];
    const Shard& shard = m_catalog.state().shards[unit.shard];
    const std::uint32_t table = m_catalog.tableIndexOfShard(unit.shard);
    PlannedMove planned;
    planned.shard = shard.id;
    planned.table = shard.table;
    planned.colocationId = m_catalog.state().tables[table].colocationId;
    planned.source = m_nodes[unit.node]->id;
    planned.target = m_nodes[target]->id;
    planned.cost = static_cast<float>(unit.bytes);
    planned.phase = phase;
    m_plan.moves.push_back(planned);
    const auto groupPlacements = static_cast<std::int64_t>(m_catalog.shardGroup(unit.shard).size());
    m_unitsOn[unit.node].erase({unit.bytes, index});
    m_bytes[unit.node] -= unit.bytes;
    m_placements[unit.node] -= groupPlacements;
    unit.node = target;
    m_unitsOn[target].insert({unit.bytes, index});
    m_bytes[target] += unit.bytes;
    m_placements[target] += groupPlacements;
}

void MinBytesBalancer::evacuate()
{
    std::vector<std::uint32_t> misplaced;
    for (std::uint32_t u = 0; u < m_units.size(); ++u) {
        if (m_units[u].movable && !allowedOn(m_units[u], m_units[u].node))
            misplaced.push_back(u);
    }
    std::sort(misplaced.begin(), misplaced.end(),
              [&](std::uint32_t a, std::uint32_t b) { return m_units[a].bytes > m_units[b].bytes; });
    for (std::uint32_t u : misplaced) {
        std::uint32_t best = ShardGroupCatalog::npos;
        for (std::uint32_t n = 0; n < m_nodes.size(); ++n) {
            if (allowedOn(m_units[u], n) && (best == ShardGroupCatalog::npos || m_bytes[n] < m_bytes[best]))
                best = n;
        }
        if (best == ShardGroupCatalog::npos) {
            m_plan.decisions.notAllowedAnywhere.push_back(
                {m_catalog.state().shards[m_units[u].shard].id, m_nodes[m_units[u].node]->id});
            continue;
        }
        move(u, best, RebalancePhase::Evacuate);
    }
}

void MinBytesBalancer::balance(double targetMaxOverMean, std::int64_t maxMoves, const std::atomic<bool>* cancel)
{
    const std::size_t limit = m_units.size() * 4 + 16; // each move lowers the sum of squares; this is a backstop
    for (std::size_t step = 0; step < limit; ++step) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed))
            return;
        if (static_cast<std::int64_t>(m_plan.moves.size()) >= maxMoves) {
            m_plan.decisions.limitReached = true;
            return;
        }
        std::uint32_t src = 0;
        const double current = maxOverMean(&src);
        if (current <= targetMaxOverMean * (1.0 + 1e-12))
            return;
        std::int64_t total = 0;
        std::int64_t count = 0;
        for (std::uint32_t n = 0; n < m_nodes.size(); ++n) {
            if (!m_nodes[n]->shouldHaveShards && m_placements[n] == 0)
                continue;
            total += m_bytes[n];
            ++count;
        }
        const double targetMax = targetMaxOverMean * static_cast<double>(total) / static_cast<double>(count);
        const double excess = static_cast<double>(m_bytes[src]) - targetMax;

        // Try the least loaded allowed nodes first; the first that can take something gets it.
        std::vector<std::uint32_t> targets;
        for (std::uint32_t n = 0; n < m_nodes.size(); ++n) {
            if (n != src && m_mayHold[n])
                targets.push_back(n);
        }
        std::sort(targets.begin(), targets.end(), [&](std::uint32_t a, std::uint32_t b) {
            return m_bytes[a] != m_bytes[b] ? m_bytes[a] < m_bytes[b] : a < b;
        });
        bool moved = false;
        for (std::uint32_t dst : targets) {
            const std::int64_t gap = m_bytes[src] - m_bytes[dst];
            if (gap <= 0)
                break;
            const double room = targetMax - static_cast<double>(m_bytes[dst]);
            std::uint32_t pick = ShardGroupCatalog::npos;
            // Smallest group that brings src down to the target without lifting dst above it.
            for (auto it = m_unitsOn[src].lower_bound({static_cast<std::int64_t>(std::max(0.0, excess)), 0});
                 it != m_unitsOn[src].end() && static_cast<double>(it->first) <= room; ++it) {
                if (it->first > 0 && it->first < gap && allowedOn(m_units[it->second], dst)) {
                    pick = it->second;
                    break;
                }
            }
            // Else the largest group that still narrows the gap (and keeps dst under src's old load).
            if (pick == ShardGroupCatalog::npos) {
                for (auto it = m_unitsOn[src].rbegin(); it != m_unitsOn[src].rend(); ++it) {
                    if (it->first > 0 && it->first < gap && allowedOn(m_units[it->second], dst)) {
                        pick = it->second;
                        break;
                    }
                }
            }
            if (pick != ShardGroupCatalog::npos) {
                move(pick, dst, RebalancePhase::Balance);
                moved = true;
                break;
            }
        }
        if (!moved)
            return;
    }
}

} // namespace

bool isShardScopeStrategy(const std::string& name)
{
    return name == kShardScopeMinBytes;
}

Result<RebalancePlan> planMinBytesRebalance(const ClusterState& state, const RebalanceOptions& options,
                                            const std::atomic<bool>* cancel)
{
    RebalanceOptions citus = options;
    if (isShardScopeStrategy(citus.strategy.name))
        citus.strategy = RebalanceStrategy::byDiskSize();
    const ShardGroupCatalog catalog(state);
    auto baseline = planRebalance(catalog, citus, cancel);
    if (!baseline.ok())
        return baseline.error();
    auto baselineSimulation = simulatePlan(state, *baseline);
    if (!baselineSimulation.ok())
        return baselineSimulation.error();

    MinBytesBalancer balancer(catalog, citus);
    if (auto built = balancer.build(); !built.ok())
        return built.error();
    balancer.evacuate();
    const bool drainOnly = citus.drainOnly || citus.entryPoint == RebalanceEntryPoint::DrainNode;
    if (!drainOnly)
        balancer.balance(baselineSimulation->after.maxOverMean, citus.maxShardMoves, cancel);
    if (cancel != nullptr && cancel->load(std::memory_order_relaxed))
        return Error::make("rebalance planning was cancelled", "shardscope.cancelled");

    RebalancePlan plan = std::move(balancer.plan());
    expandPlanRows(catalog, plan);
    auto ours = simulatePlan(state, plan);
    if (!ours.ok())
        return ours.error();
    const auto& theirs = *baselineSimulation;
    const bool balancedEnough = ours->after.maxOverMean <= theirs.after.maxOverMean * (1.0 + 1e-9);
    const bool cheaper = ours->bytesToMove <= theirs.bytesToMove;
    const bool evacuated = plan.decisions.notAllowedAnywhere.size() <= baseline->decisions.notAllowedAnywhere.size();
    const std::string comparison =
        "shardscope_min_bytes: " + std::to_string(plan.moves.size()) + " moves, " + std::to_string(ours->bytesToMove) +
        " bytes, max/mean " + std::to_string(ours->after.maxOverMean) + "; " + citus.strategy.name + ": " +
        std::to_string(baseline->moves.size()) + " moves, " + std::to_string(theirs.bytesToMove) + " bytes, max/mean " +
        std::to_string(theirs.after.maxOverMean);
    if (!(balancedEnough && cheaper && evacuated)) {
        RebalancePlan fallback = std::move(baseline).value();
        fallback.decisions.notices.push_back("NOTICE: " + comparison + ". Using " + citus.strategy.name +
                                             "'s plan: the byte-minimizing plan was not better.");
        return fallback;
    }
    plan.decisions.notices.push_back("NOTICE: " + comparison);
    return plan;
}

} // namespace shardscope::engine
