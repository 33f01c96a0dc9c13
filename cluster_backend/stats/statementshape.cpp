// SPDX-License-Identifier: MIT
#include "statementshape.h"

#include "parsetreenode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <map>
#include <pg_query.h>

namespace shardscope::stats {

namespace {

using Restrictions = std::map<ColumnName, std::optional<int>>;

std::string str(const QJsonValue& value)
{
    return value.toString().toStdString();
}

bool isValue(const QJsonValue& node)
{
    const QString type = nodeType(node);
    if (type == QLatin1String("TypeCast"))
        return isValue(nodeBody(node).value(QLatin1String("arg")));
    return type == QLatin1String("ParamRef") || type == QLatin1String("A_Const");
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
    explicit Analyzer(StatementShape& shape) : m_shape(shape) {}

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
    }

    void insert(const QJsonObject& body)
    {
        relation(body.value(QLatin1String("relation")));
        if (body.contains(QLatin1String("withClause")))
            complex("common table expressions (WITH) are not analysed");
        const QJsonObject source = nodeBody(body.value(QLatin1String("selectStmt")));
        const QJsonArray rows = source.value(QLatin1String("valuesLists")).toArray();
        if (rows.isEmpty()) {
            m_shape.insertSelect = true;
            complex("INSERT ... SELECT is not analysed");
        }
        m_shape.insertRows = static_cast<int>(rows.size());
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
        } else {
            complex("subqueries and functions in FROM are not analysed");
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

    static Restrictions restrictionsOf(const QJsonValue& node)
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
                result.emplace(*column, static_cast<int>(items.size()));
        } else if (kind == QLatin1String("AEXPR_OP_ANY")) {
            const auto column = columnOf(lexpr);
            const QJsonValue array =
                nodeType(rexpr) == QLatin1String("TypeCast") ? nodeBody(rexpr).value(QLatin1String("arg")) : rexpr;
            if (column && nodeType(array) == QLatin1String("A_ArrayExpr"))
                result.emplace(*column,
                               static_cast<int>(nodeBody(array).value(QLatin1String("elements")).toArray().size()));
            else if (column && nodeType(array) == QLatin1String("ParamRef"))
                result.emplace(*column, std::nullopt); // an array parameter: how many keys is not known
        }
        return result;
    }

    StatementShape& m_shape;
};

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
    if (statements.size() != 1) {
        shape.complexity = "only a single statement is analysed";
        return shape;
    }
    Analyzer(shape).statement(statements.first().toObject().value(QLatin1String("stmt")));
    return shape;
}

} // namespace shardscope::stats
