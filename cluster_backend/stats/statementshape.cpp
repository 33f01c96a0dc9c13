// SPDX-License-Identifier: MIT
#include "statementshape.h"

#include "parsetreenode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>
#include <map>
#include <pg_query.h>

namespace shardscope::stats {

namespace {

using Restrictions = std::map<ColumnName, std::optional<int>>;

std::string str(const QJsonValue& value)
{
    return value.toString().toStdString();
}

// The built-in aggregate functions (a user-defined aggregate looks like any function to the parser).
bool isAggregateName(const QString& name)
{
    static const QStringList names{
        QStringLiteral("count"),
        QStringLiteral("sum"),
        QStringLiteral("avg"),
        QStringLiteral("min"),
        QStringLiteral("max"),
        QStringLiteral("array_agg"),
        QStringLiteral("string_agg"),
        QStringLiteral("bool_and"),
        QStringLiteral("bool_or"),
        QStringLiteral("every"),
        QStringLiteral("bit_and"),
        QStringLiteral("bit_or"),
        QStringLiteral("bit_xor"),
        QStringLiteral("json_agg"),
        QStringLiteral("jsonb_agg"),
        QStringLiteral("json_object_agg"),
        QStringLiteral("jsonb_object_agg"),
        QStringLiteral("xmlagg"),
        QStringLiteral("stddev"),
        QStringLiteral("stddev_pop"),
        QStringLiteral("stddev_samp"),
        QStringLiteral("variance"),
        QStringLiteral("var_pop"),
        QStringLiteral("var_samp"),
        QStringLiteral("corr"),
        QStringLiteral("covar_pop"),
        QStringLiteral("covar_samp"),
        QStringLiteral("percentile_cont"),
        QStringLiteral("percentile_disc"),
        QStringLiteral("mode"),
        QStringLiteral("range_agg"),
        QStringLiteral("range_intersect_agg"),
    };
    return names.contains(name) || name.startsWith(QLatin1String("regr_"));
}

std::vector<ColumnName> plainColumns(const QJsonArray& items)
{
    std::vector<ColumnName> columns;
    for (const QJsonValue& item : items) {
        const QJsonValue value =
            nodeType(item) == QLatin1String("ResTarget") ? nodeBody(item).value(QLatin1String("val")) : item;
        if (const auto column = columnOf(value))
            columns.push_back(*column);
    }
    return columns;
}

// Aggregates and window functions anywhere below a node (subqueries are marked complex elsewhere).
void scanFunctions(const QJsonValue& node, SelectTraits& traits, bool& firstWindow)
{
    if (node.isArray()) {
        for (const QJsonValue& item : node.toArray())
            scanFunctions(item, traits, firstWindow);
        return;
    }
    if (!node.isObject())
        return;
    const QJsonObject object = node.toObject();
    if (nodeType(node) == QLatin1String("FuncCall")) {
        const QJsonObject body = nodeBody(node);
        if (body.contains(QLatin1String("over"))) {
            const auto partition = plainColumns(
                body.value(QLatin1String("over")).toObject().value(QLatin1String("partitionClause")).toArray());
            if (firstWindow) {
                traits.windowPartition = partition;
            } else {
                // Only the columns every window partitions by keep the rows of one key together.
                std::erase_if(traits.windowPartition, [&](const ColumnName& column) {
                    return std::find(partition.begin(), partition.end(), column) == partition.end();
                });
            }
            traits.window = true;
            firstWindow = false;
        } else {
            const QJsonArray name = body.value(QLatin1String("funcname")).toArray();
            const QString last =
                name.isEmpty() ? QString() : nodeBody(name.last()).value(QLatin1String("sval")).toString();
            if (body.value(QLatin1String("agg_star")).toBool() || body.contains(QLatin1String("agg_order")) ||
                body.contains(QLatin1String("agg_filter")) || body.value(QLatin1String("agg_within_group")).toBool() ||
                isAggregateName(last))
                traits.aggregate = true;
        }
    }
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        scanFunctions(it.value(), traits, firstWindow);
}

// The values of an IN list or array: distinct when every one is a literal (IN (1, 1) is one shard), else
// as many as written.
int valueCount(const QJsonArray& items, std::string_view sql)
{
    std::vector<std::string> literals;
    for (const QJsonValue& item : items) {
        auto text = constantText(item, sql);
        if (!text)
            return static_cast<int>(items.size());
        if (std::find(literals.begin(), literals.end(), *text) == literals.end())
            literals.push_back(std::move(*text));
    }
    return static_cast<int>(literals.size());
}

// Merging restrictions of AND: a column restricted twice keeps the smaller value set.
void mergeAnd(Restrictions& into, const Restrictions& from)
{
    for (const auto& [column, count] : from) {
        const auto it = into.find(column);
        if (it == into.end())
            into.emplace(column, count);
        else if (count && (!it->second || *count < *it->second))
            it->second = count;
    }
}

class Analyzer
{
public:
    Analyzer(StatementShape& shape, std::string_view sql) : m_shape(shape), m_sql(sql) {}

    void statement(const QJsonValue& node)
    {
        const QString type = nodeType(node);
        const QJsonObject body = nodeBody(node);
        if (type == QLatin1String("PrepareStmt") || type == QLatin1String("ExplainStmt")) {
            statement(body.value(QLatin1String("query")));
        } else if (type == QLatin1String("SelectStmt")) {
            m_shape.kind = StatementShape::Kind::Select;
            select(body);
        } else if (type == QLatin1String("InsertStmt")) {
            m_shape.kind = StatementShape::Kind::Insert;
            insert(body);
        } else if (type == QLatin1String("UpdateStmt") || type == QLatin1String("DeleteStmt")) {
            m_shape.kind =
                type == QLatin1String("UpdateStmt") ? StatementShape::Kind::Update : StatementShape::Kind::Delete;
            relation(body.value(QLatin1String("relation")));
            from(body.value(QLatin1String(type == QLatin1String("UpdateStmt") ? "fromClause" : "usingClause"))
                     .toArray());
            where(body.value(QLatin1String("whereClause")));
        }
    }

private:
    void complex(const char* reason)
    {
        if (m_shape.complexity.empty())
            m_shape.complexity = reason;
    }

    void select(const QJsonObject& body)
    {
        if (body.contains(QLatin1String("withClause")))
            complex("common table expressions (WITH) are not analysed");
        if (body.value(QLatin1String("op")).toString(QStringLiteral("SETOP_NONE")) != QLatin1String("SETOP_NONE"))
            complex("UNION, INTERSECT and EXCEPT are not analysed");
        from(body.value(QLatin1String("fromClause")).toArray());
        where(body.value(QLatin1String("whereClause")));
        traits(body);
    }

    void traits(const QJsonObject& body)
    {
        SelectTraits& traits = m_shape.select;
        traits.limit = body.contains(QLatin1String("limitCount")) || body.contains(QLatin1String("limitOffset"));
        bool firstWindow = true;
        scanFunctions(body.value(QLatin1String("targetList")), traits, firstWindow);
        scanFunctions(body.value(QLatin1String("havingClause")), traits, firstWindow);
        // GROUP BY 1 names the first output column.
        const QJsonArray targets = body.value(QLatin1String("targetList")).toArray();
        QJsonArray groups;
        for (const QJsonValue& item : body.value(QLatin1String("groupClause")).toArray()) {
            const auto position = constantText(item, m_sql);
            const int index = position ? QString::fromStdString(*position).toInt() : 0;
            groups.append(nodeType(item) == QLatin1String("A_Const") && index >= 1 && index <= targets.size()
                              ? targets.at(index - 1)
                              : item);
        }
        traits.groupBy = plainColumns(groups);
        const QJsonArray distinct = body.value(QLatin1String("distinctClause")).toArray();
        traits.distinct = !distinct.isEmpty();
        // Plain DISTINCT is written as one empty node: it then applies to the whole target list.
        const bool plainDistinct = distinct.size() == 1 && distinct.first().toObject().isEmpty();
        traits.distinctOn = plainColumns(plainDistinct ? body.value(QLatin1String("targetList")).toArray() : distinct);
    }

    void insert(const QJsonObject& body)
    {
        relation(body.value(QLatin1String("relation")));
        if (body.contains(QLatin1String("withClause")))
            complex("common table expressions (WITH) are not analysed");
        for (const QJsonValue& column : body.value(QLatin1String("cols")).toArray())
            m_shape.insertColumns.push_back(str(nodeBody(column).value(QLatin1String("name"))));
        if (!body.contains(QLatin1String("selectStmt"))) {
            m_shape.insertRows = 1; // DEFAULT VALUES
            return;
        }
        const QJsonObject source = nodeBody(body.value(QLatin1String("selectStmt")));
        const QJsonArray rows = source.value(QLatin1String("valuesLists")).toArray();
        m_shape.insertRows = static_cast<int>(rows.size());
        if (!rows.isEmpty())
            return;
        m_shape.insertSelect = true;
        select(source);
        for (const QJsonValue& item : source.value(QLatin1String("targetList")).toArray()) {
            const QJsonValue value = nodeBody(item).value(QLatin1String("val"));
            SelectTarget target;
            target.star = isStar(value);
            target.cast = nodeType(value) == QLatin1String("TypeCast");
            target.column = columnOf(target.cast ? nodeBody(value).value(QLatin1String("arg")) : value);
            target.cast = target.cast && target.column.has_value();
            m_shape.selectTargets.push_back(target);
        }
    }

    void relation(const QJsonValue& node)
    {
        const QJsonObject body = node.toObject().contains(QLatin1String("RangeVar")) ? nodeBody(node) : node.toObject();
        RelationRef ref;
        ref.schema = str(body.value(QLatin1String("schemaname")));
        ref.name = str(body.value(QLatin1String("relname")));
        ref.alias = str(body.value(QLatin1String("alias")).toObject().value(QLatin1String("aliasname")));
        m_shape.relations.push_back(ref);
    }

    void from(const QJsonArray& items)
    {
        for (const QJsonValue& item : items)
            fromItem(item);
    }

    void fromItem(const QJsonValue& node)
    {
        const QString type = nodeType(node);
        const QJsonObject body = nodeBody(node);
        if (type == QLatin1String("RangeVar")) {
            relation(node);
        } else if (type == QLatin1String("JoinExpr")) {
            fromItem(body.value(QLatin1String("larg")));
            fromItem(body.value(QLatin1String("rarg")));
            if (body.contains(QLatin1String("usingClause")) || body.value(QLatin1String("isNatural")).toBool())
                complex("JOIN ... USING and NATURAL JOIN are not analysed");
            // ON of an inner join restricts like WHERE; of an outer join it only tells how tables are joined.
            const bool inner = body.value(QLatin1String("jointype")).toString() == QLatin1String("JOIN_INNER");
            conjuncts(body.value(QLatin1String("quals")), inner);
        } else if (type == QLatin1String("RangeFunction")) {
            m_shape.functionsInFrom = true; // decided by the classifier: fine as the source of INSERT ... SELECT
        } else {
            complex("subqueries in FROM are not analysed");
        }
    }

    void where(const QJsonValue& node)
    {
        if (!node.isUndefined())
            conjuncts(node, true);
    }

    void conjuncts(const QJsonValue& node, bool restricts)
    {
        if (node.isUndefined())
            return;
        if (QJsonDocument(node.toObject()).toJson(QJsonDocument::Compact).contains("\"SubLink\""))
            complex("subqueries in conditions are not analysed");
        collectEqualities(node);
        if (restricts) {
            for (const auto& [column, count] : restrictionsOf(node))
                m_shape.restrictions.push_back(KeyRestriction{column, count});
        }
    }

    // col = col conjuncts at the top AND level.
    void collectEqualities(const QJsonValue& node)
    {
        const QJsonObject body = nodeBody(node);
        if (nodeType(node) == QLatin1String("BoolExpr") &&
            body.value(QLatin1String("boolop")).toString() == QLatin1String("AND_EXPR")) {
            for (const QJsonValue& arg : body.value(QLatin1String("args")).toArray())
                collectEqualities(arg);
            return;
        }
        if (nodeType(node) == QLatin1String("A_Expr") &&
            body.value(QLatin1String("kind")).toString() == QLatin1String("AEXPR_OP") && isEqualsOperator(body)) {
            const auto left = columnOf(body.value(QLatin1String("lexpr")));
            const auto right = columnOf(body.value(QLatin1String("rexpr")));
            if (left && right)
                m_shape.columnEqualities.emplace_back(*left, *right);
        }
    }

    Restrictions restrictionsOf(const QJsonValue& node) const
    {
        const QString type = nodeType(node);
        const QJsonObject body = nodeBody(node);
        Restrictions result;
        if (type == QLatin1String("BoolExpr")) {
            const QString op = body.value(QLatin1String("boolop")).toString();
            const QJsonArray args = body.value(QLatin1String("args")).toArray();
            if (op == QLatin1String("AND_EXPR")) {
                for (const QJsonValue& arg : args)
                    mergeAnd(result, restrictionsOf(arg));
            } else if (op == QLatin1String("OR_EXPR") && !args.isEmpty()) {
                // A column restricted in every branch is restricted to the union of the branches' values.
                result = restrictionsOf(args.first());
                for (qsizetype i = 1; i < args.size(); ++i) {
                    const Restrictions branch = restrictionsOf(args.at(i));
                    Restrictions both;
                    for (const auto& [column, count] : result) {
                        const auto it = branch.find(column);
                        if (it == branch.end())
                            continue;
                        both.emplace(column, count && it->second ? std::optional<int>(*count + *it->second)
                                                                 : std::optional<int>());
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
            if (const auto column = columnOf(lexpr); column && isValue(rexpr))
                result.emplace(*column, 1);
            else if (const auto swapped = columnOf(rexpr); swapped && isValue(lexpr))
                result.emplace(*swapped, 1);
        } else if (kind == QLatin1String("AEXPR_IN")) {
            const auto column = columnOf(lexpr);
            const QJsonArray items = nodeType(rexpr) == QLatin1String("List")
                                         ? nodeBody(rexpr).value(QLatin1String("items")).toArray()
                                         : rexpr.toArray();
            bool values = !items.isEmpty();
            for (const QJsonValue& item : items)
                values = values && isValue(item);
            if (column && values)
                result.emplace(*column, valueCount(items, m_sql));
        } else if (kind == QLatin1String("AEXPR_OP_ANY")) {
            const auto column = columnOf(lexpr);
            const QJsonValue array =
                nodeType(rexpr) == QLatin1String("TypeCast") ? nodeBody(rexpr).value(QLatin1String("arg")) : rexpr;
            if (column && nodeType(array) == QLatin1String("A_ArrayExpr"))
                result.emplace(*column, valueCount(nodeBody(array).value(QLatin1String("elements")).toArray(), m_sql));
            else if (column && nodeType(array) == QLatin1String("ParamRef"))
                result.emplace(*column, std::nullopt); // an array parameter: how many keys is not known
        }
        return result;
    }

    StatementShape& m_shape;
    std::string_view m_sql;
};

} // namespace

namespace {

// A RangeVar appears wrapped ({"RangeVar": {...}}) or as a typed field (InsertStmt's "relation"): either way
// its body is the object that carries "relname".
void collectRelations(const QJsonValue& value, std::vector<RelationRef>& out)
{
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            collectRelations(item, out);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    if (const QJsonValue name = object.value(QLatin1String("relname")); name.isString()) {
        RelationRef ref;
        ref.schema = object.value(QLatin1String("schemaname")).toString().toStdString();
        ref.name = name.toString().toStdString();
        out.push_back(std::move(ref));
    }
    for (auto it = object.begin(); it != object.end(); ++it)
        collectRelations(it.value(), out);
}

} // namespace

Result<StatementShape> parseStatementShape(std::string_view sql)
{
    const std::string text(sql);
    PgQueryParseResult parsed = pg_query_parse(text.c_str());
    if (parsed.error != nullptr) {
        Error error = Error::make(std::string("syntax error: ") + parsed.error->message, "42601");
        pg_query_free_parse_result(parsed);
        return error;
    }
    const QJsonDocument tree = QJsonDocument::fromJson(QByteArray(parsed.parse_tree));
    pg_query_free_parse_result(parsed);

    StatementShape shape;
    const QJsonArray statements = tree.object().value(QLatin1String("stmts")).toArray();
    collectRelations(statements, shape.referencedRelations);
    if (statements.size() != 1) {
        shape.complexity = "only a single statement is analysed";
        return shape;
    }
    Analyzer(shape, text).statement(statements.first().toObject().value(QLatin1String("stmt")));
    return shape;
}

} // namespace shardscope::stats
