// SPDX-License-Identifier: MIT
#include "literalrebalancer.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <set>

namespace shardscope::test {

using namespace engine;

namespace {

struct Fill
{
    const Node* node;
    float capacity;
    float totalCost;
    float util;
    std::vector<std::pair<float, ShardId>> shards; // (cost, shard id)
};

float util(float total, float capacity)
{
    return capacity <= 0 ? std::numeric_limits<float>::infinity() : total / capacity;
}

struct Disallowed
{
    float cost;
    ShardId shard;
    NodeId source;
};

struct State
{
    std::vector<Fill> fills;
    std::vector<Disallowed> disallowed;
    float totalCost = 0;
    float totalCapacity = 0;
    std::set<std::pair<ShardId, NodeId>> placed;
};

struct Literal
{
    const ClusterState& cs;
    const RebalanceOptions& opt;
    std::vector<const Node*> workers;
    const Node* drained = nullptr;
    LiteralPlan out;

    bool shouldHaveShards(const Node* n) const { return n->shouldHaveShards && n != drained; }

    const Table* tableOf(ShardId id) const
    {
        for (const Shard& s : cs.shards)
            if (s.id == id)
                for (const Table& t : cs.tables)
                    if (t.oid == s.table)
                        return &t;
        return nullptr;
    }
    const Node* nodeOfGroup(GroupId g) const
    {
        for (const Node* n : workers)
            if (n->group == g)
                return n;
        return nullptr;
    }
    std::vector<const Shard*> sortedShardsOf(TableOid oid) const
    {
        std::vector<const Shard*> v;
        for (const Shard& s : cs.shards)
            if (s.table == oid)
                v.push_back(&s);
        std::sort(v.begin(), v.end(), [](const Shard* a, const Shard* b) {
            if (a->hasRange != b->hasRange)
                return a->hasRange;
            if (a->minValue != b->minValue)
                return a->minValue < b->minValue;
            return a->id < b->id;
        });
        return v;
    }
    std::int64_t bytesOn(ShardId shard, GroupId g) const
    {
        for (const Placement& p : cs.placements)
            if (p.shard == shard && p.group == g)
                return p.bytes;
        return 0;
    }

    float cost(ShardId shard) const
    {
        const RebalanceStrategy& st = opt.strategy;
        if (st.cost == ShardCostKind::One)
            return 1.0F;
        if (st.cost == ShardCostKind::CustomData) {
            auto it = st.shardCost.find(shard);
            return it == st.shardCost.end() ? st.defaultShardCost : it->second;
        }
        // first active placement: lowest placement id on an active primary
        std::vector<const Placement*> ps;
        for (const Placement& p : cs.placements)
            if (p.shard == shard && nodeOfGroup(p.group) != nullptr)
                ps.push_back(&p);
        std::sort(ps.begin(), ps.end(), [](auto a, auto b) { return a->id < b->id; });
        const GroupId g = ps.empty() ? -1 : ps.front()->group;
        const Table* t = tableOf(shard);
        std::vector<const Shard*> own = sortedShardsOf(t->oid);
        std::size_t index = 0;
        while (own[index]->id != shard)
            ++index;
        std::int64_t total = 0;
        std::vector<const Table*> colocated;
        if (t->colocationId == 0) {
            colocated.push_back(t);
        } else {
            for (const Table& other : cs.tables)
                if (other.colocationId == t->colocationId)
                    colocated.push_back(&other);
        }
        auto shardAt = [&](const Table* table) -> const Shard* {
            auto v = sortedShardsOf(table->oid);
            return index < v.size() ? v[index] : nullptr;
        };
        for (const Table* table : colocated) {
            if (table->partitionOf != 0)
                continue;
            const Shard* s = shardAt(table);
            std::int64_t mine = s ? bytesOn(s->id, g) : 0;
            std::int64_t parts = 0;
            for (const Table* p : colocated)
                if (p->partitionOf == table->oid)
                    if (const Shard* ps2 = shardAt(p))
                        parts += bytesOn(ps2->id, g);
            total += std::max(mine, parts);
        }
        float c = static_cast<float>(total + st.diskSizeBaseCost);
        return c <= 0 ? 1.0F : c;
    }

    bool allowed(ShardId shard, const Node* n) const
    {
        if (!shouldHaveShards(n))
            return false;
        const RebalanceStrategy& st = opt.strategy;
        if (st.allowed == ShardAllowedKind::All)
            return true;
        const auto& list = st.allowed == ShardAllowedKind::OnlyListed ? st.allowedPairs : st.disallowedPairs;
        bool listed = false;
        for (const ShardNodePair& p : list)
            if (p.shard == shard && p.node == n->id)
                listed = true;
        return st.allowed == ShardAllowedKind::OnlyListed ? listed : !listed;
    }

    static bool asc(const Fill& a, const Fill& b)
    {
        if (a.util != b.util)
            return a.util < b.util;
        if (a.capacity != b.capacity)
            return a.capacity > b.capacity;
        return a.node->id < b.node->id;
    }

    void sortShards(Fill& f)
    {
        std::sort(f.shards.begin(), f.shards.end(), [](auto a, auto b) {
            if (a.first != b.first)
                return a.first > b.first;
            return a.second < b.second;
        });
    }

    void move(State& st, ShardId shard, float c, Fill& src, Fill& dst)
    {
        out.moves.push_back({shard, src.node->id, dst.node->id});
        for (std::size_t i = 0; i < src.shards.size(); ++i)
            if (src.shards[i].second == shard) {
                src.shards.erase(src.shards.begin() + static_cast<long>(i));
                break;
            }
        dst.shards.push_back({c, shard});
        src.totalCost -= c;
        dst.totalCost += c;
        src.util = util(src.totalCost, src.capacity);
        dst.util = util(dst.totalCost, dst.capacity);
        st.placed.erase({shard, src.node->id});
        st.placed.insert({shard, dst.node->id});
    }

    std::vector<int> order(const State& st, bool ascending) const
    {
        std::vector<int> idx(st.fills.size());
        for (std::size_t i = 0; i < idx.size(); ++i)
            idx[i] = static_cast<int>(i);
        std::sort(idx.begin(), idx.end(), [&](int a, int b) {
            return ascending ? asc(st.fills[a], st.fills[b]) : asc(st.fills[b], st.fills[a]);
        });
        return idx;
    }

    bool findAndMove(State& st, float lower, float upper, float improvementThreshold)
    {
        for (int s : order(st, false)) {
            Fill& src = st.fills[s];
            if (src.util <= lower)
                return false;
            for (int d : order(st, true)) {
                Fill& dst = st.fills[d];
                if (dst.util >= upper)
                    break;
                if (dst.util >= lower && src.util <= upper)
                    break;
                sortShards(src);
                for (auto [c, shard] : src.shards) {
                    if (st.placed.count({shard, dst.node->id}))
                        continue;
                    if (!allowed(shard, dst.node))
                        continue;
                    float newDst = util(dst.totalCost + c, dst.capacity);
                    float newSrc = util(src.totalCost - c, src.capacity);
                    if (newDst <= newSrc) {
                        move(st, shard, c, src, dst);
                        return true;
                    }
                    if (newDst > src.util)
                        continue;
                    if (newDst == src.util && newSrc <= dst.util)
                        continue;
                    float a = src.util - newDst, b = newSrc - dst.util;
                    float improvement = a > b ? a : b;
                    float x = newDst - dst.util, y = src.util - newSrc;
                    float added = x < y ? x : y;
                    if (improvement / added < improvementThreshold) {
                        ++out.ignoredMoves;
                        continue;
                    }
                    move(st, shard, c, src, dst);
                    return true;
                }
            }
        }
        return false;
    }

    void run()
    {
        const bool drain = opt.entryPoint == RebalanceEntryPoint::DrainNode;
        for (const Node& n : cs.nodes)
            if (n.isActive && n.role == NodeRole::Primary)
                workers.push_back(&n);
        std::sort(workers.begin(), workers.end(), [](const Node* a, const Node* b) {
            int c = std::strcmp(a->name.c_str(), b->name.c_str());
            return c != 0 ? c < 0 : a->port < b->port;
        });
        if (drain)
            for (const Node* n : workers)
                if (n->name == opt.drainNode->name && n->port == opt.drainNode->port)
                    drained = n;
        int allowedNodeCount = 0;
        for (const Node* n : workers)
            if (shouldHaveShards(n))
                ++allowedNodeCount;
        if (allowedNodeCount < opt.shardReplicationFactor) {
            out.failed = true;
            return;
        }
        float threshold = drain ? opt.strategy.defaultThreshold : opt.threshold.value_or(opt.strategy.defaultThreshold);
        float improvementThreshold =
            drain ? 0.0F : opt.improvementThreshold.value_or(opt.strategy.improvementThreshold);
        std::int64_t maxMoves = drain ? 0 : opt.maxShardMoves;
        bool drainOnly = drain ? true : opt.drainOnly;

        std::vector<const Table*> relations;
        if (!drain && !opt.relation.empty()) {
            for (const Table& t : cs.tables)
                if (t.name == opt.relation || t.schema + "." + t.name == opt.relation)
                    relations.push_back(&t);
        } else {
            std::set<ColocationId> seen;
            for (const Table& t : cs.tables) {
                if (t.kind != TableKind::HashDistributed && t.kind != TableKind::SingleShard)
                    continue;
                if (t.colocationId != 0 && seen.count(t.colocationId))
                    continue;
                seen.insert(t.colocationId);
                relations.push_back(&t);
            }
        }
        std::vector<std::vector<const Placement*>> lists;
        std::vector<const Placement*> leftovers;
        for (const Table* rel : relations) {
            std::vector<const Placement*> P;
            for (const Placement& p : cs.placements) {
                const Table* t = tableOf(p.shard);
                if (t != rel || nodeOfGroup(p.group) == nullptr)
                    continue;
                if (!drain && std::count(opt.excludedShards.begin(), opt.excludedShards.end(), p.shard))
                    continue;
                P.push_back(&p);
            }
            std::sort(P.begin(), P.end(), [](auto a, auto b) { return a->id < b->id; });
            if (drain) {
                std::vector<const Placement*> onNode;
                for (auto p : P)
                    if (nodeOfGroup(p->group) == drained)
                        onNode.push_back(p);
                P = onNode;
            }
            if (static_cast<int>(P.size()) >= allowedNodeCount)
                lists.push_back(P);
            else
                leftovers.insert(leftovers.end(), P.begin(), P.end());
        }
        if (!leftovers.empty())
            lists.push_back(leftovers);
        if (threshold < opt.strategy.minimumThreshold)
            threshold = opt.strategy.minimumThreshold;

        std::vector<State> states;
        for (const auto& list : lists) {
            State st;
            for (const Node* w : workers) {
                float capacity = 0;
                if (shouldHaveShards(w)) {
                    capacity = 1.0F;
                    if (opt.strategy.capacity == NodeCapacityKind::CustomData) {
                        auto it = opt.strategy.nodeCapacity.find(w->id);
                        capacity =
                            it == opt.strategy.nodeCapacity.end() ? opt.strategy.defaultNodeCapacity : it->second;
                    }
                }
                st.fills.push_back({w, capacity, 0.0F, util(0, capacity), {}});
                st.totalCapacity += capacity;
            }
            for (const Placement* p : list) {
                float c = cost(p->shard);
                const Node* n = nodeOfGroup(p->group);
                for (Fill& f : st.fills)
                    if (f.node == n) {
                        f.totalCost += c;
                        f.util = util(f.totalCost, f.capacity);
                        f.shards.push_back({c, p->shard});
                    }
                st.totalCost += c;
                st.placed.insert({p->shard, n->id});
                if (!allowed(p->shard, n))
                    st.disallowed.push_back({c, p->shard, n->id});
            }
            std::stable_sort(st.disallowed.begin(), st.disallowed.end(), [](auto a, auto b) {
                if (a.cost != b.cost)
                    return a.cost > b.cost;
                return a.shard < b.shard;
            });
            states.push_back(st);
        }
        // phase 1
        for (State& st : states) {
            for (const Disallowed& d : st.disallowed) {
                bool moved = false;
                for (int t : order(st, true)) {
                    Fill& target = st.fills[t];
                    if (st.placed.count({d.shard, target.node->id}) || !allowed(d.shard, target.node))
                        continue;
                    for (Fill& source : st.fills)
                        if (source.node->id == d.source)
                            move(st, d.shard, d.cost, source, target);
                    moved = true;
                    break;
                }
                if (!moved)
                    out.notAllowedAnywhere.push_back(d.shard);
            }
        }
        if (drainOnly)
            return;
        // phase 2
        for (State& st : states) {
            float avg = st.totalCost / st.totalCapacity;
            float lower = static_cast<float>((1.0 - static_cast<double>(threshold)) * static_cast<double>(avg));
            float upper = static_cast<float>((1.0 + static_cast<double>(threshold)) * static_cast<double>(avg));
            bool more = true;
            while (more && static_cast<std::int64_t>(out.moves.size()) < maxMoves)
                more = findAndMove(st, lower, upper, improvementThreshold);
            if (more) {
                out.limitReached = true;
                break;
            }
        }
    }
};

} // namespace

LiteralPlan literalRebalance(const ClusterState& state, const RebalanceOptions& options)
{
    Literal literal{state, options, {}, nullptr, {}};
    literal.run();
    return literal.out;
}

} // namespace shardscope::test
