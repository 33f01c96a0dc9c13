// SPDX-License-Identifier: MIT
#pragma once

#include "statementshape.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace shardscope::stats {

/** libpg_query's JSON wraps every node as {"TypeName": {fields}}: the type name, or "" for no node. */
QString nodeType(const QJsonValue& node);
/** The fields of a wrapped node, or an empty object. */
QJsonObject nodeBody(const QJsonValue& node);
/** The (optionally qualified) column a ColumnRef names; nullopt for anything else. */
std::optional<ColumnName> columnOf(const QJsonValue& node);
/** True for an A_Expr whose operator is plain "=". */
bool isEqualsOperator(const QJsonObject& expression);

} // namespace shardscope::stats
