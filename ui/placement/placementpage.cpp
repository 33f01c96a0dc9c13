// SPDX-License-Identifier: MIT
#include "placementpage.h"

#include "api/async.h"
#include "clusterselection.h"
#include "engine/skew.h"
#include "heatmap/heatmapformat.h"
#include "heatmap/heatmapview.h"
#include "jobprogresspanel.h"
#include "live/liveclustersource.h"
#include "live/preflightreader.h"
#include "live/rebalanceprogress.h"
#include "movepreviewdialog.h"
#include "rebalancepreviewdialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <utility>

namespace shardscope {
namespace {

struct BuiltMatrix
{
    quint64 generation = 0;
    std::shared_ptr<const HeatmapMatrix> matrix;
    std::vector<std::pair<engine::ColocationId, QString>> groups;
    std::int64_t totalBytes = 0;
    double nodeMaxOverMean = 1.0;
    int nodes = 0;
};

QToolButton* toolButton(const QString& text, const QString& tip, QWidget* parent)
{
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}

} // namespace

PlacementPage::PlacementPage(ClusterSource* source, QWidget* parent) : QWidget(parent), m_source(source)
{
    setObjectName(QStringLiteral("placementPage"));
    buildControls();
    connect(m_view, &HeatmapView::moveRequested, this, &PlacementPage::previewMove);
    connect(m_view, &HeatmapView::shardGroupSelected, this, &PlacementPage::shardGroupSelected);
    connect(m_view, &HeatmapView::dropRefused, this,
            [this](const QString& reason) { setStatus(tr("Not moved: %1.").arg(reason), true); });
    if (m_source) {
        connect(m_source, &ClusterSource::snapshotReady, this, &PlacementPage::showSnapshot);
        connect(m_source, &ClusterSource::jobFinished, this, &PlacementPage::onJobFinished);
        if (!m_source->currentSnapshot().isNull())
            showSnapshot(m_source->currentSnapshot());
    }
}

PlacementPage::PlacementPage(const PageContext& context, QWidget* parent) : PlacementPage(context.source, parent)
{
    ClusterSelection* selection = context.selection;
    if (!selection)
        return;
    connect(this, &PlacementPage::shardGroupSelected, selection, [this, selection](qint64 shardId) {
        const auto matrix = m_view->matrix();
        const int column = matrix ? matrix->columnOfShard(shardId) : -1;
        if (column >= 0 && !matrix->column(column).reference)
            selection->setCurrent({ClusterItemKind::ColocationGroup, matrix->column(column).colocation});
    });
    connect(selection, &ClusterSelection::currentChanged, this, [this](const ClusterItemRef& ref) {
        // While one group is shown, picking another elsewhere switches to it; the "all" view stays put.
        if (ref.kind == ClusterItemKind::ColocationGroup && ref.id != m_group &&
            m_group != HeatmapMatrixBuilder::kAllGroups)
            setColocationGroup(static_cast<engine::ColocationId>(ref.id));
    });
}

PlacementPage::~PlacementPage()
{
    live::ConnectionWorker::retire(std::move(m_side));
}

void PlacementPage::buildControls()
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    const auto labelled = [this, bar](const QString& label, QComboBox* box) {
        auto* l = new QLabel(label, this);
        l->setBuddy(box);
        bar->addWidget(l);
        bar->addWidget(box);
    };
    m_groupBox = new QComboBox(this);
    m_groupBox->setToolTip(tr("Colocation group to show, or all of them side by side"));
    m_groupBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_groupBox->setMinimumContentsLength(18);
    labelled(tr("&Group:"), m_groupBox);
    m_metricBox = new QComboBox(this);
    m_metricBox->addItem(tr("Bytes"), int(HeatmapMetric::Bytes));
    m_metricBox->addItem(tr("Rows"), int(HeatmapMetric::Rows));
    m_metricBox->addItem(tr("Query load"), int(HeatmapMetric::Load));
    labelled(tr("&Colour:"), m_metricBox);
    m_scaleBox = new QComboBox(this);
    m_scaleBox->addItem(tr("Log"), int(HeatmapScaleMode::Log));
    m_scaleBox->addItem(tr("Linear"), int(HeatmapScaleMode::Linear));
    labelled(tr("&Scale:"), m_scaleBox);
    m_aggregationBox = new QComboBox(this);
    m_aggregationBox->addItem(tr("Sum"), int(HeatmapAggregation::Sum));
    m_aggregationBox->addItem(tr("Max"), int(HeatmapAggregation::Max));
    m_aggregationBox->setToolTip(
        tr("How shard groups sharing one pixel are combined when there are more groups than pixels"));
    labelled(tr("&Merge:"), m_aggregationBox);

    m_view = new HeatmapView(this);
    auto* zoomOut = toolButton(QStringLiteral("−"), tr("Zoom out (-)"), this);
    auto* zoomIn = toolButton(QStringLiteral("+"), tr("Zoom in (+)"), this);
    auto* fit = toolButton(tr("Fit"), tr("Show every shard group (0)"), this);
    connect(zoomOut, &QToolButton::clicked, m_view, &HeatmapView::zoomOut);
    connect(zoomIn, &QToolButton::clicked, m_view, &HeatmapView::zoomIn);
    connect(fit, &QToolButton::clicked, m_view, &HeatmapView::resetZoom);
    bar->addSpacing(8);
    bar->addWidget(zoomOut);
    bar->addWidget(zoomIn);
    bar->addWidget(fit);
    auto* rebalance =
        toolButton(tr("Rebalance preview…"), tr("Plan a rebalance or a drain and see it before it runs"), this);
    rebalance->setObjectName(QStringLiteral("rebalancePreviewButton"));
    connect(rebalance, &QToolButton::clicked, this, &PlacementPage::previewRebalance);
    bar->addSpacing(8);
    bar->addWidget(rebalance);
    bar->addStretch(1);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    m_progress = new JobProgressPanel(m_source, this);
    connect(m_progress, &JobProgressPanel::taskFinished, this, &PlacementPage::onTaskFinished);
    m_movesTimer = new QTimer(this);
    m_movesTimer->setInterval(1500);
    connect(m_movesTimer, &QTimer::timeout, this, &PlacementPage::pollMovesInFlight);
    layout->addWidget(m_progress);
    auto* bottom = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    bottom->addWidget(m_status, 1);
    m_summary = new QLabel(this);
    bottom->addWidget(m_summary);
    layout->addLayout(bottom);
    setStatus(tr("Hover a cell for details, click to select, drag a shard group onto another node's row to move "
                 "it. Wheel or +/- zooms, middle-drag or space+drag pans."));

    connect(m_groupBox, &QComboBox::activated, this, [this] {
        m_group = m_groupBox->currentData().toInt();
        rebuildMatrix();
    });
    for (QComboBox* box : {m_metricBox, m_scaleBox, m_aggregationBox})
        connect(box, &QComboBox::currentIndexChanged, this, &PlacementPage::updateRenderOptions);
    updateRenderOptions();
}

void PlacementPage::showSnapshot(const ClusterSnapshot& snapshot)
{
    if (snapshot.isNull())
        return;
    m_snapshot = snapshot;
    rebuildMatrix();
}

void PlacementPage::setShardLoad(HeatmapShardLoad load)
{
    m_load = load.empty() ? nullptr : std::make_shared<const HeatmapShardLoad>(std::move(load));
    rebuildMatrix();
}

void PlacementPage::setColocationGroup(engine::ColocationId id)
{
    m_group = id;
    rebuildMatrix();
}

void PlacementPage::revealShardGroup(engine::ColocationId colocationId, qint64 shardId)
{
    m_shardToReveal = shardId;
    if (m_group != HeatmapMatrixBuilder::kAllGroups && m_group != colocationId) {
        setColocationGroup(colocationId); // revealed when the new matrix arrives
        return;
    }
    if (m_view->selectShard(shardId))
        m_shardToReveal = 0;
}

void PlacementPage::rebuildMatrix()
{
    if (m_snapshot.isNull())
        return;
    const quint64 generation = ++m_matrixGeneration;
    const auto state = m_snapshot.state;
    const auto load = m_load;
    const engine::ColocationId group = m_group;
    runAsync(
        QThreadPool::globalInstance(), this,
        [generation, state, load, group] {
            BuiltMatrix built;
            built.generation = generation;
            built.matrix =
                std::make_shared<const HeatmapMatrix>(HeatmapMatrixBuilder::build(*state, group, load.get()));
            built.groups = HeatmapMatrixBuilder::selectableGroups(*state);
            const engine::SkewReport skew = engine::computeSkew(*state, 0);
            built.totalBytes = skew.totalBytes;
            built.nodeMaxOverMean = skew.nodeMaxOverMean;
            built.nodes = static_cast<int>(skew.nodes.size());
            return built;
        },
        [this](const BuiltMatrix& built) {
            if (built.generation != m_matrixGeneration)
                return; // a newer snapshot or choice is on its way
            m_groupBox->clear();
            m_groupBox->addItem(tr("All groups, side by side"), HeatmapMatrixBuilder::kAllGroups);
            for (const auto& [id, label] : built.groups)
                m_groupBox->addItem(label, id);
            m_groupBox->setCurrentIndex(std::max(0, m_groupBox->findData(m_group)));
            m_view->setMatrix(built.matrix);
            if (m_shardToReveal != 0)
                m_view->selectShard(std::exchange(m_shardToReveal, 0));
            m_summary->setText(tr("%1 nodes · %2 stored · node skew max/mean %3")
                                   .arg(built.nodes)
                                   .arg(heatmapformat::value(HeatmapMetric::Bytes, double(built.totalBytes)))
                                   .arg(built.nodeMaxOverMean, 0, 'f', 2));
            Q_EMIT heatmapUpdated();
        });
}

void PlacementPage::updateRenderOptions()
{
    HeatmapRenderOptions options;
    options.metric = static_cast<HeatmapMetric>(m_metricBox->currentData().toInt());
    options.scaleMode = static_cast<HeatmapScaleMode>(m_scaleBox->currentData().toInt());
    options.aggregation = static_cast<HeatmapAggregation>(m_aggregationBox->currentData().toInt());
    m_view->setRenderOptions(options);
    if (options.metric == HeatmapMetric::Load && !m_load)
        setStatus(tr("No query load data yet: statement statistics fill it in. The cells only show where "
                     "placements are."));
}

void PlacementPage::previewMove(qint64 shardId, int sourceNodeId, int targetNodeId)
{
    if (m_snapshot.isNull())
        return;
    if (m_preview)
        m_preview->close();
    engine::MoveShardPlacement move;
    move.shardId = shardId;
    move.sourceNode = sourceNodeId;
    move.targetNode = targetNodeId;
    m_preview = new MovePreviewDialog(m_snapshot.state, move, this);
    m_preview->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_preview, &QDialog::accepted, this, &PlacementPage::submitPreview);
    m_preview->open();
}

void PlacementPage::submitPreview()
{
    if (!m_preview || !m_source)
        return;
    const engine::MoveShardPlacement move = m_preview->move();
    std::vector<JobId> jobs;
    for (const auto& request : m_preview->requests()) {
        const JobId job = m_source->submit(request);
        m_jobs.insert(job);
        jobs.push_back(job);
        Q_EMIT operationSubmitted(job);
    }
    const QString what = tr("Moving shard group %1 from %2 to %3")
                             .arg(move.shardId)
                             .arg(m_preview->preview().sourceLabel, m_preview->preview().targetLabel);
    m_progress->track(what, jobs);
    setStatus(what + QStringLiteral("…"));
}

void PlacementPage::previewRebalance()
{
    if (m_snapshot.isNull())
        return;
    if (m_rebalance)
        m_rebalance->close();
    m_rebalance = new RebalancePreviewDialog(m_snapshot.state, this);
    m_rebalance->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_rebalance, &QDialog::accepted, this, &PlacementPage::submitRebalance);
    if (qobject_cast<live::LiveClusterSource*>(m_source.data())) {
        m_rebalance->setLive(true);
        readPreflightFacts();
    }
    m_rebalance->open();
}

void PlacementPage::readPreflightFacts()
{
    auto* source = qobject_cast<live::LiveClusterSource*>(m_source.data());
    if (!source || !m_rebalance)
        return;
    // On a side connection: the health check can wait on an unreachable node, and must not hold up refreshes.
    if (!m_side)
        m_side = std::make_unique<live::ConnectionWorker>(source->connectionOptions());
    QPointer<RebalancePreviewDialog> dialog = m_rebalance;
    m_side->request<live::PreflightFacts>(
        dialog, [](live::PgSession& session) { return live::readPreflightFacts(session); },
        [dialog](Result<live::PreflightFacts> facts) {
            if (!dialog)
                return;
            if (facts)
                dialog->setPreflightFacts(*facts);
            else
                dialog->setPreflightError(QString::fromStdString(facts.error().message));
        });
}

RebalancePreviewDialog* PlacementPage::rebalancePreview() const
{
    return m_rebalance.data();
}

void PlacementPage::submitRebalance()
{
    if (!m_rebalance || !m_source)
        return;
    const RebalancePreview* preview = m_rebalance->preview();
    auto* live = qobject_cast<live::LiveClusterSource*>(m_source.data());
    if (live && preview && preview->fitsBackgroundRebalance()) {
        live::RebalanceStart start;
        start.strategy = preview->options.strategy;
        start.mode = preview->options.mode;
        const JobId job = live->startRebalance(start);
        m_jobs.insert(job);
        Q_EMIT operationSubmitted(job);
        m_progress->track(tr("Background rebalance"), {job});
        m_movesTimer->start();
        setStatus(tr("Starting a background rebalance (%1)…").arg(QString::fromStdString(start.strategy)));
        return;
    }
    const auto requests = m_rebalance->requests();
    std::vector<JobId> jobs;
    for (const auto& request : requests) {
        const JobId job = m_source->submit(request);
        m_jobs.insert(job);
        jobs.push_back(job);
        Q_EMIT operationSubmitted(job);
    }
    m_progress->track(requests.size() == 1 && std::holds_alternative<engine::DrainNode>(requests.front())
                          ? tr("Draining the node")
                          : tr("Rebalance plan"),
                      jobs);
    setStatus(tr("Running the rebalance plan: %n operation(s)…", nullptr, int(requests.size())));
}

void PlacementPage::pollMovesInFlight()
{
    auto* source = qobject_cast<live::LiveClusterSource*>(m_source.data());
    if (!source || !m_progress->isRunning()) {
        m_movesTimer->stop();
        return;
    }
    if (!m_side)
        m_side = std::make_unique<live::ConnectionWorker>(source->connectionOptions());
    // Every shard group moving now (background tasks may run side by side), with its phase and bytes.
    m_side->request<QStringList>(
        this,
        [](live::PgSession& session) -> Result<QStringList> {
            auto rows = session.exec(live::rebalanceProgressStatement());
            if (!rows)
                return rows.error();
            auto progress = live::parseRebalanceProgress(*rows);
            if (!progress)
                return progress.error();
            QStringList lines;
            for (const live::ShardGroupTransfer& transfer : live::activeTransfers(*progress))
                lines << QString::fromStdString(transfer.describe());
            return lines;
        },
        [this](Result<QStringList> lines) {
            if (m_progress->isRunning())
                m_progress->setDetails(lines ? *lines : QStringList{});
        });
}

void PlacementPage::onTaskFinished(int succeeded, int failed, int canceled, const QString& message)
{
    m_movesTimer->stop();
    if (failed > 0)
        setStatus(tr("Finished with errors: %1 done, %2 failed, %3 canceled. %4")
                      .arg(succeeded)
                      .arg(failed)
                      .arg(canceled)
                      .arg(message),
                  true);
    else if (canceled > 0)
        setStatus(tr("Stopped: %1 done, %2 canceled. The heatmap shows the state now.").arg(succeeded).arg(canceled));
    else
        setStatus(message.isEmpty() ? tr("Done.") : message);
}

void PlacementPage::onJobFinished(JobId job, const JobResult& result)
{
    // The progress panel reports the outcome of the whole task (onTaskFinished); a single failure is kept
    // for the status line in case more jobs of the task are still running.
    if (m_jobs.erase(job) == 0 || !result.error || !m_progress->isRunning())
        return;
    setStatus(tr("Failed: %1").arg(QString::fromStdString(result.error->message)), true);
}

void PlacementPage::setStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    QPalette p = palette();
    if (problem)
        p.setColor(QPalette::WindowText, QColor(200, 60, 60));
    m_status->setPalette(p);
}

MovePreviewDialog* PlacementPage::movePreview() const
{
    return m_preview.data();
}

QString PlacementPage::statusText() const
{
    return m_status->text();
}

} // namespace shardscope
