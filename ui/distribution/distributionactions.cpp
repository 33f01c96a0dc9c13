// SPDX-License-Identifier: MIT
#include "distributionactions.h"

#include "api/clustersource.h"
#include "clusterselection.h"
#include "clustertreepanel.h"
#include "distribution/distributionwizard.h"
#include "live/columnstatsreader.h"
#include "live/liveclustersource.h"
#include "sim/demoplaintables.h"

#include <QAction>
#include <QTreeView>

namespace shardscope {

namespace {

// Column details come from the demo's description on the embedded cluster.
DistributionWizard::TableInfoProvider providerFor(const ClusterSource* source)
{
    if (source->kind() != SourceKind::Embedded)
        return {};
    return [](const engine::Table& table) { return sim::demoPlainTable(table.schema, table.name); };
}

} // namespace

DistributionActions::~DistributionActions()
{
    live::ConnectionWorker::retire(std::move(m_side));
}

DistributionWizard::AsyncTableInfoProvider DistributionActions::liveProvider()
{
    auto* live = qobject_cast<live::LiveClusterSource*>(m_source);
    if (!live)
        return {};
    return [this, options = live->connectionOptions()](const engine::Table& table, QObject* context,
                                                       DistributionWizard::TableInfoCallback callback) {
        // A side connection of its own: reading pg_stats never waits behind a refresh, and never on this thread.
        if (!m_side)
            m_side = std::make_unique<live::ConnectionWorker>(options);
        m_side->request<engine::PlainTableInfo>(
            context,
            [schema = table.schema, name = table.name](live::PgSession& session) {
                return live::readPlainTableInfo(session, schema, name);
            },
            std::move(callback));
    };
}

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
        if (auto provider = liveProvider())
            m_wizard = new DistributionWizard(m_source, std::move(provider), m_window);
        else
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
