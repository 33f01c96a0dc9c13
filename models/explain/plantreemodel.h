// SPDX-License-Identifier: MIT
#pragma once

#include "explain/plananalysis.h"

#include <QAbstractItemModel>
#include <memory>

namespace shardscope {

/**
 * The combined coordinator + worker picture of a plan: plan nodes, Citus tasks (with the worker they ran on),
 * distributed subplans and repartition jobs, with rows estimated vs actual, misestimate, self and total time,
 * loops and buffers. Adopts a whole PlanAnalysis and resets.
 */
class PlanTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column : int
    {
        NodeColumn,
        WorkerColumn,
        RowsColumn,
        MisestimateColumn,
        SelfTimeColumn,
        TotalTimeColumn,
        LoopsColumn,
        BuffersColumn,
        CostColumn,
        ColumnCount,
    };

    enum Role : int
    {
        PlanRowRole = Qt::UserRole + 40, ///< index into PlanAnalysis::rows
        HighlightRole,                   ///< Highlight flags of the row
        SortValueRole,                   ///< the column's number, for sorting and charts
    };

    enum Highlight : int
    {
        NoHighlight = 0,
        SlowestHighlight = 1,
        MisestimateHighlight = 2,
    };

    explicit PlanTreeModel(QObject* parent = nullptr);

    void setAnalysis(std::shared_ptr<const explain::PlanAnalysis> analysis);
    const explain::PlanAnalysis* analysis() const { return m_analysis.get(); }
    std::shared_ptr<const explain::PlanAnalysis> sharedAnalysis() const { return m_analysis; }

    /** The analysis row of an index, or -1. */
    int planRow(const QModelIndex& index) const;
    QModelIndex indexForPlanRow(int planRow, int column = NodeColumn) const;
    /** One-line name of a row ("Seq Scan on events", "Task on 127.0.0.1:9702"). */
    QString rowLabel(int planRow) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const explain::PlanRow& row, int column) const;
    QVariant sortValue(const explain::PlanRow& row, int column) const;
    QString toolTip(const explain::PlanRow& row) const;
    int highlight(int planRow) const;
    const std::vector<int>& childrenOf(int planRow) const;

    std::shared_ptr<const explain::PlanAnalysis> m_analysis;
    std::vector<int> m_position; ///< each row's position among its siblings
};

} // namespace shardscope
