// SPDX-License-Identifier: MIT
#include "shardrange.h"

namespace shardscope::engine {

namespace {
constexpr std::int64_t kMinHash = -2147483648LL;
constexpr std::int64_t kMaxHash = 2147483647LL;
} // namespace

HashRange uniformRange(int index, int shardCount)
{
    const std::int64_t increment = uniformIncrement(shardCount);
    const std::int64_t min = kMinHash + index * increment;
    const std::int64_t max = index == shardCount - 1 ? kMaxHash : min + increment - 1;
    return HashRange{static_cast<std::int32_t>(min), static_cast<std::int32_t>(max)};
}

std::vector<HashRange> uniformRanges(int shardCount)
{
    std::vector<HashRange> ranges;
    if (shardCount < kMinShardCount || shardCount > kMaxShardCount)
        return ranges;
    ranges.reserve(static_cast<std::size_t>(shardCount));
    for (int i = 0; i < shardCount; ++i)
        ranges.push_back(uniformRange(i, shardCount));
    return ranges;
}

bool isUniform(std::span<const HashRange> sortedRanges)
{
    const auto count = static_cast<std::int64_t>(sortedRanges.size());
    if (count < kMinShardCount || count > kMaxShardCount)
        return false;
    const int shardCount = static_cast<int>(count);
    for (int i = 0; i < shardCount; ++i) {
        if (sortedRanges[static_cast<std::size_t>(i)] != uniformRange(i, shardCount))
            return false;
    }
    return true;
}

int findShardIndex(std::span<const HashRange> sortedRanges, std::int32_t hash)
{
    std::size_t lo = 0;
    std::size_t hi = sortedRanges.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        const HashRange& range = sortedRanges[mid];
        if (hash < range.min)
            hi = mid;
        else if (hash <= range.max)
            return static_cast<int>(mid);
        else
            lo = mid + 1;
    }
    return -1;
}

} // namespace shardscope::engine
