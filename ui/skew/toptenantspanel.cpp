// SPDX-License-Identifier: MIT
#include "toptenantspanel.h"

#include "api/async.h"
#include "api/clustersource.h"
#include "dashboards/tenanttopchart.h"
#include "live/connectionworker.h"
#include "live/liveclustersource.h"
#include "sim/tenantactivitysimulator.h"
#include "sim/workloadsimulator.h"
#include "skew/toptenantsmodel.h"
#include "skewchartframe.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>
#include <algorithm>

namespace shardscope {

namespace {

constexpr int kMinimumGapMs = 5000;
constexpr int kSimulatedPeriodSeconds = 60;

} // namespace

TopTenantsPanel::TopTenantsPanel(ClusterSource* source, QWidget* parent) : QWidget(parent), m_source(source)
{
    setObjectName(QStringLiteral("topTenants"));
    m_model = new TopTenantsModel(this);
    m_chart = new TenantTopChart;
    m_chart->setModel(m_model);
    m_frame = new SkewChartFrame(tr("Tenants by queries"), m_chart, [c = m_chart] { return c->csv(); });

    m_ranking = new QComboBox;
    m_ranking->setObjectName(QStringLiteral("tenantRanking"));
    m_ranking->addItem(tr("queries"), int(TopTenantsModel::Ranking::Queries));
    m_ranking->addItem(tr("CPU time"), int(TopTenantsModel::Ranking::Cpu));
    connect(m_ranking, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setRanking(TopTenantsModel::Ranking(m_ranking->currentData().toInt()));
        m_chart->refresh();
        updateTitle();
    });

    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("tenantsMessage"));
    // One line that never widens the page; the whole text is in the tooltip.
    m_notice->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_notice->setText(tr("Waiting for the cluster…"));

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("tenantTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(TopTenantsModel::GroupColumn, QHeaderView::Stretch);
    m_table->setColumnHidden(TopTenantsModel::ReadsColumn, true); // in the tooltip and the CSV; the room is short
    m_table->setToolTip(tr("Click a tenant to show its shard on the Placement tab"));
    m_table->setMinimumHeight(100);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) { activateRow(index.row()); });
    connect(m_chart, &TenantTopChart::tenantClicked, this, &TopTenantsPanel::activateRow);

    auto* header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("Rank by:")));
    header->addWidget(m_ranking);
    header->addSpacing(8);
    header->addWidget(m_notice, 1);
    auto* body = new QHBoxLayout;
    body->addWidget(m_frame, 1);
    body->addWidget(m_table, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addLayout(body, 1);

    m_later.setSingleShot(true);
    connect(&m_later, &QTimer::timeout, this, &TopTenantsPanel::readWaiting);
}

TopTenantsPanel::~TopTenantsPanel()
{
    live::ConnectionWorker::retire(std::move(m_worker));
}

QString TopTenantsPanel::noticeText() const
{
    return m_notice->text();
}

void TopTenantsPanel::showSnapshot(const ClusterSnapshot& snapshot)
{
    if (snapshot.isNull())
        return;
    if (snapshot.sourceKind == SourceKind::Embedded) {
        if (!m_paused)
            simulate(snapshot);
        return;
    }
    m_waiting = snapshot;
    readWaiting();
}

void TopTenantsPanel::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused && m_waiting)
        readWaiting();
}

int TopTenantsPanel::minimumGapMs() const
{
    const auto* live = qobject_cast<const live::LiveClusterSource*>(m_source.data());
    return std::max(kMinimumGapMs, live ? live->refreshInterval() : 0);
}

void TopTenantsPanel::readWaiting()
{
    if (!m_waiting || m_paused || m_reading)
        return;
    if (m_sinceRead.isValid() && m_sinceRead.elapsed() < minimumGapMs()) {
        if (!m_later.isActive())
            m_later.start(int(minimumGapMs() - m_sinceRead.elapsed()));
        return;
    }
    const ClusterSnapshot snapshot = *m_waiting;
    m_waiting.reset();
    readLive(snapshot);
}

void TopTenantsPanel::readLive(const ClusterSnapshot& snapshot)
{
    auto* source = qobject_cast<live::LiveClusterSource*>(m_source.data());
    if (!source) {
        apply(TenantReport::unavailable(tr("this cluster source has no tenant statistics")));
        return;
    }
    if (!m_worker || !(m_worker->options() == source->connectionOptions())) {
        live::ConnectionWorker::retire(std::move(m_worker));
        m_worker = std::make_unique<live::ConnectionWorker>(source->connectionOptions());
    }
    m_reading = true;
    m_sinceRead.start();
    ++m_liveReads;
    m_worker->request<TenantReport>(
        this,
        [state = snapshot.state](live::PgSession& session) -> Result<TenantReport> {
            auto stats = live::readTenantStats(session);
            if (!stats)
                return stats.error();
            return TenantReport::fromLive(*state, *stats); // routing runs here, off the GUI thread
        },
        [this](Result<TenantReport> result) {
            m_reading = false;
            if (result)
                apply(*result);
            else
                apply(TenantReport::unavailable(tr("citus_stat_tenants could not be read: %1")
                                                    .arg(QString::fromStdString(result.error().message))));
            if (m_waiting)
                readWaiting();
        });
}

void TopTenantsPanel::simulate(const ClusterSnapshot& snapshot)
{
    // The simulated clock advances with every snapshot, as the Queries tab's workload does.
    const std::int64_t tick = sim::WorkloadSimulator::kStartTick + static_cast<std::int64_t>(snapshot.generation);
    runAsync(
        QThreadPool::globalInstance(), this,
        [state = snapshot.state, tick] {
            const sim::TenantActivitySimulator simulator;
            return TenantReport::fromSimulated(*state, simulator.activityAt(*state, tick), kSimulatedPeriodSeconds);
        },
        [this, generation = snapshot.generation](const TenantReport& report) {
            if (generation < m_shownGeneration)
                return; // an older computation finished late
            m_shownGeneration = generation;
            apply(report);
        });
}

void TopTenantsPanel::apply(const TenantReport& report)
{
    m_model->setReport(report);
    m_chart->refresh();
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(TopTenantsModel::GroupColumn, QHeaderView::Stretch);
    QString text;
    if (report.simulated) {
        text = tr("Simulated traffic (the demo cluster runs no queries); user_id 1 is the hot tenant.");
    } else if (!report.available) {
        text = tr("No tenant statistics: %1.").arg(report.notice);
    } else if (report.rows.empty() && report.idleTenants > 0) {
        text = tr("No tenant had a query in the last two periods (%n idle tenant(s) listed).", nullptr,
                  report.idleTenants);
    } else if (report.rows.empty()) {
        text = tr("No tenants yet: %1.").arg(report.notice);
    } else if (report.periodSeconds > 0) {
        text = tr("citus_stat_tenants: the last %1 s period and the running one.").arg(report.periodSeconds);
    } else {
        text = tr("citus_stat_tenants: the last period and the running one.");
    }
    m_notice->setText(text);
    m_notice->setToolTip(text);
    Q_EMIT tenantsUpdated();
}

void TopTenantsPanel::updateTitle()
{
    m_frame->setTitle(m_model->ranking() == TopTenantsModel::Ranking::Cpu ? tr("Tenants by CPU time")
                                                                          : tr("Tenants by queries"));
}

void TopTenantsPanel::activateRow(int row)
{
    const TenantRow* tenant = m_model->tenantAt(row);
    if (!tenant)
        return;
    m_table->selectRow(row);
    Q_EMIT tenantActivated(tenant->colocationId, tenant->shardId, tenant->tenant);
}

} // namespace shardscope
