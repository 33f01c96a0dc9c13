// SPDX-License-Identifier: MIT
#include "skewpage.h"

#include "api/async.h"
#include "api/clustersource.h"
#include "clusterselection.h"
#include "dashboards/skewgrowthchart.h"
#include "dashboards/skewhistogramchart.h"
#include "dashboards/skewnodebarchart.h"
#include "dashboards/skewtimelinechart.h"
#include "live/liveclustersource.h"
#include "placement/rebalancepreviewdialog.h"
#include "skew/hotshardmodel.h"
#include "skew/operationmarkers.h"
#include "skewchartframe.h"
#include "snapshot/operationjournal.h"
#include "toptenantspanel.h"

#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>
#include <algorithm>

namespace shardscope {

namespace {

const QString kThresholdKey = QStringLiteral("skew/thresholdPercent");
const QString kRetentionKey = QStringLiteral("skew/retentionDays");
const QString kLiveSampleKey = QStringLiteral("skew/liveSampleSeconds");
const QString kTimeRangeKey = QStringLiteral("skew/timeRange");
const QString kHotTabKey = QStringLiteral("skew/hotTab");
constexpr double kDefaultThreshold = 20.0;
constexpr int kDefaultRetentionDays = 30;
constexpr int kDefaultLiveSampleSeconds = 30;
constexpr int kHottest = 20;
constexpr int kSizeBands = 10;

QString& journalPathOverride()
{
    static QString path;
    return path;
}

} // namespace

SkewPage::SkewPage(const PageContext& context, QWidget* parent) : QWidget(parent), m_context(context)
{
    setObjectName(QStringLiteral("skewPage"));
    QSettings settings;
    m_recorder.setRetentionDays(settings.value(kRetentionKey, kDefaultRetentionDays).toInt());
    buildUi();
    connect(&m_recorder, &SkewHistoryRecorder::historyLoaded, this, &SkewPage::onHistoryLoaded);
    connect(&m_recorder, &SkewHistoryRecorder::journalMarkersLoaded, this,
            [this](const SkewHistory& journal) { addMarkers(journal.markers); });
    connect(&m_recorder, &SkewHistoryRecorder::failed, this, [this](const QString& message) {
        m_problem = tr("History: %1").arg(message);
        updateStatus();
    });
    if (m_context.source) {
        connect(m_context.source, &ClusterSource::snapshotReady, this, &SkewPage::showSnapshot);
        connect(m_context.source, &ClusterSource::snapshotReady, m_tenants, &TopTenantsPanel::showSnapshot);
        connect(m_context.source, &ClusterSource::jobFinished, this, &SkewPage::onJobFinished);
        if (!m_context.source->currentSnapshot().isNull()) {
            showSnapshot(m_context.source->currentSnapshot());
            m_tenants->showSnapshot(m_context.source->currentSnapshot());
        }
    }
}

void SkewPage::setJournalPath(const QString& path)
{
    journalPathOverride() = path;
}

SkewPage::~SkewPage() = default;

QString SkewPage::historyPath(const ClusterSnapshot& snapshot)
{
    const std::string prefix = snapshot.sourceKind == SourceKind::Live ? "live-" : "embedded-";
    QString name = snapshot.sourceName;
    if (name.isEmpty() && snapshot.state)
        name = QString::fromStdString(snapshot.state->name);
    return QString::fromStdString(snapshot::MetricHistory::defaultPath(prefix + name.toStdString()));
}

void SkewPage::buildUi()
{
    m_nodeChart = new SkewNodeBarChart;
    m_histogram = new SkewHistogramChart;
    m_timeline = new SkewTimelineChart;
    m_growth = new SkewGrowthChart;
    m_frames = {
        new SkewChartFrame(tr("Bytes per node by colocation group"), m_nodeChart,
                           [c = m_nodeChart] { return c->csv(); }),
        new SkewChartFrame(tr("Shard size distribution"), m_histogram, [c = m_histogram] { return c->csv(); }),
        new SkewChartFrame(tr("Skew over time"), m_timeline, [c = m_timeline] { return c->csv(); }),
        new SkewChartFrame(tr("Growth per node"), m_growth, [c = m_growth] { return c->csv(); }),
    };
    m_tenants = new TopTenantsPanel(m_context.source);
    connect(m_tenants, &TopTenantsPanel::tenantActivated, this,
            [this](qint64 colocationId, qint64 shardId) { onTenantActivated(colocationId, shardId); });
    m_frames.append(m_tenants->chartFrame());

    for (int i = 0; i < m_frames.size(); ++i) {
        connect(m_frames[i], &SkewChartFrame::exported, this, [this](const QString& path) {
            m_problem.clear();
            m_status->setText(tr("Saved %1").arg(path));
        });
        connect(m_frames[i], &SkewChartFrame::exportFailed, this, [this](const QString& message) {
            m_problem = message;
            updateStatus();
        });
    }

    m_hotModel = new HotShardModel(this);
    m_hotView = new QTableView;
    m_hotView->setObjectName(QStringLiteral("hotShards"));
    m_hotView->setModel(m_hotModel);
    m_hotView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_hotView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_hotView->verticalHeader()->hide();
    m_hotView->horizontalHeader()->setSectionResizeMode(HotShardModel::TablesColumn, QHeaderView::Stretch);
    m_hotView->setAlternatingRowColors(true);
    m_hotView->setToolTip(tr("Click a shard group to show it on the Placement tab"));
    connect(m_hotView, &QTableView::clicked, this, &SkewPage::onHotShardClicked);
    m_hotView->setMinimumHeight(120);
    // The hottest shard groups and the busiest tenants share a place: both lead to a shard in the heatmap.
    auto* hotTabs = new QTabWidget;
    hotTabs->setObjectName(QStringLiteral("hotTabs"));
    hotTabs->setDocumentMode(true);
    hotTabs->addTab(m_hotView, tr("Hottest shard groups"));
    hotTabs->addTab(m_tenants, tr("Top tenants"));
    hotTabs->setCurrentIndex(QSettings().value(kHotTabKey, 0).toInt());
    connect(hotTabs, &QTabWidget::currentChanged, this, [](int index) { QSettings().setValue(kHotTabKey, index); });

    // Current figures on top (meaningful from the first snapshot), history below.
    auto* now = new QHBoxLayout;
    now->addWidget(m_frames[0], 2);
    now->addWidget(hotTabs, 3);
    auto* history = new QHBoxLayout;
    history->addWidget(m_frames[1], 2);
    history->addWidget(m_frames[2], 3);
    history->addWidget(m_frames[3], 3);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(buildVerdictBar());
    layout->addWidget(buildControls());
    layout->addLayout(now, 1);
    layout->addLayout(history, 1);
    updateVerdict();
    updateHistoryCharts();
}

QWidget* SkewPage::buildVerdictBar()
{
    m_verdictBar = new QFrame;
    m_verdictBar->setObjectName(QStringLiteral("verdictBar"));
    m_verdictLabel = new QLabel;
    m_verdictLabel->setObjectName(QStringLiteral("verdict"));
    QFont big = m_verdictLabel->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_verdictLabel->setFont(big);
    m_verdictDetail = new QLabel;
    m_previewButton = new QPushButton(tr("Preview rebalance…"));
    m_previewButton->setObjectName(QStringLiteral("rebalancePreview"));
    m_previewButton->setToolTip(tr("Show the moves a rebalance would make, before anything runs"));
    connect(m_previewButton, &QPushButton::clicked, this, &SkewPage::requestRebalancePreview);
    auto* text = new QVBoxLayout;
    text->setSpacing(0);
    text->addWidget(m_verdictLabel);
    text->addWidget(m_verdictDetail);
    auto* layout = new QHBoxLayout(m_verdictBar);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addLayout(text, 1);
    layout->addWidget(m_previewButton);
    return m_verdictBar;
}

QWidget* SkewPage::buildControls()
{
    QSettings settings;
    m_threshold = new QDoubleSpinBox;
    m_threshold->setRange(1.0, 500.0);
    m_threshold->setDecimals(0);
    m_threshold->setSuffix(QStringLiteral(" %"));
    m_threshold->setValue(settings.value(kThresholdKey, kDefaultThreshold).toDouble());
    m_threshold->setToolTip(tr("Recommend a rebalance when a node holds this much more than the average"));
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, &SkewPage::setThresholdPercent);

    m_retention = new QSpinBox;
    m_retention->setRange(1, 3650);
    m_retention->setSuffix(tr(" days"));
    m_retention->setValue(std::max(1, m_recorder.retentionDays()));
    m_retention->setToolTip(tr("Older samples and operation markers are deleted from the local history"));
    connect(m_retention, &QSpinBox::valueChanged, this, [this](int days) {
        QSettings().setValue(kRetentionKey, days);
        m_recorder.setRetentionDays(days);
        trimToRetention();
        updateHistoryCharts();
    });

    m_stackBy = new QComboBox;
    m_stackBy->setObjectName(QStringLiteral("stackBy"));
    m_stackBy->addItems({tr("colocation group"), tr("table")});
    connect(m_stackBy, &QComboBox::currentIndexChanged, this, &SkewPage::showNodeBytes);

    m_rangeBox = new QComboBox;
    m_rangeBox->setObjectName(QStringLiteral("timeRange"));
    m_rangeBox->setToolTip(tr("How much of the history the skew and growth charts show"));
    const QStringList rangeNames{tr("last hour"), tr("last day"), tr("last week"), tr("all kept")};
    for (const SkewTimeRange::Preset preset : SkewTimeRange::presets())
        m_rangeBox->addItem(rangeNames[int(preset)], int(preset));
    m_range = SkewTimeRange::fromKey(settings.value(kTimeRangeKey).toString());
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(int(m_range)));
    connect(m_rangeBox, &QComboBox::currentIndexChanged, this,
            [this] { setTimeRange(SkewTimeRange::Preset(m_rangeBox->currentData().toInt())); });

    m_pauseButton = new QPushButton(tr("Pause"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolTip(tr("Stop updating the charts and recording history until resumed"));
    connect(m_pauseButton, &QPushButton::toggled, this, &SkewPage::setPaused);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("skewStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The status may be long: it never widens the page (the whole text is in the tooltip).
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto* bar = new QWidget;
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Threshold:")));
    layout->addWidget(m_threshold);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("History:")));
    layout->addWidget(m_retention);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Stack by:")));
    layout->addWidget(m_stackBy);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Show:")));
    layout->addWidget(m_rangeBox);
    layout->addSpacing(8);
    layout->addWidget(m_pauseButton);
    layout->addSpacing(8);
    layout->addWidget(m_status, 1);
    return bar;
}

QString SkewPage::verdictText() const
{
    return m_verdictLabel->text();
}

void SkewPage::showSnapshot(const ClusterSnapshot& snapshot)
{
    if (snapshot.isNull())
        return;
    // Only the newest snapshot matters: one waiting is replaced by a newer one.
    if (!m_pending || m_pending->generation <= snapshot.generation)
        m_pending = snapshot;
    if (!m_paused && !m_computing)
        startComputation();
    updateStatus();
}

void SkewPage::startComputation()
{
    if (!m_pending)
        return;
    const ClusterSnapshot snapshot = *m_pending;
    m_pending.reset();
    m_computing = true;
    const qint64 atMs =
        snapshot.takenAt.isValid() ? snapshot.takenAt.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
    runAsync(
        QThreadPool::globalInstance(), this,
        [state = snapshot.state, atMs] { return SkewFigures::compute(*state, atMs, kHottest, kSizeBands); },
        [this, snapshot](const SkewFigures& figures) {
            m_computing = false;
            applyFigures(figures, snapshot);
            if (m_pending && !m_paused)
                startComputation();
        });
}

void SkewPage::applyFigures(const SkewFigures& figures, const ClusterSnapshot& snapshot)
{
    m_figures = figures;
    showNodeBytes();
    m_histogram->setHistogram(figures.histogram);
    m_hotModel->setReport(figures.report);
    m_hotView->resizeColumnsToContents();
    m_hotView->horizontalHeader()->setSectionResizeMode(HotShardModel::TablesColumn, QHeaderView::Stretch);
    recordSample(figures.sample, snapshot);
    // Rebalances run by Citus itself (psql, another tool) are marked too; the source has read them already.
    if (const auto* live = qobject_cast<const live::LiveClusterSource*>(m_context.source);
        live && snapshot.sourceKind == SourceKind::Live)
        addMarkers(OperationMarkers::fromBackgroundJobs(live->backgroundJobs()));
    updateVerdict();
    updateStatus();
    Q_EMIT figuresUpdated();
}

void SkewPage::showNodeBytes()
{
    if (!m_figures)
        return;
    const bool byTable = m_stackBy->currentIndex() == 1;
    if (byTable)
        m_nodeChart->setTables(m_figures->report, m_figures->tables);
    else
        m_nodeChart->setReport(m_figures->report);
    m_frames[0]->setTitle(byTable ? tr("Bytes per node by table") : tr("Bytes per node by colocation group"));
}

void SkewPage::recordSample(const snapshot::MetricSample& sample, const ClusterSnapshot& snapshot)
{
    const QString path = historyPath(snapshot);
    if (path != m_historyPath) {
        // A new cluster: its own history file, read back so trends survive restarts.
        m_historyPath = path;
        m_history = {};
        m_lastSampleMs = 0;
        m_recorder.open(path);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 from = now - qint64(m_recorder.retentionDays()) * 24 * 3600 * 1000;
        m_recorder.load(from, sample.atMs - 1);
        // Operations run in earlier sessions (or from the journal's other windows) are marked as well.
        const QString journal = journalPathOverride().isEmpty()
                                    ? QString::fromStdString(snapshot::OperationJournal::defaultPath())
                                    : journalPathOverride();
        const QString source =
            snapshot.sourceKind == SourceKind::Live ? QStringLiteral("live") : QStringLiteral("embedded");
        const QString cluster = m_context.source ? m_context.source->displayName() : snapshot.sourceName;
        m_recorder.loadJournalMarkers(journal, source, cluster, from);
    }
    // Live clusters are sampled at most every liveSampleSeconds; the embedded one changes only on operations.
    const qint64 minGapMs = snapshot.sourceKind == SourceKind::Live
                                ? qint64(QSettings().value(kLiveSampleKey, kDefaultLiveSampleSeconds).toInt()) * 1000
                                : 0;
    if (m_lastSampleMs != 0 && sample.atMs - m_lastSampleMs < minGapMs)
        return;
    if (sample.atMs <= m_lastSampleMs)
        return; // the same snapshot time twice adds nothing
    m_lastSampleMs = sample.atMs;
    m_recorder.record(sample);
    m_history.samples.push_back(sample);
    trimToRetention();
    updateHistoryCharts();
}

void SkewPage::onHistoryLoaded(const SkewHistory& history)
{
    // What was read is older than what was recorded since: put it in front.
    std::vector<snapshot::MetricSample> samples = history.samples;
    samples.insert(samples.end(), m_history.samples.begin(), m_history.samples.end());
    std::vector<snapshot::OperationMarker> markers = history.markers;
    OperationMarkers::merge(markers, m_history.markers);
    m_history = {std::move(samples), std::move(markers)};
    updateHistoryCharts();
    updateStatus();
}

void SkewPage::onJobFinished(JobId, const JobResult& result)
{
    if (!result.ok() || result.summary.isEmpty())
        return;
    snapshot::OperationMarker marker{QDateTime::currentMSecsSinceEpoch(), OperationMarkers::kindOf(result.summary),
                                     result.summary.left(300).toStdString()};
    m_recorder.addMarker(marker);
    m_history.markers.push_back(std::move(marker));
    updateHistoryCharts();
}

void SkewPage::trimToRetention()
{
    const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - qint64(m_recorder.retentionDays()) * 24 * 3600 * 1000;
    std::erase_if(m_history.samples, [cutoff](const snapshot::MetricSample& s) { return s.atMs < cutoff; });
    std::erase_if(m_history.markers, [cutoff](const snapshot::OperationMarker& m) { return m.atMs < cutoff; });
}

void SkewPage::addMarkers(const std::vector<snapshot::OperationMarker>& markers)
{
    const std::size_t before = m_history.markers.size();
    OperationMarkers::merge(m_history.markers, markers);
    if (m_history.markers.size() != before) {
        trimToRetention();
        updateHistoryCharts();
    }
}

SkewHistory SkewPage::shownHistory() const
{
    return SkewTimeRange::filter(m_history, m_range, QDateTime::currentMSecsSinceEpoch());
}

void SkewPage::setTimeRange(SkewTimeRange::Preset preset)
{
    QSettings().setValue(kTimeRangeKey, SkewTimeRange::key(preset));
    if (const int index = m_rangeBox->findData(int(preset)); index != m_rangeBox->currentIndex()) {
        const QSignalBlocker block(m_rangeBox);
        m_rangeBox->setCurrentIndex(index);
    }
    m_range = preset;
    updateHistoryCharts();
}

void SkewPage::updateHistoryCharts()
{
    const SkewHistory shown = shownHistory();
    m_timeline->setHistory(shown.samples, shown.markers);
    m_growth->setHistory(shown.samples);
}

void SkewPage::setThresholdPercent(double percent)
{
    QSettings().setValue(kThresholdKey, percent);
    if (m_threshold->value() != percent)
        m_threshold->setValue(percent);
    updateVerdict();
}

void SkewPage::updateVerdict()
{
    m_verdict = m_figures ? SkewVerdict::evaluate(m_figures->report, m_threshold->value()) : SkewVerdict{};
    if (!m_figures) {
        m_verdictLabel->setText(tr("Waiting for the cluster's sizes…"));
        m_verdictDetail->clear();
    } else {
        m_verdictLabel->setText(m_verdict.kind == SkewVerdict::Kind::Balanced ? tr("Balanced") : m_verdict.headline());
        m_verdictDetail->setText(m_verdict.detail());
    }
    // Fixed light colours with dark text: readable in light and dark themes alike.
    QString background = QStringLiteral("#eceff3");
    QString text = QStringLiteral("#2b2f36");
    if (m_verdict.recommendsRebalance()) {
        background = QStringLiteral("#fff1d6");
        text = QStringLiteral("#5c3b00");
    } else if (m_verdict.kind == SkewVerdict::Kind::Balanced) {
        background = QStringLiteral("#e3f4e6");
        text = QStringLiteral("#12421c");
    }
    m_verdictBar->setStyleSheet(
        QStringLiteral("#verdictBar { background: %1; border-radius: 4px; } #verdictBar QLabel { color: %2; }")
            .arg(background, text));
    m_previewButton->setDefault(m_verdict.recommendsRebalance());
}

void SkewPage::updateStatus()
{
    QStringList parts;
    if (m_paused)
        parts.append(m_pending ? tr("Paused: a newer snapshot is waiting") : tr("Paused"));
    else if (m_computing)
        parts.append(tr("Updating…"));
    // Sizes, nodes and shards are in the window's status bar already: this line is about the history.
    parts.append(tr("%n history sample(s)", nullptr, int(m_history.samples.size())));
    if (!m_problem.isEmpty())
        parts.append(m_problem);
    m_status->setText(parts.join(QStringLiteral(" · ")));
    m_status->setToolTip(m_status->text());
}

void SkewPage::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    {
        const QSignalBlocker block(m_pauseButton);
        m_pauseButton->setChecked(paused);
    }
    m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
    m_tenants->setPaused(paused);
    if (!paused && !m_computing)
        startComputation();
    updateStatus();
}

void SkewPage::onHotShardClicked(const QModelIndex& index)
{
    const engine::HotShardGroup* group = m_hotModel->shardGroupAt(index.row());
    if (!group)
        return;
    if (m_context.selection)
        m_context.selection->setCurrent({ClusterItemKind::ColocationGroup, qint64(group->colocationId)});
    Q_EMIT shardGroupActivated(qint64(group->colocationId), qint64(group->shard));
}

void SkewPage::onTenantActivated(qint64 colocationId, qint64 shardId)
{
    if (m_context.selection)
        m_context.selection->setCurrent({ClusterItemKind::ColocationGroup, colocationId});
    Q_EMIT shardGroupActivated(colocationId, shardId);
}

void SkewPage::requestRebalancePreview()
{
    Q_EMIT rebalancePreviewRequested();
    if (!m_context.source || m_context.source->currentSnapshot().isNull())
        return;
    if (m_rebalance)
        m_rebalance->close();
    m_rebalance = new RebalancePreviewDialog(m_context.source->currentSnapshot().state, this);
    m_rebalance->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_rebalance, &QDialog::accepted, this, &SkewPage::submitRebalance);
    m_rebalance->open();
}

RebalancePreviewDialog* SkewPage::rebalancePreview() const
{
    return m_rebalance.data();
}

void SkewPage::submitRebalance()
{
    if (!m_rebalance || !m_context.source)
        return;
    const auto requests = m_rebalance->requests();
    if (requests.empty())
        return;
    for (const auto& request : requests)
        m_context.source->submit(request);
    // One marker for the whole plan; each move adds its own when it finishes.
    snapshot::OperationMarker marker{
        QDateTime::currentMSecsSinceEpoch(), "rebalance",
        tr("Rebalance started: %n operation(s)", nullptr, int(requests.size())).toStdString()};
    m_recorder.addMarker(marker);
    m_history.markers.push_back(std::move(marker));
    m_problem.clear();
    m_status->setText(tr("Running the rebalance plan: %n operation(s)…", nullptr, int(requests.size())));
    updateHistoryCharts();
}

} // namespace shardscope
