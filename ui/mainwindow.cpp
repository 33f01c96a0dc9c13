// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "api/clustersource.h"
#include "clusterselection.h"
#include "clusterstatusbar.h"
#include "clustertreepanel.h"
#include "detailspanel.h"
#include "distribution/distributionactions.h"
#include "explain/explainpage.h"
#include "journal/journalactions.h"
#include "mainpages.h"
#include "nodespanel.h"
#include "placement/placementpage.h"
#include "queries/queriespage.h"
#include "refreshcontrols.h"
#include "skew/skewpage.h"
#include "theme.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSettings>
#include <QTabWidget>
#include <QToolBar>

namespace shardscope {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kPageKey = QStringLiteral("mainWindow/page");
constexpr int kStateVersion = 1;
} // namespace

MainWindow::MainWindow(ClusterSource* source, QWidget* parent)
    : QMainWindow(parent), m_source(source), m_selection(new ClusterSelection(this)), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(source->displayName()); // Qt appends the application name
    m_tabs->setObjectName(QStringLiteral("pages"));
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    m_status = new ClusterStatusBar(source, this);
    setStatusBar(m_status);
    createPages();
    createDocks();
    createActions();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages()
{
    const PageContext context{m_source, m_selection};
    for (const PageFactory& factory : MainPages::all()) {
        QWidget* page = factory.create(context, m_tabs);
        page->setObjectName(factory.id + QStringLiteral("Page"));
        // A page that needs more room than the window has scrolls instead of forcing the window wider.
        auto* scroll = new QScrollArea(m_tabs);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(page);
        m_tabs->addTab(scroll, factory.title);
        m_pageIds << factory.id;
        m_pages << page;
    }
    // The Queries tab opens a statement in the EXPLAIN tab's editor.
    if (auto* queries = qobject_cast<QueriesPage*>(this->page(QStringLiteral("queries")))) {
        connect(queries, &QueriesPage::explainRequested, this, [this](const QString& sql) {
            if (auto* explain = qobject_cast<ExplainPage*>(this->page(QStringLiteral("explain")))) {
                explain->sqlEditor()->setPlainText(sql);
                showPage(QStringLiteral("explain"));
            }
        });
    }
    // The Skew tab's hot shards and tenants open their shard group in the heatmap; its verdict opens the
    // rebalance preview, which lives on the Placement tab.
    auto* skew = qobject_cast<SkewPage*>(this->page(QStringLiteral("skew")));
    auto* placement = qobject_cast<PlacementPage*>(this->page(QStringLiteral("placement")));
    if (skew && placement) {
        connect(skew, &SkewPage::shardGroupActivated, this, [this, placement](qint64 colocationId, qint64 shardId) {
            showPage(QStringLiteral("placement"));
            placement->revealShardGroup(static_cast<engine::ColocationId>(colocationId), shardId);
        });
        connect(skew, &SkewPage::rebalancePreviewRequested, this, [this, placement] {
            showPage(QStringLiteral("placement"));
            placement->previewRebalance();
        });
    }
}

void MainWindow::createDocks()
{
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    auto dock = [this](const QString& name, const QString& title, QWidget* widget, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable |
                       QDockWidget::DockWidgetFloatable);
        addDockWidget(area, d);
        return d;
    };
    m_tree = new ClusterTreePanel(m_source, m_selection, this);
    m_details = new DetailsPanel(m_source, m_selection, this);
    QDockWidget* treeDock = dock(QStringLiteral("clusterDock"), tr("Cluster"), m_tree, Qt::LeftDockWidgetArea);
    QDockWidget* detailsDock = dock(QStringLiteral("detailsDock"), tr("Details"), m_details, Qt::LeftDockWidgetArea);
    QDockWidget* nodesDock = dock(QStringLiteral("nodesDock"), tr("Nodes"), new NodesPanel(m_source, m_selection, this),
                                  Qt::LeftDockWidgetArea);
    // Nodes share the lower left with the details, so the pages keep the whole height.
    tabifyDockWidget(detailsDock, nodesDock);
    detailsDock->raise();
    // Pages such as the heatmap ask for a lot of width; the tree stays readable anyway.
    m_tree->setMinimumWidth(360);
    resizeDocks({treeDock}, {470}, Qt::Horizontal);
    resizeDocks({treeDock, detailsDock}, {3, 2}, Qt::Vertical);
}

void MainWindow::createActions()
{
    m_refresh = new RefreshControls(m_source, this);

    QToolBar* toolbar = addToolBar(tr("Main toolbar"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refresh->refreshAction()->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->pauseAction()->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    toolbar->addAction(m_refresh->refreshAction());
    toolbar->addSeparator();
    toolbar->addWidget(m_refresh->createIntervalChooser(toolbar));
    toolbar->addAction(m_refresh->pauseAction());

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* cluster = menuBar()->addMenu(tr("&Cluster"));
    cluster->addAction(m_refresh->refreshAction());
    cluster->addAction(m_refresh->pauseAction());
    QAction* find = cluster->addAction(tr("&Find in tree"), this, [this] {
        m_tree->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_tree->filterEdit()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    cluster->addSeparator();
    cluster->addAction((new DistributionActions(m_source, m_selection, m_tree, this))->distributeAction());

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_tabs->count(); ++i) {
        QAction* show = view->addAction(m_tabs->tabText(i), this, [this, i] { m_tabs->setCurrentIndex(i); });
        show->setObjectName(m_pageIds[i] + QStringLiteral("PageAction"));
        if (i < 9) {
            show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        }
    }
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        view->addAction(dock->toggleViewAction());
    }
    view->addSeparator();
    view->addAction((new JournalActions(m_source, this))->showAction());
    view->addSeparator();
    QAction* dark = view->addAction(tr("&Dark mode"));
    dark->setObjectName(QStringLiteral("darkModeAction"));
    dark->setCheckable(true);
    dark->setChecked(Theme::isDark());
    dark->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(dark, &QAction::toggled, this, [](bool on) {
        Theme::apply(on ? Theme::Mode::Dark : Theme::Mode::Light);
        QSettings().setValue(QStringLiteral("appearance/dark"), on);
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ShardScope"), this, [this] {
        QMessageBox::about(this, tr("About ShardScope"),
                           tr("<h3>ShardScope %1</h3><p>See and steer a Citus cluster: nodes, colocation groups, "
                              "shards and placements, skew, queries and distributed plans.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        resize(1600, 900);
    }
    restoreState(settings.value(kStateKey).toByteArray(), kStateVersion);
    showPage(settings.value(kPageKey).toString());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState(kStateVersion));
    settings.setValue(kPageKey, currentPageId());
    event->accept();
}

bool MainWindow::showPage(const QString& id)
{
    const qsizetype index = m_pageIds.indexOf(id);
    if (index < 0) {
        return false;
    }
    m_tabs->setCurrentIndex(int(index));
    return true;
}

QString MainWindow::currentPageId() const
{
    const int index = m_tabs->currentIndex();
    return index >= 0 && index < m_pageIds.size() ? m_pageIds[index] : QString();
}

QWidget* MainWindow::page(const QString& id) const
{
    const qsizetype index = m_pageIds.indexOf(id);
    return index < 0 ? nullptr : m_pages[index];
}

} // namespace shardscope
