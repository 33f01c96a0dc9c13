// SPDX-License-Identifier: MIT
#include "dashboards/explaintaskchart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <map>

namespace shardscope {

namespace {

// Small task times (a few ms) need decimals, or the axis repeats "0, 1, 1, 2".
QString labelFormat(double maximum)
{
    if (maximum < 2)
        return QStringLiteral("%.2f");
    if (maximum < 20)
        return QStringLiteral("%.1f");
    return QStringLiteral("%.0f");
}

// "127.0.0.1:9701" is cut to "127.0..." under a bar; when every worker is on one host the port says it all.
QString shortWorkerName(const std::string& worker, const std::vector<explain::WorkerFigure>& all)
{
    const std::size_t colon = worker.rfind(':');
    if (colon == std::string::npos)
        return QString::fromStdString(worker);
    const std::string host = worker.substr(0, colon);
    for (const explain::WorkerFigure& w : all) {
        if (w.worker.rfind(host + ':', 0) != 0)
            return QString::fromStdString(worker);
    }
    return QString::fromStdString(worker.substr(colon));
}

QChartView* makeView(QWidget* parent)
{
    auto* view = new QChartView(new QChart(), parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    view->chart()->setMargins(QMargins(4, 4, 4, 4));
    view->chart()->legend()->setAlignment(Qt::AlignBottom);
    return view;
}

} // namespace

ExplainTaskChart::ExplainTaskChart(QWidget* parent)
    : QWidget(parent), m_taskView(makeView(this)), m_workerView(makeView(this)), m_placeholder(new QLabel(this))
{
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    auto* charts = new QHBoxLayout();
    charts->addWidget(m_taskView, 3);
    charts->addWidget(m_workerView, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_placeholder, 1); // centred while there is nothing to chart
    layout->addLayout(charts, 1);
    setAnalysis(nullptr);
}

QString ExplainTaskChart::placeholderText() const
{
    return m_placeholder->isHidden() ? QString() : m_placeholder->text();
}

void ExplainTaskChart::clearCharts()
{
    for (QChartView* view : {m_taskView, m_workerView}) {
        QChart* chart = view->chart();
        chart->removeAllSeries();
        for (QAbstractAxis* axis : chart->axes())
            chart->removeAxis(axis);
    }
    m_taskBars = 0;
    m_workers = 0;
}

void ExplainTaskChart::setAnalysis(const explain::PlanAnalysis* analysis)
{
    clearCharts();
    std::vector<const explain::TaskFigure*> tasks;
    if (analysis) {
        for (const explain::TaskFigure& t : analysis->tasks) {
            if (t.timeMs)
                tasks.push_back(&t);
        }
    }
    const bool show = tasks.size() > 1;
    m_taskView->setVisible(show);
    m_workerView->setVisible(show);
    m_placeholder->setVisible(!show);
    if (!show) {
        const bool repartition =
            analysis && std::any_of(analysis->jobs.begin(), analysis->jobs.end(), [](const explain::JobFigure& j) {
                return j.dependentJobs > 0 && j.tasksInPlan == 0;
            });
        m_placeholder->setText(
            repartition ? tr("Citus does not explain the tasks of a repartition join, so there is no time per task to "
                             "chart.")
            : analysis && analysis->sampled()
                ? tr("Only one task was explained. Run EXPLAIN ANALYZE with citus.explain_all_tasks on to chart "
                     "the time of every task and worker.")
                : tr("Task and worker times appear here for EXPLAIN ANALYZE plans with several tasks."));
        return;
    }

    // Slowest first, so skew shows as a steep left edge; one colour per worker.
    std::stable_sort(tasks.begin(), tasks.end(), [](const explain::TaskFigure* a, const explain::TaskFigure* b) {
        return *a->timeMs > *b->timeMs;
    });
    if (tasks.size() > static_cast<std::size_t>(kMaxTaskBars))
        tasks.resize(static_cast<std::size_t>(kMaxTaskBars));
    std::map<std::string, QBarSet*> sets;
    for (const explain::WorkerFigure& w : analysis->workers)
        sets[w.worker] = new QBarSet(w.worker.empty() ? tr("unknown") : QString::fromStdString(w.worker));
    QStringList categories;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        categories << QString::number(i + 1);
        for (auto& [worker, set] : sets)
            set->append(worker == tasks[i]->worker ? *tasks[i]->timeMs : 0.0);
    }
    auto* taskSeries = new QStackedBarSeries();
    taskSeries->setBarWidth(0.9);
    for (auto& [worker, set] : sets)
        taskSeries->append(set);
    QChart* taskChart = m_taskView->chart();
    taskChart->setTitle(tr("Time per task (ms), slowest first"));
    taskChart->addSeries(taskSeries);
    auto* taskAxisX = new QBarCategoryAxis();
    taskAxisX->append(categories);
    taskAxisX->setLabelsVisible(categories.size() <= 12); // more numbers than that only turn into "..."
    taskChart->addAxis(taskAxisX, Qt::AlignBottom);
    taskSeries->attachAxis(taskAxisX);
    auto* taskAxisY = new QValueAxis();
    taskAxisY->setLabelFormat(labelFormat(*tasks.front()->timeMs));
    taskChart->addAxis(taskAxisY, Qt::AlignLeft);
    taskSeries->attachAxis(taskAxisY);
    m_taskBars = static_cast<int>(tasks.size());

    auto* total = new QBarSet(tr("total ms"));
    auto* slowest = new QBarSet(tr("slowest task ms"));
    QStringList workers;
    for (const explain::WorkerFigure& w : analysis->workers) {
        workers << (w.worker.empty() ? tr("unknown") : shortWorkerName(w.worker, analysis->workers)) +
                       QStringLiteral(" (%1)").arg(w.taskCount);
        total->append(w.totalTimeMs);
        slowest->append(w.maxTimeMs);
    }
    auto* workerSeries = new QBarSeries();
    workerSeries->append(total);
    workerSeries->append(slowest);
    QChart* workerChart = m_workerView->chart();
    workerChart->setTitle(tr("Per worker (tasks)"));
    workerChart->addSeries(workerSeries);
    auto* workerAxisX = new QBarCategoryAxis();
    workerAxisX->append(workers);
    workerChart->addAxis(workerAxisX, Qt::AlignBottom);
    workerSeries->attachAxis(workerAxisX);
    auto* workerAxisY = new QValueAxis();
    double workerMax = 0;
    for (const explain::WorkerFigure& w : analysis->workers)
        workerMax = std::max(workerMax, w.totalTimeMs);
    workerAxisY->setLabelFormat(labelFormat(workerMax));
    workerChart->addAxis(workerAxisY, Qt::AlignLeft);
    workerSeries->attachAxis(workerAxisY);
    m_workers = static_cast<int>(analysis->workers.size());
}

} // namespace shardscope
