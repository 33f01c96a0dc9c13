// SPDX-License-Identifier: MIT
#pragma once

#include "stats/statementreport.h"

#include <QChartView>

class QPieSeries;

namespace shardscope {

/**
 * Share of single-tenant traffic per tenant: router executions that named one distribution key value
 * (citus_stat_statements' partition_key), the largest kMaxSlices tenants and the rest as one slice.
 */
class FanoutTenantChart : public QChartView
{
    Q_OBJECT

public:
    static constexpr int kMaxSlices = 5;
    explicit FanoutTenantChart(QWidget* parent = nullptr);

    void setReport(const stats::StatementReport& report);
    /** Slice labels, largest first (the rest last). */
    QStringList labels() const;

private:
    QPieSeries* m_series;
};

} // namespace shardscope
