// SPDX-License-Identifier: MIT
#include "shardname.h"

#include "pghash.h"

#include <cstdio>

namespace shardscope::engine {

namespace {

// pg_mbcliplen for UTF-8: the longest prefix of at most limit bytes that does not split a character.
std::size_t clipLength(std::string_view text, std::size_t limit)
{
    if (text.size() <= limit)
        return text.size();
    std::size_t length = limit;
    while (length > 0 && (static_cast<unsigned char>(text[length]) & 0xc0) == 0x80)
        --length;
    return length;
}

} // namespace

std::string shardRelationName(std::string_view name, ShardId shardId)
{
    const std::string suffix = "_" + std::to_string(shardId);
    if (name.size() < kNameDataLen - suffix.size())
        return std::string(name) + suffix;
    const std::size_t room = kNameDataLen - suffix.size() - 10; // "_" + 8 hex digits + terminator
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", hashBytes(reinterpret_cast<const unsigned char*>(name.data()), name.size()));
    return std::string(name.substr(0, clipLength(name, room))) + "_" + hex + suffix;
}

} // namespace shardscope::engine
