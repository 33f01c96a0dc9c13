// SPDX-License-Identifier: MIT
#pragma once

#include "stats/statementreport.h"

#include <QChartView>

class QBarSet;
class QValueAxis;

namespace shardscope {

/** Share of calls and of total time per fan-out class (router, multi-shard, reference, repartition, unknown). */
class FanoutClassChart : public QChartView
{
    Q_OBJECT

public:
    explicit FanoutClassChart(QWidget* parent = nullptr);

    void setReport(const stats::StatementReport& report);
    /** Calls and total time (ms) per class, in class order. */
    QList<qint64> calls() const { return m_calls; }
    QList<double> totalTimes() const { return m_times; }

private:
    QBarSet* m_callSet;
    QBarSet* m_timeSet;
    QValueAxis* m_axis;
    QList<qint64> m_calls;
    QList<double> m_times;
};

} // namespace shardscope
