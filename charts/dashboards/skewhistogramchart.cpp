// SPDX-License-Identifier: MIT
#include "skewhistogramchart.h"

#include "chartexport.h"
#include "format.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QGraphicsLayout>
#include <QValueAxis>
#include <algorithm>

namespace shardscope {

SkewHistogramChart::SkewHistogramChart(QWidget* parent)
    : QChartView(parent), m_series(new QBarSeries), m_sizeAxis(new QBarCategoryAxis), m_countAxis(new QValueAxis)
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->addSeries(m_series);
    chart->addAxis(m_sizeAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    m_series->attachAxis(m_sizeAxis);
    m_series->attachAxis(m_countAxis);
    m_series->setBarWidth(0.9);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setTitleText(tr("shards"));
    m_sizeAxis->setTitleText(tr("shard size (upper bound of each band)"));
    m_sizeAxis->setLabelsAngle(-45);
    chart->legend()->hide();
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
}

void SkewHistogramChart::setHistogram(const std::vector<SizeBin>& bins)
{
    m_bins = bins;
    m_series->clear();
    auto* set = new QBarSet(tr("shards"));
    QStringList categories;
    std::int64_t most = 0;
    for (const SizeBin& bin : bins) {
        set->append(static_cast<double>(bin.shards));
        categories.append(Format::bytes(bin.toBytes));
        most = std::max(most, bin.shards);
    }
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
