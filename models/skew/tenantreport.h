// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"
#include "live/tenantstatsreader.h"
#include "sim/tenantactivity.h"

#include <QMetaType>
#include <QString>
#include <vector>

namespace shardscope {

/** One tenant as the Skew tab shows it: its traffic and where its rows live. */
struct TenantRow
{
    qint64 colocationId = 0;
    QString tenant;     ///< the distribution column value
    QString group;      ///< the colocation group's tables ("users, events")
    qint64 nodeId = 0;  ///< from the statistics (live) or the routing (simulated); 0 when unknown
    QString node;       ///< "host:port", empty when unknown
    qint64 shardId = 0; ///< the shard the value routes to in the snapshot; 0 when it cannot be routed
    qint64 queriesThisPeriod = 0;
    qint64 queriesLastPeriod = 0;
    qint64 readsThisPeriod = 0;
    qint64 readsLastPeriod = 0;
    double cpuSecondsThisPeriod = 0.0;
    double cpuSecondsLastPeriod = 0.0;

    /** Both periods: the last full one and the running one, so a period change does not empty the ranking. */
    qint64 queries() const { return queriesThisPeriod + queriesLastPeriod; }
    qint64 reads() const { return readsThisPeriod + readsLastPeriod; }
    double cpuSeconds() const { return cpuSecondsThisPeriod + cpuSecondsLastPeriod; }

    bool operator==(const TenantRow&) const = default;
};

/**
 * The tenants of one cluster: rows of citus_stat_tenants (live) or of the simulated demo traffic, each routed
 * to its shard in the snapshot's state. When the source cannot tell, available is false and notice says why.
 */
struct TenantReport
{
    std::vector<TenantRow> rows;
    bool available = false;
    bool simulated = false;
    QString notice;        ///< why there are no rows, or a remark on them (English, from the backend)
    int periodSeconds = 0; ///< length of a statistics period, 0 when unknown
    int idleTenants = 0;   ///< tenants the server still lists without a query in either period (left out)

    static TenantReport fromLive(const engine::ClusterState& state, const live::TenantStats& stats);
    static TenantReport fromSimulated(const engine::ClusterState& state,
                                      const std::vector<sim::TenantActivity>& activity, int periodSeconds);
    static TenantReport unavailable(const QString& notice);
};

} // namespace shardscope

Q_DECLARE_METATYPE(shardscope::TenantReport)
