// SPDX-License-Identifier: MIT
#include "skewtimelinechart.h"

#include "chartexport.h"
#include "skewdownsample.h"
#include "skewtimeformat.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <functional>
#include <set>

namespace shardscope {

namespace {
constexpr int kLegendGroups = 3;

QString isoTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}
} // namespace

SkewTimelineChart::SkewTimelineChart(QWidget* parent)
    : QChartView(parent), m_timeAxis(new QDateTimeAxis), m_ratioAxis(new QValueAxis), m_cvAxis(new QValueAxis),
      m_markerSeries(new QScatterSeries)
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_ratioAxis, Qt::AlignLeft);
    chart->addAxis(m_cvAxis, Qt::AlignRight);
    m_ratioAxis->setTitleText(tr("max / mean (solid)"));
    m_cvAxis->setTitleText(tr("CV (dashed)"));
    m_ratioAxis->setLabelFormat(QStringLiteral("%.2f"));
    m_cvAxis->setLabelFormat(QStringLiteral("%.2f"));
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(5);
    m_markerSeries->setName(tr("operations"));
    m_markerSeries->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    m_markerSeries->setMarkerSize(12);
    m_markerSeries->setColor(QColor(0xd9, 0x48, 0x1c));
    chart->addSeries(m_markerSeries);
    m_markerSeries->attachAxis(m_timeAxis);
    m_markerSeries->attachAxis(m_ratioAxis);
    connect(m_markerSeries, &QScatterSeries::hovered, this, [this](const QPointF& point, bool state) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        QStringList lines;
        for (const snapshot::OperationMarker& marker : m_markers) {
            if (std::abs(static_cast<double>(marker.atMs) - point.x()) < 1.0)
                lines.append(QString::fromStdString(marker.label));
        }
        QToolTip::showText(QCursor::pos(), lines.join(QLatin1Char('\n')), this);
    });
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

SkewTimelineChart::GroupSeries& SkewTimelineChart::seriesFor(std::int64_t colocationId, const QString& label)
{
    GroupSeries& series = m_series[colocationId];
    if (!series.ratio) {
        series.ratio = new QLineSeries;
        series.cv = new QLineSeries;
        chart()->addSeries(series.ratio);
        chart()->addSeries(series.cv);
        series.ratio->attachAxis(m_timeAxis);
        series.ratio->attachAxis(m_ratioAxis);
        series.cv->attachAxis(m_timeAxis);
        series.cv->attachAxis(m_cvAxis);
        QPen pen = series.cv->pen();
        pen.setColor(series.ratio->color());
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(1.5);
        series.cv->setPen(pen);
        QPen solid = series.ratio->pen();
        solid.setWidthF(colocationId == 0 ? 3.0 : 2.0);
        series.ratio->setPen(solid);
        series.ratio->setPointsVisible(true);
        // The legend names a group once; its dashed CV line shares the colour.
        const auto markers = chart()->legend()->markers(series.cv);
        for (auto* marker : markers)
            marker->setVisible(false);
    }
    series.ratio->setName(label);
    series.cv->setName(label + tr(" CV"));
    return series;
}

void SkewTimelineChart::setHistory(const std::vector<snapshot::MetricSample>& samples,
                                   const std::vector<snapshot::OperationMarker>& markers)
{
    m_samples = samples;
    m_markers = markers;
    std::map<std::int64_t, QList<QPointF>> ratio;
    std::map<std::int64_t, QList<QPointF>> cv;
    std::map<std::int64_t, QString> labels;
    double maxRatio = 1.0;
    double maxCv = 0.0;
    for (const snapshot::MetricSample& sample : samples) {
        const auto x = static_cast<double>(sample.atMs);
        ratio[0].append({x, sample.nodeMaxOverMean});
        cv[0].append({x, sample.nodeCoefficientOfVariation});
        maxRatio = std::max(maxRatio, sample.nodeMaxOverMean);
        maxCv = std::max(maxCv, sample.nodeCoefficientOfVariation);
        for (const snapshot::GroupMetric& group : sample.groups) {
            ratio[group.colocationId].append({x, group.maxOverMean});
            cv[group.colocationId].append({x, group.coefficientOfVariation});
            labels[group.colocationId] = QString::fromStdString(group.label);
            maxRatio = std::max(maxRatio, group.maxOverMean);
            maxCv = std::max(maxCv, group.coefficientOfVariation);
        }
    }
    if (!samples.empty())
        labels[0] = tr("all nodes");
    for (auto& [id, points] : ratio) {
        GroupSeries& series = seriesFor(id, labels[id]);
        series.ratio->replace(SkewDownsample::minMax(points));
        series.cv->replace(SkewDownsample::minMax(cv[id]));
    }
    // Groups gone from the history keep their series, emptied.
    for (auto& [id, series] : m_series) {
        if (ratio.count(id) == 0) {
            series.ratio->clear();
            series.cv->clear();
        }
    }
    // A legend of a dozen groups leaves no room for their names: it names the nodes and the most skewed groups
    // now; the other lines are drawn all the same and are in the CSV.
    std::vector<std::pair<double, std::int64_t>> latest;
    for (const auto& [id, points] : ratio) {
        if (id != 0 && !points.isEmpty())
            latest.emplace_back(points.back().y(), id);
    }
    std::sort(latest.begin(), latest.end(), std::greater<>());
    std::set<std::int64_t> named{0};
    for (std::size_t i = 0; i < latest.size() && i < std::size_t(kLegendGroups); ++i)
        named.insert(latest[i].second);
    for (const auto& [id, series] : m_series) {
        const auto entries = chart()->legend()->markers(series.ratio);
        for (auto* entry : entries)
            entry->setVisible(named.count(id) > 0 && ratio.count(id) > 0);
    }

    std::int64_t from = samples.empty() ? QDateTime::currentMSecsSinceEpoch() - 3600 * 1000 : samples.front().atMs;
    std::int64_t to = samples.empty() ? QDateTime::currentMSecsSinceEpoch() : samples.back().atMs;
    QList<QPointF> markerPoints;
    for (const snapshot::OperationMarker& marker : markers) {
        from = std::min(from, marker.atMs);
        to = std::max(to, marker.atMs);
    }
    const double top = std::max(1.1, maxRatio * 1.1);
    const double bottom = 1.0 + (top - 1.0) * 0.04; // just above the axis, so the triangles show whole
    for (const snapshot::OperationMarker& marker : markers)
        markerPoints.append({static_cast<double>(marker.atMs), bottom});
    m_markerSeries->replace(SkewDownsample::minMax(markerPoints));
    // The legend names operations only when there are some to see.
    const auto markerEntries = chart()->legend()->markers(m_markerSeries);
    for (auto* entry : markerEntries)
        entry->setVisible(!markers.empty());
    // A single moment still gets a visible span.
    if (to - from < 60 * 1000) {
        from -= 30 * 1000;
        to += 30 * 1000;
    }
    m_timeAxis->setFormat(SkewTimeFormat::forSpan(to - from));
    SkewTimeFormat::fitTicks(m_timeAxis, width());
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    m_ratioAxis->setRange(1.0, top);
    m_cvAxis->setRange(0.0, std::max(0.1, maxCv * 1.1));
    chart()->setTitle(samples.size() < 2 ? tr("Collecting history: one sample per refresh") : QString());
}

QString SkewTimelineChart::csv() const
{
    QString out =
        ChartExport::csvLine({QStringLiteral("time"), QStringLiteral("series"), QStringLiteral("colocation_id"),
                              QStringLiteral("max_over_mean"), QStringLiteral("cv"), QStringLiteral("operation")});
    for (const snapshot::MetricSample& sample : m_samples) {
        out += ChartExport::csvLine({isoTime(sample.atMs), QStringLiteral("nodes"), QStringLiteral("0"),
                                     QString::number(sample.nodeMaxOverMean, 'g', 10),
                                     QString::number(sample.nodeCoefficientOfVariation, 'g', 10), QString()});
        for (const snapshot::GroupMetric& group : sample.groups) {
            out +=
                ChartExport::csvLine({isoTime(sample.atMs), QString::fromStdString(group.label),
                                      QString::number(group.colocationId), QString::number(group.maxOverMean, 'g', 10),
                                      QString::number(group.coefficientOfVariation, 'g', 10), QString()});
        }
    }
    for (const snapshot::OperationMarker& marker : m_markers) {
        out += ChartExport::csvLine({isoTime(marker.atMs), QString::fromStdString(marker.kind), QString(), QString(),
                                     QString(), QString::fromStdString(marker.label)});
    }
    return out;
}

qsizetype SkewTimelineChart::pointCount(const QString& name) const
{
    for (const auto& [id, series] : m_series) {
        if (series.ratio->name() == name)
            return series.ratio->count();
    }
    return m_markerSeries->name() == name ? m_markerSeries->count() : -1;
}

void SkewTimelineChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    SkewTimeFormat::fitTicks(m_timeAxis, width()); // narrow charts get fewer time labels, never cut ones
}

} // namespace shardscope
