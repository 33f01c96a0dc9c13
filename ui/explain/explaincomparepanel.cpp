// SPDX-License-Identifier: MIT
#include "explain/explaincomparepanel.h"

#include "explain/plansummary.h"
#include "explain/plantreeview.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace shardscope {

ExplainComparePanel::ExplainComparePanel(QWidget* parent)
    : QWidget(parent), m_leftView(new PlanTreeView(this)), m_rightView(new PlanTreeView(this)),
      m_leftName(new QLabel(tr("Current plan"), this)),
      m_rightName(new QLabel(tr("Open a second plan with “Compare with…”"), this)), m_differences(new QLabel(this))
{
    m_differences->setWordWrap(true);
    m_differences->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* grid = new QGridLayout();
    grid->addWidget(m_leftName, 0, 0);
    grid->addWidget(m_rightName, 0, 1);
    grid->addWidget(m_leftView, 1, 0);
    grid->addWidget(m_rightView, 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_differences);
    layout->addLayout(grid, 1);
    updateDifferences();
}

void ExplainComparePanel::setLeft(std::shared_ptr<const explain::PlanAnalysis> analysis, const QString& name)
{
    m_left = std::move(analysis);
    m_leftName->setText(tr("Before: %1").arg(name));
    m_leftView->setAnalysis(m_left);
    updateDifferences();
}

void ExplainComparePanel::setRight(std::shared_ptr<const explain::PlanAnalysis> analysis, const QString& name)
{
    m_right = std::move(analysis);
    m_rightName->setText(tr("After: %1").arg(name));
    m_rightView->setAnalysis(m_right);
    updateDifferences();
}

QString ExplainComparePanel::differences() const
{
    return m_differences->text();
}

void ExplainComparePanel::updateDifferences()
{
    if (!m_left || !m_right) {
        m_differences->setText(tr("Compare two plans of the same statement, e.g. before and after adding an index "
                                  "or changing the distribution column."));
        return;
    }
    const explain::PlanSummary a = explain::summarizePlan(*m_left);
    const explain::PlanSummary b = explain::summarizePlan(*m_right);
    QStringList lines;
    auto time = [](const std::optional<double>& v) { return v ? QStringLiteral("%1 ms").arg(*v, 0, 'f', 3) : tr("–"); };
    if (a.executionTimeMs && b.executionTimeMs && *a.executionTimeMs > 0) {
        const double change = (*b.executionTimeMs - *a.executionTimeMs) / *a.executionTimeMs * 100.0;
        lines << tr("Execution time: %1 → %2 (%3%4%)")
                     .arg(time(a.executionTimeMs), time(b.executionTimeMs),
                          change >= 0 ? QStringLiteral("+") : QString())
                     .arg(change, 0, 'f', 0);
    } else {
        lines << tr("Execution time: %1 → %2").arg(time(a.executionTimeMs), time(b.executionTimeMs));
    }
    auto count = [](const std::optional<std::int64_t>& v) { return v ? QString::number(*v) : tr("–"); };
    lines << tr("Tasks: %1 → %2").arg(count(a.taskCount), count(b.taskCount));
    lines << tr("Plan nodes: %1 → %2").arg(m_left->rows.size()).arg(m_right->rows.size());
    if (!a.slowestNodeLabel.empty() || !b.slowestNodeLabel.empty())
        lines << tr("Slowest node: %1 → %2")
                     .arg(QString::fromStdString(a.slowestNodeLabel), QString::fromStdString(b.slowestNodeLabel));
    m_differences->setText(lines.join(QLatin1Char('\n')));
}

} // namespace shardscope
