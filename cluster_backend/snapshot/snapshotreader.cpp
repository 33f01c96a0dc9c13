// SPDX-License-Identifier: MIT
#include "snapshotreader.h"

#include "jsonfieldreader.h"
#include "statenames.h"

#include <QDateTime>
#include <QString>
#include <array>
#include <limits>
#include <new>
#include <simdjson.h>
#include <string>
#include <vector>

namespace shardscope::snapshot {

namespace {

using namespace simdjson;
using namespace engine;

class Reader : public JsonFieldReader
{
public:
    Reader(const char* begin, std::size_t length) : JsonFieldReader(begin, length) {}

    Result<Snapshot> run(ondemand::document& document);

private:
    using NodeKeys = std::array<std::string_view, 12>;

    bool header(ondemand::document& document);
    bool member(std::size_t key, ondemand::value& value);
    bool metadata(ondemand::value& value);
    bool sequences(ondemand::value& value);
    bool node(ondemand::value& value, std::size_t i);
    bool colocationGroup(ondemand::value& value, std::size_t i);
    bool table(ondemand::value& value, std::size_t i);
    bool shards(ondemand::value& value);
    bool placements(ondemand::value& value);

    Snapshot m_snapshot;
};

constexpr std::array<std::string_view, 9> kTopKeys{
    "format", "version", "metadata", "sequences", "nodes", "colocation_groups", "tables", "shards", "placements"};

bool Reader::header(ondemand::document& document)
{
    const Path root;
    ondemand::json_type type{};
    if (const error_code error = document.type().get(type))
        return jsonError(root, error, m_begin);
    if (type != ondemand::json_type::object)
        return fail(root, "a snapshot is a JSON object, found " + std::string(typeName(type)), m_begin);
    std::string_view format;
    const error_code formatError = document.find_field_unordered("format").get_string().get(format);
    if (formatError == NO_SUCH_FIELD)
        return fail(root, "no \"format\" member: this is not a ShardScope snapshot");
    if (formatError)
        return fail(Path{"format"},
                    formatError == INCORRECT_TYPE ? "expected a string" : describeJsonError(formatError));
    if (format != "shardscope-snapshot")
        return fail(Path{"format"}, "\"" + std::string(format) + "\" is not \"shardscope-snapshot\"");
    std::int64_t version = 0;
    const error_code versionError = document.find_field_unordered("version").get_int64().get(version);
    if (versionError == NO_SUCH_FIELD)
        return fail(root, "missing member \"version\"");
    if (versionError)
        return fail(Path{"version"},
                    versionError == INCORRECT_TYPE ? "expected an integer" : describeJsonError(versionError));
    if (version > kSnapshotFormatVersion)
        return fail(Path{"version"}, "format version " + std::to_string(version) +
                                         " is newer than this ShardScope reads (" +
                                         std::to_string(kSnapshotFormatVersion) + "); update ShardScope");
    if (version < 1)
        return fail(Path{"version"}, "unknown format version " + std::to_string(version));
    return document.rewind(), true;
}

bool Reader::member(std::size_t key, ondemand::value& value)
{
    const Path path{kTopKeys[key]};
    std::vector<Node>& nodes = m_snapshot.state.nodes;
    std::vector<ColocationGroup>& groups = m_snapshot.state.colocationGroups;
    std::vector<Table>& tables = m_snapshot.state.tables;
    switch (key) {
    case 0: {
        std::string format;
        return text(value, path, format); // checked by header()
    }
    case 1: {
        std::int64_t version = 0;
        return integer(value, path, 1, kSnapshotFormatVersion, version);
    }
    case 2:
        return metadata(value);
    case 3:
        return sequences(value);
    case 4:
        return array(value, path, [&](std::size_t i, ondemand::value& element, std::size_t count) {
            nodes.reserve(count);
            return node(element, i);
        });
    case 5:
        return array(value, path, [&](std::size_t i, ondemand::value& element, std::size_t count) {
            groups.reserve(count);
            return colocationGroup(element, i);
        });
    case 6:
        return array(value, path, [&](std::size_t i, ondemand::value& element, std::size_t count) {
            tables.reserve(count);
            return table(element, i);
        });
    case 7:
        return shards(value);
    default:
        return placements(value);
    }
}

bool Reader::metadata(ondemand::value& value)
{
    static constexpr std::array<std::string_view, 5> keys{"cluster_name", "captured_at", "source", "citus_version",
                                                          "postgres_version"};
    const Path path{"metadata"};
    SnapshotMetadata& meta = m_snapshot.metadata;
    return object(value, path, keys, [&](std::size_t key, ondemand::value& v) {
        const Path p = path.field(keys[key]);
        switch (key) {
        case 0:
            return text(v, p, m_snapshot.state.name);
        case 1: {
            const char* location = v.raw_json_token().data();
            if (!text(v, p, meta.capturedAt))
                return false;
            const QDateTime time = QDateTime::fromString(QString::fromStdString(meta.capturedAt), Qt::ISODate);
            if (!time.isValid())
                return fail(p, "\"" + meta.capturedAt + "\" is not an ISO 8601 date and time", location);
            return true;
        }
        case 2: {
            std::string name;
            if (!text(v, p, name))
                return false;
            const auto source = sourceFromName(name);
            if (!source)
                return fail(p, "\"" + name + "\" is neither \"embedded\" nor \"live\"");
            meta.source = *source;
            return true;
        }
        case 3:
            return optionalText(v, p, meta.citusVersion);
        default:
            return optionalText(v, p, meta.postgresVersion);
        }
    });
}

bool Reader::sequences(ondemand::value& value)
{
    static constexpr std::array<std::string_view, 6> keys{"next_shard_id", "next_placement_id", "next_colocation_id",
                                                          "next_group_id", "next_node_id",      "next_table_oid"};
    const Path path{"sequences"};
    Sequences& s = m_snapshot.state.sequences;
    return object(value, path, keys, [&](std::size_t key, ondemand::value& v) {
        const Path p = path.field(keys[key]);
        switch (key) {
        case 0:
            return integerAs(v, p, s.nextShardId);
        case 1:
            return integerAs(v, p, s.nextPlacementId);
        case 2:
            return integerAs(v, p, s.nextColocationId);
        case 3:
            return integerAs(v, p, s.nextGroupId);
        case 4:
            return integerAs(v, p, s.nextNodeId);
        default:
            return integerAs(v, p, s.nextTableOid);
        }
    });
}

bool Reader::node(ondemand::value& value, std::size_t i)
{
    static constexpr NodeKeys keys{"id",
                                   "group",
                                   "name",
                                   "port",
                                   "rack",
                                   "role",
                                   "cluster",
                                   "is_active",
                                   "has_metadata",
                                   "metadata_synced",
                                   "should_have_shards",
                                   "free_disk_bytes"};
    const Path path = Path{"nodes"}.at(i);
    Node node;
    const bool ok = object(value, path, keys, [&](std::size_t key, ondemand::value& v) {
        const Path p = path.field(keys[key]);
        switch (key) {
        case 0:
            return integerAs(v, p, node.id);
        case 1:
            return integerAs(v, p, node.group);
        case 2:
            return text(v, p, node.name);
        case 3:
            return integerAs(v, p, node.port);
        case 4:
            return text(v, p, node.rack);
        case 5: {
            std::string name;
            if (!text(v, p, name))
                return false;
            const auto role = nodeRoleFromName(name);
            if (!role)
                return fail(p, "\"" + name + "\" is not primary, secondary or unavailable");
            node.role = *role;
            return true;
        }
        case 6:
            return text(v, p, node.cluster);
        case 7:
            return boolean(v, p, node.isActive);
        case 8:
            return boolean(v, p, node.hasMetadata);
        case 9:
            return boolean(v, p, node.metadataSynced);
        case 10:
            return boolean(v, p, node.shouldHaveShards);
        default:
            return integerAs(v, p, node.freeDiskBytes);
        }
    });
    if (ok)
        m_snapshot.state.nodes.push_back(std::move(node));
    return ok;
}

bool Reader::colocationGroup(ondemand::value& value, std::size_t i)
{
    static constexpr std::array<std::string_view, 5> keys{"id", "shard_count", "replication_factor", "column_type",
                                                          "collation"};
    const Path path = Path{"colocation_groups"}.at(i);
    ColocationGroup group;
    const bool ok = object(value, path, keys, [&](std::size_t key, ondemand::value& v) {
        const Path p = path.field(keys[key]);
        switch (key) {
        case 0:
            return integerAs(v, p, group.id);
        case 1:
            return integerAs(v, p, group.shardCount);
        case 2:
            return integerAs(v, p, group.replicationFactor);
        case 3:
            return columnType(v, p, group.columnType);
        default:
            return integerAs(v, p, group.collation);
        }
    });
    if (ok)
        m_snapshot.state.colocationGroups.push_back(group);
    return ok;
}

bool Reader::table(ondemand::value& value, std::size_t i)
{
    static constexpr std::array<std::string_view, 12> keys{"oid",
                                                           "schema",
                                                           "name",
                                                           "kind",
                                                           "distribution_column",
                                                           "column_type",
                                                           "colocation_id",
                                                           "replication_model",
                                                           "has_replica_identity",
                                                           "partition_of",
                                                           "plain_bytes",
                                                           "plain_rows"};
    const Path path = Path{"tables"}.at(i);
    Table table;
    const bool ok = object(value, path, keys, [&](std::size_t key, ondemand::value& v) {
        const Path p = path.field(keys[key]);
        switch (key) {
        case 0:
            return integerAs(v, p, table.oid);
        case 1:
            return text(v, p, table.schema);
        case 2:
            return text(v, p, table.name);
        case 3: {
            std::string name;
            if (!text(v, p, name))
                return false;
            const auto kind = tableKindFromName(name);
            if (!kind)
                return fail(p, "unknown table kind \"" + name + "\"");
            table.kind = *kind;
            return true;
        }
        case 4: {
            const char* location = v.raw_json_token().data();
            bool isNull = false;
            if (v.is_null().get(isNull) == SUCCESS && isNull)
                return true;
            if (!text(v, p, table.distributionColumn))
                return false;
            return !table.distributionColumn.empty() ||
                   fail(p, "an empty column name; write null when there is no distribution column", location);
        }
        case 5:
            return columnType(v, p, table.columnType);
        case 6:
            return integerAs(v, p, table.colocationId);
        case 7: {
            std::string model;
            if (!text(v, p, model))
                return false;
            if (model.size() != 1)
                return fail(p, "\"" + model + "\" is not one of \"s\", \"c\", \"t\"");
            table.replicationModel = model[0];
            return true;
        }
        case 8:
            return boolean(v, p, table.hasReplicaIdentity);
        case 9:
            return integerAs(v, p, table.partitionOf);
        case 10:
            return integerAs(v, p, table.plainBytes);
        default:
            return integerAs(v, p, table.plainRows);
        }
    });
    if (ok)
        m_snapshot.state.tables.push_back(std::move(table));
    return ok;
}

bool Reader::shards(ondemand::value& value)
{
    static constexpr std::array<std::string_view, 4> keys{"id_deltas", "table", "min", "max"};
    const Path path{"shards"};
    std::vector<Shard>& shards = m_snapshot.state.shards;
    // Bit 0: min is null, bit 1: max is null; reconciled once both columns are read.
    std::vector<std::uint8_t> nulls;
    std::size_t rows = npos;
    const auto resize = [&](std::size_t n) {
        shards.resize(n);
        nulls.assign(n, 0);
    };
    const bool ok = object(value, path, keys, [&](std::size_t key, ondemand::value& v) {
        const Path p = Path{"shards", keys[key], npos, true};
        switch (key) {
        case 0: {
            std::uint64_t id = 0;
            return column(v, p, rows, resize, [&](std::size_t i, ondemand::value& e) {
                std::int64_t delta = 0;
                if (const error_code error = e.get_int64().get(delta))
                    return typeError(e, p.at(i), "an integer", error);
                id += static_cast<std::uint64_t>(delta); // wraps like the writer's subtraction
                shards[i].id = static_cast<ShardId>(id);
                return true;
            });
        }
        case 1:
            return column(v, p, rows, resize,
                          [&](std::size_t i, ondemand::value& e) { return integerAs(e, p.at(i), shards[i].table); });
        default: {
            const std::uint8_t bit = key == 2 ? 1 : 2;
            return column(v, p, rows, resize, [&](std::size_t i, ondemand::value& e) {
                std::int64_t bound = 0;
                if (e.get_int64().get(bound) == SUCCESS) {
                    if (bound < std::numeric_limits<std::int32_t>::min() ||
                        bound > std::numeric_limits<std::int32_t>::max())
                        return fail(p.at(i), "the hash value " + std::to_string(bound) + " does not fit in int32",
                                    e.raw_json_token().data());
                    (key == 2 ? shards[i].minValue : shards[i].maxValue) = static_cast<std::int32_t>(bound);
                    return true;
                }
                bool isNull = false;
                if (e.is_null().get(isNull) == SUCCESS && isNull) {
                    nulls[i] |= bit;
                    return true;
                }
                return integer(e, p.at(i), std::numeric_limits<std::int32_t>::min(),
                               std::numeric_limits<std::int32_t>::max(), bound);
            });
        }
        }
    });
    if (!ok)
        return false;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        if (nulls[i] == 1 || nulls[i] == 2)
            return fail(Path{"shards", nulls[i] == 1 ? "min" : "max", i, true},
                        "is null but the other bound is not (both are null for a shard without a range)");
        shards[i].hasRange = nulls[i] == 0;
    }
    return true;
}

bool Reader::placements(ondemand::value& value)
{
    static constexpr std::array<std::string_view, 5> keys{"id_deltas", "shard_deltas", "group", "bytes", "rows"};
    const Path path{"placements"};
    std::vector<Placement>& placements = m_snapshot.state.placements;
    std::size_t rows = npos;
    const auto resize = [&](std::size_t n) { placements.resize(n); };
    return object(value, path, keys, [&](std::size_t key, ondemand::value& v) {
        const Path p = Path{"placements", keys[key], npos, true};
        if (key <= 1) {
            std::uint64_t id = 0;
            return column(v, p, rows, resize, [&](std::size_t i, ondemand::value& e) {
                std::int64_t delta = 0;
                if (const error_code error = e.get_int64().get(delta))
                    return typeError(e, p.at(i), "an integer", error);
                id += static_cast<std::uint64_t>(delta);
                (key == 0 ? placements[i].id : placements[i].shard) = static_cast<std::int64_t>(id);
                return true;
            });
        }
        return column(v, p, rows, resize, [&](std::size_t i, ondemand::value& e) {
            switch (key) {
            case 2:
                return integerAs(e, p.at(i), placements[i].group);
            case 3:
                return integerAs(e, p.at(i), placements[i].bytes);
            default:
                return integerAs(e, p.at(i), placements[i].rows);
            }
        });
    });
}

Result<Snapshot> Reader::run(ondemand::document& document)
{
    if (!header(document))
        return *m_error;
    const char* location = m_begin;
    ondemand::object root;
    if (const error_code error = document.get_object().get(root))
        return jsonError(Path{}, error, location), *m_error;
    std::uint64_t seen = 0;
    for (auto result : root) {
        ondemand::field field;
        if (const error_code error = std::move(result).get(field)) {
            const char* here = nullptr;
            if (document.current_location().get(here) != SUCCESS)
                here = nullptr;
            return jsonError(Path{}, error, here), *m_error;
        }
        std::string_view key;
        if (const error_code error = field.unescaped_key().get(key))
            return jsonError(Path{}, error), *m_error;
        std::size_t index = 0;
        while (index < kTopKeys.size() && kTopKeys[index] != key)
            ++index;
        const char* here = field.value().raw_json_token().data();
        if (index == kTopKeys.size())
            return fail(Path{}, "unknown member \"" + std::string(key) + "\"", here), *m_error;
        if (seen & (std::uint64_t(1) << index))
            return fail(Path{}, "duplicate member \"" + std::string(key) + "\"", here), *m_error;
        seen |= std::uint64_t(1) << index;
        if (!member(index, field.value()))
            return *m_error;
    }
    for (std::size_t index = 0; index < kTopKeys.size(); ++index) {
        if (!(seen & (std::uint64_t(1) << index)))
            return fail(Path{}, "missing member \"" + std::string(kTopKeys[index]) + "\""), *m_error;
    }
    // current_location() says OUT_OF_BOUNDS exactly when the whole input has been consumed.
    const char* rest = nullptr;
    if (document.current_location().get(rest) != OUT_OF_BOUNDS)
        return fail(Path{}, "unexpected content after the end of the snapshot", rest), *m_error;
    return std::move(m_snapshot);
}

} // namespace

Result<Snapshot> SnapshotReader::read(const char* data, std::size_t length, std::size_t capacity)
{
    try {
        ondemand::parser parser;
        ondemand::document document;
        const error_code error = parser.iterate(data, length, capacity).get(document);
        Reader reader(data, length);
        if (error) {
            return Error::make("invalid snapshot: " + describeJsonError(error), "shardscope.snapshot_invalid");
        }
        return reader.run(document);
    } catch (const std::bad_alloc&) {
        return Error::make("not enough memory to read the snapshot", "shardscope.out_of_memory");
    }
}

} // namespace shardscope::snapshot
