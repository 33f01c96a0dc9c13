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

/** Width of every uniform range but the last (which also takes the remainder 2^32 mod shardCount). */
constexpr std::int64_t uniformIncrement(int shardCount)
{
    return static_cast<std::int64_t>((std::uint64_t{1} << 32) / static_cast<std::uint64_t>(shardCount));
}

/** The ranges create_distributed_table gives a new table of shardCount shards (1..64000). */
std::vector<HashRange> uniformRanges(int shardCount);
/** The range of shard index of a uniform table of shardCount shards. */
HashRange uniformRange(int index, int shardCount);

/** The 0-based shard index of a hash on a uniform table (Citus's fast path); shardCount in 1..64000. */
constexpr int uniformShardIndex(std::int32_t hash, int shardCount)
{
    const std::int64_t index = (static_cast<std::int64_t>(hash) + 2147483648LL) / uniformIncrement(shardCount);
    return index < shardCount ? static_cast<int>(index) : shardCount - 1;
}

/** True when sorted ranges are exactly uniformRanges(ranges.size()). */
bool isUniform(std::span<const HashRange> sortedRanges);
/** Binary search over ranges sorted by min; -1 when no range holds the hash. */
int findShardIndex(std::span<const HashRange> sortedRanges, std::int32_t hash);

} // namespace shardscope::engine
