// SPDX-License-Identifier: MIT
#include "fanoutcostchart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QFontMetrics>
#include <QHorizontalBarSeries>
#include <QResizeEvent>
#include <QValueAxis>
#include <algorithm>

namespace shardscope {

FanoutCostChart::FanoutCostChart(QWidget* parent)
    : QChartView(parent), m_set(new QBarSet(tr("shards × calls"))), m_categories(new QBarCategoryAxis),
      m_axis(new QValueAxis)
{
    auto* chart = new QChart;
    chart->setTitle(tr("Shards touched × calls per statement"));
    auto* series = new QHorizontalBarSeries;
    series->append(m_set);
    chart->addSeries(series);
    chart->addAxis(m_categories, Qt::AlignLeft);
    series->attachAxis(m_categories);
    m_axis->setLabelFormat(QStringLiteral("%.0f"));
    m_categories->setTruncateLabels(false);
    chart->addAxis(m_axis, Qt::AlignBottom);
    series->attachAxis(m_axis);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    QFont small = m_categories->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_categories->setLabelsFont(small);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(380);
}

void FanoutCostChart::setReport(const stats::StatementReport& report)
{
    std::vector<std::pair<qint64, const stats::StatementFigures*>> ranked;
    for (const stats::StatementFigures& figures : report.statements) {
        if (const auto cost = stats::shardCalls(figures))
            ranked.emplace_back(*cost, &figures);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (ranked.size() > static_cast<std::size_t>(kMaxBars))
        ranked.resize(static_cast<std::size_t>(kMaxBars));
    m_labels.clear();
    m_costs.clear();
    for (const auto& [cost, figures] : ranked) {
        // Categories must be distinct: the rank keeps two statements with the same start apart.
        m_labels << QStringLiteral("%1. %2")
                        .arg(m_labels.size() + 1)
                        .arg(QString::fromStdString(figures->query).simplified().left(200));
        m_costs << cost;
    }
    QList<qreal> values;
    for (auto it = m_costs.rbegin(); it != m_costs.rend(); ++it)
        values << static_cast<qreal>(*it);
    m_labelWidth = -1;
    updateCategories();
    m_set->remove(0, m_set->count());
    m_set->append(values);
    const qreal top = values.isEmpty() ? 1 : *std::max_element(values.begin(), values.end());
    m_axis->setRange(0, top * 1.05);
    m_axis->applyNiceNumbers();
}

void FanoutCostChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    updateCategories();
}

void FanoutCostChart::updateCategories()
{
    const int width = std::max(80, static_cast<int>(this->width() * 0.4));
    if (width == m_labelWidth)
        return;
    m_labelWidth = width;
    const QFontMetrics metrics(m_categories->labelsFont());
    // Horizontal bars are drawn bottom-up: reverse so the most costly statement is on top.
    QStringList categories;
    for (auto it = m_labels.rbegin(); it != m_labels.rend(); ++it)
        categories << metrics.elidedText(*it, Qt::ElideRight, width);
    m_categories->clear();
    m_categories->append(categories);
}

} // namespace shardscope
