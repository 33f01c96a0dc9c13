// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "columntype.h"
#include "shardrange.h"
#include "uniformshardindexer.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace shardscope::engine {

/** Where a value goes: its hash and the 0-based index of the shard (in min order) whose range holds it. */
struct Route
{
    std::int32_t hash = 0;
    int shardIndex = -1;
    HashRange range;
};

/**
 * Maps hashes to shards of one hash-distributed table as Citus does (reference §2.3): the uniform fast
 * path when the ranges are exactly those of create_distributed_table, binary search otherwise (after
 * splits and tenant isolation). The ranges must be sorted by min and must not overlap.
 */
class ShardRouter
{
public:
    explicit ShardRouter(std::vector<HashRange> sortedRanges);
    /** A router over uniformRanges(shardCount). */
    static ShardRouter uniform(int shardCount);

    int shardCount() const { return static_cast<int>(m_ranges.size()); }
    bool isUniform() const { return m_uniform; }
    const std::vector<HashRange>& ranges() const { return m_ranges; }

    /** Index of the shard holding hash; -1 when no range holds it ("cannot find shard interval"). */
    int indexOf(std::int32_t hash) const { return m_uniform ? m_indexer(hash) : findShardIndex(m_ranges, hash); }
    /** Parses and hashes a value as a column of the given type, then routes it. */
    Result<Route> route(ColumnType type, std::string_view text) const;
    Result<Route> routeHash(std::int32_t hash) const;

private:
    std::vector<HashRange> m_ranges;
    bool m_uniform = false;
    UniformShardIndexer m_indexer;
};

} // namespace shardscope::engine
