// SPDX-License-Identifier: MIT
#include "skewhistogramchart.h"

#include "chartexport.h"
#include "skewbytescale.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QGraphicsLayout>
#include <QHorizontalBarSeries>
#include <QValueAxis>
#include <algorithm>

namespace shardscope {

SkewHistogramChart::SkewHistogramChart(QWidget* parent)
    : QChartView(parent), m_series(new QHorizontalBarSeries), m_sizeAxis(new QBarCategoryAxis),
      m_countAxis(new QValueAxis)
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->addSeries(m_series);
    chart->addAxis(m_sizeAxis, Qt::AlignLeft);
    chart->addAxis(m_countAxis, Qt::AlignBottom);
    m_series->attachAxis(m_sizeAxis);
    m_series->attachAxis(m_countAxis);
    m_series->setBarWidth(0.9);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setTitleText(tr("shards"));
    chart->legend()->hide();
    QFont small = chart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->legend()->setFont(small);
    chart->legend()->setShowToolTips(true); // the full name of an entry cut short
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(140);
}

void SkewHistogramChart::setHistogram(const std::vector<SizeBin>& bins)
{
    m_bins = bins;
    m_series->clear();
    auto* set = new QBarSet(tr("shards"));
    QStringList categories;
    std::int64_t most = 0;
    const SkewByteScale scale =
        SkewByteScale::forMaximum(bins.empty() ? 0.0 : static_cast<double>(bins.back().toBytes));
    for (const SizeBin& bin : bins) {
        set->append(static_cast<double>(bin.shards));
        categories.append(QStringLiteral("≤ %1 %2").arg(
            QString::number(scale.scaled(static_cast<double>(bin.toBytes)), 'g', 3), scale.unit));
        most = std::max(most, bin.shards);
    }
    m_sizeAxis->setTitleText(tr("shard size"));
    set->setLabelColor(palette().color(QPalette::WindowText));
    m_series->append(set);
    m_series->setLabelsVisible(true);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_series->setLabelsFormat(QStringLiteral("@value"));
    m_sizeAxis->setCategories(categories);
    m_countAxis->setRange(0, static_cast<double>(std::max<std::int64_t>(1, most)) * 1.15);
    m_countAxis->applyNiceNumbers();
}

QString SkewHistogramChart::csv() const
{
    QString out =
        ChartExport::csvLine({QStringLiteral("from_bytes"), QStringLiteral("to_bytes"), QStringLiteral("shards")});
    for (const SizeBin& bin : m_bins) {
        out += ChartExport::csvLine(
            {QString::number(bin.fromBytes), QString::number(bin.toBytes), QString::number(bin.shards)});
    }
    return out;
}

} // namespace shardscope
