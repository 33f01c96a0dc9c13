// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace shardscope {

class ClusterSelection;
class ClusterSource;
class ClusterTreePanel;
class DistributionWizard;

/**
 * The "Distribute table…" action: enabled while a local table is selected, offered in the cluster tree's
 * context menu, and opening the distribution wizard (non-modal) on that table.
 */
class DistributionActions : public QObject
{
    Q_OBJECT

public:
    DistributionActions(ClusterSource* source, ClusterSelection* selection, ClusterTreePanel* tree, QWidget* window);

    QAction* distributeAction() const { return m_distribute; }
    /** Opens (or raises) the wizard on the selected local table, or on the first one. */
    DistributionWizard* openWizard();

private:
    void updateEnabled();

    ClusterSource* m_source;
    ClusterSelection* m_selection;
    QWidget* m_window;
    QAction* m_distribute;
    QPointer<DistributionWizard> m_wizard;
};

} // namespace shardscope
