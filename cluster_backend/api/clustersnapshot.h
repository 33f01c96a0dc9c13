// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <memory>

namespace shardscope {

/** Where a snapshot came from. */
enum class SourceKind : std::uint8_t
{
    Embedded, ///< the in-process cluster (engine + SQLite workspace)
    Live,     ///< a Citus coordinator reached through libpq
};

/**
 * One immutable picture of a cluster, as delivered by a ClusterSource. Copying is cheap (the state is
 * shared) and nobody can change a state once it is published, so models may keep it as long as they like.
 */
struct ClusterSnapshot
{
    std::shared_ptr<const engine::ClusterState> state;
    SourceKind sourceKind = SourceKind::Embedded;
    QString sourceName;      ///< what the user calls the source ("Embedded demo cluster", "prod: host:5432")
    QString postgresVersion; ///< empty when unknown
    QString citusVersion;    ///< empty when unknown
    QDateTime takenAt;       ///< when the state was read (UTC)
    /** Increases with every refresh request of a source; a result older than what is shown is dropped. */
    quint64 generation = 0;

    bool isNull() const { return !state; }
};

} // namespace shardscope

Q_DECLARE_METATYPE(shardscope::ClusterSnapshot)
