// SPDX-License-Identifier: MIT
#pragma once

#include "tenantreport.h"

#include <QAbstractTableModel>

namespace shardscope {

/** The busiest tenants of a TenantReport, ranked by queries or by CPU time: one row per tenant. */
class TopTenantsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TenantColumn,
        QueriesColumn,
        CpuColumn,
        ShardColumn,
        NodeColumn,
        GroupColumn,
        ReadsColumn,
        ColumnCount,
    };
    enum class Ranking
    {
        Queries,
        Cpu,
    };
    enum Role
    {
        ColocationIdRole = Qt::UserRole + 120, ///< qint64
        ShardIdRole,                           ///< qint64, 0 when the value could not be routed
        ValueRole,                             ///< the ranking's figure (qint64 queries or double CPU seconds)
    };

    explicit TopTenantsModel(QObject* parent = nullptr);

    /** Adopts the report's rows, ranked, at most limit of them. */
    void setReport(const TenantReport& report);
    const TenantReport& report() const { return m_report; }
    void setRanking(Ranking ranking);
    Ranking ranking() const { return m_ranking; }
    void setLimit(int limit);
    const TenantRow* tenantAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rank();

    TenantReport m_report;
    std::vector<TenantRow> m_rows; ///< ranked and cut to m_limit
    Ranking m_ranking = Ranking::Queries;
    int m_limit = 20;
};

} // namespace shardscope
