// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QtGlobal>

namespace shardscope {

/** What a row of the cluster tree (or a heatmap cell, ...) stands for. */
enum class ClusterItemKind : quint8
{
    None,
    Section,         ///< a heading: id is a ClusterSection
    Node,            ///< id is the NodeId
    ColocationGroup, ///< id is the ColocationId
    Table,           ///< id is the TableOid
};

/** The headings of the cluster tree. */
enum class ClusterSection : quint8
{
    Nodes = 1,
    ReferenceTables,
    LocalTables,
};

/** A selectable thing in a cluster, by kind and catalog id; stays valid across refreshes. */
struct ClusterItemRef
{
    ClusterItemKind kind = ClusterItemKind::None;
    qint64 id = 0;

    bool isValid() const { return kind != ClusterItemKind::None; }
    bool operator==(const ClusterItemRef&) const = default;
};

} // namespace shardscope

Q_DECLARE_METATYPE(shardscope::ClusterItemRef)
