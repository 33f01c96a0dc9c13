// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersnapshot.h"
#include "api/jobresult.h"
#include "pagecontext.h"
#include "skew/skewfigures.h"
#include "skew/skewhistoryrecorder.h"
#include "skew/skewtimerange.h"
#include "skew/skewverdict.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace shardscope {

class HotShardModel;
class RebalancePreviewDialog;
class SkewChartFrame;
class SkewGrowthChart;
class SkewHistogramChart;
class SkewNodeBarChart;
class SkewTimelineChart;
class TopTenantsPanel;

/**
 * The Skew tab: is data piling up on one node? A verdict line with a user-set threshold, bytes per node stacked
 * by colocation group, the shard size distribution, skew and growth over time from the local metric history
 * (with operations marked), and the hottest shard groups. Figures are computed off the GUI thread from the
 * snapshots the source delivers, one computation at a time; a sample goes to the history per snapshot (live
 * clusters: at most one per "skew/liveSampleSeconds", 30 s by default).
 */
class SkewPage : public QWidget
{
    Q_OBJECT

public:
    explicit SkewPage(const PageContext& context, QWidget* parent = nullptr);
    ~SkewPage() override;

    /** Where the history of the snapshot's cluster is kept. */
    static QString historyPath(const ClusterSnapshot& snapshot);

    const SkewVerdict& verdict() const { return m_verdict; }
    QString verdictText() const;
    HotShardModel* hotShardModel() const { return m_hotModel; }
    /** The chart frames, in page order: bytes per node, distribution, skew over time, growth, top tenants. */
    QList<SkewChartFrame*> chartFrames() const { return m_frames; }
    bool isPaused() const { return m_paused; }
    qsizetype sampleCount() const { return static_cast<qsizetype>(m_history.samples.size()); }
    /** The history as kept (retention) and as the time-axis charts show it (time range). */
    const SkewHistory& history() const { return m_history; }
    SkewHistory shownHistory() const;
    SkewTimeRange::Preset timeRange() const { return m_range; }
    TopTenantsPanel* tenantsPanel() const { return m_tenants; }
    /** Where operation markers are read from besides this page's own operations; default: the app's journal. */
    static void setJournalPath(const QString& path);
    /** The rebalance preview opened by the verdict's button, while it is open. */
    RebalancePreviewDialog* rebalancePreview() const;

public Q_SLOTS:
    void showSnapshot(const shardscope::ClusterSnapshot& snapshot);
    void setPaused(bool paused);
    void setThresholdPercent(double percent);
    /** Applies a time range to the time-axis charts and remembers it in the settings. */
    void setTimeRange(shardscope::SkewTimeRange::Preset preset);

Q_SIGNALS:
    /** The verdict's button was pressed: the page opens the rebalance preview dialog on the current snapshot. */
    void rebalancePreviewRequested();
    /** A hot shard group was clicked: the heatmap can show it. The window selection follows its colocation group. */
    void shardGroupActivated(qint64 colocationId, qint64 shardId);
    /** New figures are on screen. */
    void figuresUpdated();

private:
    void buildUi();
    QWidget* buildVerdictBar();
    QWidget* buildControls();
    void startComputation();
    void applyFigures(const SkewFigures& figures, const ClusterSnapshot& snapshot);
    void recordSample(const snapshot::MetricSample& sample, const ClusterSnapshot& snapshot);
    void onJobFinished(JobId job, const JobResult& result);
    void onHistoryLoaded(const SkewHistory& history);
    void addMarkers(const std::vector<snapshot::OperationMarker>& markers);
    void onTenantActivated(qint64 colocationId, qint64 shardId);
    void updateVerdict();
    void showNodeBytes();
    void updateHistoryCharts();
    void updateStatus();
    void trimToRetention();
    void onHotShardClicked(const QModelIndex& index);
    void requestRebalancePreview();
    void submitRebalance();

    PageContext m_context;
    SkewHistoryRecorder m_recorder;
    QString m_historyPath;
    SkewHistory m_history;
    std::optional<SkewFigures> m_figures;
    SkewVerdict m_verdict;
    std::optional<ClusterSnapshot> m_pending; ///< newest snapshot not yet computed
    bool m_computing = false;
    bool m_paused = false;
    qint64 m_lastSampleMs = 0;
    QString m_problem;

    QLabel* m_verdictLabel = nullptr;
    QLabel* m_verdictDetail = nullptr;
    QWidget* m_verdictBar = nullptr;
    QPushButton* m_previewButton = nullptr;
    QDoubleSpinBox* m_threshold = nullptr;
    QSpinBox* m_retention = nullptr;
    QComboBox* m_stackBy = nullptr;
    QComboBox* m_rangeBox = nullptr;
    SkewTimeRange::Preset m_range = SkewTimeRange::All;
    QPushButton* m_pauseButton = nullptr;
    QLabel* m_status = nullptr;
    SkewNodeBarChart* m_nodeChart = nullptr;
    SkewHistogramChart* m_histogram = nullptr;
    SkewTimelineChart* m_timeline = nullptr;
    SkewGrowthChart* m_growth = nullptr;
    QList<SkewChartFrame*> m_frames;
    HotShardModel* m_hotModel = nullptr;
    QTableView* m_hotView = nullptr;
    TopTenantsPanel* m_tenants = nullptr;
    QPointer<RebalancePreviewDialog> m_rebalance;
};

} // namespace shardscope
