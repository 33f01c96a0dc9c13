// SPDX-License-Identifier: MIT
#include "tenanttopchart.h"

#include "chartexport.h"
#include "skew/toptenantsmodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QHorizontalBarSeries>
#include <QValueAxis>
#include <algorithm>

namespace shardscope {

namespace {

constexpr int kMaxLabel = 16;

QString shortened(const QString& text)
{
    return text.size() <= kMaxLabel ? text : text.left(kMaxLabel - 1) + QChar(0x2026);
}

} // namespace

TenantTopChart::TenantTopChart(QWidget* parent)
    : QChartView(parent), m_series(new QHorizontalBarSeries), m_set(new QBarSet(QString())),
      m_tenantAxis(new QBarCategoryAxis), m_valueAxis(new QValueAxis)
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    m_series->append(m_set);
    m_series->setBarWidth(0.7);
    chart->addSeries(m_series);
    chart->addAxis(m_tenantAxis, Qt::AlignLeft);
    chart->addAxis(m_valueAxis, Qt::AlignBottom);
    m_series->attachAxis(m_tenantAxis);
    m_series->attachAxis(m_valueAxis);
    chart->legend()->hide();
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(140);
    // Bars are added bottom to top: bar index i is model row (count - 1 - i).
    connect(m_set, &QBarSet::clicked, this, [this](int index) {
        const int count = static_cast<int>(m_set->count());
        if (index >= 0 && index < count)
            Q_EMIT tenantClicked(count - 1 - index);
    });
}

void TenantTopChart::setModel(const TopTenantsModel* model)
{
    m_model = model;
    refresh();
}

void TenantTopChart::refresh()
{
    m_labels.clear();
    const int rows = m_model ? std::min(m_model->rowCount(), m_bars) : 0;
    const bool cpu = m_model && m_model->ranking() == TopTenantsModel::Ranking::Cpu;
    QList<qreal> values;
    double maximum = 0.0;
    for (int row = 0; row < rows; ++row) {
        const TenantRow* tenant = m_model->tenantAt(row);
        // The value alone, unless the same value is a tenant of two groups: then its first table tells them apart.
        QString label = shortened(tenant->tenant);
        for (int other = 0; other < rows; ++other) {
            const TenantRow* t = m_model->tenantAt(other);
            if (other != row && t->tenant == tenant->tenant && t->colocationId != tenant->colocationId) {
                label += QStringLiteral(" (%1)").arg(shortened(tenant->group.section(QLatin1Char(','), 0, 0)));
                break;
            }
        }
        m_labels.append(label);
        const double value = cpu ? tenant->cpuSeconds() * 1000.0 : static_cast<double>(tenant->queries());
        values.append(value);
        maximum = std::max(maximum, value);
    }
    QStringList categories = m_labels;
    std::reverse(categories.begin(), categories.end());
    std::reverse(values.begin(), values.end());
    // One replace() per update; categories are unique by construction unless two groups share a label.
    for (qsizetype i = 0; i < categories.size(); ++i) {
        if (categories.indexOf(categories[i]) != i)
            categories[i] += QString(i, QChar(0x200b)); // zero-width spaces keep duplicates apart
    }
    m_set->remove(0, static_cast<int>(m_set->count()));
    m_set->append(values);
    m_tenantAxis->setCategories(categories);
    m_valueAxis->setRange(0.0, std::max(cpu ? 0.1 : 1.0, maximum * 1.05));
    m_valueAxis->setTickCount(4);
    m_valueAxis->applyNiceNumbers();
    // Plain numbers: "%g" turns 1500 into "1.5e+03", which is wider and harder to read.
    const double top = m_valueAxis->max();
    m_valueAxis->setLabelFormat(top >= 10.0 ? QStringLiteral("%.0f")
                                            : (top >= 1.0 ? QStringLiteral("%.1f") : QStringLiteral("%.2f")));
    m_valueAxis->setTitleText(cpu ? tr("CPU ms") : tr("queries"));
    m_set->setLabel(cpu ? tr("CPU ms") : tr("queries"));
    chart()->setTitle(rows == 0 ? tr("No tenant traffic to show") : QString());
}

int TenantTopChart::fittingBars() const
{
    // Room left by the value axis (labels and title) and the margins; a bar band needs a label line and a gap.
    const int line = QFontMetrics(m_tenantAxis->labelsFont()).height();
    const int available = height() - 3 * line - 24;
    return std::clamp(available / (2 * line), 3, kMaxBars);
}

void TenantTopChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    const int bars = fittingBars();
    if (bars != m_bars) {
        m_bars = bars;
        refresh();
    }
}

QString TenantTopChart::csv() const
{
    QString out = ChartExport::csvLine(
        {QStringLiteral("tenant"), QStringLiteral("colocation_id"), QStringLiteral("tables"), QStringLiteral("node"),
         QStringLiteral("queries"), QStringLiteral("reads"), QStringLiteral("cpu_seconds"), QStringLiteral("shard")});
    for (int row = 0; m_model && row < m_model->rowCount(); ++row) {
        const TenantRow* t = m_model->tenantAt(row);
        out += ChartExport::csvLine({t->tenant, QString::number(t->colocationId), t->group, t->node,
                                     QString::number(t->queries()), QString::number(t->reads()),
                                     QString::number(t->cpuSeconds(), 'g', 6), QString::number(t->shardId)});
    }
    return out;
}

} // namespace shardscope
