// SPDX-License-Identifier: MIT
#include "tenantreport.h"

#include "engine/clusterindex.h"
#include "skewfigures.h"

#include <map>

namespace shardscope {

namespace {

/** Fills group, node and shard of rows whose colocation id, tenant and node id are set. */
void locate(const engine::ClusterState& state, std::vector<TenantRow>& rows)
{
    const engine::ClusterIndex index(state);
    std::map<qint64, QString> labels;
    for (TenantRow& row : rows) {
        auto label = labels.find(row.colocationId);
        if (label == labels.end()) {
            std::vector<std::string> tables;
            for (const engine::TableOid oid : index.tablesOfColocationGroup(engine::ColocationId(row.colocationId)))
                if (const engine::Table* table = index.tableByOid(oid))
                    tables.push_back(table->name);
            label = labels.emplace(row.colocationId, SkewFigures::groupLabel(tables)).first;
        }
        row.group = label->second;
        const auto location =
            sim::locateTenant(index, engine::ColocationId(row.colocationId), row.tenant.toStdString());
        if (location) {
            row.shardId = qint64(location->shard);
            if (row.nodeId == 0)
                row.nodeId = qint64(location->node);
        }
        if (const engine::Node* node = index.nodeById(engine::NodeId(row.nodeId)))
            row.node = QString::fromStdString(node->name) + QLatin1Char(':') + QString::number(node->port);
    }
}

// Citus's rows and the simulated ones carry the same figures under the same names.
template <class Source>
TenantRow tenantRow(const Source& s)
{
    TenantRow row;
    row.colocationId = s.colocationId;
    row.tenant = QString::fromStdString(s.tenant);
    row.nodeId = s.nodeId;
    row.queriesThisPeriod = s.queriesThisPeriod;
    row.queriesLastPeriod = s.queriesLastPeriod;
    row.readsThisPeriod = s.readsThisPeriod;
    row.readsLastPeriod = s.readsLastPeriod;
    row.cpuSecondsThisPeriod = s.cpuSecondsThisPeriod;
    row.cpuSecondsLastPeriod = s.cpuSecondsLastPeriod;
    return row;
}

} // namespace

TenantReport TenantReport::fromLive(const engine::ClusterState& state, const live::TenantStats& stats)
{
    TenantReport report;
    report.available = stats.available;
    report.notice = QString::fromStdString(stats.notice);
    report.periodSeconds = stats.periodSeconds;
    for (const live::TenantStatRow& s : stats.rows) {
        // Citus keeps a tenant listed for a while after its last query: nothing to rank there.
        if (s.queriesThisPeriod + s.queriesLastPeriod == 0 && s.cpuSecondsThisPeriod + s.cpuSecondsLastPeriod == 0.0) {
            ++report.idleTenants;
            continue;
        }
        report.rows.push_back(tenantRow(s));
    }
    locate(state, report.rows);
    return report;
}

TenantReport TenantReport::fromSimulated(const engine::ClusterState& state,
                                         const std::vector<sim::TenantActivity>& activity, int periodSeconds)
{
    TenantReport report;
    report.available = true;
    report.simulated = true;
    report.periodSeconds = periodSeconds;
    for (const sim::TenantActivity& s : activity) {
        report.rows.push_back(tenantRow(s));
    }
    locate(state, report.rows);
    return report;
}

TenantReport TenantReport::unavailable(const QString& notice)
{
    TenantReport report;
    report.notice = notice;
    return report;
}

} // namespace shardscope
