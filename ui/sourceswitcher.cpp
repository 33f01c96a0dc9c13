// SPDX-License-Identifier: MIT
#include "sourceswitcher.h"

#include "connection/connectiondialog.h"
#include "connection/profilestore.h"
#include "connectionbanner.h"
#include "connectionstatuslabel.h"
#include "live/liveclustersource.h"
#include "mainwindow.h"
#include "sim/embeddedclustersource.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

namespace shardscope {

SourceSwitcher::SourceSwitcher(QObject* parent) : QObject(parent) {}

SourceSwitcher::~SourceSwitcher()
{
    // The window's pages use the source: the window goes first.
    delete m_window.data();
    delete m_source;
}

void SourceSwitcher::openDemo(bool resetDemo)
{
    sim::EmbeddedClusterSource::Options options;
    options.displayName = tr("Embedded demo cluster");
    options.resetDemo = resetDemo;
    install(new sim::EmbeddedClusterSource(options));
}

Status SourceSwitcher::openLive(const QString& conninfo, const QString& profileName)
{
    Result<live::ConnectionOptions> options = live::ConnectionOptions::parse(conninfo.toStdString());
    if (!options) {
        return options.error();
    }
    auto* source = new live::LiveClusterSource(*options);
    source->setProfileName(profileName);
    install(source);
    return Done{};
}

void SourceSwitcher::release(ClusterSource* source)
{
    if (auto* live = qobject_cast<live::LiveClusterSource*>(source)) {
        // Its thread may sit in a connect attempt or a statement: never wait for it here.
        live->retire();
        return;
    }
    delete source;
}

void SourceSwitcher::install(ClusterSource* source)
{
    MainWindow* old = m_window;
    ClusterSource* oldSource = m_source;
    m_source = source;
    m_window = new MainWindow(source);
    addConnectionUi(m_window, source);
    if (old) {
        // Same place, size and page as before.
        m_window->restoreGeometry(old->saveGeometry());
        m_window->restoreState(old->saveState());
        m_window->showPage(old->currentPageId());
        // The old window's state includes its banner row; this source decides on its own.
        if (auto* bar = m_window->findChild<QToolBar*>(QStringLiteral("connectionBar"))) {
            bar->setVisible(m_banner->isActive());
        }
        if (old->isVisible()) {
            m_window->show();
        }
        old->hide();
        // The switch may come from the old window's own menu: delete it once control is back in the loop,
        // and its source after it.
        connect(old, &QObject::destroyed, oldSource, [oldSource] { release(oldSource); });
        old->deleteLater();
    } else {
        release(oldSource);
    }
    source->refresh();
    Q_EMIT windowChanged(m_window);
}

void SourceSwitcher::addConnectionUi(MainWindow* window, ClusterSource* source)
{
    // File menu: connect and demo first, Quit stays last.
    QMenu* file = nullptr;
    for (QAction* action : window->menuBar()->actions()) {
        if (action->menu()) {
            file = action->menu();
            break;
        }
    }
    QAction* first = file->actions().value(0);
    auto* connectAction = new QAction(tr("&Connect…"), file);
    connectAction->setObjectName(QStringLiteral("connectAction"));
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(connectAction, &QAction::triggered, this, &SourceSwitcher::showConnectDialog);
    auto* demoAction = new QAction(tr("Open &demo cluster"), file);
    demoAction->setObjectName(QStringLiteral("openDemoAction"));
    // Queued: the switch deletes the window whose menu is still handling the click.
    connect(
        demoAction, &QAction::triggered, this, [this] { openDemo(); }, Qt::QueuedConnection);
    file->insertAction(first, connectAction);
    file->insertAction(first, demoAction);
    file->insertSeparator(first);

    // The banner sits on its own row above the pages, where it cannot be missed.
    auto* bar = new QToolBar(tr("Connection"), window);
    bar->setObjectName(QStringLiteral("connectionBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->toggleViewAction()->setVisible(false);
    auto* banner = new ConnectionBanner(source, bar);
    banner->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    bar->addWidget(banner);
    window->addToolBarBreak(Qt::TopToolBarArea);
    window->addToolBar(Qt::TopToolBarArea, bar);
    bar->setVisible(false);
    connect(banner, &ConnectionBanner::activeChanged, bar, &QToolBar::setVisible);
    m_banner = banner;

    window->statusBar()->addPermanentWidget(new ConnectionStatusLabel(source, window->statusBar()));
}

void SourceSwitcher::showConnectDialog()
{
    if (!m_store) {
        m_ownStore = std::make_unique<ProfileStore>();
        m_store = m_ownStore.get();
    }
    auto* dialog = new ConnectionDialog(*m_store, m_window);
    dialog->setObjectName(QStringLiteral("connectionDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Queued: the dialog belongs to the window the switch replaces.
    connect(
        dialog, &ConnectionDialog::connectionChosen, this,
        [this](const QString& name, const QString& conninfo) { openLive(conninfo, name); }, Qt::QueuedConnection);
    dialog->open();
}

} // namespace shardscope
