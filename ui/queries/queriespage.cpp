// SPDX-License-Identifier: MIT
#include "queriespage.h"

#include "api/clustersource.h"
#include "dashboards/fanoutclasschart.h"
#include "dashboards/fanoutcostchart.h"
#include "dashboards/fanouttenantchart.h"
#include "live/liveclustersource.h"
#include "livestatementreader.h"
#include "queries/statementfilterproxy.h"
#include "queries/statementtablemodel.h"
#include "sim/workloadsimulator.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace shardscope {

namespace {

// Off the GUI thread: the statistics of the snapshot's cluster, aggregated and classified.
stats::StatementReport computeReport(const ClusterSnapshot& snapshot)
{
    const auto catalog = stats::TableCatalog::fromClusterState(*snapshot.state);
    if (snapshot.sourceKind == SourceKind::Embedded) {
        // The simulated clock advances with every snapshot, so refreshing shows the counters growing.
        const sim::WorkloadSimulator simulator;
        return stats::buildStatementReport(
            simulator.statsAt(sim::WorkloadSimulator::kStartTick + static_cast<std::int64_t>(snapshot.generation)),
            catalog);
    }
    return {}; // live statistics are read by LiveStatementReader
}

constexpr auto kIntervalKey = "queries/statisticsIntervalMs";
constexpr auto kCitusOnlyKey = "queries/citusTablesOnly";

} // namespace

QueriesPage::QueriesPage(const PageContext& context, QWidget* parent) : QWidget(parent), m_context(context)
{
    buildUi();
    connect(&m_watcher, &QFutureWatcher<stats::StatementReport>::finished, this, &QueriesPage::computationFinished);
    if (auto* live = qobject_cast<live::LiveClusterSource*>(m_context.source)) {
        m_liveReader = new LiveStatementReader(live->connectionOptions(), this);
        connect(m_liveReader, &LiveStatementReader::reportReady, this, &QueriesPage::applyReport);
        connect(m_liveReader, &LiveStatementReader::readFailed, this, &QueriesPage::liveReadFailed);
        connect(&m_statsTimer, &QTimer::timeout, this, &QueriesPage::readLiveStatistics);
        setStatisticsInterval(QSettings().value(QLatin1String(kIntervalKey), 60000).toInt());
    }
    m_interval->setVisible(m_liveReader != nullptr);
    if (m_context.source) {
        connect(m_context.source, &ClusterSource::snapshotReady, this, &QueriesPage::showSnapshot);
        if (!m_context.source->currentSnapshot().isNull())
            showSnapshot(m_context.source->currentSnapshot());
    }
}

QueriesPage::~QueriesPage()
{
    m_watcher.waitForFinished();
}

void QueriesPage::buildUi()
{
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("queriesBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); padding: 6px; "
                                           "border-left: 4px solid #d08a00; }"));
    m_banner->hide();
    m_status = new QLabel(tr("Waiting for the cluster…"), this);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter statements"));
    m_filter->setClearButtonEnabled(true);
    m_classFilter = new QComboBox(this);
    m_classFilter->addItem(tr("All classes"));
    for (const stats::FanoutClass kind :
         {stats::FanoutClass::Router, stats::FanoutClass::MultiShard, stats::FanoutClass::Reference,
          stats::FanoutClass::Repartition, stats::FanoutClass::Unknown})
        m_classFilter->addItem(StatementTableModel::className(kind), static_cast<int>(kind));
    m_interval = new QComboBox(this);
    m_interval->setObjectName(QStringLiteral("statisticsInterval"));
    m_interval->setToolTip(tr("How often the statement statistics of the coordinator are read again"));
    m_interval->addItem(tr("Statistics: on refresh"), 0);
    m_interval->addItem(tr("Statistics: every 10 s"), 10000);
    m_interval->addItem(tr("Statistics: every 30 s"), 30000);
    m_interval->addItem(tr("Statistics: every minute"), 60000);
    m_interval->addItem(tr("Statistics: every 5 minutes"), 300000);
    connect(m_interval, &QComboBox::activated, this, [this](int index) {
        setStatisticsInterval(m_interval->itemData(index).toInt());
        QSettings().setValue(QLatin1String(kIntervalKey), statisticsInterval());
    });
    m_citusOnly = new QCheckBox(tr("Only Citus tables"), this);
    m_citusOnly->setObjectName(QStringLiteral("citusTablesOnly"));
    m_citusOnly->setToolTip(tr("Hide utility statements and statements that read no Citus table (catalog "
                               "queries, Citus's own queries on shards)"));
    m_citusOnly->setChecked(QSettings().value(QLatin1String(kCitusOnlyKey), true).toBool());
    connect(m_citusOnly, &QCheckBox::toggled, this, [this](bool only) {
        QSettings().setValue(QLatin1String(kCitusOnlyKey), only);
        showReport();
    });
    m_explainButton = new QPushButton(tr("Open in EXPLAIN"), this);
    m_explainButton->setObjectName(QStringLiteral("explainButton"));
    m_explainButton->setToolTip(tr("Open the selected statement in the EXPLAIN tab"));

    m_model = new StatementTableModel(this);
    m_proxy = new StatementFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("statementTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(StatementTableModel::TotalColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(StatementTableModel::StatementColumn, QHeaderView::Stretch);
    m_table->setMinimumHeight(150);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* explainAction = new QAction(tr("Open in EXPLAIN"), m_table);
    m_table->addAction(explainAction);
    connect(explainAction, &QAction::triggered, this, &QueriesPage::explainSelected);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) { explainRow(index.row()); });
    connect(m_explainButton, &QPushButton::clicked, this, &QueriesPage::explainSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &QueriesPage::updateButton);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_classFilter, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant kind = m_classFilter->itemData(index);
        m_proxy->setClassFilter(kind.isValid() ? std::optional(static_cast<stats::FanoutClass>(kind.toInt()))
                                               : std::nullopt);
    });

    m_classChart = new FanoutClassChart(this);
    m_costChart = new FanoutCostChart(this);
    m_tenantChart = new FanoutTenantChart(this);
    m_offenders = new QLabel(this);
    m_offenders->setObjectName(QStringLiteral("topOffenders"));
    m_offenders->setTextFormat(Qt::RichText);
    m_offenders->setWordWrap(true);
    m_offenders->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto* tools = new QHBoxLayout;
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_citusOnly);
    tools->addWidget(m_classFilter);
    tools->addWidget(m_interval);
    tools->addWidget(m_explainButton);

    // The offenders list scrolls on its own instead of being cut at the bottom.
    auto* offendersScroll = new QScrollArea(this);
    offendersScroll->setWidget(m_offenders);
    offendersScroll->setWidgetResizable(true);
    offendersScroll->setFrameShape(QFrame::NoFrame);
    offendersScroll->setMinimumWidth(220);

    // Charts side by side, so the whole page fits a laptop screen: class and tenants stacked, the cost
    // ranking (up to 12 bars) the full height beside them.
    auto* chartArea = new QWidget(this);
    auto* charts = new QGridLayout(chartArea);
    charts->setContentsMargins(0, 0, 0, 0);
    charts->addWidget(m_classChart, 0, 0);
    charts->addWidget(m_tenantChart, 1, 0);
    charts->addWidget(m_costChart, 0, 1, 2, 1);
    charts->addWidget(offendersScroll, 0, 2, 2, 1);
    charts->setColumnStretch(0, 3);
    charts->setColumnStretch(1, 4);
    charts->setColumnStretch(2, 3);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("queriesSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(chartArea);
    splitter->setChildrenCollapsible(false);
    // The table takes what the charts (at their minimum height) leave; the user drags the handle for more.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_status);
    layout->addLayout(tools);
    layout->addWidget(splitter, 1);
    updateButton();
}

void QueriesPage::showSnapshot(const ClusterSnapshot& snapshot)
{
    if (snapshot.isNull())
        return;
    m_lastSnapshot = snapshot;
    if (m_liveReader) {
        m_sinceRead.start();
        m_liveReader->request(snapshot);
        return;
    }
    m_pending = snapshot;
    if (!m_watcher.isRunning())
        startComputation();
}

void QueriesPage::readLiveStatistics()
{
    // A hidden page does not poll the coordinator; it catches up when it is shown again.
    if (m_liveReader && !m_lastSnapshot.isNull() && isVisible()) {
        m_sinceRead.start();
        m_liveReader->request(m_lastSnapshot);
    }
}

void QueriesPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_statsTimer.isActive() && m_sinceRead.isValid() && m_sinceRead.elapsed() >= m_statsTimer.interval())
        readLiveStatistics();
}

void QueriesPage::liveReadFailed(const QString& message)
{
    // The figures shown before (if any) stay, and the banner says why they are not new.
    m_banner->setText(tr("Statement statistics could not be read: %1").arg(message));
    m_banner->show();
    m_status->setText(tr("Statement statistics not read (%1).").arg(QTime::currentTime().toString(Qt::ISODate)));
    Q_EMIT reportUpdated();
}

int QueriesPage::statisticsInterval() const
{
    return m_statsTimer.isActive() ? m_statsTimer.interval() : 0;
}

void QueriesPage::setStatisticsInterval(int milliseconds)
{
    milliseconds = std::max(0, milliseconds);
    if (milliseconds > 0 && m_liveReader)
        m_statsTimer.start(milliseconds);
    else
        m_statsTimer.stop();
    const int index = m_interval->findData(milliseconds);
    if (index >= 0)
        m_interval->setCurrentIndex(index);
}

void QueriesPage::startComputation()
{
    if (!m_pending)
        return;
    ClusterSnapshot snapshot = *m_pending;
    m_pending.reset();
    m_watcher.setFuture(QtConcurrent::run(computeReport, snapshot));
}

void QueriesPage::computationFinished()
{
    applyReport(m_watcher.result());
    startComputation(); // a newer snapshot arrived meanwhile
}

void QueriesPage::setCitusTablesOnly(bool only)
{
    m_citusOnly->setChecked(only);
}

void QueriesPage::applyReport(const stats::StatementReport& report)
{
    m_report = report;
    showReport();
}

void QueriesPage::showReport()
{
    // Without Citus nothing is on a Citus table: hiding would leave the page empty.
    const bool hide = m_citusOnly->isChecked() && m_report.citusAvailable;
    stats::StatementReport shown = m_report;
    std::erase_if(shown.statements,
                  [hide](const stats::StatementFigures& figures) { return hide && !figures.fanout.onCitusTables; });
    const auto hidden = static_cast<int>(m_report.statements.size() - shown.statements.size());
    const stats::StatementReport& report = shown;
    m_model->setReport(report);
    m_classChart->setReport(report);
    m_costChart->setReport(report);
    m_tenantChart->setReport(report);

    QString banner;
    if (report.simulated)
        banner = tr("Simulated workload: the embedded demo cluster runs no queries, so these statistics come from a "
                    "built-in workload generator shaped like a web application on the demo schema (user_id 1 is "
                    "the hot tenant).");
    else if (!report.notice.empty())
        banner = QString::fromStdString(report.notice);
    m_banner->setText(banner);
    m_banner->setVisible(!banner.isEmpty());

    qint64 calls = 0;
    for (const stats::StatementFigures& figures : report.statements)
        calls += figures.calls;
    const double tenantShare =
        calls > 0 ? 100.0 * static_cast<double>(report.keyedCalls) / static_cast<double>(calls) : 0;
    QString status = tr("%n statement(s), %1 calls; %2% of calls went to a single tenant.", nullptr,
                        static_cast<int>(report.statements.size()))
                         .arg(QLocale().toString(calls))
                         .arg(QLocale().toString(tenantShare, 'f', 1));
    if (hidden > 0)
        status += QLatin1Char(' ') + tr("%n statement(s) on no Citus table hidden.", nullptr, hidden);
    if (m_liveReader)
        status +=
            QLatin1Char(' ') + tr("Read from the coordinator at %1.").arg(QTime::currentTime().toString(Qt::ISODate));
    m_status->setText(status);

    // Top offenders: where the time goes, with the class that explains why.
    std::vector<const stats::StatementFigures*> byTime;
    for (const stats::StatementFigures& figures : report.statements)
        byTime.push_back(&figures);
    std::stable_sort(byTime.begin(), byTime.end(), [](const auto* a, const auto* b) {
        return a->totalTimeMs.value_or(0) > b->totalTimeMs.value_or(0);
    });
    double allTime = 0;
    for (const auto* figures : byTime)
        allTime += figures->totalTimeMs.value_or(0);
    QString html = QStringLiteral("<b>%1</b><ol>").arg(tr("Top offenders by total time"));
    for (std::size_t i = 0; i < std::min<std::size_t>(5, byTime.size()); ++i) {
        const auto* figures = byTime[i];
        QString text = QString::fromStdString(figures->query).simplified();
        if (text.size() > 70)
            text = text.left(69) + QChar(0x2026);
        const double share = allTime > 0 ? 100.0 * figures->totalTimeMs.value_or(0) / allTime : 0;
        const QString line =
            tr("%1% of time · %2 · %3")
                .arg(QLocale().toString(share, 'f', 1), StatementTableModel::className(figures->fanout.kind),
                     QString::fromStdString(figures->fanout.reason).toHtmlEscaped());
        html += QStringLiteral("<li><code>%1</code><br/><small>%2</small></li>").arg(text.toHtmlEscaped(), line);
    }
    html += QStringLiteral("</ol>");
    m_offenders->setText(byTime.empty() ? QString() : html);
    updateButton();
    Q_EMIT reportUpdated();
}

QString QueriesPage::bannerText() const
{
    return m_banner->text();
}

QString QueriesPage::offendersText() const
{
    return m_offenders->text();
}

QString QueriesPage::statusText() const
{
    return m_status->text();
}

void QueriesPage::explainSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        explainRow(rows.first().row());
}

void QueriesPage::explainRow(int proxyRow)
{
    const QModelIndex index = m_proxy->index(proxyRow, 0);
    if (!index.isValid())
        return;
    Q_EMIT explainRequested(index.data(StatementTableModel::SqlRole).toString());
}

void QueriesPage::updateButton()
{
    m_explainButton->setEnabled(m_table->selectionModel()->hasSelection());
}

} // namespace shardscope
