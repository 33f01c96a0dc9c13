// SPDX-License-Identifier: MIT
#include "fanouttenantchart.h"

#include <QPieSeries>
#include <QPieSlice>

namespace shardscope {

FanoutTenantChart::FanoutTenantChart(QWidget* parent) : QChartView(parent), m_series(new QPieSeries)
{
    auto* chart = new QChart;
    chart->setTitle(tr("Single-tenant traffic per tenant"));
    m_series->setHoleSize(0.35);
    chart->addSeries(m_series);
    chart->legend()->setAlignment(Qt::AlignRight);
    // A smaller legend keeps tenant keys such as "eu-west" whole beside the donut.
    QFont small = chart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->legend()->setFont(small);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(205);
}

void FanoutTenantChart::setReport(const stats::StatementReport& report)
{
    m_series->clear();
    qint64 rest = 0;
    for (std::size_t i = 0; i < report.tenants.size(); ++i) {
        const stats::TenantShare& tenant = report.tenants[i];
        if (i < static_cast<std::size_t>(kMaxSlices)) {
            const QString label = tr("key %1: %2%")
                                      .arg(QString::fromStdString(tenant.key))
                                      .arg(QString::number(100.0 * tenant.share, 'f', 1));
            m_series->append(label, static_cast<qreal>(tenant.calls));
        } else {
            rest += tenant.calls;
        }
    }
    if (rest > 0) {
        const double share =
            report.keyedCalls > 0 ? 100.0 * static_cast<double>(rest) / static_cast<double>(report.keyedCalls) : 0;
        m_series->append(tr("%n other(s): %1%", nullptr, static_cast<int>(report.tenants.size()) - kMaxSlices)
                             .arg(QString::number(share, 'f', 1)),
                         static_cast<qreal>(rest));
    }
    if (!m_series->slices().isEmpty())
        m_series->slices().constFirst()->setExploded(true);
}

QStringList FanoutTenantChart::labels() const
{
    QStringList result;
    for (const QPieSlice* slice : m_series->slices())
        result << slice->label();
    return result;
}

} // namespace shardscope
