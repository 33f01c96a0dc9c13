// SPDX-License-Identifier: MIT
// The Skew tab on the embedded demo cluster: verdict, hot shards with click-through, history, pause, export.
#include "clusterselection.h"
#include "engine/skew.h"
#include "placement/rebalancepreviewdialog.h"
#include "sim/democluster.h"
#include "sim/embeddedclustersource.h"
#include "skew/hotshardmodel.h"
#include "skew/skewchartframe.h"
#include "skew/skewpage.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
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

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<sim::EmbeddedClusterSource> m_source;
};

QTEST_MAIN(TestSkewPage)
#include "tst_skewpage.moc"
