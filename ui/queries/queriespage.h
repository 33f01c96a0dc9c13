// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersnapshot.h"
#include "pagecontext.h"
#include "stats/statementreport.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace shardscope {

class FanoutClassChart;
class FanoutCostChart;
class FanoutTenantChart;
class LiveStatementReader;
class StatementFilterProxy;
class StatementTableModel;

/**
 * The Queries tab: which statements run, how often, how long, and how many shards and nodes each execution
 * touches. Statistics follow the source's snapshots and are read and classified off the GUI thread, one
 * computation at a time. The embedded cluster shows the workload simulator's statistics, labelled simulated;
 * a live coordinator's statistics are read on a connection of the page's own, after every snapshot and on
 * the page's interval, and what keeps them from being read is said in the banner.
 */
class QueriesPage : public QWidget
{
    Q_OBJECT

public:
    explicit QueriesPage(const PageContext& context, QWidget* parent = nullptr);
    ~QueriesPage() override;

    StatementTableModel* model() const { return m_model; }
    StatementFilterProxy* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    FanoutClassChart* classChart() const { return m_classChart; }
    FanoutCostChart* costChart() const { return m_costChart; }
    FanoutTenantChart* tenantChart() const { return m_tenantChart; }
    QString bannerText() const;
    QString offendersText() const;
    QString statusText() const;
    /** Whether statements that read no Citus table (utility, catalog, shard-internal) are hidden. */
    void setCitusTablesOnly(bool only);
    /** Milliseconds between reads of a live coordinator's statistics (0: only after a refresh). */
    int statisticsInterval() const;
    void setStatisticsInterval(int milliseconds);

public Q_SLOTS:
    void showSnapshot(const shardscope::ClusterSnapshot& snapshot);
    /** Asks for the selected statement (or the proxy row) to be opened in the EXPLAIN tab. */
    void explainRow(int proxyRow);

Q_SIGNALS:
    /** The user wants this statement in the EXPLAIN tab (the main window routes it). */
    void explainRequested(const QString& sql);
    /** New statistics are on screen. */
    void reportUpdated();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void buildUi();
    void startComputation();
    void computationFinished();
    void applyReport(const stats::StatementReport& report);
    void showReport();
    void explainSelected();
    void updateButton();
    void readLiveStatistics();
    void liveReadFailed(const QString& message);

    PageContext m_context;
    std::optional<ClusterSnapshot> m_pending;
    ClusterSnapshot m_lastSnapshot;
    LiveStatementReader* m_liveReader = nullptr;
    QTimer m_statsTimer;
    QElapsedTimer m_sinceRead; ///< since the last live read was asked for
    QComboBox* m_interval = nullptr;
    QCheckBox* m_citusOnly = nullptr;
    stats::StatementReport m_report; ///< as read, before hiding statements on no Citus table
    QFutureWatcher<stats::StatementReport> m_watcher;

    QLabel* m_banner = nullptr;
    QLabel* m_status = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_classFilter = nullptr;
    QPushButton* m_explainButton = nullptr;
    StatementTableModel* m_model = nullptr;
    StatementFilterProxy* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    FanoutClassChart* m_classChart = nullptr;
    FanoutCostChart* m_costChart = nullptr;
    FanoutTenantChart* m_tenantChart = nullptr;
    QLabel* m_offenders = nullptr;
};

} // namespace shardscope
