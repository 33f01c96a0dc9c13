// SPDX-License-Identifier: MIT
#pragma once

#include "heatmap/movepreview.h"

#include <QDialog>
#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QStandardItemModel;

namespace shardscope {

/**
 * Shows what a shard group move will do before it runs: every colocated shard that moves, the bytes, node
 * totals before and after, the transfer mode and the exact SQL, and whether the next automatic rebalance
 * would undo it (checked in the background). Confirm accepts; the page submits requests().
 */
class MovePreviewDialog : public QDialog
{
    Q_OBJECT
public:
    MovePreviewDialog(std::shared_ptr<const engine::ClusterState> state, const engine::MoveShardPlacement& move,
                      QWidget* parent = nullptr);
    ~MovePreviewDialog() override;

    const MovePreview& preview() const { return m_preview; }
    engine::MoveShardPlacement move() const;
    /** What Confirm runs, in order: the move, then (if chosen) the node property that keeps it in place. */
    std::vector<engine::OperationRequest> requests() const;
    QString sql() const;
    bool canConfirm() const;
    void setTransferMode(engine::TransferMode mode);
    /** The result of the rebalance check, once moveBackChecked() was emitted. */
    const std::optional<MoveBackCheck>& moveBackCheck() const { return m_check; }

Q_SIGNALS:
    void moveBackChecked();

private:
    void fillTables();
    void updateSql();
    void showMoveBackCheck(const MoveBackCheck& check);

    std::shared_ptr<const engine::ClusterState> m_state;
    MovePreview m_preview;
    std::optional<MoveBackCheck> m_check;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QStandardItemModel* m_shards = nullptr;
    QStandardItemModel* m_nodes = nullptr;
    QComboBox* m_mode = nullptr;
    QLabel* m_warning = nullptr;
    QCheckBox* m_keepInPlace = nullptr;
    QPlainTextEdit* m_sql = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace shardscope
