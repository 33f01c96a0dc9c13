// SPDX-License-Identifier: MIT
#include "parsetreenode.h"

#include <QJsonArray>
#include <QLatin1String>

namespace shardscope::stats {

namespace {

// The operand of a prefix "-" or "+" (A_Expr without a left side), or an undefined value.
QJsonValue unaryOperand(const QJsonValue& node, bool* negative)
{
    if (nodeType(node) != QLatin1String("A_Expr"))
        return QJsonValue(QJsonValue::Undefined);
    const QJsonObject body = nodeBody(node);
    const QJsonArray name = body.value(QLatin1String("name")).toArray();
    if (body.value(QLatin1String("kind")).toString() != QLatin1String("AEXPR_OP") ||
        body.contains(QLatin1String("lexpr")) || name.size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    const QString op = nodeBody(name.first()).value(QLatin1String("sval")).toString();
    if (op != QLatin1String("-") && op != QLatin1String("+"))
        return QJsonValue(QJsonValue::Undefined);
    *negative = op == QLatin1String("-");
    return body.value(QLatin1String("rexpr"));
}

// An integer literal starting at a byte offset of the statement: the parser folds "-5", "- 5" and "-(5)" into
// one constant located at the minus sign.
std::optional<std::string> integerAt(std::string_view sql, qint64 location)
{
    if (location < 0 || static_cast<std::size_t>(location) >= sql.size())
        return std::nullopt;
    std::size_t i = static_cast<std::size_t>(location);
    bool negative = false;
    for (; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '-')
            negative = !negative;
        else if (c != '+' && c != '(' && c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
    }
    std::string digits;
    while (i < sql.size() && sql[i] >= '0' && sql[i] <= '9')
        digits += sql[i++];
    if (digits.empty())
        return std::nullopt;
    const std::size_t first = digits.find_first_not_of('0');
    if (first == std::string::npos)
        return std::string("0"); // -0 is 0
    digits.erase(0, first);
    return negative ? "-" + digits : digits;
}

std::string negated(const std::string& text)
{
    if (text == "0")
        return text;
    return !text.empty() && text.front() == '-' ? text.substr(1) : "-" + text;
}

} // namespace

QString nodeType(const QJsonValue& node)
{
    const QJsonObject object = node.toObject();
    return object.isEmpty() ? QString() : object.constBegin().key();
}

QJsonObject nodeBody(const QJsonValue& node)
{
    const QJsonObject object = node.toObject();
    return object.isEmpty() ? QJsonObject() : object.constBegin().value().toObject();
}

std::optional<ColumnName> columnOf(const QJsonValue& node)
{
    if (nodeType(node) != QLatin1String("ColumnRef"))
        return std::nullopt;
    const QJsonArray fields = nodeBody(node).value(QLatin1String("fields")).toArray();
    if (fields.isEmpty() || nodeType(fields.last()) != QLatin1String("String"))
        return std::nullopt;
    ColumnName name;
    name.column = nodeBody(fields.last()).value(QLatin1String("sval")).toString().toStdString();
    if (fields.size() >= 2)
        name.qualifier = nodeBody(fields.at(fields.size() - 2)).value(QLatin1String("sval")).toString().toStdString();
    return name;
}

bool isEqualsOperator(const QJsonObject& expression)
{
    const QJsonArray name = expression.value(QLatin1String("name")).toArray();
    return name.size() == 1 && nodeBody(name.first()).value(QLatin1String("sval")).toString() == QLatin1String("=");
}

bool isStar(const QJsonValue& node)
{
    if (nodeType(node) != QLatin1String("ColumnRef"))
        return false;
    const QJsonArray fields = nodeBody(node).value(QLatin1String("fields")).toArray();
    return !fields.isEmpty() && nodeType(fields.last()) == QLatin1String("A_Star");
}

bool isValue(const QJsonValue& node)
{
    const QString type = nodeType(node);
    if (type == QLatin1String("TypeCast"))
        return isValue(nodeBody(node).value(QLatin1String("arg")));
    bool negative = false;
    if (const QJsonValue operand = unaryOperand(node, &negative); !operand.isUndefined())
        return isValue(operand);
    return type == QLatin1String("ParamRef") || type == QLatin1String("A_Const");
}

std::optional<std::string> constantText(const QJsonValue& node, std::string_view sql)
{
    const QString type = nodeType(node);
    if (type == QLatin1String("TypeCast"))
        return constantText(nodeBody(node).value(QLatin1String("arg")), sql);
    bool negative = false;
    if (const QJsonValue operand = unaryOperand(node, &negative); !operand.isUndefined()) {
        auto text = constantText(operand, sql);
        if (text && negative)
            return negated(*text);
        return text;
    }
    if (type != QLatin1String("A_Const"))
        return std::nullopt;
    const QJsonObject body = nodeBody(node);
    if (body.value(QLatin1String("isnull")).toBool())
        return std::nullopt;
    if (body.contains(QLatin1String("ival"))) {
        const QJsonObject ival = body.value(QLatin1String("ival")).toObject();
        if (ival.contains(QLatin1String("ival")))
            return std::to_string(ival.value(QLatin1String("ival")).toInteger());
        return integerAt(sql, body.value(QLatin1String("location")).toInteger(-1));
    }
    for (const char* key : {"sval", "fval", "bsval"}) {
        const QLatin1String name(key);
        if (body.contains(name))
            return body.value(name).toObject().value(name).toString().toStdString();
    }
    if (body.contains(QLatin1String("boolval")))
        return body.value(QLatin1String("boolval")).toObject().value(QLatin1String("boolval")).toBool() ? "true"
                                                                                                        : "false";
    return std::nullopt;
}

} // namespace shardscope::stats
