// SPDX-License-Identifier: MIT
#include "parsetreenode.h"

#include <QJsonArray>
#include <QLatin1String>

namespace shardscope::stats {

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

} // namespace shardscope::stats
