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
    return Fanout{FanoutClass::Router, 1, 1, false, std::move(reason)};
}

} // namespace

Fanout classifyFanout(const StatementShape& shape, const TableCatalog& catalog)
{
    if (shape.kind == StatementShape::Kind::Other)
        return unknown(shape.complexity.empty() ? "only SELECT, INSERT, UPDATE and DELETE are analysed"
                                                : shape.complexity);
    if (!shape.complexity.empty())
        return unknown(shape.complexity);

    std::vector<Resolved> relations;
    for (const RelationRef& ref : shape.relations) {
        const CatalogTable* table = catalog.find(ref.schema, ref.name);
        if (table == nullptr)
            return unknown("table " + ref.name + " is not in the cluster metadata");
        relations.push_back(Resolved{&ref, table});
    }
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
        if (shape.kind == StatementShape::Kind::Select)
            return Fanout{FanoutClass::Reference, 1, 1, false, "reads reference tables only: one placement"};
        return Fanout{FanoutClass::Reference, 1, referenceNodes, false,
                      "writes a reference table: every placement is changed"};
    }

    const CatalogTable& first = *relations[static_cast<std::size_t>(distributed.front())].table;
    for (const int i : distributed) {
        if (relations[static_cast<std::size_t>(i)].table->colocationId != first.colocationId)
            return Fanout{FanoutClass::Repartition, std::nullopt, std::nullopt, false,
                          "joins distributed tables of different colocation groups"};
    }
    if (first.kind == TableKind::SingleShard)
        return router("single-shard tables of one colocation group live on one node");

    if (shape.kind == StatementShape::Kind::Insert) {
        if (shape.insertRows <= 1)
            return router("an INSERT of one row goes to the shard of its key");
        const int shards = std::min(shape.insertRows, first.shardCount);
        return Fanout{FanoutClass::MultiShard, shards, std::min(shards, first.nodeCount), true,
                      "a multi-row INSERT goes to one shard per distinct key value"};
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
            return Fanout{FanoutClass::Repartition, std::nullopt, std::nullopt, false,
                          "distributed tables are not joined on their distribution columns"};
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
        return Fanout{FanoutClass::MultiShard, *keys, std::min(*keys, first.nodeCount), true,
                      "a list of distribution key values: one shard per distinct value"};
    }
    return Fanout{FanoutClass::MultiShard, first.shardCount, first.nodeCount, false,
                  "no equality on the distribution column: every shard is queried"};
}

Fanout classifyStatement(std::string_view sql, const TableCatalog& catalog)
{
    const auto shape = parseStatementShape(sql);
    if (!shape)
        return unknown(shape.error().message);
    return classifyFanout(*shape, catalog);
}

} // namespace shardscope::stats
