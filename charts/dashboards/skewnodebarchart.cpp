// SPDX-License-Identifier: MIT
#include "skewnodebarchart.h"

#include "chartexport.h"
#include "skew/skewfigures.h"
#include "skewbytescale.h"
#include "skewnodenames.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QGraphicsLayout>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QValueAxis>
#include <algorithm>

namespace shardscope {

namespace {
constexpr int kLegendEntries = 5;
} // namespace

SkewNodeBarChart::SkewNodeBarChart(QWidget* parent)
    : QChartView(parent), m_series(new QHorizontalStackedBarSeries), m_nodeAxis(new QBarCategoryAxis),
      m_bytesAxis(new QValueAxis)
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->addSeries(m_series);
    chart->addAxis(m_nodeAxis, Qt::AlignLeft);
    chart->addAxis(m_bytesAxis, Qt::AlignBottom);
    m_series->attachAxis(m_nodeAxis);
    m_series->attachAxis(m_bytesAxis);
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
        std::vector<double> values(report.nodes.size());
        for (std::size_t n = 0; n < report.nodes.size(); ++n) {
            std::int64_t bytes = 0;
            for (const engine::NodeBytes& entry : group.perNode) {
                if (entry.group == report.nodes[n].group)
                    bytes += entry.bytes;
            }
            rest[n] -= bytes;
            values[n] = scale.scaled(static_cast<double>(bytes));
            m_csv += ChartExport::csvLine({m_nodes[static_cast<qsizetype>(n)], QString::number(group.colocationId),
                                           label, QString::number(bytes)});
        }
        // Bars go bottom to top: the nodes are added last first, so the first node is on top.
        for (auto it = values.rbegin(); it != values.rend(); ++it)
            set->append(*it);
        m_series->append(set);
    }
    auto* other = new QBarSet(tr("reference and other"));
    for (std::size_t n = report.nodes.size(); n-- > 0;)
        other->append(scale.scaled(static_cast<double>(std::max<std::int64_t>(0, rest[n]))));
    for (std::size_t n = 0; n < report.nodes.size(); ++n) {
        m_csv += ChartExport::csvLine({m_nodes[static_cast<qsizetype>(n)], QStringLiteral("0"),
                                       tr("reference and other"), QString::number(std::max<std::int64_t>(0, rest[n]))});
    }
    m_series->append(other);
    nameBiggestInLegend();

    QStringList names = SkewNodeNames::shortNames(m_nodes);
    std::reverse(names.begin(), names.end());
    m_nodeAxis->setCategories(names);
    m_bytesAxis->setRange(0.0, std::max(1.0, scale.scaled(static_cast<double>(maxBytes)) * 1.05));
    m_bytesAxis->applyNiceNumbers();
    m_bytesAxis->setTitleText(scale.unit);
}

void SkewNodeBarChart::setTables(const engine::SkewReport& report, const std::vector<TableNodeBytes>& tables)
{
    std::int64_t maxBytes = 0;
    m_nodes.clear();
    for (const engine::NodeSkew& node : report.nodes) {
        maxBytes = std::max(maxBytes, node.bytes);
        m_nodes.append(QString::fromStdString(node.name) + QLatin1Char(':') + QString::number(node.port));
    }
    const SkewByteScale scale = SkewByteScale::forMaximum(static_cast<double>(maxBytes));
    m_csv = ChartExport::csvLine({QStringLiteral("node"), QStringLiteral("table"), QStringLiteral("bytes")});
    m_series->clear();
    for (const TableNodeBytes& table : tables) {
        const QString label = QString::fromStdString(table.table);
        auto* set = new QBarSet(label);
        for (std::size_t n = table.perNode.size(); n-- > 0;) // first node on top, as above
            set->append(scale.scaled(static_cast<double>(table.perNode[n])));
        for (std::size_t n = 0; n < table.perNode.size() && n < report.nodes.size(); ++n)
            m_csv +=
                ChartExport::csvLine({m_nodes[static_cast<qsizetype>(n)], label, QString::number(table.perNode[n])});
        m_series->append(set);
    }
    nameBiggestInLegend();
    QStringList names = SkewNodeNames::shortNames(m_nodes);
    std::reverse(names.begin(), names.end());
    m_nodeAxis->setCategories(names);
    m_bytesAxis->setRange(0.0, std::max(1.0, scale.scaled(static_cast<double>(maxBytes)) * 1.05));
    m_bytesAxis->applyNiceNumbers();
    m_bytesAxis->setTitleText(scale.unit);
}

void SkewNodeBarChart::nameBiggestInLegend()
{
    // A dozen entries in one legend row leave "ske…" of every name: the biggest stacks are named, the other
    // ones are drawn all the same (and in the CSV, and in a bar's tooltip).
    const QList<QBarSet*> sets = m_series->barSets();
    std::vector<std::pair<double, qsizetype>> totals;
    for (qsizetype i = 0; i < sets.size(); ++i)
        totals.emplace_back(sets[i]->sum(), i);
    std::stable_sort(totals.begin(), totals.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<bool> named(std::size_t(sets.size()), false);
    for (std::size_t i = 0; i < totals.size() && i < std::size_t(kLegendEntries); ++i)
        named[std::size_t(totals[i].second)] = totals[i].first > 0.0;
    for (qsizetype i = 0; i < sets.size(); ++i) {
        const auto entries = chart()->legend()->markers(m_series);
        if (i < entries.size())
            entries[i]->setVisible(named[std::size_t(i)]);
    }
}

QStringList SkewNodeBarChart::legendNames() const
{
    QStringList names;
    const auto entries = chart()->legend()->markers(m_series);
    for (const QLegendMarker* entry : entries) {
        if (entry->isVisible())
            names.append(entry->label());
    }
    return names;
}

QString SkewNodeBarChart::csv() const
{
    return m_csv;
}

} // namespace shardscope
