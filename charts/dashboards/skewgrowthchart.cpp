// SPDX-License-Identifier: MIT
#include "skewgrowthchart.h"

#include "chartexport.h"
#include "skewbytescale.h"
#include "skewdownsample.h"
#include "skewnodenames.h"
#include "skewtimeformat.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>

namespace shardscope {

SkewGrowthChart::SkewGrowthChart(QWidget* parent)
    : QChartView(parent), m_timeAxis(new QDateTimeAxis), m_bytesAxis(new QValueAxis)
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_bytesAxis, Qt::AlignLeft);
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(5);
    m_bytesAxis->setLabelFormat(QStringLiteral("%.3g"));
    chart->legend()->setAlignment(Qt::AlignBottom);
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

void SkewGrowthChart::setHistory(const std::vector<snapshot::MetricSample>& samples)
{
    m_samples = samples;
    double maxBytes = 0.0;
    for (const snapshot::MetricSample& sample : samples) {
        for (const snapshot::NodeMetric& node : sample.nodes)
            maxBytes = std::max(maxBytes, static_cast<double>(node.bytes));
    }
    const SkewByteScale scale = SkewByteScale::forMaximum(maxBytes);
    std::map<QString, QList<QPointF>> points;
    for (const snapshot::MetricSample& sample : samples) {
        for (const snapshot::NodeMetric& node : sample.nodes) {
            points[QString::fromStdString(node.node)].append(
                {static_cast<double>(sample.atMs), scale.scaled(static_cast<double>(node.bytes))});
        }
    }
    QStringList nodes;
    for (const auto& entry : points)
        nodes.append(entry.first);
    const QStringList names = SkewNodeNames::shortNames(nodes);
    for (auto& [node, list] : points) {
        QLineSeries*& series = m_series[node];
        if (!series) {
            series = new QLineSeries;
            series->setPointsVisible(true);
            chart()->addSeries(series);
            series->attachAxis(m_timeAxis);
            series->attachAxis(m_bytesAxis);
        }
        series->setName(names.at(nodes.indexOf(node)));
        series->replace(SkewDownsample::minMax(list));
    }
    for (auto& [node, series] : m_series) {
        if (points.count(node) == 0)
            series->clear();
    }
    std::int64_t from = samples.empty() ? QDateTime::currentMSecsSinceEpoch() - 3600 * 1000 : samples.front().atMs;
    std::int64_t to = samples.empty() ? QDateTime::currentMSecsSinceEpoch() : samples.back().atMs;
    if (to - from < 60 * 1000) {
        from -= 30 * 1000;
        to += 30 * 1000;
    }
    m_timeAxis->setFormat(SkewTimeFormat::forSpan(to - from));
    SkewTimeFormat::fitTicks(m_timeAxis, width());
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    m_bytesAxis->setRange(0.0, std::max(1.0, scale.scaled(maxBytes) * 1.1));
    m_bytesAxis->applyNiceNumbers();
    m_bytesAxis->setTitleText(scale.unit);
    chart()->setTitle(samples.size() < 2 ? tr("Collecting history: one sample per refresh") : QString());
}

QString SkewGrowthChart::csv() const
{
    QString out = ChartExport::csvLine(
        {QStringLiteral("time"), QStringLiteral("node"), QStringLiteral("bytes"), QStringLiteral("shards")});
    for (const snapshot::MetricSample& sample : m_samples) {
        const QString time = QDateTime::fromMSecsSinceEpoch(sample.atMs, Qt::UTC).toString(Qt::ISODateWithMs);
        for (const snapshot::NodeMetric& node : sample.nodes) {
            out += ChartExport::csvLine(
                {time, QString::fromStdString(node.node), QString::number(node.bytes), QString::number(node.shards)});
        }
    }
    return out;
}

qsizetype SkewGrowthChart::pointCount(const QString& node) const
{
    const auto it = m_series.find(node);
    return it == m_series.end() ? -1 : it->second->count();
}

void SkewGrowthChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    SkewTimeFormat::fitTicks(m_timeAxis, width()); // narrow charts get fewer time labels, never cut ones
}

} // namespace shardscope
