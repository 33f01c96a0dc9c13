// SPDX-License-Identifier: MIT
#pragma once

#include "explain/plananalysis.h"

#include <QTreeView>
#include <memory>

namespace shardscope {

class PlanTreeModel;

/** A QTreeView over a PlanTreeModel, expanded, with sensible column widths; emits the selected plan row. */
class PlanTreeView : public QTreeView
{
    Q_OBJECT

public:
    explicit PlanTreeView(QWidget* parent = nullptr);

    void setAnalysis(std::shared_ptr<const explain::PlanAnalysis> analysis);
    PlanTreeModel* planModel() const { return m_model; }
    /** Selects the row of the analysis (and scrolls to it). */
    void selectPlanRow(int planRow);
    int selectedPlanRow() const;

Q_SIGNALS:
    void planRowSelected(int planRow);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitNodeColumn();

    PlanTreeModel* m_model;
};

} // namespace shardscope
