// SPDX-License-Identifier: MIT
#include "heatmap/heatmapview.h"
#include "placement/jobprogresspanel.h"
#include "placement/movepreviewdialog.h"
#include "placement/placementpage.h"
#include "placement/rebalancepreviewdialog.h"
#include "sim/embeddedclustersource.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;

namespace {

struct Drop
{
    int row = -1;
    int column = -1;
    int target = -1;
};

// The first cell whose group may be dropped on a row with the given verdict.
Drop findDrop(const HeatmapMatrix& m, HeatmapDropVerdict wanted)
{
    for (int c = 0; c < m.columnCount(); ++c) {
        for (int r = 0; r < m.rowCount(); ++r) {
            if (!m.isPresent(r, c))
                continue;
            for (int t = 0; t < m.rowCount(); ++t) {
                if (checkHeatmapDrop(m, r, c, t) == wanted)
                    return {r, c, t};
            }
        }
    }
    return {};
}

// With SHARDSCOPE_SCREENSHOT_DIR set, saves what a widget looks like now (for reviewing the layout).
void grabScreenshot(QWidget* w, const QString& name)
{
    const QString dir = qEnvironmentVariable("SHARDSCOPE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(w->grab().save(dir + QStringLiteral("/placement-") + name + QStringLiteral(".png")));
}

void drag(QWidget* w, QPoint from, QPoint to)
{
    QTest::mousePress(w, Qt::LeftButton, {}, from);
    QTest::mouseMove(w, from + QPoint(8, 0));
    QTest::mouseMove(w, to);
    QTest::mouseRelease(w, Qt::LeftButton, {}, to);
}

} // namespace

class TestPlacementPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        sim::EmbeddedClusterSource::Options options;
        options.workspacePath = m_dir.filePath(QStringLiteral("demo.sqlite"));
        options.resetDemo = true;
        m_source = std::make_unique<sim::EmbeddedClusterSource>(options);
        m_page = std::make_unique<PlacementPage>(m_source.get());
        m_page->resize(1200, 560);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QSignalSpy updated(m_page.get(), &PlacementPage::heatmapUpdated);
        m_source->refresh();
        QTRY_VERIFY(updated.count() >= 1);
        // One colocation group, so cells are big enough to aim at.
        const auto groups = HeatmapMatrixBuilder::selectableGroups(*m_source->currentSnapshot().state);
        QVERIFY(!groups.empty());
        m_page->setColocationGroup(groups.front().first);
        QTRY_VERIFY(updated.count() >= 2);
    }

    void cleanup()
    {
        m_page.reset();
        m_source->waitForIdle();
        m_source.reset();
    }

    void dragMovesTheGroupInTheEmbeddedCluster()
    {
        HeatmapView* view = m_page->heatmap();
        const auto matrix = view->matrix();
        const Drop drop = findDrop(*matrix, HeatmapDropVerdict::Allowed);
        QVERIFY(drop.row >= 0);
        const HeatmapColumn column = matrix->column(drop.column);
        const engine::NodeId target = matrix->row(drop.target).node;

        drag(view, view->cellCenter(drop.row, drop.column), view->cellCenter(drop.target, drop.column));
        QTRY_VERIFY(m_page->movePreview() != nullptr);
        MovePreviewDialog* dialog = m_page->movePreview();

        // The preview: the whole colocated group, its bytes, node totals and the exact SQL.
        const MovePreview& preview = dialog->preview();
        QVERIFY(!preview.error);
        QCOMPARE(preview.shards.size(), column.shards.size());
        QCOMPARE(preview.bytes, matrix->bytes(drop.row, drop.column));
        for (const MovePreviewNode& n : preview.nodes) {
            if (n.isSource)
                QCOMPARE(n.after, n.before - preview.bytes);
            if (n.isTarget)
                QCOMPARE(n.after, n.before + preview.bytes);
        }
        dialog->setTransferMode(engine::TransferMode::BlockWrites);
        QVERIFY(dialog->sql().startsWith(
            QStringLiteral("SELECT citus_move_shard_placement(%1").arg(column.shards.front())));
        QVERIFY(dialog->sql().contains(QStringLiteral("'block_writes'")));
        QTRY_VERIFY(dialog->moveBackCheck().has_value());
        grabScreenshot(dialog, QStringLiteral("move-preview"));

        QSignalSpy submitted(m_page.get(), &PlacementPage::operationSubmitted);
        QSignalSpy updated(m_page.get(), &PlacementPage::heatmapUpdated);
        dialog->accept();
        QCOMPARE(submitted.count(), 1);

        // The embedded cluster now has the group on the target, and the heatmap shows it.
        QTRY_VERIFY(updated.count() >= 1);
        const auto& state = *m_source->currentSnapshot().state;
        engine::GroupId targetGroup = -1;
        for (const auto& n : state.nodes) {
            if (n.id == target)
                targetGroup = n.group;
        }
        for (engine::ShardId shard : column.shards) {
            const bool onTarget = std::any_of(state.placements.begin(), state.placements.end(), [&](const auto& p) {
                return p.shard == shard && p.group == targetGroup;
            });
            QVERIFY2(onTarget, qPrintable(QString::number(shard)));
        }
        const auto after = view->matrix();
        const int col = after->columnOfShard(column.shards.front());
        QVERIFY(after->isPresent(after->rowOfNode(target), col));
        QVERIFY(!after->isPresent(drop.row, col));
    }

    void invalidDropChangesNothing()
    {
        HeatmapView* view = m_page->heatmap();
        const auto matrix = view->matrix();
        const Drop drop = findDrop(*matrix, HeatmapDropVerdict::NodeRejectsShards);
        QVERIFY2(drop.row >= 0, "the demo's coordinator takes no shards");
        const auto before = m_source->currentSnapshot();
        QSignalSpy submitted(m_page.get(), &PlacementPage::operationSubmitted);

        drag(view, view->cellCenter(drop.row, drop.column), view->cellCenter(drop.target, drop.column));
        QTest::qWait(50);
        QVERIFY(m_page->movePreview() == nullptr);
        QCOMPARE(submitted.count(), 0);
        QVERIFY(m_page->statusText().contains(QStringLiteral("does not accept shards")));
        m_source->waitForIdle();
        QCOMPARE(m_source->currentSnapshot().generation, before.generation);
        QVERIFY(*m_source->currentSnapshot().state == *before.state);
    }

    void cancelledPreviewChangesNothing()
    {
        HeatmapView* view = m_page->heatmap();
        const Drop drop = findDrop(*view->matrix(), HeatmapDropVerdict::Allowed);
        const auto before = m_source->currentSnapshot();
        QSignalSpy submitted(m_page.get(), &PlacementPage::operationSubmitted);
        drag(view, view->cellCenter(drop.row, drop.column), view->cellCenter(drop.target, drop.column));
        QTRY_VERIFY(m_page->movePreview() != nullptr);
        m_page->movePreview()->reject();
        QCOMPARE(submitted.count(), 0);
        m_source->waitForIdle();
        QVERIFY(*m_source->currentSnapshot().state == *before.state);
    }

    void rebalancePreviewPlansAndDrains()
    {
        m_page->previewRebalance();
        RebalancePreviewDialog* dialog = m_page->rebalancePreview();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->preview() != nullptr);
        QVERIFY2(!dialog->preview()->error, dialog->preview()->error ? dialog->preview()->error->message.c_str() : "");
        const auto& simulation = dialog->preview()->simulation;
        QVERIFY(simulation.after.maxOverMean <= simulation.before.maxOverMean + 1e-9);

        QSignalSpy planned(dialog, &RebalancePreviewDialog::planReady);
        RebalancePreviewOptions ours;
        ours.strategy = "shardscope_min_bytes";
        dialog->setOptions(ours);
        QTRY_VERIFY(planned.count() >= 1);
        QVERIFY(!dialog->preview()->error);
        QCOMPARE(dialog->preview()->options.strategy, std::string("shardscope_min_bytes"));

        // Draining worker 1 moves everything it holds (but reference tables) and runs as citus_drain_node.
        const auto& state = *m_source->currentSnapshot().state;
        const auto worker =
            std::find_if(state.nodes.begin(), state.nodes.end(), [](const engine::Node& n) { return n.group == 1; });
        QVERIFY(worker != state.nodes.end());
        RebalancePreviewOptions drain;
        drain.drainNode = worker->id;
        planned.clear();
        dialog->setOptions(drain);
        QTRY_VERIFY(planned.count() >= 1);
        const RebalancePreview& preview = *dialog->preview();
        QVERIFY(!preview.error);
        QVERIFY(!preview.plan.moves.empty());
        for (const auto& move : preview.plan.moves)
            QCOMPARE(move.source, worker->id);
        QCOMPARE(dialog->requests().size(), std::size_t(1));
        QVERIFY(std::holds_alternative<engine::DrainNode>(dialog->requests().front()));

        QSignalSpy updated(m_page.get(), &PlacementPage::heatmapUpdated);
        dialog->accept();
        QTRY_VERIFY(updated.count() >= 1);
        const auto& after = *m_source->currentSnapshot().state;
        const auto refs = engine::referenceShards(after);
        for (const auto& p : after.placements)
            QVERIFY(p.group != worker->group || refs.count(p.shard));
    }

    void embeddedPreflightFromTheState()
    {
        m_page->previewRebalance();
        RebalancePreviewDialog* dialog = m_page->rebalancePreview();
        // The plan and the checks may both be done by now: wait on the result, not on the signal.
        QTRY_VERIFY(!dialog->preflightChecks().empty());
        const auto& checks = dialog->preflightChecks();
        QCOMPARE(checks.size(), std::size_t(4));
        QCOMPARE(checks[0].status, PreflightCheck::Status::Passed); // every node active
        QCOMPARE(checks[1].status, PreflightCheck::Status::Passed); // reference tables everywhere
        QVERIFY(checks[1].detail.find("reference table(s) on all") != std::string::npos);
        // No disks to ask: said so, not guessed.
        QCOMPARE(checks[2].status, PreflightCheck::Status::Unknown);
        QVERIFY(checks[2].detail.find("no disks") != std::string::npos);
        QCOMPARE(checks[3].status, PreflightCheck::Status::Passed);
        QVERIFY(dialog->canRun());
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("runNote"))->text().contains(QStringLiteral("embedded")));
        grabScreenshot(dialog, QStringLiteral("rebalance-preview"));
    }

    void preflightWithLiveFacts_data()
    {
        QTest::addColumn<int>("broken");     // node-to-node connections that fail
        QTest::addColumn<bool>("rebalance"); // a rebalance job is running
        QTest::addColumn<double>("freeShare");
        QTest::addColumn<bool>("diskKnown");
        QTest::addColumn<bool>("canRun");
        QTest::newRow("all well") << 0 << false << 0.9 << true << true;
        QTest::newRow("unreachable node") << 1 << false << 0.9 << true << false;
        QTest::newRow("rebalance running") << 0 << true << 0.9 << true << false;
        QTest::newRow("disk nearly full") << 0 << false << 0.1 << true << false;
        QTest::newRow("disk unknown still runs") << 0 << false << 0.9 << false << true;
    }

    void preflightWithLiveFacts()
    {
        QFETCH(int, broken);
        QFETCH(bool, rebalance);
        QFETCH(double, freeShare);
        QFETCH(bool, diskKnown);
        QFETCH(bool, canRun);
        m_page->previewRebalance();
        RebalancePreviewDialog* dialog = m_page->rebalancePreview();
        dialog->setLive(true);
        QTRY_VERIFY(dialog->preview() != nullptr);
        QVERIFY(!dialog->canRun()); // waits for the coordinator's answer
        const auto& state = *m_source->currentSnapshot().state;
        live::PreflightFacts facts;
        facts.healthKnown = true;
        for (const auto& from : state.nodes) {
            for (const auto& to : state.nodes)
                facts.health.push_back({from.name, from.port, to.name, to.port, true});
        }
        for (int i = 0; i < broken; ++i)
            facts.health[std::size_t(i) + 1].ok = false;
        facts.diskKnown = diskKnown;
        if (!diskKnown)
            facts.diskError = "function citus_local_disk_space_stats() does not exist";
        const std::int64_t total = std::int64_t(1) << 40;
        // freeShare of the disk is free: 10 % (minus what arrives) is below Citus's 10 % to keep.
        for (const auto& n : state.nodes)
            facts.disks.push_back({n.name, n.port, std::int64_t(double(total) * freeShare), total, {}});
        facts.jobsKnown = true;
        if (rebalance)
            facts.jobs.push_back({7, "running", "rebalance", "Rebalance all colocation groups"});
        dialog->setPreflightFacts(facts);
        QTRY_VERIFY(!dialog->preflightChecks().empty());
        const auto& checks = dialog->preflightChecks();
        QCOMPARE(checks[0].status, broken ? PreflightCheck::Status::Failed : PreflightCheck::Status::Passed);
        QCOMPARE(checks[2].status, !diskKnown        ? PreflightCheck::Status::Unknown
                                   : freeShare < 0.2 ? PreflightCheck::Status::Failed
                                                     : PreflightCheck::Status::Passed);
        if (!diskKnown)
            QVERIFY(checks[2].detail.find("cannot tell free disk") != std::string::npos);
        QCOMPARE(checks[3].status, rebalance ? PreflightCheck::Status::Failed : PreflightCheck::Status::Passed);
        QCOMPARE(dialog->canRun(), canRun);
        grabScreenshot(dialog,
                       QStringLiteral("preflight-") +
                           QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        auto* label = dialog->findChild<QLabel*>(QStringLiteral("preflightLabel"));
        QVERIFY(label->text().contains(QStringLiteral("Free disk on target nodes")));
        // Citus's own strategy with its defaults: Run starts a background rebalance.
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("runNote"))->text().contains(QStringLiteral("background")));
    }

    void runningPlanShowsProgressAndFinishes()
    {
        m_page->previewRebalance();
        RebalancePreviewDialog* dialog = m_page->rebalancePreview();
        QTRY_VERIFY(dialog->preview() != nullptr);
        const std::size_t moves = dialog->preview()->plan.moves.size();
        QVERIFY(moves > 1);
        JobProgressPanel* panel = m_page->progressPanel();
        QSignalSpy finished(panel, &JobProgressPanel::taskFinished);
        dialog->accept();
        QVERIFY(panel->isVisible());
        QVERIFY(panel->isRunning());
        QCOMPARE(panel->progressBar()->maximum(), int(moves));
        grabScreenshot(m_page.get(), QStringLiteral("progress"));
        // What a live rebalance's side poll hands over: one line per group in flight, hidden when none.
        panel->setDetails({QStringLiteral("shard 102008 of users (+1 colocated) a -> b, Copying Data, 3 of 19 MB")});
        QVERIFY(panel->detailsLabel()->isVisible());
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.front().at(0).toInt(), int(moves)); // all succeeded
        QCOMPARE(finished.front().at(1).toInt(), 0);
        QVERIFY(!panel->isVisible());
        QCOMPARE(panel->progressBar()->value(), int(moves));
        panel->track(QStringLiteral("next"), {JobId(999999)}); // a new task starts without old details
        QVERIFY(panel->detailsLabel()->isHidden());
        QVERIFY(!m_page->statusText().startsWith(QStringLiteral("Failed")));
    }

    void stopCancelsWhatHasNotRun()
    {
        m_page->previewRebalance();
        RebalancePreviewDialog* dialog = m_page->rebalancePreview();
        QTRY_VERIFY(dialog->preview() != nullptr);
        const auto plan = dialog->preview()->plan;
        JobProgressPanel* panel = m_page->progressPanel();
        QSignalSpy finished(panel, &JobProgressPanel::taskFinished);
        // Keep the embedded cluster's worker busy so the moves are still queued when Stop is pressed.
        for (int i = 0; i < 40; ++i)
            m_source->submit(engine::CreatePlainTable{"public", "busy_" + std::to_string(i), 0, 0});
        dialog->accept();
        QTest::mouseClick(panel->stopButton(), Qt::LeftButton);
        QVERIFY(!panel->stopButton()->isEnabled());
        QTRY_COMPARE(finished.count(), 1);
        const int done = finished.front().at(0).toInt();
        const int canceled = finished.front().at(2).toInt();
        QCOMPARE(done + canceled, int(plan.moves.size()));
        QVERIFY(canceled > 0);
        QVERIFY(m_page->statusText().startsWith(QStringLiteral("Stopped")));
        // Exactly the moves that ran are in the cluster: the plan's first `done` ones, in order.
        m_source->waitForIdle();
        QTRY_VERIFY(m_source->currentSnapshot().generation > 0);
        const auto& after = *m_source->currentSnapshot().state;
        int moved = 0;
        for (const auto& m : plan.moves) {
            engine::GroupId target = -1;
            for (const auto& n : after.nodes) {
                if (n.id == m.target)
                    target = n.group;
            }
            moved += std::any_of(after.placements.begin(), after.placements.end(),
                                 [&](const auto& p) { return p.shard == m.shard && p.group == target; });
        }
        QCOMPARE(moved, done);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<sim::EmbeddedClusterSource> m_source;
    std::unique_ptr<PlacementPage> m_page;
};

QTEST_MAIN(TestPlacementPage)
#include "tst_placementpage.moc"
