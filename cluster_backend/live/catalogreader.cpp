// SPDX-License-Identifier: MIT
#include "catalogreader.h"

#include "catalogsql.h"
#include "pgerrors.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <unordered_set>

namespace shardscope::live {

namespace {

using engine::ClusterState;

std::optional<std::int32_t> parseInt32(const std::optional<std::string_view>& text)
{
    if (!text)
        return std::nullopt;
    std::int32_t value = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size())
        return std::nullopt;
    return value;
}

engine::NodeRole nodeRole(const std::string& text)
{
    if (text == "secondary")
        return engine::NodeRole::Secondary;
    if (text == "unavailable")
        return engine::NodeRole::Unavailable;
    return engine::NodeRole::Primary;
}

// A row of plain_tables.sql / local_tables.sql: a table Citus does not know, as a Plain table.
engine::Table plainTable(const BinaryRow& row)
{
    engine::Table table;
    table.oid = row.oid(0);
    table.schema = row.text(1);
    table.name = row.text(2);
    table.kind = engine::TableKind::Plain;
    table.plainBytes = row.int8(3);
    table.plainRows = row.int8(4);
    table.partitionOf = row.oid(5);
    table.hasReplicaIdentity = row.boolean(6, true);
    return table;
}

// Catalog order by id; physical order usually is already, so the check makes the sort rare.
template <class T, class Key>
void sortById(std::vector<T>& items, Key key)
{
    const auto less = [&](const T& a, const T& b) { return key(a) < key(b); };
    if (!std::is_sorted(items.begin(), items.end(), less))
        std::sort(items.begin(), items.end(), less);
}

// Rolls back unless committed, so an error never leaves the session inside a transaction.
class ReadTransaction
{
public:
    explicit ReadTransaction(PgSession& session) : m_session(session) {}
    ~ReadTransaction()
    {
        if (m_open && m_session.isConnected())
            (void)m_session.exec("ROLLBACK");
    }
    Status begin()
    {
        auto result = m_session.exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
        if (!result)
            return result.error();
        m_open = true;
        return Done{};
    }
    Status commit()
    {
        m_open = false;
        auto result = m_session.exec("COMMIT");
        if (!result)
            return result.error();
        return Done{};
    }

private:
    PgSession& m_session;
    bool m_open = false;
};

class CatalogRead
{
public:
    CatalogRead(PgSession& session, const CatalogOptions& options) : m_session(session), m_options(options) {}

    Result<LiveSnapshot> run()
    {
        ReadTransaction transaction(m_session);
        for (const auto& step :
             {&CatalogRead::begin, &CatalogRead::nodes, &CatalogRead::colocation, &CatalogRead::tables,
              &CatalogRead::shards, &CatalogRead::placements, &CatalogRead::sequences, &CatalogRead::jobs,
              &CatalogRead::sizes, &CatalogRead::rowEstimates, &CatalogRead::strategies, &CatalogRead::localTables}) {
            if (m_options.cancel && m_options.cancel->load())
                return Error::make("Reading the cluster was cancelled.", codes::kCancelled);
            Status status = step == &CatalogRead::begin ? transaction.begin() : Status(Done{});
            if (status)
                status = (this->*step)();
            if (!status)
                return status.error();
        }
        Status committed = transaction.commit();
        if (!committed)
            return committed.error();
        return std::move(m_snapshot);
    }

private:
    Status begin()
    {
        if (m_options.lockTimeoutMs <= 0)
            return Done{};
        auto set = m_session.exec("SELECT pg_catalog.set_config('lock_timeout', $1, true)",
                                  {std::to_string(m_options.lockTimeoutMs) + "ms"});
        return set ? Status(Done{}) : Status(set.error());
    }

    Result<std::int64_t> copy(const char* name, std::size_t columns, BinaryCopyParser::RowHandler handler)
    {
        const std::string sql = catalogSql(name);
        if (sql.empty())
            return Error::make(std::string("The catalog query ") + name + " is missing from the build.",
                               "shardscope.internal");
        return m_session.copyOut(sql, columns, std::move(handler));
    }

    Status searchPath()
    {
        if (m_options.schema.empty())
            return Done{};
        auto quoted = m_session.quoteIdentifier(m_options.schema);
        if (!quoted)
            return quoted.error();
        auto set = m_session.exec("SELECT pg_catalog.set_config('search_path', $1, true)", {*quoted + ", pg_catalog"});
        if (!set)
            return set.error();
        return Done{};
    }

    Status nodes()
    {
        Status path = searchPath();
        if (!path)
            return path;
        auto& out = m_snapshot.state.nodes;
        auto rows = copy("nodes", 11, [&](const BinaryRow& row) -> Status {
            engine::Node node;
            node.id = row.int4(0);
            node.group = row.int4(1);
            node.name = row.text(2);
            node.port = row.int4(3, 5432);
            node.rack = row.text(4, "default");
            node.hasMetadata = row.boolean(5);
            node.isActive = row.boolean(6, true);
            node.role = nodeRole(row.text(7));
            node.cluster = row.text(8, "default");
            node.metadataSynced = row.boolean(9);
            node.shouldHaveShards = row.boolean(10, true);
            out.push_back(std::move(node));
            return Done{};
        });
        return rows ? Status(Done{}) : Status(rows.error());
    }

    Status colocation()
    {
        auto& out = m_snapshot.state.colocationGroups;
        auto rows = copy("colocation", 5, [&](const BinaryRow& row) -> Status {
            engine::ColocationGroup group;
            group.id = row.int4(0);
            group.shardCount = row.int4(1);
            group.replicationFactor = row.int4(2, 1);
            group.columnType = engine::columnTypeFromOid(row.oid(3)).value_or(engine::ColumnType::None);
            group.collation = row.oid(4);
            out.push_back(group);
            return Done{};
        });
        return rows ? Status(Done{}) : Status(rows.error());
    }

    Status tables()
    {
        auto& out = m_snapshot.state.tables;
        auto rows = copy("tables", 10, [&](const BinaryRow& row) -> Status {
            engine::Table table;
            table.oid = row.oid(0);
            table.schema = row.text(1);
            table.name = row.text(2);
            const std::string method = row.text(3);
            table.colocationId = row.int4(4);
            const std::string repmodel = row.text(5);
            table.replicationModel = repmodel.empty() ? 's' : repmodel.front();
            table.hasReplicaIdentity = row.boolean(8, true);
            table.partitionOf = row.oid(9);
            if (method == "h") {
                table.kind = engine::TableKind::HashDistributed;
                table.distributionColumn = row.text(6);
                const auto type = engine::columnTypeFromOid(row.oid(7));
                table.columnType = type.value_or(engine::ColumnType::None);
                if (!type)
                    m_snapshot.warnings.push_back("The distribution column type of " + table.schema + '.' + table.name +
                                                  " (type oid " + std::to_string(row.oid(7)) +
                                                  ") is not one ShardScope can hash; routing by value is off.");
            } else if (method == "n") {
                if (table.replicationModel == 't')
                    table.kind = engine::TableKind::Reference;
                else if (table.colocationId != 0)
                    table.kind = engine::TableKind::SingleShard;
                else
                    table.kind = engine::TableKind::CitusLocal;
            } else {
                m_skippedTables.insert(table.oid);
                m_snapshot.warnings.push_back(table.schema + '.' + table.name +
                                              " is append- or range-distributed; ShardScope does not show it.");
                return Done{};
            }
            out.push_back(std::move(table));
            return Done{};
        });
        return rows ? Status(Done{}) : Status(rows.error());
    }

    Status shards()
    {
        auto& out = m_snapshot.state.shards;
        auto rows = copy("shards", 4, [&](const BinaryRow& row) -> Status {
            engine::Shard shard;
            shard.id = row.int8(0);
            shard.table = row.oid(1);
            if (!m_skippedTables.empty() && m_skippedTables.count(shard.table)) {
                m_skippedShards.insert(shard.id);
                return Done{};
            }
            const auto min = parseInt32(row.field(2));
            const auto max = parseInt32(row.field(3));
            shard.hasRange = min && max;
            shard.minValue = min.value_or(0);
            shard.maxValue = max.value_or(0);
            out.push_back(shard);
            return Done{};
        });
        if (!rows)
            return rows.error();
        sortById(out, [](const engine::Shard& x) { return x.id; });
        return Done{};
    }

    Status placements()
    {
        auto& out = m_snapshot.state.placements;
        out.reserve(m_snapshot.state.shards.size());
        auto rows = copy("placements", 3, [&](const BinaryRow& row) -> Status {
            engine::Placement placement;
            placement.id = row.int8(0);
            placement.shard = row.int8(1);
            placement.group = row.int4(2);
            if (!m_skippedShards.empty() && m_skippedShards.count(placement.shard))
                return Done{};
            out.push_back(placement);
            return Done{};
        });
        if (!rows)
            return rows.error();
        sortById(out, [](const engine::Placement& x) { return x.id; });
        return Done{};
    }

    Status sequences()
    {
        engine::Sequences& seq = m_snapshot.state.sequences;
        const ClusterState& state = m_snapshot.state;
        // Floors from what exists, in case a sequence cannot be read.
        for (const auto& shard : state.shards)
            seq.nextShardId = std::max(seq.nextShardId, shard.id + 1);
        for (const auto& placement : state.placements)
            seq.nextPlacementId = std::max(seq.nextPlacementId, placement.id + 1);
        for (const auto& group : state.colocationGroups)
            seq.nextColocationId = std::max(seq.nextColocationId, group.id + 1);
        for (const auto& node : state.nodes) {
            seq.nextNodeId = std::max(seq.nextNodeId, node.id + 1);
            seq.nextGroupId = std::max(seq.nextGroupId, node.group + 1);
        }
        auto rows = copy("sequences", 2, [&](const BinaryRow& row) -> Status {
            if (row.isNull(1))
                return Done{};
            const std::string name = row.text(0);
            const std::int64_t next = row.int8(1);
            if (name == "pg_dist_shardid_seq")
                seq.nextShardId = std::max(seq.nextShardId, next);
            else if (name == "pg_dist_placement_placementid_seq")
                seq.nextPlacementId = std::max(seq.nextPlacementId, next);
            else if (name == "pg_dist_colocationid_seq")
                seq.nextColocationId = std::max<std::int64_t>(seq.nextColocationId, next);
            else if (name == "pg_dist_groupid_seq")
                seq.nextGroupId = std::max<std::int64_t>(seq.nextGroupId, next);
            else if (name == "pg_dist_node_nodeid_seq")
                seq.nextNodeId = std::max<std::int64_t>(seq.nextNodeId, next);
            return Done{};
        });
        return rows ? Status(Done{}) : Status(rows.error());
    }

    // Optional parts run under a savepoint: their failure is a warning, not a failed refresh.
    Status optional(const char* what, const std::function<Status()>& read)
    {
        auto savepoint = m_session.exec("SAVEPOINT shardscope_optional");
        if (!savepoint)
            return savepoint.error();
        Status status = read();
        if (status) {
            auto released = m_session.exec("RELEASE SAVEPOINT shardscope_optional");
            return released ? Status(Done{}) : Status(released.error());
        }
        if (!m_session.isConnected() || status.error().code == codes::kQueryCanceled)
            return status;
        const std::string why = status.error().code == codes::kLockNotAvailable
                                    ? "a table is locked by another session (an ALTER TABLE, a LOCK or a "
                                      "shard move), and waiting for it would stall the refresh"
                                    : status.error().message;
        m_snapshot.warnings.push_back(std::string(what) + " could not be read: " + why + '.');
        auto rolledBack = m_session.exec("ROLLBACK TO SAVEPOINT shardscope_optional");
        return rolledBack ? Status(Done{}) : Status(rolledBack.error());
    }

    Status jobs()
    {
        if (!m_options.readJobs)
            return Done{};
        return optional("Background jobs", [this]() -> Status {
            auto rows = copy("jobs", 6, [&](const BinaryRow& row) -> Status {
                m_snapshot.jobs.push_back(
                    {row.int8(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)});
                return Done{};
            });
            return rows ? Status(Done{}) : Status(rows.error());
        });
    }

    Status sizes()
    {
        if (!m_options.readSizes) {
            m_snapshot.sizesRead = false;
            return Done{};
        }
        std::unordered_map<engine::ShardId, std::int64_t> bytes;
        bytes.reserve(m_snapshot.state.shards.size());
        bool read = false;
        Status status = optional("Shard sizes", [&]() -> Status {
            auto rows = copy("shard_sizes", 2, [&](const BinaryRow& row) -> Status {
                auto& size = bytes[row.int8(0)];
                size = std::max(size, row.int8(1));
                return Done{};
            });
            read = rows.ok();
            return rows ? Status(Done{}) : Status(rows.error());
        });
        if (!status)
            return status;
        m_snapshot.sizesRead = read;
        if (bytes.empty())
            return Done{};
        for (engine::Placement& placement : m_snapshot.state.placements) {
            const auto it = bytes.find(placement.shard);
            if (it != bytes.end())
                placement.bytes = it->second;
        }
        return Done{};
    }

    // Estimated rows per placement: one run_command_on_all_nodes call reading pg_class.reltuples on every node.
    Status rowEstimates()
    {
        if (!m_options.readRowEstimates || m_snapshot.state.placements.empty())
            return Done{};
        // Catalog-shaped tables on plain PostgreSQL (tests, benchmark) have no such function.
        auto available =
            m_session.exec("SELECT to_regprocedure('run_command_on_all_nodes(text,boolean,boolean)') IS NOT NULL");
        if (!available)
            return available.error();
        if (available->text(0, 0) != "t")
            return Done{};
        std::unordered_map<engine::NodeId, engine::GroupId> groupOf;
        for (const engine::Node& node : m_snapshot.state.nodes)
            groupOf[node.id] = node.group;
        std::unordered_map<std::uint64_t, std::int64_t> rows; // (shard, group) -> rows
        return optional("Row estimates", [&]() -> Status {
            auto result = m_session.exec(catalogSql("row_estimates"));
            if (!result)
                return result.error();
            for (std::size_t r = 0; r < result->rows.size(); ++r) {
                const auto node = parseInt32(std::optional<std::string_view>(result->text(r, 0)));
                if (result->text(r, 1) != "t" || !node || !groupOf.count(*node)) {
                    m_snapshot.warnings.push_back("Row estimates of node " + result->text(r, 0) +
                                                  " could not be read: " + result->text(r, 2));
                    continue;
                }
                parseRowEstimates(result->text(r, 2), groupOf[*node], rows);
            }
            for (engine::Placement& placement : m_snapshot.state.placements) {
                const auto it = rows.find(placementKey(placement.shard, placement.group));
                if (it != rows.end())
                    placement.rows = it->second;
            }
            return Done{};
        });
    }

    static std::uint64_t placementKey(engine::ShardId shard, engine::GroupId group)
    {
        return (static_cast<std::uint64_t>(shard) << 20) ^
               static_cast<std::uint64_t>(static_cast<std::uint32_t>(group));
    }

    // "shardid rows,shardid rows,..." as row_estimates.sql writes it.
    static void parseRowEstimates(std::string_view text, engine::GroupId group,
                                  std::unordered_map<std::uint64_t, std::int64_t>& out)
    {
        while (!text.empty()) {
            const auto comma = text.find(',');
            const std::string_view item = text.substr(0, comma);
            text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
            const auto space = item.find(' ');
            if (space == std::string_view::npos)
                continue;
            engine::ShardId shard = 0;
            std::int64_t count = 0;
            const auto a = std::from_chars(item.data(), item.data() + space, shard);
            const auto b = std::from_chars(item.data() + space + 1, item.data() + item.size(), count);
            if (a.ec == std::errc() && b.ec == std::errc())
                out[placementKey(shard, group)] = count;
        }
    }

    // The rebalance strategies to choose from (catalog-shaped test schemas may have none).
    Status strategies()
    {
        auto present = m_session.exec("SELECT to_regclass('pg_dist_rebalance_strategy') IS NOT NULL");
        if (!present)
            return present.error();
        if (present->text(0, 0) != "t")
            return Done{};
        return optional("Rebalance strategies", [this]() -> Status {
            auto rows = readRebalanceStrategies(m_session);
            if (!rows)
                return rows.error();
            m_snapshot.strategies = std::move(*rows);
            return Done{};
        });
    }

    // Tables on the coordinator that Citus does not know yet: listed as Plain, like the demo's local tables.
    Status localTables()
    {
        if (!m_options.readLocalTables)
            return Done{};
        return optional("Local tables", [this]() -> Status {
            // Shards on the coordinator must stay hidden whatever the role's settings say.
            auto hide = m_session.exec("SELECT pg_catalog.set_config('citus.override_table_visibility', 'on', true), "
                                       "pg_catalog.set_config('citus.show_shards_for_app_name_prefixes', '', true)");
            if (!hide)
                return hide.error();
            std::string sql = catalogSql("local_tables");
            if (!m_options.schema.empty()) {
                // The catalog-shaped tables themselves are not user tables.
                auto literal = m_session.quoteLiteral(m_options.schema);
                if (!literal)
                    return literal.error();
                sql = "SELECT * FROM (" + sql + ") AS t WHERE t.nspname <> " + *literal;
            }
            std::vector<engine::Table> plain; // all or nothing: a failure half-way lists none
            auto rows = m_session.copyOut(sql, 7, [&](const BinaryRow& row) -> Status {
                plain.push_back(plainTable(row));
                return Done{};
            });
            if (!rows)
                return rows.error();
            auto& out = m_snapshot.state.tables;
            out.insert(out.end(), std::make_move_iterator(plain.begin()), std::make_move_iterator(plain.end()));
            return Done{};
        });
    }

    PgSession& m_session;
    const CatalogOptions& m_options;
    LiveSnapshot m_snapshot;
    std::unordered_set<engine::TableOid> m_skippedTables;
    std::unordered_set<engine::ShardId> m_skippedShards;
};

} // namespace

Result<LiveSnapshot> readCitusCatalog(PgSession& session, const CatalogOptions& options)
{
    return CatalogRead(session, options).run();
}

Result<LiveSnapshot> readPlainCatalog(PgSession& session, int lockTimeoutMs)
{
    LiveSnapshot snapshot;
    ReadTransaction transaction(session);
    Status begun = transaction.begin();
    if (!begun)
        return begun.error();
    if (lockTimeoutMs > 0) {
        // pg_table_size() waits for a table locked elsewhere: give up rather than stall the refresh.
        auto set = session.exec("SELECT pg_catalog.set_config('lock_timeout', $1, true)",
                                {std::to_string(lockTimeoutMs) + "ms"});
        if (!set)
            return set.error();
    }
    auto rows = session.copyOut(catalogSql("plain_tables"), 7, [&](const BinaryRow& row) -> Status {
        snapshot.state.tables.push_back(plainTable(row));
        return Done{};
    });
    if (!rows) {
        Error error = rows.error();
        if (error.code == codes::kLockNotAvailable) {
            error.message = "The tables could not be listed: a table is locked by another session (an ALTER TABLE "
                            "or a LOCK), and waiting for it would stall the refresh.";
            error.hint = "The next refresh tries again.";
        }
        return error;
    }
    Status committed = transaction.commit();
    if (!committed)
        return committed.error();
    return snapshot;
}

} // namespace shardscope::live
