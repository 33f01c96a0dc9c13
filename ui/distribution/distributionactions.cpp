// SPDX-License-Identifier: MIT
#include "distributionactions.h"

#include "api/clustersource.h"
#include "clusterselection.h"
#include "clustertreepanel.h"
#include "distribution/distributionwizard.h"
#include "sim/demoplaintables.h"

#include <QAction>
#include <QTreeView>

namespace shardscope {

namespace {

// Column details come from the demo's description on the embedded cluster; a live coordinator does not
// provide them to ShardScope yet, and the wizard says so.
DistributionWizard::TableInfoProvider providerFor(const ClusterSource* source)
{
    if (source->kind() != SourceKind::Embedded)
        return {};
    return [](const engine::Table& table) { return sim::demoPlainTable(table.schema, table.name); };
}

} // namespace

DistributionActions::DistributionActions(ClusterSource* source, ClusterSelection* selection, ClusterTreePanel* tree,
                                         QWidget* window)
    : QObject(window), m_source(source), m_selection(selection), m_window(window)
{
    m_distribute = new QAction(tr("&Distribute table…"), this);
    m_distribute->setObjectName(QStringLiteral("distributeTableAction"));
    m_distribute->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_distribute->setStatusTip(tr("Make the selected local table a distributed or reference table"));
    connect(m_distribute, &QAction::triggered, this, [this] { openWizard(); });
    if (tree) {
        tree->view()->setContextMenuPolicy(Qt::ActionsContextMenu);
        tree->view()->addAction(m_distribute);
    }
    connect(m_selection, &ClusterSelection::currentChanged, this, &DistributionActions::updateEnabled);
    connect(m_source, &ClusterSource::snapshotReady, this, &DistributionActions::updateEnabled);
    updateEnabled();
}

void DistributionActions::updateEnabled()
{
    // Always available from the menu (the wizard lists the local tables); the tree's context menu shows it
    // for any row, so say in the text which table it would take.
    const ClusterItemRef ref = m_selection->current();
    const auto& snapshot = m_source->currentSnapshot();
    QString name;
    if (ref.kind == ClusterItemKind::Table && !snapshot.isNull()) {
        for (const engine::Table& table : snapshot.state->tables) {
            if (qint64(table.oid) == ref.id && table.kind == engine::TableKind::Plain)
                name = QString::fromStdString(engine::qualifiedTableName(table));
        }
    }
    m_distribute->setText(name.isEmpty() ? tr("&Distribute table…") : tr("&Distribute %1…").arg(name));
}

DistributionWizard* DistributionActions::openWizard()
{
    if (!m_wizard) {
        m_wizard = new DistributionWizard(m_source, providerFor(m_source), m_window);
        m_wizard->setAttribute(Qt::WA_DeleteOnClose);
        if (m_source->kind() == SourceKind::Embedded)
            m_wizard->offerDemoTables(sim::demoPlainTableRequests());
    }
    const ClusterItemRef ref = m_selection->current();
    if (ref.kind == ClusterItemKind::Table)
        m_wizard->selectTable(engine::TableOid(ref.id));
    m_wizard->show();
    m_wizard->raise();
    m_wizard->activateWindow();
    return m_wizard;
}

} // namespace shardscope
