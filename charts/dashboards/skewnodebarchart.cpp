// SPDX-License-Identifier: MIT
#include "skewnodebarchart.h"

#include "chartexport.h"
#include "skew/skewfigures.h"
#include "skewbytescale.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QGraphicsLayout>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <algorithm>

namespace shardscope {

SkewNodeBarChart::SkewNodeBarChart(QWidget* parent)
    : QChartView(parent), m_series(new QStackedBarSeries), m_nodeAxis(new QBarCategoryAxis), m_bytesAxis(new QValueAxis)
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->addSeries(m_series);
    chart->addAxis(m_nodeAxis, Qt::AlignBottom);
    chart->addAxis(m_bytesAxis, Qt::AlignLeft);
    m_series->attachAxis(m_nodeAxis);
    m_series->attachAxis(m_bytesAxis);
    m_bytesAxis->setLabelFormat(QStringLiteral("%.3g"));
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
}

void SkewNodeBarChart::setReport(const engine::SkewReport& report)
{
    std::int64_t maxBytes = 0;
    for (const engine::NodeSkew& node : report.nodes)
        maxBytes = std::max(maxBytes, node.bytes);
    const SkewByteScale scale = SkewByteScale::forMaximum(static_cast<double>(maxBytes));

    m_nodes.clear();
    for (const engine::NodeSkew& node : report.nodes)
        m_nodes.append(QString::fromStdString(node.name) + QLatin1Char(':') + QString::number(node.port));

    m_csv = ChartExport::csvLine(
        {QStringLiteral("node"), QStringLiteral("colocation_id"), QStringLiteral("tables"), QStringLiteral("bytes")});
    // Bar sets are few (one per colocation group), so they are rebuilt whole.
    m_series->clear();
    std::vector<std::int64_t> rest;
    for (const engine::NodeSkew& node : report.nodes)
        rest.push_back(node.bytes);
    for (const engine::ColocationSkew& group : report.colocationGroups) {
        const QString label = SkewFigures::groupLabel(group.tables);
        auto* set = new QBarSet(label);
        for (std::size_t n = 0; n < report.nodes.size(); ++n) {
            std::int64_t bytes = 0;
            for (const engine::NodeBytes& entry : group.perNode) {
                if (entry.group == report.nodes[n].group)
                    bytes += entry.bytes;
            }
            rest[n] -= bytes;
            set->append(scale.scaled(static_cast<double>(bytes)));
            m_csv += ChartExport::csvLine({m_nodes[static_cast<qsizetype>(n)], QString::number(group.colocationId),
                                           label, QString::number(bytes)});
        }
        m_series->append(set);
    }
    auto* other = new QBarSet(tr("reference tables and other"));
    for (std::size_t n = 0; n < report.nodes.size(); ++n) {
        other->append(scale.scaled(static_cast<double>(std::max<std::int64_t>(0, rest[n]))));
        m_csv += ChartExport::csvLine({m_nodes[static_cast<qsizetype>(n)], QStringLiteral("0"),
                                       tr("reference tables and other"),
                                       QString::number(std::max<std::int64_t>(0, rest[n]))});
    }
    m_series->append(other);

    m_nodeAxis->setCategories(m_nodes);
    m_bytesAxis->setRange(0.0, std::max(1.0, scale.scaled(static_cast<double>(maxBytes)) * 1.05));
    m_bytesAxis->setTitleText(scale.unit);
}

QString SkewNodeBarChart::csv() const
{
    return m_csv;
}

} // namespace shardscope
