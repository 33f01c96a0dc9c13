// SPDX-License-Identifier: MIT
#pragma once

#include "distribution/distributionwizard.h"

#include <QObject>
#include <QPointer>
#include <memory>

class QAction;
class QWidget;

namespace shardscope {

namespace live {
class ConnectionWorker;
}

class ClusterSelection;
class ClusterSource;
class ClusterTreePanel;

/**
 * The "Distribute table…" action: enabled while a local table is selected, offered in the cluster tree's
 * context menu, and opening the distribution wizard (non-modal) on that table.
 */
class DistributionActions : public QObject
{
    Q_OBJECT

public:
    DistributionActions(ClusterSource* source, ClusterSelection* selection, ClusterTreePanel* tree, QWidget* window);
    ~DistributionActions() override;

    QAction* distributeAction() const { return m_distribute; }
    /** Opens (or raises) the wizard on the selected local table, or on the first one. */
    DistributionWizard* openWizard();

private:
    void updateEnabled();
    /** On a live coordinator: column metadata read on a side connection; empty otherwise. */
    DistributionWizard::AsyncTableInfoProvider liveProvider();

    ClusterSource* m_source;
    ClusterSelection* m_selection;
    QWidget* m_window;
    QAction* m_distribute;
    QPointer<DistributionWizard> m_wizard;
    std::unique_ptr<live::ConnectionWorker> m_side;
};

} // namespace shardscope
