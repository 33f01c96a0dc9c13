// SPDX-License-Identifier: MIT
#include "explain/plantreeview.h"

#include "explain/plantreemodel.h"

#include <QHeaderView>
#include <algorithm>

namespace shardscope {

PlanTreeView::PlanTreeView(QWidget* parent) : QTreeView(parent), m_model(new PlanTreeModel(this))
{
    setModel(m_model);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(false);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { Q_EMIT planRowSelected(m_model->planRow(current)); });
}

void PlanTreeView::setAnalysis(std::shared_ptr<const explain::PlanAnalysis> analysis)
{
    m_model->setAnalysis(std::move(analysis));
    // Large plans (thousands of tasks) open with the tasks collapsed; small ones fully expanded.
    const explain::PlanAnalysis* a = m_model->analysis();
    if (a && a->rows.size() <= 400) {
        expandAll();
    } else if (a) {
        for (const explain::PlanRow& row : a->rows) {
            if (row.kind == explain::PlanRowKind::Node && row.worker.empty())
                expand(m_model->indexForPlanRow(static_cast<int>(&row - a->rows.data())));
        }
    }
    for (int c = PlanTreeModel::WorkerColumn; c < PlanTreeModel::ColumnCount; ++c)
        resizeColumnToContents(c);
    fitNodeColumn();
}

void PlanTreeView::resizeEvent(QResizeEvent* event)
{
    QTreeView::resizeEvent(event);
    fitNodeColumn();
}

void PlanTreeView::fitNodeColumn()
{
    // The node names (shard names, task headers) get whatever the figures leave, at least 320 px.
    int figures = 0;
    for (int c = PlanTreeModel::WorkerColumn; c < PlanTreeModel::ColumnCount; ++c)
        figures += header()->sectionSize(c);
    header()->resizeSection(PlanTreeModel::NodeColumn, std::max(320, viewport()->width() - figures));
}

void PlanTreeView::selectPlanRow(int planRow)
{
    const QModelIndex index = m_model->indexForPlanRow(planRow);
    if (!index.isValid())
        return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        expand(p);
    setCurrentIndex(index);
    scrollTo(index);
}

int PlanTreeView::selectedPlanRow() const
{
    return m_model->planRow(currentIndex());
}

} // namespace shardscope
