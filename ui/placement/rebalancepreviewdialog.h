// SPDX-License-Identifier: MIT
#pragma once

#include "heatmap/heatmapmatrix.h"
#include "heatmap/rebalancepreflight.h"
#include "heatmap/rebalancepreview.h"

#include <QDialog>
#include <memory>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QStandardItemModel;

namespace shardscope {

class HeatmapView;

/**
 * The rebalance preview: choose the strategy (Citus's or ShardScope's own), threshold, maximum moves or a
 * node to drain; see the plan as a table and as before/after heatmaps with skew figures and the bytes to
 * move. Planning runs in the background and is redone when an option changes; Run accepts, and the page
 * submits requests().
 */
class RebalancePreviewDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RebalancePreviewDialog(std::shared_ptr<const engine::ClusterState> state, QWidget* parent = nullptr);
    ~RebalancePreviewDialog() override;

    /** The last finished preview (null before the first plan arrives). */
    const RebalancePreview* preview() const { return m_preview.get(); }
    std::vector<engine::OperationRequest> requests() const;
    void setOptions(const RebalancePreviewOptions& options);
    RebalancePreviewOptions options() const;

    /**
     * Marks the preview as one for a live coordinator: the preflight waits for setPreflightFacts() and the
     * run note says what Run starts there (a background rebalance, or the planned moves one by one).
     */
    void setLive(bool live);
    /** What the coordinator told (read on a side connection by the caller). */
    void setPreflightFacts(const live::PreflightFacts& facts);
    /** The side connection failed: reachability and the rest are unknown. */
    void setPreflightError(const QString& message);
    /** The last evaluated checks (empty until preflightReady()). */
    const std::vector<PreflightCheck>& preflightChecks() const { return m_checks; }
    /** Whether Run may be pressed: a plan with moves and no failed check. */
    bool canRun() const;

Q_SIGNALS:
    void planReady();
    void preflightReady();

private:
    struct Result;
    void replan();
    void showResult(const std::shared_ptr<const Result>& result);
    void evaluateChecks();
    void showChecks();
    void updateRunState();

    std::shared_ptr<const engine::ClusterState> m_state;
    std::shared_ptr<const RebalancePreview> m_preview;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;
    quint64 m_checkGeneration = 0;
    bool m_live = false;
    std::optional<live::PreflightFacts> m_facts;
    QString m_factsError;
    std::vector<PreflightCheck> m_checks;

    QComboBox* m_strategy = nullptr;
    QDoubleSpinBox* m_threshold = nullptr;
    QSpinBox* m_maxMoves = nullptr;
    QComboBox* m_drain = nullptr;
    QComboBox* m_mode = nullptr;
    QLabel* m_figures = nullptr;
    QLabel* m_notices = nullptr;
    QLabel* m_preflight = nullptr;
    QLabel* m_runNote = nullptr;
    QStandardItemModel* m_moves = nullptr;
    HeatmapView* m_before = nullptr;
    HeatmapView* m_after = nullptr;
    QLabel* m_beforeLabel = nullptr;
    QLabel* m_afterLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace shardscope
