// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"

#include <QCoreApplication>
#include <QString>

namespace shardscope {

/** How ShardScope spells values for people: sizes, kinds, roles, names. Translated. */
class Format
{
    Q_DECLARE_TR_FUNCTIONS(Format)

public:
    /** "0 B", "12.3 MiB", "1.21 GiB" */
    static QString bytes(qint64 bytes);
    static QString count(qint64 value);
    /** "host:port" */
    static QString nodeAddress(const engine::Node& node);
    /** "coordinator", "worker", "worker (secondary)" */
    static QString nodeRole(const engine::Node& node);
    /** "public.users" shown as "users"; other schemas stay qualified. */
    static QString tableName(const engine::Table& table);
    /** "hash-distributed", "reference", "single shard", "Citus local", "plain PostgreSQL" */
    static QString tableKind(engine::TableKind kind);
    static QString columnType(engine::ColumnType type);
    static QString yesNo(bool value);
    static QString percent(double fraction);
    static QString hashRange(const engine::Shard& shard);
};

} // namespace shardscope
