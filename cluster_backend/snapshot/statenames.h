// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"
#include "snapshotjson.h"

#include <optional>
#include <string_view>

namespace shardscope::snapshot {

/** The spellings of enumerations in snapshots and workspaces (see FORMAT.md). */
std::string_view nodeRoleName(engine::NodeRole role);
std::optional<engine::NodeRole> nodeRoleFromName(std::string_view name);

std::string_view tableKindName(engine::TableKind kind);
std::optional<engine::TableKind> tableKindFromName(std::string_view name);

std::string_view sourceName(SnapshotSource source);
std::optional<SnapshotSource> sourceFromName(std::string_view name);

/** The canonical column type name, or nullopt for a name that is not exactly canonical (no aliases). */
std::optional<engine::ColumnType> canonicalColumnType(std::string_view name);

} // namespace shardscope::snapshot
