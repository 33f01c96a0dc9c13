// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersnapshot.h"
#include "skew/tenantreport.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QTableView;

namespace shardscope {

class ClusterSource;
class SkewChartFrame;
class TenantTopChart;
class TopTenantsModel;

namespace live {
class ConnectionWorker;
}

/**
 * "Top tenants by queries / by CPU" on the Skew tab. On a live coordinator it reads citus_stat_tenants on a
 * connection of its own (never behind the catalog refresh), at most once per refresh interval and never two
 * reads at once; the tenants are routed to their shards off the GUI thread. On the embedded demo cluster the
 * traffic is simulated and labelled so. Where the server cannot tell (plain PostgreSQL, old Citus, tracking
 * off) the panel says why. Clicking a tenant (bar or row) reports its shard.
 */
class TopTenantsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TopTenantsPanel(ClusterSource* source, QWidget* parent = nullptr);
    ~TopTenantsPanel() override;

    TopTenantsModel* model() const { return m_model; }
    TenantTopChart* chart() const { return m_chart; }
    SkewChartFrame* chartFrame() const { return m_frame; }
    QTableView* table() const { return m_table; }
    QString noticeText() const;
    /** How many times citus_stat_tenants was asked (tests). */
    int liveReads() const { return m_liveReads; }

public Q_SLOTS:
    void showSnapshot(const shardscope::ClusterSnapshot& snapshot);
    void setPaused(bool paused);

Q_SIGNALS:
    /** A tenant was clicked: its colocation group and the shard its value routes to (0 when unknown). */
    void tenantActivated(qint64 colocationId, qint64 shardId, const QString& tenant);
    /** New tenant figures are shown. */
    void tenantsUpdated();

private:
    void readLive(const ClusterSnapshot& snapshot);
    void simulate(const ClusterSnapshot& snapshot);
    void readWaiting();
    void updateTitle();
    void apply(const TenantReport& report);
    void activateRow(int row);
    int minimumGapMs() const;

    QPointer<ClusterSource> m_source;
    std::unique_ptr<live::ConnectionWorker> m_worker;
    std::optional<ClusterSnapshot> m_waiting; ///< a snapshot that arrived while paused or reading
    QElapsedTimer m_sinceRead;
    QTimer m_later; ///< reads a waiting snapshot once the minimum gap has passed
    bool m_reading = false;
    bool m_paused = false;
    int m_liveReads = 0;
    quint64 m_shownGeneration = 0;

    QComboBox* m_ranking = nullptr;
    QLabel* m_notice = nullptr;
    TopTenantsModel* m_model = nullptr;
    TenantTopChart* m_chart = nullptr;
    SkewChartFrame* m_frame = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace shardscope
