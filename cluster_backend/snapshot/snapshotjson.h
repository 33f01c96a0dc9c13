// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "engine/clusterstate.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace shardscope::snapshot {

/** Where a snapshot's state came from. */
enum class SnapshotSource : std::uint8_t
{
    Embedded,
    Live,
};

/** Descriptive fields of a snapshot file that are not part of ClusterState (see FORMAT.md). */
struct SnapshotMetadata
{
    /** ISO 8601 UTC time of capture ("2026-11-25T12:00:00Z"); empty means "now" when writing. */
    std::string capturedAt;
    SnapshotSource source = SnapshotSource::Embedded;
    std::string citusVersion;    ///< empty when unknown
    std::string postgresVersion; ///< empty when unknown

    bool operator==(const SnapshotMetadata&) const = default;
};

/** A parsed snapshot file: the state plus its metadata. */
struct Snapshot
{
    engine::ClusterState state;
    SnapshotMetadata metadata;
};

/** The format version this build writes; files with a larger version are refused. */
inline constexpr int kSnapshotFormatVersion = 1;

/** Serializes a whole state as a version 1 snapshot document (compact JSON, see FORMAT.md). */
std::string serializeSnapshot(const engine::ClusterState& state, const SnapshotMetadata& metadata);
std::string serializeSnapshot(const engine::ClusterState& state);

/**
 * Parses and validates a snapshot document. Any defect (syntax, types, missing fields, a future version,
 * duplicates, dangling references, absurd values) gives an Error naming what is wrong and where.
 */
Result<Snapshot> parseSnapshotWithMetadata(std::string_view json);
Result<engine::ClusterState> parseSnapshot(std::string_view json);

/** Reads and parses a snapshot file. */
Result<Snapshot> loadSnapshotFileWithMetadata(const std::string& path);
Result<engine::ClusterState> loadSnapshotFile(const std::string& path);

/** Writes a snapshot file atomically (temporary file + rename): a crash never leaves a half-written file. */
Status saveSnapshotFile(const engine::ClusterState& state, const SnapshotMetadata& metadata, const std::string& path);
Status saveSnapshotFile(const engine::ClusterState& state, const std::string& path);

} // namespace shardscope::snapshot
