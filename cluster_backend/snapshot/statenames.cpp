// SPDX-License-Identifier: MIT
#include "statenames.h"

#include <array>
#include <utility>

namespace shardscope::snapshot {

namespace {

template <class E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value)
{
    for (const auto& [e, name] : table) {
        if (e == value)
            return name;
    }
    return "unknown";
}

template <class E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view name)
{
    for (const auto& [e, n] : table) {
        if (n == name)
            return e;
    }
    return std::nullopt;
}

using engine::NodeRole;
using engine::TableKind;

constexpr std::array<std::pair<NodeRole, std::string_view>, 3> kRoles{{
    {NodeRole::Primary, "primary"},
    {NodeRole::Secondary, "secondary"},
    {NodeRole::Unavailable, "unavailable"},
}};

constexpr std::array<std::pair<TableKind, std::string_view>, 5> kKinds{{
    {TableKind::HashDistributed, "hash"},
    {TableKind::Reference, "reference"},
    {TableKind::SingleShard, "single_shard"},
    {TableKind::CitusLocal, "citus_local"},
    {TableKind::Plain, "plain"},
}};

constexpr std::array<std::pair<SnapshotSource, std::string_view>, 2> kSources{{
    {SnapshotSource::Embedded, "embedded"},
    {SnapshotSource::Live, "live"},
}};

} // namespace

std::string_view nodeRoleName(NodeRole role)
{
    return nameOf(kRoles, role);
}

std::optional<NodeRole> nodeRoleFromName(std::string_view name)
{
    return valueOf(kRoles, name);
}

std::string_view tableKindName(TableKind kind)
{
    return nameOf(kKinds, kind);
}

std::optional<TableKind> tableKindFromName(std::string_view name)
{
    return valueOf(kKinds, name);
}

std::string_view sourceName(SnapshotSource source)
{
    return nameOf(kSources, source);
}

std::optional<SnapshotSource> sourceFromName(std::string_view name)
{
    return valueOf(kSources, name);
}

std::optional<engine::ColumnType> canonicalColumnType(std::string_view name)
{
    const auto type = engine::columnTypeFromName(name);
    if (!type || engine::columnTypeName(*type) != name)
        return std::nullopt;
    return type;
}

} // namespace shardscope::snapshot
