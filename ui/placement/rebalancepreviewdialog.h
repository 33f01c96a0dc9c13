// SPDX-License-Identifier: MIT
#pragma once

#include "heatmap/heatmapmatrix.h"
#include "heatmap/rebalancepreview.h"

#include <QDialog>
#include <memory>

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

Q_SIGNALS:
    void planReady();

private:
    struct Result;
    void replan();
    void showResult(const std::shared_ptr<const Result>& result);

    std::shared_ptr<const engine::ClusterState> m_state;
    std::shared_ptr<const RebalancePreview> m_preview;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;

    QComboBox* m_strategy = nullptr;
    QDoubleSpinBox* m_threshold = nullptr;
    QSpinBox* m_maxMoves = nullptr;
    QComboBox* m_drain = nullptr;
    QComboBox* m_mode = nullptr;
    QLabel* m_figures = nullptr;
    QLabel* m_notices = nullptr;
    QStandardItemModel* m_moves = nullptr;
    HeatmapView* m_before = nullptr;
    HeatmapView* m_after = nullptr;
    QLabel* m_beforeLabel = nullptr;
    QLabel* m_afterLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace shardscope
