// SPDX-License-Identifier: MIT
#include "operationbuilder.h"

#include "catalogsql.h"

#include <cctype>

namespace shardscope::live {

namespace {

using Params = std::vector<std::optional<std::string>>;

std::string boolText(bool value)
{
    return value ? "true" : "false";
}

// Builds a statement and its display text; call() names a Citus function in pg_catalog.
class Builder
{
public:
    explicit Builder(const PgSession& session) : m_session(session) {}

    Result<OperationStatements> call(const std::string& function, const std::vector<std::string>& arguments,
                                     const Params& parameters)
    {
        std::string sql = "SELECT pg_catalog." + function + '(';
        for (std::size_t i = 0; i < arguments.size(); ++i)
            sql += (i ? ", " : "") + arguments[i];
        sql += ')';
        auto statement = make(sql, parameters);
        if (!statement)
            return statement.error();
        m_statements.push_back(std::move(*statement));
        return m_statements;
    }

    Status add(const std::string& sql, const Params& parameters, bool always = false)
    {
        auto statement = make(sql, parameters);
        if (!statement)
            return statement.error();
        statement->always = always;
        m_statements.push_back(std::move(*statement));
        return Done{};
    }

    /** A schema-qualified relation name quoted by libpq, for a regclass parameter. */
    Result<std::string> relation(const std::string& schema, const std::string& table) const
    {
        if (table.empty())
            return Error::make("The table name is empty.", "shardscope.invalid_value");
        auto quotedTable = m_session.quoteIdentifier(table);
        if (!quotedTable)
            return quotedTable.error();
        if (schema.empty())
            return *quotedTable;
        auto quotedSchema = m_session.quoteIdentifier(schema);
        if (!quotedSchema)
            return quotedSchema.error();
        return *quotedSchema + '.' + *quotedTable;
    }

    const OperationStatements& statements() const { return m_statements; }

private:
    Result<Statement> make(const std::string& sql, const Params& parameters) const
    {
        auto display = renderStatement(m_session, sql, parameters);
        if (!display)
            return display.error();
        return Statement{sql, parameters, *display, false};
    }

    const PgSession& m_session;
    OperationStatements m_statements;
};

std::string intArray(const std::vector<std::int32_t>& values)
{
    std::string text = "{";
    for (std::size_t i = 0; i < values.size(); ++i)
        text += (i ? "," : "") + std::to_string(values[i]);
    return text + '}';
}

Result<OperationStatements> createDistributed(const PgSession& session, const engine::CreateDistributedTable& r,
                                              const char* function)
{
    Builder builder(session);
    auto table = builder.relation(r.schema, r.name);
    if (!table)
        return table.error();
    Params params{*table, r.column.empty() ? std::nullopt : std::optional<std::string>(r.column)};
    std::vector<std::string> args{"$1::regclass", "$2"};
    std::string colocate = r.colocateWith.empty() ? std::string("default") : r.colocateWith;
    if (colocate != "default" && colocate != "none") {
        // A table name, optionally schema-qualified: quoted by libpq so Citus parses it back exactly.
        const auto dot = colocate.find('.');
        auto quoted = dot == std::string::npos ? builder.relation({}, colocate)
                                               : builder.relation(colocate.substr(0, dot), colocate.substr(dot + 1));
        if (!quoted)
            return quoted.error();
        colocate = *quoted;
    }
    params.emplace_back(colocate);
    args.emplace_back("colocate_with => $3");
    if (r.shardCount) {
        params.emplace_back(std::to_string(*r.shardCount));
        args.emplace_back("shard_count => $4::int4");
    }
    if (r.replicationFactor != 1) {
        Status set = builder.add("SELECT pg_catalog.set_config('citus.shard_replication_factor', $1, false)",
                                 {std::to_string(r.replicationFactor)});
        if (!set)
            return set.error();
    }
    auto statements = builder.call(function, args, params);
    if (!statements || r.replicationFactor == 1)
        return statements;
    Status reset = builder.add("RESET citus.shard_replication_factor", {}, true);
    if (!reset)
        return reset.error();
    return builder.statements();
}

struct RequestVisitor
{
    const PgSession& session;

    Result<OperationStatements> operator()(const engine::SetCoordinatorHost& r) const
    {
        return Builder(session).call("citus_set_coordinator_host", {"$1", "$2::int4"},
                                     {r.name, std::to_string(r.port)});
    }
    Result<OperationStatements> operator()(const engine::AddNode& r) const
    {
        return Builder(session).call("citus_add_node", {"$1", "$2::int4"}, {r.name, std::to_string(r.port)});
    }
    Result<OperationStatements> operator()(const engine::RemoveNode& r) const
    {
        return Builder(session).call("citus_remove_node", {"$1", "$2::int4"}, {r.name, std::to_string(r.port)});
    }
    Result<OperationStatements> operator()(const engine::DisableNode& r) const
    {
        return Builder(session).call("citus_disable_node", {"$1", "$2::int4", "synchronous => $3::bool"},
                                     {r.name, std::to_string(r.port), boolText(r.synchronous)});
    }
    Result<OperationStatements> operator()(const engine::ActivateNode& r) const
    {
        return Builder(session).call("citus_activate_node", {"$1", "$2::int4"}, {r.name, std::to_string(r.port)});
    }
    Result<OperationStatements> operator()(const engine::SetNodeShouldHaveShards& r) const
    {
        return Builder(session).call("citus_set_node_property", {"$1", "$2::int4", "'shouldhaveshards'", "$3::bool"},
                                     {r.name, std::to_string(r.port), boolText(r.value)});
    }
    Result<OperationStatements> operator()(const engine::CreatePlainTable&) const
    {
        return Error{"ShardScope cannot create a plain table on a live server: it does not know the columns.",
                     "shardscope.unsupported",
                     {},
                     "Create the table with SQL (CREATE TABLE ...), then refresh.",
                     {}};
    }
    Result<OperationStatements> operator()(const engine::CreateDistributedTable& r) const
    {
        return createDistributed(session, r, "create_distributed_table");
    }
    Result<OperationStatements> operator()(const engine::CreateReferenceTable& r) const
    {
        Builder builder(session);
        auto table = builder.relation(r.schema, r.name);
        if (!table)
            return table.error();
        return builder.call("create_reference_table", {"$1::regclass"}, {*table});
    }
    Result<OperationStatements> operator()(const engine::UndistributeTable& r) const
    {
        Builder builder(session);
        auto table = builder.relation(r.schema, r.name);
        if (!table)
            return table.error();
        return builder.call("undistribute_table", {"$1::regclass", "cascade_via_foreign_keys => $2::bool"},
                            {*table, boolText(r.cascadeViaForeignKeys)});
    }
    Result<OperationStatements> operator()(const engine::MoveShardPlacement& r) const
    {
        return Builder(session).call(
            "citus_move_shard_placement",
            {"$1::int8", "$2::int4", "$3::int4", "transfer_mode => $4::citus.shard_transfer_mode"},
            {std::to_string(r.shardId), std::to_string(r.sourceNode), std::to_string(r.targetNode),
             transferModeLabel(r.mode)});
    }
    Result<OperationStatements> operator()(const engine::IsolateTenant& r) const
    {
        Builder builder(session);
        auto table = builder.relation(r.schema, r.table);
        if (!table)
            return table.error();
        return builder.call("isolate_tenant_to_new_shard",
                            {"$1::regclass", "$2::text", "cascade_option => $3",
                             "shard_transfer_mode => $4::citus.shard_transfer_mode"},
                            {*table, r.tenantValue, r.cascade ? "CASCADE" : "", transferModeLabel(r.mode)});
    }
    Result<OperationStatements> operator()(const engine::SplitShard& r) const
    {
        if (r.nodeIds.size() != r.splitPoints.size() + 1)
            return Error::make("A split needs one node more than split points.", "shardscope.invalid_value");
        std::string pointsText = "{";
        for (std::size_t i = 0; i < r.splitPoints.size(); ++i)
            pointsText += (i ? "," : "") + std::to_string(r.splitPoints[i]);
        pointsText += '}';
        return Builder(session).call(
            "citus_split_shard_by_split_points",
            {"$1::int8", "$2::text[]", "$3::int4[]", "shard_transfer_mode => $4::citus.shard_transfer_mode"},
            {std::to_string(r.shardId), pointsText, intArray(r.nodeIds), transferModeLabel(r.mode)});
    }
    Result<OperationStatements> operator()(const engine::DrainNode& r) const
    {
        std::vector<std::string> args{"$1", "$2::int4", "shard_transfer_mode => $3::citus.shard_transfer_mode"};
        Params params{r.name, std::to_string(r.port), transferModeLabel(r.mode)};
        if (!r.strategy.empty()) {
            args.emplace_back("rebalance_strategy => $4::name");
            params.emplace_back(r.strategy);
        }
        return Builder(session).call("citus_drain_node", args, params);
    }
    Result<OperationStatements> operator()(const engine::ReplicateReferenceTables& r) const
    {
        return Builder(session).call("replicate_reference_tables",
                                     {"shard_transfer_mode => $1::citus.shard_transfer_mode"},
                                     {transferModeLabel(r.mode)});
    }
};

} // namespace

const char* transferModeLabel(engine::TransferMode mode)
{
    switch (mode) {
    case engine::TransferMode::ForceLogical:
        return "force_logical";
    case engine::TransferMode::BlockWrites:
        return "block_writes";
    case engine::TransferMode::Auto:
        break;
    }
    return "auto";
}

Result<std::string> renderStatement(const PgSession& session, const std::string& sql, const Params& parameters)
{
    std::string out;
    out.reserve(sql.size() + 32);
    for (std::size_t i = 0; i < sql.size(); ++i) {
        if (sql[i] != '$' || i + 1 >= sql.size() || !std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
            out += sql[i];
            continue;
        }
        std::size_t end = i + 1;
        while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end])))
            ++end;
        const std::size_t index = std::stoul(sql.substr(i + 1, end - i - 1));
        if (index == 0 || index > parameters.size())
            return Error::make("Statement parameter $" + std::to_string(index) + " has no value.",
                               "shardscope.internal");
        const auto& value = parameters[index - 1];
        if (!value) {
            out += "NULL";
        } else {
            auto literal = session.quoteLiteral(*value);
            if (!literal)
                return literal.error();
            out += *literal;
        }
        i = end - 1;
    }
    return out + ';';
}

Result<OperationStatements> buildOperation(const PgSession& session, const engine::OperationRequest& request)
{
    return std::visit(RequestVisitor{session}, request);
}

Result<OperationStatements> buildCreateDistributedTableConcurrently(const PgSession& session,
                                                                    const engine::CreateDistributedTable& request)
{
    return createDistributed(session, request, "create_distributed_table_concurrently");
}

Result<OperationStatements> buildAlterShardCount(const PgSession& session, const std::string& schema,
                                                 const std::string& table, std::int32_t shardCount,
                                                 bool cascadeToColocated)
{
    Builder builder(session);
    auto relation = builder.relation(schema, table);
    if (!relation)
        return relation.error();
    return builder.call("alter_distributed_table",
                        {"$1::regclass", "shard_count => $2::int4", "cascade_to_colocated => $3::bool"},
                        {*relation, std::to_string(shardCount), boolText(cascadeToColocated)});
}

Result<OperationStatements> buildRebalanceStart(const PgSession& session, const RebalanceStart& options)
{
    return Builder(session).call(
        "citus_rebalance_start",
        {"rebalance_strategy => $1::name", "drain_only => $2::bool",
         "shard_transfer_mode => $3::citus.shard_transfer_mode", "parallel_transfer_reference_tables => $4::bool",
         "parallel_transfer_colocated_shards => $5::bool"},
        {options.strategy.empty() ? std::nullopt : std::optional<std::string>(options.strategy),
         boolText(options.drainOnly), transferModeLabel(options.mode),
         boolText(options.parallelTransferReferenceTables), boolText(options.parallelTransferColocatedShards)});
}

Result<OperationStatements> buildRebalanceStop(const PgSession& session)
{
    return Builder(session).call("citus_rebalance_stop", {}, {});
}

Statement rebalanceStatusStatement()
{
    const std::string sql = catalogSql("rebalance_status");
    return {sql, {}, sql, false};
}

Statement rebalanceProgressStatement()
{
    const std::string sql = catalogSql("rebalance_progress");
    return {sql, {}, sql, false};
}

Result<QueryResult> runOperation(PgSession& session, const OperationStatements& statements)
{
    std::optional<Error> failure;
    Result<QueryResult> last = QueryResult{};
    for (const Statement& statement : statements) {
        if (failure && !statement.always)
            continue;
        auto result = session.exec(statement);
        if (!result) {
            if (!failure)
                failure = result.error();
            continue;
        }
        if (!failure && !statement.always)
            last = std::move(result);
    }
    if (failure)
        return *failure;
    return last;
}

} // namespace shardscope::live
