// SPDX-License-Identifier: MIT
#pragma once

#include <QChartView>
#include <QStringList>

class QBarCategoryAxis;
class QBarSet;
class QHorizontalBarSeries;
class QValueAxis;

namespace shardscope {

class TopTenantsModel;

/**
 * The busiest tenants as horizontal bars, busiest on top, in the model's ranking (queries or CPU time); as
 * many as the height leaves room for with readable labels (Qt Charts shows "..." for a label taller than its bar).
 * Clicking a bar reports the model row, so the page can show the tenant's shard.
 */
class TenantTopChart : public QChartView
{
    Q_OBJECT

public:
    static constexpr int kMaxBars = 10;

    explicit TenantTopChart(QWidget* parent = nullptr);

    /** Redraws from the model's first kMaxBars rows (call after the model changed). */
    void setModel(const TopTenantsModel* model);
    void refresh();
    /** tenant, tables, node, queries, reads, cpu_seconds, shard: every row of the model. */
    QString csv() const;
    /** The bar labels, top first (tests). */
    QStringList labels() const { return m_labels; }

    /** How many bars fit the current height with readable labels (at most kMaxBars). */
    int barCount() const { return m_bars; }

Q_SIGNALS:
    void tenantClicked(int row);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    int fittingBars() const;

    const TopTenantsModel* m_model = nullptr;
    QHorizontalBarSeries* m_series;
    QBarSet* m_set;
    QBarCategoryAxis* m_tenantAxis;
    QValueAxis* m_valueAxis;
    QStringList m_labels;
    int m_bars = kMaxBars;
};

} // namespace shardscope
