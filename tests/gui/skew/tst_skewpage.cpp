// SPDX-License-Identifier: MIT
// The Skew tab on the embedded demo cluster: verdict, hot shards with click-through, history, pause, export.
#include "clusterselection.h"
#include "dashboards/tenanttopchart.h"
#include "engine/clusterindex.h"
#include "engine/skew.h"
#include "placement/rebalancepreviewdialog.h"
#include "sim/democluster.h"
#include "sim/embeddedclustersource.h"
#include "sim/tenantactivity.h"
#include "skew/hotshardmodel.h"
#include "skew/skewchartframe.h"
#include "skew/skewpage.h"
#include "skew/toptenantsmodel.h"
#include "skew/toptenantspanel.h"
#include "snapshot/metrichistory.h"
#include "snapshot/operationjournal.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;

class TestSkewPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("shardscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_skewpage"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        // Each test starts with no history and default settings.
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history"))
            .removeRecursively();
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        sim::EmbeddedClusterSource::Options options;
        options.workspacePath = m_dir.filePath(QStringLiteral("demo-%1.sqlite").arg(++m_run));
        options.resetDemo = true;
        m_source = std::make_unique<sim::EmbeddedClusterSource>(options);
    }

    void cleanup() { m_source.reset(); }

    void showsVerdictAndHotShards()
    {
        ClusterSelection selection;
        SkewPage page({m_source.get(), &selection});
        page.resize(1200, 900);
        page.show();
        QSignalSpy updated(&page, &SkewPage::figuresUpdated);
        m_source->refresh();
        QVERIFY(updated.wait(30'000));

        // The demo cluster's hot tenant makes one worker much fuller than the others.
        const engine::SkewReport report = engine::computeSkew(sim::makeDemoCluster(), 20);
        QCOMPARE(page.verdictText(),
                 QStringLiteral("worker-2:5432 holds 72% more than average: rebalance recommended"));
        QVERIFY(page.verdict().recommendsRebalance());

        HotShardModel* hot = page.hotShardModel();
        QCOMPARE(hot->rowCount(), 20);
        QCOMPARE(hot->index(0, 0).data(HotShardModel::ShardIdRole).toLongLong(), qint64(report.hottest[0].shard));

        // Click-through: the window selection follows the colocation group, and the shard group is announced.
        QSignalSpy activated(&page, &SkewPage::shardGroupActivated);
        auto* view = page.findChild<QTableView*>(QStringLiteral("hotShards"));
        QVERIFY(view);
        const QRect cell = view->visualRect(hot->index(0, HotShardModel::TablesColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), qint64(report.hottest[0].colocationId));
        QCOMPARE(activated.at(0).at(1).toLongLong(), qint64(report.hottest[0].shard));
        QCOMPARE(selection.current(),
                 (ClusterItemRef{ClusterItemKind::ColocationGroup, qint64(report.hottest[0].colocationId)}));

        // One history sample per snapshot.
        QTRY_COMPARE(page.sampleCount(), qsizetype(1));

        // A higher threshold turns the same figures into "balanced".
        page.setThresholdPercent(80);
        QCOMPARE(page.verdictText(), QStringLiteral("Balanced"));
        QVERIFY(!page.verdict().recommendsRebalance());

        // The verdict's button opens the rebalance preview on the current snapshot.
        QSignalSpy preview(&page, &SkewPage::rebalancePreviewRequested);
        auto* button = page.findChild<QPushButton*>(QStringLiteral("rebalancePreview"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(preview.count(), 1);
        QVERIFY(page.rebalancePreview());
        QTRY_VERIFY(page.rebalancePreview()->isVisible());
        page.rebalancePreview()->reject();
        QTRY_VERIFY(!page.rebalancePreview());
    }

    void pauseHoldsSnapshots()
    {
        SkewPage page({m_source.get(), nullptr});
        QSignalSpy updated(&page, &SkewPage::figuresUpdated);
        m_source->refresh();
        QVERIFY(updated.wait(30'000));
        page.setPaused(true);
        const quint64 generation = m_source->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(m_source->currentSnapshot().generation, generation, 30'000);
        QTest::qWait(300);
        QCOMPARE(updated.count(), 1);
        page.setPaused(false);
        QTRY_COMPARE(updated.count(), 2);
    }

    void exportsCsvAndPictures()
    {
        SkewPage page({m_source.get(), nullptr});
        page.resize(1200, 900);
        page.show();
        QSignalSpy updated(&page, &SkewPage::figuresUpdated);
        m_source->refresh();
        QVERIFY(updated.wait(30'000));
        const engine::SkewReport report = engine::computeSkew(sim::makeDemoCluster(), 1);

        const QList<SkewChartFrame*> frames = page.chartFrames();
        QCOMPARE(frames.size(), 5);
        const QString csvPath = m_dir.filePath(QStringLiteral("nodes.csv"));
        QCOMPARE(frames[0]->exportTo(csvPath), QString());
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.front(), QStringLiteral("node,colocation_id,tables,bytes"));
        // The stacks of each node add up to the node's bytes.
        for (const engine::NodeSkew& node : report.nodes) {
            const QString address = QString::fromStdString(node.name) + QLatin1Char(':') + QString::number(node.port);
            qint64 sum = 0;
            int stacks = 0;
            for (const QString& line : lines) {
                if (line.startsWith(address + QLatin1Char(','))) {
                    sum += line.section(QLatin1Char(','), -1).toLongLong();
                    ++stacks;
                }
            }
            QCOMPARE(stacks, int(report.colocationGroups.size()) + 1);
            QCOMPARE(sum, qint64(node.bytes));
        }
        QVERIFY(!lines.filter(QStringLiteral("worker-1:5432,0,reference and other,")).isEmpty());

        // Stacked by table instead: one line per node and table.
        auto* stackBy = page.findChild<QComboBox*>(QStringLiteral("stackBy"));
        QVERIFY(stackBy);
        stackBy->setCurrentIndex(1);
        const QStringList byTable = frames[0]->csv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(byTable.front(), QStringLiteral("node,table,bytes"));
        QVERIFY(!byTable.filter(QStringLiteral("worker-2:5432,users,")).isEmpty());
        QVERIFY(!byTable.filter(QStringLiteral("worker-2:5432,products,")).isEmpty());
        QCOMPARE(frames[0]->title(), QStringLiteral("Bytes per node by table"));

        const QString png = m_dir.filePath(QStringLiteral("distribution.png"));
        QCOMPARE(frames[1]->exportTo(png), QString());
        QVERIFY(!QImage(png).isNull());
        const QString svg = m_dir.filePath(QStringLiteral("timeline.svg"));
        QCOMPARE(frames[2]->exportTo(svg), QString());
        QVERIFY(QFile(svg).size() > 100);
        QVERIFY(!frames[3]->exportTo(m_dir.filePath(QStringLiteral("growth.txt"))).isEmpty());
        QTRY_VERIFY(frames[2]->csv().contains(QLatin1String(",nodes,0,")));
    }

    void topTenantsSimulatedWithClickThrough()
    {
        ClusterSelection selection;
        SkewPage page({m_source.get(), &selection});
        page.resize(1400, 900);
        page.show();
        TopTenantsPanel* panel = page.tenantsPanel();
        QVERIFY(panel);
        QSignalSpy tenants(panel, &TopTenantsPanel::tenantsUpdated);
        m_source->refresh();
        QVERIFY(tenants.wait(30'000));
        auto* tabs = page.findChild<QTabWidget*>(QStringLiteral("hotTabs"));
        QVERIFY(tabs);
        tabs->setCurrentWidget(panel);

        // Labelled as simulated, user_id 1 of users/events on top, as in the statement workload.
        QVERIFY2(panel->noticeText().startsWith(QLatin1String("Simulated")), qPrintable(panel->noticeText()));
        TopTenantsModel* model = panel->model();
        QVERIFY(model->rowCount() > 10);
        const TenantRow* top = model->tenantAt(0);
        QCOMPARE(top->tenant, QStringLiteral("1"));
        QCOMPARE(top->group, QStringLiteral("users, events"));
        QVERIFY(panel->chart()->barCount() >= 3);
        QCOMPARE(panel->chart()->labels().size(), panel->chart()->barCount());
        QCOMPARE(panel->chart()->labels().front(), QStringLiteral("1 (users)"));
        QCOMPARE(panel->liveReads(), 0);

        // The tenant's shard is the one its value routes to in the snapshot: user_id 1's shard group is the hot one.
        const engine::ClusterState& state = *m_source->currentSnapshot().state;
        const engine::ClusterIndex index(state);
        const auto location = sim::locateTenant(index, engine::ColocationId(top->colocationId), "1");
        QVERIFY(location.ok());
        QCOMPARE(top->shardId, qint64(location->shard));
        QCOMPARE(top->node, QStringLiteral("worker-2:5432"));

        QSignalSpy activated(&page, &SkewPage::shardGroupActivated);
        auto* table = panel->table();
        QTRY_VERIFY(table->isVisible());
        const QRect cell = table->visualRect(model->index(0, TopTenantsModel::TenantColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), top->colocationId);
        QCOMPARE(activated.at(0).at(1).toLongLong(), qint64(location->shard));
        QCOMPARE(selection.current(), (ClusterItemRef{ClusterItemKind::ColocationGroup, top->colocationId}));

        // A bar click goes the same way (bars are numbered bottom up: the last bar is the top tenant).
        Q_EMIT panel->chart()->tenantClicked(1);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(1).toLongLong(), model->tenantAt(1)->shardId);

        // Ranked by CPU time: the chart and its title follow.
        auto* ranking = panel->findChild<QComboBox*>(QStringLiteral("tenantRanking"));
        QVERIFY(ranking);
        ranking->setCurrentIndex(1);
        QCOMPARE(model->ranking(), TopTenantsModel::Ranking::Cpu);
        QCOMPARE(page.chartFrames().back()->title(), QStringLiteral("Tenants by CPU time"));
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(model->tenantAt(row - 1)->cpuSeconds() >= model->tenantAt(row)->cpuSeconds());
        QVERIFY(page.chartFrames().back()->csv().startsWith(
            QLatin1String("tenant,colocation_id,tables,node,queries,reads,cpu_seconds,shard\n")));
        // For a look at the panel: SHARDSCOPE_SHOT_DIR=<dir> saves it there.
        if (const QString dir = qEnvironmentVariable("SHARDSCOPE_SHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(100); // the chart lays out its axis titles on the next turn of the event loop
            QVERIFY(panel->grab().save(QDir(dir).filePath(QStringLiteral("skew-tenants.png"))));
        }
    }

    void timeRangeIsAppliedAndRemembered()
    {
        const quint64 generation = m_source->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(m_source->currentSnapshot().generation, generation, 30'000);
        // Two samples already in the history: two days ago and ten minutes ago.
        const QString path = SkewPage::historyPath(m_source->currentSnapshot());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            snapshot::MetricHistory history;
            QVERIFY(history.open(path.toStdString()).ok());
            for (const qint64 ago : {2LL * 24 * 3600 * 1000, 10LL * 60 * 1000}) {
                snapshot::MetricSample sample;
                sample.atMs = now - ago;
                sample.nodes = {{"worker-1:5432", 100, 1}};
                QVERIFY(history.record(sample).ok());
            }
            history.close();
        }
        {
            SkewPage page({m_source.get(), nullptr});
            QCOMPARE(page.timeRange(), SkewTimeRange::All);
            QTRY_COMPARE_WITH_TIMEOUT(page.sampleCount(), qsizetype(3), 30'000);
            QCOMPARE(page.shownHistory().samples.size(), std::size_t(3));
            const auto nodeLines = [&page] { return page.chartFrames()[2]->csv().count(QLatin1String(",nodes,0,")); };
            QCOMPARE(nodeLines(), 3);

            auto* range = page.findChild<QComboBox*>(QStringLiteral("timeRange"));
            QVERIFY(range);
            range->setCurrentIndex(range->findData(int(SkewTimeRange::LastHour)));
            QCOMPARE(page.timeRange(), SkewTimeRange::LastHour);
            QCOMPARE(page.shownHistory().samples.size(), std::size_t(2));
            QCOMPARE(nodeLines(), 2);
            // The history itself is untouched: a wider range shows the old sample again.
            QCOMPARE(page.sampleCount(), qsizetype(3));
            page.setTimeRange(SkewTimeRange::LastWeek);
            QCOMPARE(range->currentData().toInt(), int(SkewTimeRange::LastWeek));
            QCOMPARE(nodeLines(), 3);
            page.setTimeRange(SkewTimeRange::LastDay);
        }
        QCOMPARE(QSettings().value(QStringLiteral("skew/timeRange")).toString(), QStringLiteral("day"));
        SkewPage again({m_source.get(), nullptr});
        QCOMPARE(again.timeRange(), SkewTimeRange::LastDay);
        auto* range = again.findChild<QComboBox*>(QStringLiteral("timeRange"));
        QCOMPARE(range->currentData().toInt(), int(SkewTimeRange::LastDay));
    }

    void markersComeFromTheJournal()
    {
        const QString journalPath = m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(m_run));
        const std::string cluster = m_source->displayName().toStdString();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            snapshot::OperationJournal journal;
            QVERIFY(journal.open(journalPath.toStdString()).ok());
            const auto add = [&journal](snapshot::JournalEntry entry) { QVERIFY(journal.append(entry).ok()); };
            add({0, now - 3600'000, 2000, "embedded", cluster, "Move shard 102009 to worker-1:5432", "", "ok", ""});
            add({0, now - 1800'000, 100, "embedded", cluster, "Move shard 102010 to worker-3:5432", "", "failed",
                 "no space"});
            add({0, now - 900'000, 100, "embedded", "Another cluster", "Rebalance", "", "ok", ""});
            add({0, now - 40LL * 24 * 3600'000, 100, "embedded", cluster, "Rebalance long ago", "", "ok", ""});
            journal.close();
        }
        SkewPage::setJournalPath(journalPath);
        SkewPage page({m_source.get(), nullptr});
        m_source->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(page.history().markers.size(), std::size_t(1), 30'000);
        const snapshot::OperationMarker marker = page.history().markers.front();
        QCOMPARE(marker.kind, std::string("move"));
        QCOMPARE(marker.label, std::string("Move shard 102009 to worker-1:5432"));
        QCOMPARE(marker.atMs, now - 3600'000 + 2000);
        QTRY_VERIFY(page.chartFrames()[2]->csv().contains(QLatin1String("Move shard 102009 to worker-1:5432")));
        // The journal is only read: nothing else shows up later, and a missing journal is not created.
        QTest::qWait(200);
        QCOMPARE(page.history().markers.size(), std::size_t(1));
        SkewPage::setJournalPath(m_dir.filePath(QStringLiteral("no-journal.sqlite")));
        SkewPage other({m_source.get(), nullptr});
        QTRY_VERIFY_WITH_TIMEOUT(other.sampleCount() >= 1, 30'000);
        QTest::qWait(300);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no-journal.sqlite"))));
        SkewPage::setJournalPath(QString());
    }

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<sim::EmbeddedClusterSource> m_source;
};

QTEST_MAIN(TestSkewPage)
#include "tst_skewpage.moc"
