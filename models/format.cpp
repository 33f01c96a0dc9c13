// SPDX-License-Identifier: MIT
#include "format.h"

#include "engine/columntype.h"

#include <QLocale>

namespace shardscope {

QString Format::bytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1);
}

QString Format::count(qint64 value)
{
    return QLocale().toString(value);
}

QString Format::nodeAddress(const engine::Node& node)
{
    return QStringLiteral("%1:%2").arg(QString::fromStdString(node.name)).arg(node.port);
}

QString Format::nodeRole(const engine::Node& node)
{
    QString role = node.isCoordinator() ? tr("coordinator") : tr("worker");
    switch (node.role) {
    case engine::NodeRole::Primary:
        break;
    case engine::NodeRole::Secondary:
        role = tr("%1 (secondary)").arg(role);
        break;
    case engine::NodeRole::Unavailable:
        role = tr("%1 (unavailable)").arg(role);
        break;
    }
    return role;
}

QString Format::tableName(const engine::Table& table)
{
    const QString name = QString::fromStdString(table.name);
    if (table.schema.empty() || table.schema == "public") {
        return name;
    }
    return QString::fromStdString(table.schema) + QLatin1Char('.') + name;
}

QString Format::tableKind(engine::TableKind kind)
{
    switch (kind) {
    case engine::TableKind::HashDistributed:
        return tr("hash-distributed");
    case engine::TableKind::Reference:
        return tr("reference");
    case engine::TableKind::SingleShard:
        return tr("single shard");
    case engine::TableKind::CitusLocal:
        return tr("Citus local");
    case engine::TableKind::Plain:
        return tr("plain PostgreSQL");
    }
    return {};
}

QString Format::columnType(engine::ColumnType type)
{
    if (type == engine::ColumnType::None) {
        return tr("none");
    }
    const std::string_view name = engine::columnTypeName(type);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

QString Format::yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

QString Format::percent(double fraction)
{
    return QLocale().toString(fraction * 100.0, 'f', 1) + QStringLiteral(" %");
}

QString Format::hashRange(const engine::Shard& shard)
{
    if (!shard.hasRange) {
        return tr("none");
    }
    return QStringLiteral("[%1, %2]").arg(shard.minValue).arg(shard.maxValue);
}

} // namespace shardscope
