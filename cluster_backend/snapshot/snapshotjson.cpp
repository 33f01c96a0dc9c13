// SPDX-License-Identifier: MIT
#include "snapshotjson.h"

#include "jsonwriter.h"
#include "snapshotreader.h"
#include "statenames.h"
#include "statevalidator.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QString>
#include <simdjson.h>

namespace shardscope::snapshot {

namespace {

using namespace engine;

void optionalString(JsonWriter& w, const std::string& value)
{
    if (value.empty())
        w.null();
    else
        w.string(value);
}

void columnTypeValue(JsonWriter& w, ColumnType type)
{
    if (type == ColumnType::None)
        w.null();
    else
        w.string(columnTypeName(type));
}

/** Writes one column of a vector of rows; deltas makes each value the difference from the previous one. */
template <class Row, class Get>
void column(JsonWriter& w, std::string_view name, const std::vector<Row>& rows, bool deltas, Get&& get)
{
    w.key(name);
    w.raw('[');
    std::uint64_t previous = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i > 0)
            w.raw(',');
        const std::int64_t value = get(rows[i]);
        if (deltas) {
            // Unsigned arithmetic: the difference of any two int64 wraps instead of overflowing.
            w.integer(static_cast<std::int64_t>(static_cast<std::uint64_t>(value) - previous));
            previous = static_cast<std::uint64_t>(value);
        } else {
            w.integer(value);
        }
    }
    w.raw(']');
}

void writeNode(JsonWriter& w, const Node& node)
{
    w.raw('{');
    w.key("id"), w.integer(node.id), w.raw(',');
    w.key("group"), w.integer(node.group), w.raw(',');
    w.key("name"), w.string(node.name), w.raw(',');
    w.key("port"), w.integer(node.port), w.raw(',');
    w.key("rack"), w.string(node.rack), w.raw(',');
    w.key("role"), w.string(nodeRoleName(node.role)), w.raw(',');
    w.key("cluster"), w.string(node.cluster), w.raw(',');
    w.key("is_active"), w.boolean(node.isActive), w.raw(',');
    w.key("has_metadata"), w.boolean(node.hasMetadata), w.raw(',');
    w.key("metadata_synced"), w.boolean(node.metadataSynced), w.raw(',');
    w.key("should_have_shards"), w.boolean(node.shouldHaveShards), w.raw(',');
    w.key("free_disk_bytes"), w.integer(node.freeDiskBytes);
    w.raw('}');
}

void writeColocationGroup(JsonWriter& w, const ColocationGroup& group)
{
    w.raw('{');
    w.key("id"), w.integer(group.id), w.raw(',');
    w.key("shard_count"), w.integer(group.shardCount), w.raw(',');
    w.key("replication_factor"), w.integer(group.replicationFactor), w.raw(',');
    w.key("column_type"), columnTypeValue(w, group.columnType), w.raw(',');
    w.key("collation"), w.integer(group.collation);
    w.raw('}');
}

void writeTable(JsonWriter& w, const Table& table)
{
    w.raw('{');
    w.key("oid"), w.integer(table.oid), w.raw(',');
    w.key("schema"), w.string(table.schema), w.raw(',');
    w.key("name"), w.string(table.name), w.raw(',');
    w.key("kind"), w.string(tableKindName(table.kind)), w.raw(',');
    w.key("distribution_column"), optionalString(w, table.distributionColumn), w.raw(',');
    w.key("column_type"), columnTypeValue(w, table.columnType), w.raw(',');
    w.key("colocation_id"), w.integer(table.colocationId), w.raw(',');
    w.key("replication_model"), w.string(std::string_view(&table.replicationModel, 1)), w.raw(',');
    w.key("has_replica_identity"), w.boolean(table.hasReplicaIdentity), w.raw(',');
    w.key("partition_of"), w.integer(table.partitionOf), w.raw(',');
    w.key("plain_bytes"), w.integer(table.plainBytes), w.raw(',');
    w.key("plain_rows"), w.integer(table.plainRows);
    w.raw('}');
}

template <class Row, class Write>
void objects(JsonWriter& w, std::string_view name, const std::vector<Row>& rows, Write&& write)
{
    w.key(name);
    w.raw('[');
    for (std::size_t i = 0; i < rows.size(); ++i) {
        w.raw(i > 0 ? ",\n" : "\n");
        write(w, rows[i]);
    }
    w.raw("],\n");
}

void writeSnapshot(JsonWriter& w, const ClusterState& state, const SnapshotMetadata& metadata)
{
    w.raw('{');
    w.key("format"), w.string("shardscope-snapshot"), w.raw(',');
    w.key("version"), w.integer(kSnapshotFormatVersion), w.raw(",\n");

    w.key("metadata"), w.raw('{');
    w.key("cluster_name"), w.string(state.name), w.raw(',');
    const std::string now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    w.key("captured_at"), w.string(metadata.capturedAt.empty() ? now : metadata.capturedAt), w.raw(',');
    w.key("source"), w.string(sourceName(metadata.source)), w.raw(',');
    w.key("citus_version"), optionalString(w, metadata.citusVersion), w.raw(',');
    w.key("postgres_version"), optionalString(w, metadata.postgresVersion), w.raw("},\n");

    const Sequences& s = state.sequences;
    w.key("sequences"), w.raw('{');
    w.key("next_shard_id"), w.integer(s.nextShardId), w.raw(',');
    w.key("next_placement_id"), w.integer(s.nextPlacementId), w.raw(',');
    w.key("next_colocation_id"), w.integer(s.nextColocationId), w.raw(',');
    w.key("next_group_id"), w.integer(s.nextGroupId), w.raw(',');
    w.key("next_node_id"), w.integer(s.nextNodeId), w.raw(',');
    w.key("next_table_oid"), w.integer(s.nextTableOid), w.raw("},\n");

    objects(w, "nodes", state.nodes, writeNode);
    objects(w, "colocation_groups", state.colocationGroups, writeColocationGroup);
    objects(w, "tables", state.tables, writeTable);

    // Shards and placements as columns: a million rows stay compact and parse without per-row objects.
    const auto& shards = state.shards;
    w.key("shards"), w.raw("{\n");
    column(w, "id_deltas", shards, true, [](const Shard& r) { return r.id; });
    w.raw(",\n");
    column(w, "table", shards, false, [](const Shard& r) { return std::int64_t(r.table); });
    w.raw(",\n");
    // A shard without a range has null bounds, as pg_dist_shard has.
    const auto bound = [&](std::string_view name, bool min) {
        w.key(name);
        w.raw('[');
        for (std::size_t i = 0; i < shards.size(); ++i) {
            if (i > 0)
                w.raw(',');
            if (shards[i].hasRange)
                w.integer(min ? shards[i].minValue : shards[i].maxValue);
            else
                w.null();
        }
        w.raw(']');
    };
    bound("min", true);
    w.raw(",\n");
    bound("max", false);
    w.raw("},\n");

    const auto& placements = state.placements;
    w.key("placements"), w.raw("{\n");
    column(w, "id_deltas", placements, true, [](const Placement& r) { return r.id; });
    w.raw(",\n");
    column(w, "shard_deltas", placements, true, [](const Placement& r) { return r.shard; });
    w.raw(",\n");
    column(w, "group", placements, false, [](const Placement& r) { return std::int64_t(r.group); });
    w.raw(",\n");
    column(w, "bytes", placements, false, [](const Placement& r) { return r.bytes; });
    w.raw(",\n");
    column(w, "rows", placements, false, [](const Placement& r) { return r.rows; });
    w.raw("}}\n");
}

Error fileError(const std::string& what, const std::string& path, const QString& reason)
{
    return Error::make(what + " " + path + ": " + reason.toStdString(), "shardscope.io_error");
}

} // namespace

std::string serializeSnapshot(const ClusterState& state, const SnapshotMetadata& metadata)
{
    JsonWriter writer;
    writeSnapshot(writer, state, metadata);
    return writer.take();
}

std::string serializeSnapshot(const ClusterState& state)
{
    return serializeSnapshot(state, SnapshotMetadata{});
}

Result<Snapshot> parseSnapshotWithMetadata(std::string_view json)
{
    // simdjson reads past the end in wide blocks: it needs a padded copy.
    const simdjson::padded_string text(json.data(), json.size());
    Result<Snapshot> snapshot =
        SnapshotReader::read(text.data(), text.size(), text.size() + simdjson::SIMDJSON_PADDING);
    if (!snapshot)
        return snapshot;
    if (Status valid = validateClusterState(snapshot->state); !valid)
        return Error::make("invalid snapshot: " + valid.error().message, valid.error().code);
    return snapshot;
}

Result<ClusterState> parseSnapshot(std::string_view json)
{
    Result<Snapshot> snapshot = parseSnapshotWithMetadata(json);
    if (!snapshot)
        return snapshot.error();
    return std::move(snapshot.value().state);
}

Result<Snapshot> loadSnapshotFileWithMetadata(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return fileError("cannot open snapshot", path, file.errorString());
    const qint64 size = file.size();
    Result<Snapshot> snapshot = Error{};
    {
        // Read straight into simdjson's padded buffer: the file text exists once in memory.
        simdjson::padded_string text(static_cast<std::size_t>(size));
        if (size > 0 && file.read(text.data(), size) != size)
            return fileError("cannot read snapshot", path, file.errorString());
        file.close();
        snapshot = SnapshotReader::read(text.data(), text.size(), text.size() + simdjson::SIMDJSON_PADDING);
    } // the text is released before validation allocates its indexes
    if (!snapshot)
        return Error::make(path + ": " + snapshot.error().message, snapshot.error().code);
    if (Status valid = validateClusterState(snapshot->state); !valid)
        return Error::make(path + ": invalid snapshot: " + valid.error().message, valid.error().code);
    return snapshot;
}

Result<ClusterState> loadSnapshotFile(const std::string& path)
{
    Result<Snapshot> snapshot = loadSnapshotFileWithMetadata(path);
    if (!snapshot)
        return snapshot.error();
    return std::move(snapshot.value().state);
}

Status saveSnapshotFile(const ClusterState& state, const SnapshotMetadata& metadata, const std::string& path)
{
    if (Status valid = validateClusterState(state); !valid)
        return Error::make("cannot save an inconsistent cluster state: " + valid.error().message, valid.error().code);
    // QSaveFile writes a temporary file beside the target and renames it on commit().
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return fileError("cannot write snapshot", path, file.errorString());
    JsonWriter writer([&file](std::string_view chunk) {
        return file.write(chunk.data(), static_cast<qint64>(chunk.size())) == static_cast<qint64>(chunk.size());
    });
    writeSnapshot(writer, state, metadata);
    if (!writer.finish()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fileError("cannot write snapshot", path, reason);
    }
    if (!file.commit())
        return fileError("cannot write snapshot", path, file.errorString());
    return Done{};
}

Status saveSnapshotFile(const ClusterState& state, const std::string& path)
{
    return saveSnapshotFile(state, SnapshotMetadata{}, path);
}

} // namespace shardscope::snapshot
