// SPDX-License-Identifier: MIT
#include "statediff.h"

#include <algorithm>
#include <numeric>

namespace shardscope::snapshot {

namespace {

using namespace engine;

/** Positions of rows in ascending key order; the identity when the rows are already sorted. */
template <class Row, class Key>
std::vector<std::uint32_t> keyOrder(const std::vector<Row>& rows, Key key)
{
    std::vector<std::uint32_t> order(rows.size());
    std::iota(order.begin(), order.end(), 0u);
    const bool sorted = std::adjacent_find(rows.begin(), rows.end(),
                                           [&](const Row& a, const Row& b) { return key(a) > key(b); }) == rows.end();
    if (!sorted)
        std::stable_sort(order.begin(), order.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return key(rows[a]) < key(rows[b]); });
    return order;
}

/** Merge walk over both vectors in key order. positional: a row whose index changed must be rewritten. */
template <class Row, class Key>
EntityDiff diffRows(const std::vector<Row>& before, const std::vector<Row>& after, Key key, bool positional)
{
    EntityDiff diff;
    const std::vector<std::uint32_t> a = keyOrder(before, key);
    const std::vector<std::uint32_t> b = keyOrder(after, key);
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() || j < b.size()) {
        if (j == b.size() || (i < a.size() && key(before[a[i]]) < key(after[b[j]]))) {
            diff.deletes.push_back(static_cast<std::int64_t>(key(before[a[i]])));
            ++i;
        } else if (i == a.size() || key(after[b[j]]) < key(before[a[i]])) {
            diff.upserts.push_back(b[j]);
            ++diff.added;
            ++j;
        } else {
            const bool same = before[a[i]] == after[b[j]];
            if (!same)
                ++diff.changed;
            if (!same || (positional && a[i] != b[j]))
                diff.upserts.push_back(b[j]);
            ++i, ++j;
        }
    }
    return diff;
}

void describe(std::string& text, const char* name, const EntityDiff& diff)
{
    if (diff.added == 0 && diff.changed == 0 && diff.deletes.empty())
        return;
    if (!text.empty())
        text += "; ";
    text += name;
    text += ":";
    const char* separator = " ";
    const auto part = [&](std::size_t count, const char* what) {
        if (count == 0)
            return;
        text += separator + std::to_string(count) + " " + what;
        separator = ", ";
    };
    part(diff.added, "added");
    part(diff.deletes.size(), "removed");
    part(diff.changed, "changed");
}

} // namespace

std::string StateDiff::summary() const
{
    std::string text;
    describe(text, "nodes", nodes);
    describe(text, "colocation groups", colocationGroups);
    describe(text, "tables", tables);
    describe(text, "shards", shards);
    describe(text, "placements", placements);
    return text.empty() ? std::string("no changes") : text;
}

StateDiff diffStates(const ClusterState& before, const ClusterState& after)
{
    StateDiff diff;
    diff.clusterChanged = before.name != after.name || !(before.sequences == after.sequences);
    diff.nodes = diffRows(
        before.nodes, after.nodes, [](const Node& r) { return std::int64_t(r.id); }, true);
    diff.colocationGroups = diffRows(
        before.colocationGroups, after.colocationGroups, [](const ColocationGroup& r) { return std::int64_t(r.id); },
        true);
    diff.tables = diffRows(
        before.tables, after.tables, [](const Table& r) { return std::int64_t(r.oid); }, true);
    diff.shards = diffRows(
        before.shards, after.shards, [](const Shard& r) { return r.id; }, false);
    diff.placements = diffRows(
        before.placements, after.placements, [](const Placement& r) { return r.id; }, false);
    return diff;
}

} // namespace shardscope::snapshot
