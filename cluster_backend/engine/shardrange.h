// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace shardscope::engine {

/** An inclusive int32 hash range, as in pg_dist_shard.shardminvalue/shardmaxvalue. */
struct HashRange
{
    std::int32_t min = 0;
    std::int32_t max = 0;
    bool operator==(const HashRange&) const = default;
};

inline constexpr int kMinShardCount = 1;
inline constexpr int kMaxShardCount = 64000;

/** The ranges create_distributed_table gives a new table of shardCount shards (1..64000). */
std::vector<HashRange> uniformRanges(int shardCount);
/** The 0-based shard index of a hash on a uniform table (Citus's fast path). */
int uniformShardIndex(std::int32_t hash, int shardCount);
/** True when sorted ranges are exactly uniformRanges(ranges.size()). */
bool isUniform(std::span<const HashRange> sortedRanges);
/** Binary search over ranges sorted by min; -1 when no range holds the hash. */
int findShardIndex(std::span<const HashRange> sortedRanges, std::int32_t hash);

} // namespace shardscope::engine
