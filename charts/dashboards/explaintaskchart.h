// SPDX-License-Identifier: MIT
#pragma once

#include "explain/plananalysis.h"

#include <QWidget>

class QChartView;
class QLabel;

namespace shardscope {

/**
 * Time per Citus task (bars coloured by worker, slowest first) and per worker (total and slowest task): shows
 * skew inside one distributed query. Meaningful when the plan holds all tasks (citus.explain_all_tasks).
 */
class ExplainTaskChart : public QWidget
{
    Q_OBJECT

public:
    /** At most this many task bars; more tasks show the slowest ones. */
    static constexpr int kMaxTaskBars = 400;

    explicit ExplainTaskChart(QWidget* parent = nullptr);

    /** Rebuilds both charts; an analysis without timed tasks shows a short explanation instead. */
    void setAnalysis(const explain::PlanAnalysis* analysis);

    int taskBarCount() const { return m_taskBars; }
    int workerCount() const { return m_workers; }
    /** What is shown instead of the charts, or empty while they are shown. */
    QString placeholderText() const;

private:
    void clearCharts();

    QChartView* m_taskView;
    QChartView* m_workerView;
    QLabel* m_placeholder;
    int m_taskBars = 0;
    int m_workers = 0;
};

} // namespace shardscope
