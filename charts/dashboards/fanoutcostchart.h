// SPDX-License-Identifier: MIT
#pragma once

#include "stats/statementreport.h"

#include <QChartView>

class QBarCategoryAxis;
class QBarSet;
class QValueAxis;

namespace shardscope {

/**
 * Shards touched x calls per statement, the work a statement really puts on the workers: a router query run
 * a million times can cost less than a multi-shard report run a thousand times. The most costly statements
 * (at most kMaxBars), statements whose fan-out is unknown are left out (their cost is not known).
 */
class FanoutCostChart : public QChartView
{
    Q_OBJECT

public:
    static constexpr int kMaxBars = 12;
    explicit FanoutCostChart(QWidget* parent = nullptr);

    void setReport(const stats::StatementReport& report);
    /** The bars, most costly first: label and shard calls. */
    QStringList labels() const { return m_labels; }
    QList<qint64> costs() const { return m_costs; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    /** Category labels elided to about 40% of the chart's width (the axis clips, it does not elide). */
    void updateCategories();

    QBarSet* m_set;
    QBarCategoryAxis* m_categories;
    QValueAxis* m_axis;
    QStringList m_labels; ///< full "rank. statement" texts
    int m_labelWidth = -1;
    QList<qint64> m_costs;
};

} // namespace shardscope
