// SPDX-License-Identifier: MIT
#include "clusterselection.h"
#include "clusterstatusbar.h"
#include "clustertreemodel.h"
#include "clustertreepanel.h"
#include "detailsmodel.h"
#include "detailspanel.h"
#include "heatmap/heatmapview.h"
#include "mainwindow.h"
#include "placement/placementpage.h"
#include "placement/rebalancepreviewdialog.h"
#include "sim/embeddedclustersource.h"
#include "skew/hotshardmodel.h"
#include "skew/skewpage.h"

#include <QAbstractItemModel>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

QModelIndex findRow(const QAbstractItemModel* model, const QString& text, const QModelIndex& parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == text) {
            return index;
        }
        if (const QModelIndex found = findRow(model, text, index); found.isValid()) {
            return found;
        }
    }
    return {};
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::setOrganizationName(u"ShardScopeTest"_s);
        QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
        QSettings().clear(); // test-mode settings: start from the defaults on every run
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        sim::EmbeddedClusterSource::Options options;
        options.workspacePath = m_dir.filePath(u"demo.sqlite"_s);
        m_source = std::make_unique<sim::EmbeddedClusterSource>(options);
        m_window = std::make_unique<MainWindow>(m_source.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_source->refresh();
        QTRY_VERIFY(!m_source->currentSnapshot().isNull());
    }

    void cleanup()
    {
        m_window.reset();
        m_source.reset();
    }

    void treeShowsNodesAndTables()
    {
        const QAbstractItemModel* tree = m_window->treePanel()->view()->model();
        QTRY_VERIFY(tree->rowCount() > 0);
        QCOMPARE(tree->index(0, 0).data().toString(), u"Nodes"_s);
        QCOMPARE(tree->rowCount(tree->index(0, 0)), 5); // coordinator + four workers
        QVERIFY(findRow(tree, u"worker-1:5432"_s).isValid());
        QVERIFY(findRow(tree, u"users"_s).isValid());
        QVERIFY(findRow(tree, u"events"_s).isValid());
        QVERIFY(findRow(tree, u"countries"_s).isValid());
        QCOMPARE(findRow(tree, u"events"_s).parent().data().toString(),
                 findRow(tree, u"users"_s).parent().data().toString());
        // The status bar tells where the data comes from and that it is fresh.
        auto* status = m_window->findChild<ClusterStatusBar*>();
        QVERIFY(status);
        QCOMPARE(status->sourceText(), u"Embedded demo cluster"_s);
        QCOMPARE(status->stateText(), u"Connected"_s);
        QVERIFY(status->refreshText().startsWith(u"Refreshed "_s));
    }

    void selectingUpdatesDetails_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("firstProperty");
        QTest::newRow("node") << u"worker-2:5432"_s << u"Node worker-2:5432"_s << u"Address"_s;
        QTest::newRow("table") << u"events"_s << u"Table events"_s << u"Name"_s;
        QTest::newRow("reference table") << u"countries"_s << u"Table countries"_s << u"Name"_s;
        QTest::newRow("colocation group") << u"Colocation group 1"_s << u"Colocation group 1"_s << u"Colocation id"_s;
    }

    void selectingUpdatesDetails()
    {
        QFETCH(QString, row);
        QFETCH(QString, title);
        QFETCH(QString, firstProperty);
        QTreeView* view = m_window->treePanel()->view();
        const QModelIndex index = findRow(view->model(), row);
        QVERIFY(index.isValid());
        view->scrollTo(index);
        const QRect rect = view->visualRect(index);
        QVERIFY(rect.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(m_window->detailsPanel()->title(), title);
        const QAbstractItemModel* details = m_window->detailsPanel()->model();
        QCOMPARE(details->index(0, 0).data().toString(), firstProperty);
        QVERIFY(m_window->selection()->current().isValid());
    }

    // At the dock's narrowest, names are elided and every figure column stays whole (no horizontal overflow).
    void narrowTreeKeepsFiguresVisible()
    {
        auto* tree = m_window->findChild<QTreeView*>(u"clusterTree"_s);
        auto* dock = m_window->findChild<QDockWidget*>(u"clusterDock"_s);
        QVERIFY(tree && dock);
        m_window->resizeDocks({dock}, {360}, Qt::Horizontal);
        QTRY_VERIFY(dock->width() < 400);
        QTRY_VERIFY(tree->header()->length() <= tree->viewport()->width());
        QVERIFY(tree->header()->sectionSize(ClusterTreeModel::SizeColumn) >=
                tree->header()->sectionSizeHint(ClusterTreeModel::SizeColumn));
    }

    void filterNarrowsTheTree()
    {
        QLineEdit* filter = m_window->treePanel()->filterEdit();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, u"page_vi"_s);
        const QAbstractItemModel* tree = m_window->treePanel()->view()->model();
        QCOMPARE(tree->rowCount(), 1);
        QCOMPARE(tree->index(0, 0, tree->index(0, 0)).data().toString(), u"page_views"_s);
    }

    void tabsSwitchWithShortcuts_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<QString>("page");
        QTest::newRow("Ctrl+2") << int(Qt::Key_2) << u"skew"_s;
        QTest::newRow("Ctrl+3") << int(Qt::Key_3) << u"queries"_s;
        QTest::newRow("Ctrl+4") << int(Qt::Key_4) << u"explain"_s;
        QTest::newRow("Ctrl+1") << int(Qt::Key_1) << u"placement"_s;
    }

    void tabsSwitchWithShortcuts()
    {
        QFETCH(int, key);
        QFETCH(QString, page);
        m_window->showPage(page == u"skew"_s ? u"placement"_s : u"skew"_s);
        QTest::keyClick(m_window.get(), Qt::Key(key), Qt::ControlModifier);
        QCOMPARE(m_window->currentPageId(), page);
        QVERIFY(m_window->page(page)->isVisible());
    }

    void refreshShortcutPublishesANewGeneration()
    {
        const quint64 before = m_source->currentSnapshot().generation;
        QSignalSpy ready(m_source.get(), &ClusterSource::snapshotReady);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(ready.wait(20000));
        QVERIFY(m_source->currentSnapshot().generation > before);
    }

    void pagesAreKnown()
    {
        QCOMPARE(m_window->pageIds(), (QStringList{u"placement"_s, u"skew"_s, u"queries"_s, u"explain"_s}));
        QVERIFY(!m_window->showPage(u"no-such-page"_s));
    }

    // A hot shard clicked on the Skew tab is shown selected in the Placement tab's heatmap.
    void hotShardOpensItsGroupInTheHeatmap()
    {
        auto* skew = qobject_cast<SkewPage*>(m_window->page(u"skew"_s));
        auto* placement = qobject_cast<PlacementPage*>(m_window->page(u"placement"_s));
        QVERIFY(skew && placement);
        m_window->showPage(u"skew"_s);
        QTRY_VERIFY(placement->heatmap()->matrix() != nullptr);
        QTRY_VERIFY(skew->hotShardModel()->rowCount() > 1);
        auto* table = skew->findChild<QTableView*>(u"hotShards"_s);
        QVERIFY(table);
        QTRY_VERIFY(table->isVisible());
        const int row = 1; // not the first column of the heatmap, so a wrong pick shows
        const qint64 shard = skew->hotShardModel()->shardGroupAt(row)->shard;
        const QModelIndex index = table->model()->index(row, 0);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
        QCOMPARE(m_window->currentPageId(), u"placement"_s);
        HeatmapView* heatmap = placement->heatmap();
        QTRY_COMPARE(heatmap->selectedColumn(), heatmap->matrix()->columnOfShard(shard));
        QVERIFY(heatmap->selectedColumn() >= 0);
        QVERIFY(heatmap->matrix()->isPresent(heatmap->selectedRow(), heatmap->selectedColumn()));
    }

    // The Skew tab's verdict button opens the rebalance preview of the Placement tab.
    void verdictOpensTheRebalancePreview()
    {
        auto* skew = m_window->page(u"skew"_s);
        auto* placement = qobject_cast<PlacementPage*>(m_window->page(u"placement"_s));
        m_window->showPage(u"skew"_s);
        auto* button = skew->findChild<QPushButton*>(u"rebalancePreview"_s);
        QVERIFY(button);
        QTRY_VERIFY(button->isVisible() && button->isEnabled()); // the demo cluster is skewed
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(m_window->currentPageId(), u"placement"_s);
        QTRY_VERIFY(placement->rebalancePreview() != nullptr);
        placement->rebalancePreview()->reject();
    }

    void stateIsRemembered()
    {
        m_window->showPage(u"queries"_s);
        m_window->resize(1111, 777);
        m_window->close();
        MainWindow second(m_source.get());
        QCOMPARE(second.currentPageId(), u"queries"_s);
        QCOMPARE(second.size(), QSize(1111, 777));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<sim::EmbeddedClusterSource> m_source;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
