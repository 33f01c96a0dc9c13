// SPDX-License-Identifier: MIT
#pragma once

#include "statementshape.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>
#include <string>
#include <string_view>

namespace shardscope::stats {

/** libpg_query's JSON wraps every node as {"TypeName": {fields}}: the type name, or "" for no node. */
QString nodeType(const QJsonValue& node);
/** The fields of a wrapped node, or an empty object. */
QJsonObject nodeBody(const QJsonValue& node);
/** The (optionally qualified) column a ColumnRef names; nullopt for anything else. */
std::optional<ColumnName> columnOf(const QJsonValue& node);
/** True for an A_Expr whose operator is plain "=". */
bool isEqualsOperator(const QJsonObject& expression);
/** True for a ColumnRef ending in * (SELECT *, SELECT e.*). */
bool isStar(const QJsonValue& node);

/**
 * A constant, a parameter, or one of those under casts and a unary minus or plus: a value Citus can prune
 * with (PostgreSQL folds "-5" into a constant, but "-5::bigint" and pg_stat_statements' "-$1::bigint" are a
 * minus operator over a cast).
 */
bool isValue(const QJsonValue& node);

/**
 * The literal text of a constant with its sign ("-5", "DE", "2.5"), looking through casts and unary minus;
 * nullopt for NULL, parameters and expressions. libpg_query 15-4's JSON writes {"ival": {}} for 0 and for
 * every negative integer alike, so integers without a value are read from sql at the constant's location.
 */
std::optional<std::string> constantText(const QJsonValue& node, std::string_view sql);

} // namespace shardscope::stats
