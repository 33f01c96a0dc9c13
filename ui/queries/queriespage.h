// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersnapshot.h"
#include "pagecontext.h"
#include "stats/statementreport.h"

#include <QFutureWatcher>
#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace shardscope {

class FanoutClassChart;
class FanoutCostChart;
class FanoutTenantChart;
class StatementFilterProxy;
class StatementTableModel;

/**
 * The Queries tab: which statements run, how often, how long, and how many shards and nodes each execution
 * touches. Statistics follow the source's snapshots and are read and classified off the GUI thread, one
 * computation at a time. The embedded cluster shows the workload simulator's statistics, labelled simulated.
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

public Q_SLOTS:
    void showSnapshot(const shardscope::ClusterSnapshot& snapshot);
    /** Asks for the selected statement (or the proxy row) to be opened in the EXPLAIN tab. */
    void explainRow(int proxyRow);

Q_SIGNALS:
    /** The user wants this statement in the EXPLAIN tab (the main window routes it). */
    void explainRequested(const QString& sql);
    /** New statistics are on screen. */
    void reportUpdated();

private:
    void buildUi();
    void startComputation();
    void computationFinished();
    void applyReport(const stats::StatementReport& report);
    void explainSelected();
    void updateButton();

    PageContext m_context;
    std::optional<ClusterSnapshot> m_pending;
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
