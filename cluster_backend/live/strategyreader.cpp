// SPDX-License-Identifier: MIT
#include "strategyreader.h"

#include "catalogsql.h"

#include <charconv>
#include <cmath>

namespace shardscope::live {

namespace {

template <class T>
std::optional<T> number(std::string_view text)
{
    T value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// float4 text ("0.1", "Infinity", "NaN") as the server prints it with its shortest exact digits.
std::optional<float> float4(std::string_view text)
{
    if (text == "Infinity")
        return INFINITY;
    if (text == "-Infinity")
        return -INFINITY;
    if (text == "NaN")
        return NAN;
    return number<float>(text);
}

/** Where the row names its functions, with a flag per function: Citus's own (true) or the user's. */
struct RowFunctions
{
    bool costBuiltin = true;
    bool capacityBuiltin = true;
    bool allowedBuiltin = true;
    std::int64_t baseCost = 104857600;
};

Error functionFailed(const std::string& role, const std::string& function, const Error& error)
{
    Error out = error;
    out.message = "The rebalance strategy's " + role + " " + function + " failed on the server: " + error.message;
    if (out.hint.empty())
        out.hint = "Citus's rebalancer would fail the same way; fix the function or choose another strategy.";
    return out;
}

Error badValue(const std::string& function, const std::string& what)
{
    return Error{"The rebalance strategy function " + function + " returned " + what + '.',
                 "22004",
                 {},
                 "Citus needs a number for every shard and node; fix the function or choose another strategy.",
                 {}};
}

std::string withFunction(const char* file, const std::string& function)
{
    std::string sql = catalogSql(file);
    const std::string token = "{function}";
    for (auto at = sql.find(token); at != std::string::npos; at = sql.find(token, at + function.size()))
        sql.replace(at, token.size(), function);
    return sql;
}

Status evaluateCosts(PgSession& session, const std::string& function, engine::RebalanceStrategy& strategy)
{
    std::optional<std::string> bad;
    auto rows = session.copyOut(withFunction("strategy_costs", function), 2, [&](const BinaryRow& row) -> Status {
        const auto shard = number<std::int64_t>(row.text(0));
        const auto cost = row.isNull(1) ? std::nullopt : float4(row.text(1));
        if (!shard || !cost || std::isnan(*cost)) {
            bad = "no number for shard " + row.text(0);
            return Done{};
        }
        strategy.shardCost[*shard] = *cost;
        return Done{};
    });
    if (!rows)
        return functionFailed("shard cost function", function, rows.error());
    if (bad)
        return badValue(function, *bad);
    strategy.cost = engine::ShardCostKind::CustomData;
    return Done{};
}

Status evaluateCapacities(PgSession& session, const std::string& function, engine::RebalanceStrategy& strategy)
{
    std::optional<std::string> bad;
    auto rows = session.copyOut(withFunction("strategy_capacities", function), 2, [&](const BinaryRow& row) -> Status {
        const auto node = number<engine::NodeId>(row.text(0));
        const auto capacity = row.isNull(1) ? std::nullopt : float4(row.text(1));
        if (!node || !capacity || std::isnan(*capacity)) {
            bad = "no number for node " + row.text(0);
            return Done{};
        }
        strategy.nodeCapacity[*node] = *capacity;
        return Done{};
    });
    if (!rows)
        return functionFailed("node capacity function", function, rows.error());
    if (bad)
        return badValue(function, *bad);
    strategy.capacity = engine::NodeCapacityKind::CustomData;
    return Done{};
}

Status evaluateAllowed(PgSession& session, const std::string& function, engine::RebalanceStrategy& strategy)
{
    auto rows = session.copyOut(withFunction("strategy_disallowed", function), 2, [&](const BinaryRow& row) -> Status {
        const auto shard = number<std::int64_t>(row.text(0));
        const auto node = number<engine::NodeId>(row.text(1));
        if (shard && node)
            strategy.disallowedPairs.push_back({*shard, *node});
        return Done{};
    });
    if (!rows)
        return functionFailed("shard allowed-on-node function", function, rows.error());
    strategy.allowed = engine::ShardAllowedKind::AllButListed;
    return Done{};
}

Result<std::pair<std::vector<StrategyRow>, std::vector<RowFunctions>>> readRows(PgSession& session)
{
    auto result = session.exec(catalogSql("rebalance_strategies"));
    if (!result)
        return result.error();
    std::vector<StrategyRow> rows;
    std::vector<RowFunctions> functions;
    for (std::size_t r = 0; r < result->rows.size(); ++r) {
        StrategyRow row;
        row.name = result->text(r, 0);
        row.isDefault = result->text(r, 1) == "t";
        // A dropped function leaves a bare oid in the catalog: named as such.
        const auto function = [&](int column, int oidColumn) {
            return result->text(r, column, "(dropped function, oid " + result->text(r, oidColumn) + ")");
        };
        row.shardCostFunction = function(2, 12);
        row.nodeCapacityFunction = function(4, 13);
        row.shardAllowedFunction = function(6, 14);
        row.defaultThreshold = float4(result->text(r, 8)).value_or(0.0F);
        row.minimumThreshold = float4(result->text(r, 9)).value_or(0.0F);
        row.improvementThreshold = float4(result->text(r, 10)).value_or(0.0F);
        RowFunctions f;
        f.costBuiltin = result->text(r, 3) == "t";
        f.capacityBuiltin = result->text(r, 5) == "t";
        f.allowedBuiltin = result->text(r, 7) == "t";
        f.baseCost = number<std::int64_t>(result->text(r, 11)).value_or(f.baseCost);
        rows.push_back(std::move(row));
        functions.push_back(f);
    }
    return std::make_pair(std::move(rows), std::move(functions));
}

bool isBuiltinName(const std::string& function, std::initializer_list<const char*> names)
{
    for (const char* name : names) {
        if (function == std::string("pg_catalog.") + name)
            return true;
    }
    return false;
}

engine::RebalanceStrategy strategyBase(const StrategyRow& row, std::int64_t baseCost)
{
    engine::RebalanceStrategy strategy;
    strategy.name = row.name;
    strategy.cost = row.shardCostFunction == "pg_catalog.citus_shard_cost_1" ? engine::ShardCostKind::One
                                                                             : engine::ShardCostKind::DiskSize;
    strategy.capacity = engine::NodeCapacityKind::One;
    strategy.allowed = engine::ShardAllowedKind::All;
    strategy.defaultThreshold = row.defaultThreshold;
    strategy.minimumThreshold = row.minimumThreshold;
    strategy.improvementThreshold = row.improvementThreshold;
    strategy.diskSizeBaseCost = baseCost;
    return strategy;
}

} // namespace

bool StrategyRow::builtinFunctions() const
{
    return isBuiltinName(shardCostFunction, {"citus_shard_cost_1", "citus_shard_cost_by_disk_size"}) &&
           isBuiltinName(nodeCapacityFunction, {"citus_node_capacity_1"}) &&
           isBuiltinName(shardAllowedFunction, {"citus_shard_allowed_on_node_true"});
}

Result<std::vector<StrategyRow>> readRebalanceStrategies(PgSession& session)
{
    auto rows = readRows(session);
    if (!rows)
        return rows.error();
    return std::move(rows->first);
}

Result<engine::RebalanceStrategy> builtinStrategyFor(const StrategyRow& row)
{
    if (!row.builtinFunctions()) {
        const std::string& custom =
            !isBuiltinName(row.shardCostFunction, {"citus_shard_cost_1", "citus_shard_cost_by_disk_size"})
                ? row.shardCostFunction
                : (!isBuiltinName(row.nodeCapacityFunction, {"citus_node_capacity_1"}) ? row.nodeCapacityFunction
                                                                                       : row.shardAllowedFunction);
        return Error{"The rebalance strategy " + row.name + " uses the SQL function " + custom +
                         ", which only the server can evaluate.",
                     "shardscope.custom_strategy",
                     {},
                     "Plan on the live cluster (--dsn), where ShardScope asks the server for the function's values.",
                     {}};
    }
    return strategyBase(row, 104857600);
}

Result<engine::RebalanceStrategy> loadRebalanceStrategy(PgSession& session, const std::string& name)
{
    auto read = readRows(session);
    if (!read)
        return read.error();
    const auto& [rows, functions] = *read;
    std::size_t index = rows.size();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (name.empty() ? rows[i].isDefault : rows[i].name == name)
            index = i;
    }
    if (index == rows.size()) {
        // Citus's own wording for both cases.
        if (name.empty())
            return Error::make("no rebalance_strategy was provided, but there is also no default strategy set",
                               "XX000");
        return Error::make("could not find rebalance strategy with name " + name, "XX000");
    }
    const StrategyRow& row = rows[index];
    const RowFunctions& f = functions[index];
    for (const std::string* function : {&row.shardCostFunction, &row.nodeCapacityFunction, &row.shardAllowedFunction}) {
        if (function->rfind("(dropped function", 0) == 0)
            return Error{"The rebalance strategy " + row.name + " names a function that no longer exists " + *function +
                             '.',
                         "42883",
                         {},
                         "Citus's rebalancer fails on it too; remove the strategy (DELETE FROM "
                         "pg_dist_rebalance_strategy WHERE name = ...) or add it again with existing functions.",
                         {}};
    }
    engine::RebalanceStrategy strategy = strategyBase(row, f.baseCost);
    if (!f.costBuiltin) {
        Status status = evaluateCosts(session, row.shardCostFunction, strategy);
        if (!status)
            return status.error();
    }
    if (!f.capacityBuiltin) {
        Status status = evaluateCapacities(session, row.nodeCapacityFunction, strategy);
        if (!status)
            return status.error();
    }
    if (!f.allowedBuiltin) {
        Status status = evaluateAllowed(session, row.shardAllowedFunction, strategy);
        if (!status)
            return status.error();
    }
    return strategy;
}

} // namespace shardscope::live
