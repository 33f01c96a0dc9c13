// SPDX-License-Identifier: MIT
#pragma once

#include "explain/plananalysis.h"

#include <QWidget>
#include <memory>

class QLabel;

namespace shardscope {

class PlanTreeView;

/** Two plans side by side (before/after an index or a distribution change) with their headline differences. */
class ExplainComparePanel : public QWidget
{
    Q_OBJECT

public:
    explicit ExplainComparePanel(QWidget* parent = nullptr);

    void setLeft(std::shared_ptr<const explain::PlanAnalysis> analysis, const QString& name);
    void setRight(std::shared_ptr<const explain::PlanAnalysis> analysis, const QString& name);

    PlanTreeView* leftView() const { return m_leftView; }
    PlanTreeView* rightView() const { return m_rightView; }
    QString differences() const;

private:
    void updateDifferences();

    PlanTreeView* m_leftView;
    PlanTreeView* m_rightView;
    QLabel* m_leftName;
    QLabel* m_rightName;
    QLabel* m_differences;
    std::shared_ptr<const explain::PlanAnalysis> m_left;
    std::shared_ptr<const explain::PlanAnalysis> m_right;
};

} // namespace shardscope
