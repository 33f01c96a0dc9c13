// SPDX-License-Identifier: MIT
#include "fanoutclassifier.h"

#include <algorithm>
#include <numeric>

namespace shardscope::stats {

namespace {

using engine::TableKind;

struct Resolved
{
    const RelationRef* ref = nullptr;
    const CatalogTable* table = nullptr;
};

bool isDistributed(const CatalogTable& table)
{
    return table.kind == TableKind::HashDistributed || table.kind == TableKind::SingleShard;
}

Fanout unknown(std::string reason)
{
    Fanout fanout;
    fanout.reason = std::move(reason);
    return fanout;
}

// The relation a column belongs to: by qualifier (alias or name), or for a bare column the only relation,
// or the only relation whose distribution column has that name. -1 when it cannot be told.
int relationOf(const ColumnName& column, const std::vector<Resolved>& relations)
{
    if (!column.qualifier.empty()) {
        for (std::size_t i = 0; i < relations.size(); ++i) {
            const RelationRef& ref = *relations[i].ref;
            if (ref.alias == column.qualifier || (ref.alias.empty() && ref.name == column.qualifier))
                return static_cast<int>(i);
        }
        return -1;
    }
    if (relations.size() == 1)
        return 0;
    int found = -1;
    for (std::size_t i = 0; i < relations.size(); ++i) {
        if (relations[i].table->distributionColumn == column.column) {
            if (found >= 0)
                return -1;
            found = static_cast<int>(i);
        }
    }
    return found;
}

bool isDistributionColumn(const ColumnName& column, const std::vector<Resolved>& relations, int* index)
{
    *index = relationOf(column, relations);
    return *index >= 0 && relations[static_cast<std::size_t>(*index)].table->kind == TableKind::HashDistributed &&
           relations[static_cast<std::size_t>(*index)].table->distributionColumn == column.column;
}

int findRoot(std::vector<int>& parent, int i)
{
    while (parent[static_cast<std::size_t>(i)] != i)
        i = parent[static_cast<std::size_t>(i)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(i)])];
    return i;
}

Fanout router(std::string reason)
{
    return Fanout{FanoutClass::Router, 1, 1, false, std::move(reason), InsertSelectMethod::None};
}

// The fan-out of reading (SELECT, or the SELECT of INSERT ... SELECT) or changing the given relations.
Fanout relationsFanout(const StatementShape& shape, const std::vector<Resolved>& relations, bool reads)
{
    std::vector<int> distributed;
    int references = 0;
    int referenceNodes = 0;
    for (std::size_t i = 0; i < relations.size(); ++i) {
        const CatalogTable& table = *relations[i].table;
        if (isDistributed(table)) {
            distributed.push_back(static_cast<int>(i));
        } else if (table.kind == TableKind::Reference) {
            ++references;
            referenceNodes = std::max(referenceNodes, table.nodeCount);
        } else {
            return unknown("table " + table.name + " is not distributed");
        }
    }
    if (distributed.empty()) {
        if (references == 0)
            return unknown("the statement reads no Citus table");
        if (reads)
            return Fanout{FanoutClass::Reference, 1, 1, false, "reads reference tables only: one placement", {}};
        return Fanout{FanoutClass::Reference,
                      1,
                      referenceNodes,
                      false,
                      "writes a reference table: every placement is changed",
                      {}};
    }

    const CatalogTable& first = *relations[static_cast<std::size_t>(distributed.front())].table;
    for (const int i : distributed) {
        if (relations[static_cast<std::size_t>(i)].table->colocationId != first.colocationId)
            return Fanout{FanoutClass::Repartition,
                          std::nullopt,
                          std::nullopt,
                          false,
                          "joins distributed tables of different colocation groups",
                          {}};
    }
    if (first.kind == TableKind::SingleShard)
        return router("single-shard tables of one colocation group live on one node");

    if (shape.kind == StatementShape::Kind::Insert && !reads) {
        if (shape.insertRows <= 1)
            return router("an INSERT of one row goes to the shard of its key");
        const int shards = std::min(shape.insertRows, first.shardCount);
        return Fanout{FanoutClass::MultiShard,
                      shards,
                      std::min(shards, first.nodeCount),
                      true,
                      "a multi-row INSERT goes to one shard per distinct key value",
                      {}};
    }

    // Distributed tables must be joined on their distribution columns to run shard by shard.
    std::vector<int> parent(relations.size());
    std::iota(parent.begin(), parent.end(), 0);
    for (const auto& [left, right] : shape.columnEqualities) {
        int a = -1;
        int b = -1;
        if (isDistributionColumn(left, relations, &a) && isDistributionColumn(right, relations, &b))
            parent[static_cast<std::size_t>(findRoot(parent, a))] = findRoot(parent, b);
    }
    for (const int i : distributed) {
        if (findRoot(parent, i) != findRoot(parent, distributed.front()))
            return Fanout{FanoutClass::Repartition,
                          std::nullopt,
                          std::nullopt,
                          false,
                          "distributed tables are not joined on their distribution columns",
                          {}};
    }

    // Pruning: any restriction on a distribution column prunes the whole (joined, colocated) set.
    std::optional<int> keys;
    bool unknownKeyCount = false;
    for (const KeyRestriction& restriction : shape.restrictions) {
        int index = -1;
        if (!isDistributionColumn(restriction.column, relations, &index))
            continue;
        if (!restriction.valueCount)
            unknownKeyCount = true;
        else if (!keys || *restriction.valueCount < *keys)
            keys = restriction.valueCount;
    }
    if (!keys && unknownKeyCount)
        return unknown("the number of distribution key values (an array parameter) is not known");
    if (keys && *keys <= 1)
        return router("equality on the distribution column selects one shard");
    if (keys && *keys < first.shardCount) {
        return Fanout{FanoutClass::MultiShard,
                      *keys,
                      std::min(*keys, first.nodeCount),
                      true,
                      "a list of distribution key values: one shard per distinct value",
                      {}};
    }
    return Fanout{FanoutClass::MultiShard,
                  first.shardCount,
                  first.nodeCount,
                  false,
                  "no equality on the distribution column: every shard is queried",
                  {}};
}

bool contains(const std::vector<ColumnName>& columns, const ColumnName& column, const std::vector<Resolved>& relations)
{
    int wanted = -1;
    if (!isDistributionColumn(column, relations, &wanted))
        return false;
    return std::any_of(columns.begin(), columns.end(), [&](const ColumnName& other) {
        int index = -1;
        return isDistributionColumn(other, relations, &index) && index == wanted;
    });
}

// Why a SELECT spanning several shards needs its rows combined on the coordinator; empty when it does not.
// Grouping, DISTINCT and windows by a distribution column keep each key's rows in one shard.
std::string coordinatorStep(const SelectTraits& traits, const std::vector<Resolved>& relations)
{
    const auto byKey = [&](const std::vector<ColumnName>& columns) {
        return std::any_of(columns.begin(), columns.end(),
                           [&](const ColumnName& column) { return contains(columns, column, relations); });
    };
    if (traits.limit)
        return "LIMIT or OFFSET over several shards";
    if (!traits.groupBy.empty() && !byKey(traits.groupBy))
        return "GROUP BY without the distribution column";
    if (traits.aggregate && traits.groupBy.empty())
        return "an aggregate over all shards";
    if (traits.distinct && !byKey(traits.distinctOn))
        return "DISTINCT without the distribution column";
    if (traits.window && !byKey(traits.windowPartition))
        return "a window function not partitioned by the distribution column";
    return {};
}

enum class KeyMatch : std::uint8_t
{
    Match,    ///< the target's distribution column gets a source distribution column
    Mismatch, ///< it gets something else (another column, a constant, an expression)
    Unknown,  ///< the text does not tell (no column list, *, a cast)
};

// Which SELECT output feeds the target's distribution column, and whether it is a distribution column of a
// source table colocated with the target.
KeyMatch keyMatch(const StatementShape& shape, const CatalogTable& target, const std::vector<Resolved>& source,
                  std::string* why)
{
    if (shape.insertColumns.empty()) {
        *why =
            "the INSERT names no columns, so which SELECT column feeds " + target.distributionColumn + " is not known";
        return KeyMatch::Unknown;
    }
    const auto position = std::find(shape.insertColumns.begin(), shape.insertColumns.end(), target.distributionColumn);
    if (position == shape.insertColumns.end()) {
        *why = "the INSERT gives no value for the distribution column " + target.distributionColumn;
        return KeyMatch::Unknown;
    }
    const auto index = static_cast<std::size_t>(position - shape.insertColumns.begin());
    for (std::size_t i = 0; i <= index && i < shape.selectTargets.size(); ++i) {
        if (shape.selectTargets[i].star) {
            *why = "SELECT * hides which column feeds " + target.distributionColumn;
            return KeyMatch::Unknown;
        }
    }
    if (index >= shape.selectTargets.size()) {
        *why = "the SELECT has fewer columns than the INSERT";
        return KeyMatch::Unknown;
    }
    const SelectTarget& feed = shape.selectTargets[index];
    int relation = -1;
    if (!feed.column || !isDistributionColumn(*feed.column, source, &relation)) {
        *why = target.distributionColumn + " is not fed by a distribution column of the SELECT";
        return KeyMatch::Mismatch;
    }
    if (feed.cast) {
        *why = "a cast on the distribution column that feeds " + target.distributionColumn + " may change its value";
        return KeyMatch::Unknown;
    }
    if (source[static_cast<std::size_t>(relation)].table->colocationId != target.colocationId) {
        *why = "the SELECT reads tables that are not colocated with " + target.name;
        return KeyMatch::Mismatch;
    }
    return KeyMatch::Match;
}

Fanout pushdown(Fanout select, const CatalogTable& target)
{
    select.insertSelect = InsertSelectMethod::Pushdown;
    select.reason = "INSERT ... SELECT pushed down: each shard of " + target.name +
                    " is filled from its colocated shard (" + select.reason + ")";
    return select;
}

Fanout repartition(const Fanout& select, const std::string& why)
{
    Fanout fanout{FanoutClass::Repartition,
                  std::nullopt,
                  std::nullopt,
                  false,
                  "INSERT ... SELECT by repartitioning (" + why + "): the SELECT's rows on " +
                      (select.shards ? std::to_string(*select.shards) : std::string("several")) +
                      " shards are redistributed by the target's distribution column",
                  InsertSelectMethod::Repartition};
    return fanout;
}

// The SELECT runs as usual, then the coordinator inserts every row: into one placement set of a reference
// table, or into up to every shard of a distributed one.
Fanout viaCoordinator(const Fanout& select, const CatalogTable& target, const std::string& why)
{
    const bool referenceTarget = target.kind == TableKind::Reference;
    const int targetShards = referenceTarget ? 1 : target.shardCount;
    Fanout fanout;
    fanout.kind = select.kind == FanoutClass::Repartition ? FanoutClass::Repartition : FanoutClass::MultiShard;
    if (select.kind == FanoutClass::Unknown) { // nothing read from shards: only the writes count
        fanout.shards = targetShards;
        fanout.nodes = target.nodeCount;
        fanout.upperBound = !referenceTarget;
    } else if (select.shards) {
        fanout.shards = *select.shards + targetShards;
        fanout.nodes = std::max(select.nodes.value_or(1), target.nodeCount);
        fanout.upperBound = !referenceTarget || select.upperBound;
    }
    fanout.reason = "INSERT ... SELECT via the coordinator (" + why +
                    "): the SELECT's rows are pulled to the "
                    "coordinator, then inserted into " +
                    target.name;
    fanout.insertSelect = InsertSelectMethod::ViaCoordinator;
    return fanout;
}

// Citus's choice for INSERT ... SELECT (EXPLAIN's "INSERT/SELECT method"): pushdown when colocated and the
// distribution columns line up, else repartition when the SELECT runs on several shards without a step on the
// coordinator, else through the coordinator. pushedDown is what citus_stat_statements' executor said.
Fanout insertSelectFanout(const StatementShape& shape, const std::vector<Resolved>& relations,
                          std::optional<bool> pushedDown)
{
    const CatalogTable& target = *relations.front().table;
    const std::vector<Resolved> source(relations.begin() + 1, relations.end());
    if (source.empty() && shape.functionsInFrom && target.kind == TableKind::HashDistributed)
        return viaCoordinator(Fanout{}, target, "the SELECT reads only functions, evaluated on the coordinator");
    if (source.empty())
        return unknown("INSERT ... SELECT without a table in FROM is not analysed");
    if (shape.functionsInFrom)
        return unknown("functions in FROM next to tables are not analysed");
    const Fanout select = relationsFanout(shape, source, true);
    if (select.kind == FanoutClass::Unknown)
        return select;

    if (target.kind == TableKind::Reference) {
        if (select.kind == FanoutClass::Reference) {
            return Fanout{FanoutClass::Reference,
                          1,
                          target.nodeCount,
                          false,
                          "INSERT ... SELECT between reference tables runs on every placement",
                          InsertSelectMethod::Pushdown};
        }
        return viaCoordinator(select, target, "a reference table is filled from distributed tables");
    }
    if (target.kind != TableKind::HashDistributed)
        return unknown("INSERT ... SELECT into a " +
                       std::string(target.kind == TableKind::SingleShard ? "single-shard" : "local") +
                       " table is not analysed");
    if (select.kind == FanoutClass::Reference)
        return viaCoordinator(select, target, "the SELECT reads reference tables only");
    if (select.kind == FanoutClass::Repartition)
        return viaCoordinator(select, target, "the SELECT itself needs a repartition join");

    std::string why;
    const KeyMatch match = keyMatch(shape, target, source, &why);
    const bool oneShard = select.kind == FanoutClass::Router;
    const std::string step = oneShard ? std::string() : coordinatorStep(shape.select, source);
    if (match == KeyMatch::Match && step.empty() && pushedDown.value_or(true))
        return pushdown(select, target);
    if (match == KeyMatch::Unknown && pushedDown == true)
        return pushdown(select, target);
    if (match == KeyMatch::Match && !step.empty())
        return viaCoordinator(select, target, step);
    if (match == KeyMatch::Unknown && pushedDown != false)
        return unknown("INSERT ... SELECT: " + why);
    if (match == KeyMatch::Match)
        return unknown("INSERT ... SELECT: the columns line up but Citus did not push it down (" +
                       std::string("its executor was insert-select") + ")");
    // Not pushed down: repartitioned when the SELECT runs on several shards without a coordinator step.
    if (oneShard)
        return viaCoordinator(select, target, "the SELECT runs on one shard");
    if (!step.empty())
        return viaCoordinator(select, target, step);
    return repartition(select, match == KeyMatch::Mismatch ? why : std::string("Citus did not push it down"));
}

std::optional<bool> pushedDownBy(const ExecutionEvidence& evidence)
{
    const auto has = [&](const char* executor) {
        return std::find(evidence.executors.begin(), evidence.executors.end(), executor) != evidence.executors.end();
    };
    if (has("insert-select") && !has("adaptive"))
        return false;
    if (has("adaptive") && !has("insert-select"))
        return true;
    return std::nullopt;
}

} // namespace

Fanout classifyFanout(const StatementShape& shape, const TableCatalog& catalog, const ExecutionEvidence& evidence)
{
    const auto isCitusTable = [&](const RelationRef& ref) { return catalog.find(ref.schema, ref.name) != nullptr; };
    // Tables inside subqueries and CTEs count too: a complex statement over catalogs only is not on Citus.
    const bool anyCitusTable =
        std::any_of(shape.relations.begin(), shape.relations.end(), isCitusTable) ||
        std::any_of(shape.referencedRelations.begin(), shape.referencedRelations.end(), isCitusTable);
    const auto notOnCitus = [](std::string reason) {
        Fanout fanout = unknown(std::move(reason));
        fanout.onCitusTables = false;
        return fanout;
    };
    if (shape.kind == StatementShape::Kind::Other)
        return notOnCitus(shape.complexity.empty() ? "only SELECT, INSERT, UPDATE and DELETE are analysed"
                                                   : shape.complexity);
    if (!anyCitusTable)
        return notOnCitus(shape.referencedRelations.empty()
                              ? "the statement reads no Citus table"
                              : "table " + shape.referencedRelations.front().name + " is not in the cluster metadata");
    if (!shape.complexity.empty())
        return unknown(shape.complexity);

    std::vector<Resolved> relations;
    for (const RelationRef& ref : shape.relations) {
        const CatalogTable* table = catalog.find(ref.schema, ref.name);
        if (table == nullptr)
            return unknown("table " + ref.name + " is not in the cluster metadata");
        relations.push_back(Resolved{&ref, table});
    }
    if (shape.functionsInFrom && !shape.insertSelect)
        return unknown("functions in FROM are not analysed");
    Fanout fanout = shape.insertSelect ? insertSelectFanout(shape, relations, pushedDownBy(evidence))
                                       : relationsFanout(shape, relations, shape.kind == StatementShape::Kind::Select);
    // Citus recorded one key value for every execution: each was a router execution, whatever the text says.
    if (evidence.everyCallKeyed && fanout.kind != FanoutClass::Router && !shape.insertSelect)
        fanout = router("Citus routed every execution by one distribution key value");
    return fanout;
}

Fanout classifyFanout(const StatementShape& shape, const TableCatalog& catalog)
{
    return classifyFanout(shape, catalog, ExecutionEvidence{});
}

Fanout classifyStatement(std::string_view sql, const TableCatalog& catalog, const ExecutionEvidence& evidence)
{
    const auto shape = parseStatementShape(sql);
    if (shape)
        return classifyFanout(*shape, catalog, evidence);
    // pg_stat_statements also records the expressions PL/pgSQL evaluates ("$1", "EXISTS (SELECT ...)"): not
    // statements, but they parse as a SELECT list, which tells whether they read any Citus table. The reason
    // stays the syntax error: typed into the editor, such text is a mistake.
    Fanout fanout = unknown(shape.error().message);
    const auto expression = parseStatementShape("SELECT " + std::string(sql));
    if (expression)
        fanout.onCitusTables =
            std::any_of(expression->referencedRelations.begin(), expression->referencedRelations.end(),
                        [&](const RelationRef& ref) { return catalog.find(ref.schema, ref.name) != nullptr; });
    return fanout;
}

Fanout classifyStatement(std::string_view sql, const TableCatalog& catalog)
{
    return classifyStatement(sql, catalog, ExecutionEvidence{});
}

} // namespace shardscope::stats
