// SPDX-License-Identifier: MIT
#include "shardrouter.h"

#include "pghash.h"

#include <string>

namespace shardscope::engine {

ShardRouter::ShardRouter(std::vector<HashRange> sortedRanges)
    : m_ranges(std::move(sortedRanges)), m_uniform(engine::isUniform(m_ranges)),
      m_indexer(m_uniform ? static_cast<int>(m_ranges.size()) : 1)
{
}

ShardRouter ShardRouter::uniform(int shardCount)
{
    return ShardRouter(uniformRanges(shardCount));
}

Result<Route> ShardRouter::routeHash(std::int32_t hash) const
{
    const int index = indexOf(hash);
    if (index < 0)
        return Error::make("cannot find shard interval for hash value " + std::to_string(hash), "XX000");
    return Route{hash, index, m_ranges[static_cast<std::size_t>(index)]};
}

Result<Route> ShardRouter::route(ColumnType type, std::string_view text) const
{
    const auto hash = hashValue(type, text);
    if (!hash)
        return hash.error();
    return routeHash(*hash);
}

} // namespace shardscope::engine
