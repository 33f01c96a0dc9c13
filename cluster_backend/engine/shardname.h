// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"

#include <string>
#include <string_view>

namespace shardscope::engine {

/** PostgreSQL's NAMEDATALEN: identifiers are at most 63 bytes. */
inline constexpr std::size_t kNameDataLen = 64;

/**
 * The name of a shard's relation on the workers: "<name>_<shardid>". When that would not fit in 63 bytes,
 * the name is clipped (never inside a UTF-8 character) and followed by "_" and the 8 lower-case hex digits of
 * hash_bytes over the full name, so that long names sharing a prefix stay distinct (reference §2.2).
 * Index and constraint names on shards follow the same rule.
 */
std::string shardRelationName(std::string_view name, ShardId shardId);

} // namespace shardscope::engine
