// SPDX-License-Identifier: MIT
#pragma once

#include "shardrange.h"

#include <cstdint>

namespace shardscope::engine {

/**
 * uniformShardIndex for many hashes of one table: the division by the range width is replaced by a
 * multiplication with a precomputed reciprocal. Exact for every hash: the dividend is below 2^32 and the
 * divisor at most 2^32, so floor(x * ceil'(2^64 / d) / 2^64) == floor(x / d) (checked in tst_shardrange).
 */
class UniformShardIndexer
{
public:
    /** shardCount in 1..64000. */
    explicit constexpr UniformShardIndexer(int shardCount)
        : m_last(static_cast<std::uint32_t>(shardCount - 1)), m_reciprocal(reciprocal(uniformIncrement(shardCount)))
    {
    }

    constexpr int operator()(std::int32_t hash) const
    {
        const std::uint64_t offset = static_cast<std::uint64_t>(static_cast<std::int64_t>(hash) + 2147483648LL);
        const auto index = static_cast<std::uint32_t>((static_cast<Wide>(offset) * m_reciprocal) >> 64);
        return static_cast<int>(index < m_last ? index : m_last);
    }

private:
    __extension__ using Wide = unsigned __int128;

    // floor(2^64 / d) + 1, computed without overflowing 64 bits for d > 1.
    static constexpr std::uint64_t reciprocal(std::int64_t divisor)
    {
        return static_cast<std::uint64_t>((static_cast<Wide>(1) << 64) / static_cast<Wide>(divisor)) + 1;
    }

    std::uint32_t m_last;
    std::uint64_t m_reciprocal;
};

} // namespace shardscope::engine
