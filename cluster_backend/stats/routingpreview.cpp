// SPDX-License-Identifier: MIT
#include "routingpreview.h"

#include "engine/clusterindex.h"
#include "engine/shardrouter.h"
#include "fanoutclassifier.h"
#include "parsetreenode.h"
#include "statementshape.h"
#include "tablecatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <map>
#include <optional>
#include <pg_query.h>
#include <set>

namespace shardscope::stats {

namespace {

// Per column, the constant lists it is restricted to (all must hold); nullopt when restricted by something
// that is not a constant.
using ValueLists = std::vector<std::vector<std::string>>;
using KeyValues = std::map<ColumnName, std::optional<ValueLists>>;

std::optional<ValueLists> constantsOf(const QJsonArray& items, std::string_view sql)
{
    std::vector<std::string> values;
    for (const QJsonValue& item : items) {
        auto value = constantText(item, sql);
        if (!value)
            return std::nullopt;
        values.push_back(std::move(*value));
    }
    return ValueLists{values};
}

KeyValues keyValuesOf(const QJsonValue& node, std::string_view sql)
{
    const QString type = nodeType(node);
    const QJsonObject body = nodeBody(node);
    KeyValues result;
    if (type == QLatin1String("BoolExpr")) {
        const QString op = body.value(QLatin1String("boolop")).toString();
        const QJsonArray args = body.value(QLatin1String("args")).toArray();
        if (op == QLatin1String("AND_EXPR")) {
            // A column restricted twice keeps every known list (their shards are intersected).
            for (const QJsonValue& arg : args) {
                for (auto& [column, values] : keyValuesOf(arg, sql)) {
                    auto [it, added] = result.emplace(column, values);
                    if (added || !values)
                        continue;
                    if (!it->second)
                        it->second = std::move(values);
                    else
                        it->second->insert(it->second->end(), values->begin(), values->end());
                }
            }
        } else if (op == QLatin1String("OR_EXPR") && !args.isEmpty()) {
            // A column restricted in every branch takes the union of the branches' values.
            result = keyValuesOf(args.first(), sql);
            for (qsizetype i = 1; i < args.size(); ++i) {
                const KeyValues branch = keyValuesOf(args.at(i), sql);
                KeyValues both;
                for (auto& [column, values] : result) {
                    const auto it = branch.find(column);
                    if (it == branch.end())
                        continue;
                    // Only single lists unite; a branch with several lists is not analysed.
                    if (values && it->second && values->size() == 1 && it->second->size() == 1) {
                        values->front().insert(values->front().end(), it->second->front().begin(),
                                               it->second->front().end());
                        both.emplace(column, std::move(values));
                    } else {
                        both.emplace(column, std::nullopt);
                    }
                }
                result = std::move(both);
            }
        }
        return result;
    }
    if (type != QLatin1String("A_Expr") || !isEqualsOperator(body))
        return result;
    const QString kind = body.value(QLatin1String("kind")).toString();
    const QJsonValue lexpr = body.value(QLatin1String("lexpr"));
    const QJsonValue rexpr = body.value(QLatin1String("rexpr"));
    if (kind == QLatin1String("AEXPR_OP")) {
        auto column = columnOf(lexpr);
        QJsonValue other = rexpr;
        if (!column) {
            column = columnOf(rexpr);
            other = lexpr;
        }
        if (column && !columnOf(other)) {
            const auto value = constantText(other, sql);
            result.emplace(*column, value ? std::optional(ValueLists{{*value}}) : std::nullopt);
        }
    } else if (kind == QLatin1String("AEXPR_IN")) {
        if (const auto column = columnOf(lexpr)) {
            const QJsonArray items = nodeType(rexpr) == QLatin1String("List")
                                         ? nodeBody(rexpr).value(QLatin1String("items")).toArray()
                                         : rexpr.toArray();
            result.emplace(*column, constantsOf(items, sql));
        }
    } else if (kind == QLatin1String("AEXPR_OP_ANY")) {
        if (const auto column = columnOf(lexpr)) {
            const QJsonValue array =
                nodeType(rexpr) == QLatin1String("TypeCast") ? nodeBody(rexpr).value(QLatin1String("arg")) : rexpr;
            result.emplace(*column, nodeType(array) == QLatin1String("A_ArrayExpr")
                                        ? constantsOf(nodeBody(array).value(QLatin1String("elements")).toArray(), sql)
                                        : std::nullopt);
        }
    }
    return result;
}

// Inner join conditions restrict like WHERE.
void collectJoinQuals(const QJsonValue& node, std::string_view sql, KeyValues& into)
{
    if (nodeType(node) != QLatin1String("JoinExpr"))
        return;
    const QJsonObject body = nodeBody(node);
    collectJoinQuals(body.value(QLatin1String("larg")), sql, into);
    collectJoinQuals(body.value(QLatin1String("rarg")), sql, into);
    if (body.value(QLatin1String("jointype")).toString() == QLatin1String("JOIN_INNER"))
        into.merge(keyValuesOf(body.value(QLatin1String("quals")), sql));
}

// INSERT ... VALUES with a column list: each column takes the values of every row (one list: any of them).
KeyValues insertValuesOf(const QJsonObject& insert, std::string_view sql)
{
    KeyValues result;
    const QJsonArray columns = insert.value(QLatin1String("cols")).toArray();
    const QJsonArray rows =
        nodeBody(insert.value(QLatin1String("selectStmt"))).value(QLatin1String("valuesLists")).toArray();
    if (columns.isEmpty() || rows.isEmpty())
        return result;
    std::vector<std::optional<std::vector<std::string>>> values(static_cast<std::size_t>(columns.size()),
                                                                std::vector<std::string>());
    for (const QJsonValue& row : rows) {
        const QJsonArray items = nodeType(row) == QLatin1String("List")
                                     ? nodeBody(row).value(QLatin1String("items")).toArray()
                                     : row.toArray();
        if (items.size() != columns.size())
            return {};
        for (qsizetype i = 0; i < items.size(); ++i) {
            auto& list = values[static_cast<std::size_t>(i)];
            const auto value = constantText(items.at(i), sql);
            if (!value)
                list.reset(); // DEFAULT, a parameter, an expression: not known before it runs
            else if (list)
                list->push_back(*value);
        }
    }
    for (qsizetype i = 0; i < columns.size(); ++i) {
        ColumnName name{{}, nodeBody(columns.at(i)).value(QLatin1String("name")).toString().toStdString()};
        auto& list = values[static_cast<std::size_t>(i)];
        result.emplace(std::move(name), list ? std::optional(ValueLists{std::move(*list)}) : std::nullopt);
    }
    return result;
}

KeyValues keyValuesOfStatement(std::string_view sql)
{
    const std::string text(sql);
    PgQueryParseResult parsed = pg_query_parse(text.c_str());
    const bool failed = parsed.error != nullptr;
    const QJsonDocument tree = failed ? QJsonDocument() : QJsonDocument::fromJson(QByteArray(parsed.parse_tree));
    pg_query_free_parse_result(parsed);
    const QJsonArray statements = tree.object().value(QLatin1String("stmts")).toArray();
    if (statements.size() != 1)
        return {};
    QJsonValue statement = statements.first().toObject().value(QLatin1String("stmt"));
    while (nodeType(statement) == QLatin1String("ExplainStmt") || nodeType(statement) == QLatin1String("PrepareStmt"))
        statement = nodeBody(statement).value(QLatin1String("query"));
    const QJsonObject body = nodeBody(statement);
    if (nodeType(statement) == QLatin1String("InsertStmt"))
        return insertValuesOf(body, text);
    KeyValues values = keyValuesOf(body.value(QLatin1String("whereClause")), text);
    for (const QJsonValue& item : body.value(QLatin1String("fromClause")).toArray())
        collectJoinQuals(item, text, values);
    return values;
}

struct Relation
{
    const RelationRef* ref = nullptr;
    const engine::Table* table = nullptr;
};

// The relation of a column, as the classifier tells it: qualifier, the only relation, or the only one
// whose distribution column has that name.
const Relation* relationOf(const ColumnName& column, const std::vector<Relation>& relations)
{
    if (!column.qualifier.empty()) {
        for (const Relation& relation : relations) {
            if (relation.ref->alias == column.qualifier ||
                (relation.ref->alias.empty() && relation.ref->name == column.qualifier))
                return &relation;
        }
        return nullptr;
    }
    if (relations.size() == 1)
        return &relations.front();
    const Relation* found = nullptr;
    for (const Relation& relation : relations) {
        if (relation.table->distributionColumn == column.column) {
            if (found != nullptr)
                return nullptr;
            found = &relation;
        }
    }
    return found;
}

} // namespace

RoutingPreview previewRouting(std::string_view sql, const engine::ClusterState& state)
{
    RoutingPreview preview;
    const TableCatalog catalog = TableCatalog::fromClusterState(state);
    const Fanout fanout = classifyStatement(sql, catalog);
    preview.kind = fanout.kind;
    preview.reason = fanout.reason;
    const auto shape = parseStatementShape(sql);
    if (!shape)
        return preview;

    const engine::ClusterIndex index(state);
    std::vector<Relation> relations;
    for (const RelationRef& ref : shape->relations) {
        const CatalogTable* entry = catalog.find(ref.schema, ref.name);
        const engine::Table* table = entry ? index.tableByName(entry->schema, entry->name) : nullptr;
        if (table == nullptr)
            return preview;
        relations.push_back(Relation{&ref, table});
        if (std::find(preview.tables.begin(), preview.tables.end(), table->name) == preview.tables.end())
            preview.tables.push_back(table->name);
    }
    if (fanout.kind != FanoutClass::Router && fanout.kind != FanoutClass::MultiShard &&
        fanout.kind != FanoutClass::Reference)
        return preview;

    const auto anchor = std::find_if(relations.begin(), relations.end(), [&](const Relation& r) {
        return fanout.kind == FanoutClass::Reference ? r.table->kind == engine::TableKind::Reference
                                                     : r.table->kind != engine::TableKind::Reference;
    });
    if (anchor == relations.end())
        return preview;
    const auto shardPositions = index.shardsOfTable(anchor->table->oid);
    std::vector<int> picked; // the anchor's shards touched, as indexes into its shards

    if (anchor->table->kind == engine::TableKind::HashDistributed) {
        std::vector<engine::HashRange> ranges;
        for (const std::size_t position : shardPositions) {
            const engine::Shard& shard = state.shards[position];
            if (!shard.hasRange)
                return preview;
            ranges.push_back(engine::HashRange{shard.minValue, shard.maxValue});
        }
        const engine::ShardRouter router(std::move(ranges));
        // Each restricted distribution column of a colocated relation narrows the shard set (AND).
        std::optional<std::set<int>> chosen;
        for (const auto& [column, values] : keyValuesOfStatement(sql)) {
            const Relation* relation = relationOf(column, relations);
            if (relation == nullptr || relation->table->kind != engine::TableKind::HashDistributed ||
                relation->table->colocationId != anchor->table->colocationId ||
                relation->table->distributionColumn != column.column)
                continue;
            if (!values) {
                preview.reason += "; the distribution key values are not constants, so the exact shards are not known";
                return preview;
            }
            for (const std::vector<std::string>& list : *values) {
                std::set<int> indexes;
                for (const std::string& value : list) {
                    const auto route = router.route(relation->table->columnType, value);
                    if (!route) {
                        preview.kind = FanoutClass::Unknown;
                        preview.reason = "distribution key value '" + value + "': " + route.error().message;
                        return preview;
                    }
                    indexes.insert(route->shardIndex);
                }
                if (chosen) {
                    std::set<int> both;
                    std::set_intersection(chosen->begin(), chosen->end(), indexes.begin(), indexes.end(),
                                          std::inserter(both, both.end()));
                    chosen = std::move(both);
                } else {
                    chosen = std::move(indexes);
                }
            }
        }
        if (chosen) {
            picked.assign(chosen->begin(), chosen->end());
            if (picked.size() == 1 && preview.kind == FanoutClass::MultiShard) {
                preview.kind = FanoutClass::Router; // Citus prunes a key list that falls in one shard to a router task
                preview.reason = "every distribution key value falls in one shard";
            }
        } else if (preview.kind == FanoutClass::MultiShard && shape->kind != StatementShape::Kind::Insert) {
            for (std::size_t i = 0; i < shardPositions.size(); ++i)
                picked.push_back(static_cast<int>(i));
        } else {
            preview.reason +=
                "; the distribution key values are not read from this statement, so the shard is not known";
            return preview;
        }
    } else {
        for (std::size_t i = 0; i < shardPositions.size(); ++i)
            picked.push_back(static_cast<int>(i));
    }

    // The tables colocated with the anchor run on the shards of the same index; a joined reference table on
    // its one shard, read from the placement on the node of the task.
    std::set<engine::TableOid> seen;
    std::set<engine::ShardId> groupShards; // the anchor's colocation group: where the tasks run
    for (const Relation& relation : relations) {
        const engine::Table* table = relation.table;
        if (!seen.insert(table->oid).second)
            continue;
        const bool colocated = table->colocationId == anchor->table->colocationId && table->kind == anchor->table->kind;
        const bool reference = table->kind == engine::TableKind::Reference;
        if (!colocated && !reference)
            continue;
        const auto positions = index.shardsOfTable(table->oid);
        TableShards touched{table->name, {}};
        if (colocated) {
            if (positions.size() != shardPositions.size())
                continue; // not the same shard layout (a split in flight): do not pair shards by index
            for (const int i : picked)
                touched.shards.push_back(state.shards[positions[static_cast<std::size_t>(i)]].id);
            groupShards.insert(touched.shards.begin(), touched.shards.end());
        } else {
            for (const std::size_t position : positions)
                touched.shards.push_back(state.shards[position].id);
        }
        std::sort(touched.shards.begin(), touched.shards.end());
        preview.shards.insert(preview.shards.end(), touched.shards.begin(), touched.shards.end());
        preview.tableShards.push_back(std::move(touched));
    }
    std::sort(preview.shards.begin(), preview.shards.end());
    preview.shards.erase(std::unique(preview.shards.begin(), preview.shards.end()), preview.shards.end());

    // Nodes: every placement of the anchor's group, except a reference read which uses one (the coordinator's
    // when it has one).
    const bool onePlacement = preview.kind == FanoutClass::Reference && shape->kind == StatementShape::Kind::Select;
    std::set<std::pair<std::string, std::int32_t>> nodes;
    for (const engine::ShardId shard : groupShards) {
        const auto placements = index.placementsOfShard(shard);
        std::vector<engine::GroupId> groups;
        for (const std::size_t p : placements)
            groups.push_back(state.placements[p].group);
        std::sort(groups.begin(), groups.end());
        if (onePlacement && groups.size() > 1)
            groups.resize(1);
        for (const engine::GroupId group : groups) {
            if (const engine::Node* node = index.nodeByGroup(group))
                nodes.emplace(node->name, node->port);
        }
    }
    for (const auto& [name, port] : nodes)
        preview.nodes.push_back(name + ":" + std::to_string(port));
    return preview;
}

std::string routingSummary(const RoutingPreview& preview)
{
    std::string tables;
    for (const std::string& table : preview.tables)
        tables += (tables.empty() ? "" : ", ") + table;
    std::string suffix = tables.empty() ? std::string() : " (" + tables + ")";
    std::string where;
    const bool oneShardEach =
        preview.tableShards.size() > 1 && std::all_of(preview.tableShards.begin(), preview.tableShards.end(),
                                                      [](const TableShards& t) { return t.shards.size() == 1; });
    if (oneShardEach) {
        // A router join: the shard of every table, so the user can look each one up.
        where = "shards ";
        for (std::size_t i = 0; i < preview.tableShards.size(); ++i) {
            const TableShards& t = preview.tableShards[i];
            where += (i == 0 ? "" : ", ") + std::to_string(t.shards.front()) + " (" + t.table + ")";
        }
        suffix.clear();
    } else if (preview.shards.size() == 1) {
        where = "shard " + std::to_string(preview.shards.front());
    } else if (!preview.shards.empty()) {
        where = std::to_string(preview.shards.size()) + " shards";
    }
    if (!where.empty()) {
        if (preview.nodes.size() <= 2) {
            std::string names;
            for (const std::string& node : preview.nodes)
                names += (names.empty() ? "" : ", ") + node;
            where += " on " + names;
        } else {
            where += " on " + std::to_string(preview.nodes.size()) + " nodes";
        }
    }
    std::string label(fanoutClassName(preview.kind));
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
    if (where.empty())
        return label + ": " + preview.reason + suffix;
    return label + ": " + where + suffix;
}

} // namespace shardscope::stats
