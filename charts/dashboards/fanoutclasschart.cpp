// SPDX-License-Identifier: MIT
#include "fanoutclasschart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalBarSeries>
#include <QValueAxis>
#include <algorithm>
#include <array>

namespace shardscope {

namespace {

constexpr std::array kClasses{stats::FanoutClass::Router, stats::FanoutClass::MultiShard, stats::FanoutClass::Reference,
                              stats::FanoutClass::Repartition, stats::FanoutClass::Unknown};

void replaceValues(QBarSet* set, const QList<qreal>& values)
{
    if (set->count() == values.size()) {
        for (qsizetype i = 0; i < values.size(); ++i)
            set->replace(static_cast<int>(i), values[i]);
    } else {
        set->remove(0, set->count());
        set->append(values);
    }
}

} // namespace

FanoutClassChart::FanoutClassChart(QWidget* parent)
    : QChartView(parent), m_callSet(new QBarSet(tr("% of calls"))), m_timeSet(new QBarSet(tr("% of total time"))),
      m_axis(new QValueAxis)
{
    auto* chart = new QChart;
    chart->setTitle(tr("Calls and time by fan-out class"));
    auto* series = new QHorizontalBarSeries;
    series->append(m_callSet);
    series->append(m_timeSet);
    chart->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    QStringList names;
    for (const stats::FanoutClass kind : kClasses)
        names << QString::fromLatin1(stats::fanoutClassName(kind));
    std::reverse(names.begin(), names.end()); // horizontal bars grow upwards: router on top
    categories->append(names);
    categories->setTruncateLabels(false);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    m_axis->setRange(0, 100);
    m_axis->setLabelFormat(QStringLiteral("%.0f%%"));
    chart->addAxis(m_axis, Qt::AlignBottom);
    series->attachAxis(m_axis);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(205);
}

void FanoutClassChart::setReport(const stats::StatementReport& report)
{
    m_calls.clear();
    m_times.clear();
    qint64 allCalls = 0;
    double allTime = 0;
    for (const stats::FanoutClass kind : kClasses) {
        qint64 calls = 0;
        double time = 0;
        for (const stats::StatementFigures& figures : report.statements) {
            if (figures.fanout.kind == kind) {
                calls += figures.calls;
                time += figures.totalTimeMs.value_or(0);
            }
        }
        m_calls << calls;
        m_times << time;
        allCalls += calls;
        allTime += time;
    }
    QList<qreal> callShares;
    QList<qreal> timeShares;
    for (qsizetype i = m_calls.size() - 1; i >= 0; --i) {
        callShares << (allCalls > 0 ? 100.0 * static_cast<double>(m_calls[i]) / static_cast<double>(allCalls) : 0);
        timeShares << (allTime > 0 ? 100.0 * m_times[i] / allTime : 0);
    }
    replaceValues(m_callSet, callShares);
    replaceValues(m_timeSet, timeShares);
}

} // namespace shardscope
