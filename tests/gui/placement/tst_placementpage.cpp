// SPDX-License-Identifier: MIT
#include "heatmap/heatmapview.h"
#include "placement/movepreviewdialog.h"
#include "placement/placementpage.h"
#include "placement/rebalancepreviewdialog.h"
#include "sim/embeddedclustersource.h"

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

private:
    QTemporaryDir m_dir;
    std::unique_ptr<sim::EmbeddedClusterSource> m_source;
    std::unique_ptr<PlacementPage> m_page;
};

QTEST_MAIN(TestPlacementPage)
#include "tst_placementpage.moc"
