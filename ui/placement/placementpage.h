// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersource.h"
#include "heatmap/heatmapmatrixbuilder.h"
#include "pagecontext.h"

#include <QPointer>
#include <QWidget>
#include <memory>
#include <set>

class QComboBox;
class QLabel;
class QTimer;

namespace shardscope {

namespace live {
class ConnectionWorker;
}

class HeatmapView;
class JobProgressPanel;
class MovePreviewDialog;
class RebalancePreviewDialog;

/**
 * The Placement page: the shard heatmap with its controls. Dragging a shard group onto another node opens a
 * move preview; confirming submits the request through the ClusterSource, and the heatmap follows the next
 * snapshot. The matrix is built off the GUI thread; a result older than the latest request is dropped.
 */
class PlacementPage : public QWidget
{
    Q_OBJECT
public:
    explicit PlacementPage(ClusterSource* source, QWidget* parent = nullptr);
    /** As a main window tab: also follows and sets the window's selection (colocation groups). */
    PlacementPage(const PageContext& context, QWidget* parent = nullptr);
    ~PlacementPage() override;

    HeatmapView* heatmap() const { return m_view; }
    /** The inline progress of a running move or rebalance, with its Stop button. */
    JobProgressPanel* progressPanel() const { return m_progress; }
    /** The move preview currently open, if any. */
    MovePreviewDialog* movePreview() const;
    /** The rebalance preview currently open, if any. */
    RebalancePreviewDialog* rebalancePreview() const;
    /** Query load per shard from statement statistics; an empty map means "not known". */
    void setShardLoad(HeatmapShardLoad load);
    /** Chooses a colocation group (HeatmapMatrixBuilder::kAllGroups for all). */
    void setColocationGroup(engine::ColocationId id);
    /**
     * Shows one shard group in the heatmap, selected and scrolled into view (a click-through from the Skew
     * tab): switches to its colocation group unless all groups are shown, and waits for a matrix in flight.
     */
    void revealShardGroup(engine::ColocationId colocationId, qint64 shardId);
    /** The status line under the heatmap (hints, refusals, job outcomes). */
    QString statusText() const;

public Q_SLOTS:
    void showSnapshot(const shardscope::ClusterSnapshot& snapshot);
    /** Opens the preview of moving the shard group of shardId (what a drop on the heatmap does). */
    void previewMove(qint64 shardId, int sourceNodeId, int targetNodeId);
    /** Opens the rebalance preview on the current snapshot. */
    void previewRebalance();

Q_SIGNALS:
    /** A shard group was clicked, for the details panel. */
    void shardGroupSelected(qint64 shardId, int nodeId);
    /** The page submitted an operation to the source. */
    void operationSubmitted(shardscope::JobId job);
    /** A new matrix is on screen (after a snapshot, a group choice or new load data). */
    void heatmapUpdated();

private:
    void buildControls();
    void rebuildMatrix();
    void updateGroupChoices();
    void updateRenderOptions();
    void updateSummary();
    void submitPreview();
    void submitRebalance();
    void onJobFinished(JobId job, const JobResult& result);
    void onTaskFinished(int succeeded, int failed, int canceled, const QString& message);
    void readPreflightFacts();
    void pollMovesInFlight();
    void setStatus(const QString& text, bool problem = false);

    QPointer<ClusterSource> m_source;
    ClusterSnapshot m_snapshot;
    std::shared_ptr<const HeatmapShardLoad> m_load;
    engine::ColocationId m_group = HeatmapMatrixBuilder::kAllGroups;
    quint64 m_matrixGeneration = 0;
    qint64 m_shardToReveal = 0; ///< a click-through waiting for the matrix that holds it (0: none)
    std::set<JobId> m_jobs;

    HeatmapView* m_view = nullptr;
    QComboBox* m_groupBox = nullptr;
    QComboBox* m_metricBox = nullptr;
    QComboBox* m_scaleBox = nullptr;
    QComboBox* m_aggregationBox = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_status = nullptr;
    QPointer<MovePreviewDialog> m_preview;
    QPointer<RebalancePreviewDialog> m_rebalance;
    JobProgressPanel* m_progress = nullptr;
    /** A side connection to a live coordinator for the preflight checks, opened on first use. */
    std::unique_ptr<live::ConnectionWorker> m_side;
    /** While a live background rebalance runs: reads get_rebalance_progress() for the moves in flight. */
    QTimer* m_movesTimer = nullptr;
};

} // namespace shardscope
