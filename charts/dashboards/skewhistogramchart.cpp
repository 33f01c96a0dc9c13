// SPDX-License-Identifier: MIT
#include "skewhistogramchart.h"

#include "chartexport.h"
#include "skewbytescale.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QFontMetrics>
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
    redraw();
}

int SkewHistogramChart::bandsShown() const
{
    // Qt Charts cuts a category label to "..." when its band is too short: a short chart merges neighbouring
    // bands (the CSV keeps them all).
    const int line = QFontMetrics(m_sizeAxis->labelsFont()).height();
    const int fit = std::max(3, (height() - 3 * line - 24) / (line + line / 2 + 4));
    return std::min(static_cast<int>(m_bins.size()), fit);
}

void SkewHistogramChart::redraw()
{
    std::vector<SizeBin> bins;
    const int shown = bandsShown();
    const std::size_t per = shown > 0 ? (m_bins.size() + std::size_t(shown) - 1) / std::size_t(shown) : std::size_t(1);
    for (std::size_t i = 0; i < m_bins.size(); i += per) {
        SizeBin merged = m_bins[i];
        for (std::size_t j = i + 1; j < std::min(m_bins.size(), i + per); ++j) {
            merged.toBytes = m_bins[j].toBytes;
            merged.shards += m_bins[j].shards;
        }
        bins.push_back(merged);
    }
    m_shownBands = static_cast<int>(bins.size());
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
    // The chart keeps its light theme in a dark window: the bar labels take the axis labels' colour.
    set->setLabelColor(m_countAxis->labelsColor());
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

void SkewHistogramChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    if (bandsShown() != m_shownBands)
        redraw();
}

} // namespace shardscope
