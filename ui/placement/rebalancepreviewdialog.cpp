// SPDX-License-Identifier: MIT
#include "rebalancepreviewdialog.h"

#include "api/async.h"
#include "heatmap/heatmapformat.h"
#include "heatmap/heatmapmatrixbuilder.h"
#include "heatmap/heatmapview.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

namespace shardscope {

struct RebalancePreviewDialog::Result
{
    quint64 generation = 0;
    RebalancePreview preview;
    std::shared_ptr<const HeatmapMatrix> before;
    std::shared_ptr<const HeatmapMatrix> after;
};

namespace {

constexpr int kNoMoveLimit = 1000000;

QString bytes(std::int64_t v)
{
    return heatmapformat::value(HeatmapMetric::Bytes, double(v));
}

QString nodeLabel(const engine::ClusterState& state, engine::NodeId id)
{
    for (const auto& n : state.nodes) {
        if (n.id == id)
            return QString::fromStdString(n.name) + QLatin1Char(':') + QString::number(n.port);
    }
    return QString::number(id);
}

QStandardItem* cell(const QString& text, bool right = false)
{
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    if (right)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

RebalancePreviewDialog::RebalancePreviewDialog(std::shared_ptr<const engine::ClusterState> state, QWidget* parent)
    : QDialog(parent), m_state(std::move(state)), m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    setWindowTitle(tr("Rebalance preview"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_strategy = new QComboBox(this);
    for (const std::string& name : RebalancePreview::strategies())
        m_strategy->addItem(QString::fromStdString(name));
    m_strategy->setItemData(2, tr("ShardScope's own: at least Citus's balance while moving as few bytes as it can"),
                            Qt::ToolTipRole);
    form->addRow(tr("&Strategy:"), m_strategy);
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setRange(0.0, 1.0);
    m_threshold->setSingleStep(0.05);
    m_threshold->setDecimals(2);
    m_threshold->setSpecialValueText(tr("strategy default"));
    form->addRow(tr("&Threshold:"), m_threshold);
    m_maxMoves = new QSpinBox(this);
    // 0 reads "no limit" (Citus's own default of max_shard_moves is 1,000,000, i.e. none in practice).
    m_maxMoves->setRange(0, kNoMoveLimit - 1);
    m_maxMoves->setSpecialValueText(tr("no limit"));
    m_maxMoves->setValue(0);
    form->addRow(tr("&Max moves:"), m_maxMoves);
    m_drain = new QComboBox(this);
    m_drain->addItem(tr("none: rebalance"), 0);
    for (const auto& n : m_state->nodes) {
        if (n.role == engine::NodeRole::Primary && !n.isCoordinator())
            m_drain->addItem(nodeLabel(*m_state, n.id), n.id);
    }
    form->addRow(tr("&Drain node:"), m_drain);
    m_mode = new QComboBox(this);
    m_mode->addItem(QStringLiteral("auto"), int(engine::TransferMode::Auto));
    m_mode->addItem(QStringLiteral("force_logical"), int(engine::TransferMode::ForceLogical));
    m_mode->addItem(QStringLiteral("block_writes"), int(engine::TransferMode::BlockWrites));
    form->addRow(tr("Transfer &mode:"), m_mode);
    auto* top = new QHBoxLayout;
    top->addLayout(form);
    auto* checks = new QGroupBox(tr("Preflight checks"), this);
    auto* checksLayout = new QVBoxLayout(checks);
    m_preflight = new QLabel(tr("Checking…"), checks);
    m_preflight->setObjectName(QStringLiteral("preflightLabel"));
    m_preflight->setWordWrap(true);
    m_preflight->setTextFormat(Qt::RichText);
    m_preflight->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_preflight->setTextInteractionFlags(Qt::TextSelectableByMouse);
    checksLayout->addWidget(m_preflight, 1);
    top->addSpacing(12);
    top->addWidget(checks, 1);
    layout->addLayout(top);

    m_figures = new QLabel(tr("Planning…"), this);
    m_figures->setWordWrap(true);
    layout->addWidget(m_figures);

    auto* tabs = new QTabWidget(this);
    auto* table = new QTableView(tabs);
    m_moves = new QStandardItemModel(this);
    table->setModel(m_moves);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    tabs->addTab(table, tr("Moves"));
    auto* heatmaps = new QWidget(tabs);
    auto* heatmapLayout = new QVBoxLayout(heatmaps);
    m_beforeLabel = new QLabel(heatmaps);
    m_before = new HeatmapView(heatmaps);
    m_afterLabel = new QLabel(heatmaps);
    m_after = new HeatmapView(heatmaps);
    for (QWidget* w : {static_cast<QWidget*>(m_beforeLabel), static_cast<QWidget*>(m_before),
                       static_cast<QWidget*>(m_afterLabel), static_cast<QWidget*>(m_after)})
        heatmapLayout->addWidget(w, qobject_cast<HeatmapView*>(w) ? 1 : 0);
    tabs->addTab(heatmaps, tr("Before / after"));
    layout->addWidget(tabs, 1);

    m_notices = new QLabel(this);
    m_notices->setWordWrap(true);
    layout->addWidget(m_notices);
    m_runNote = new QLabel(this);
    m_runNote->setObjectName(QStringLiteral("runNote"));
    m_runNote->setWordWrap(true);
    // Two lines reserved: the note changes with the options and must not be squeezed by the tabs.
    m_runNote->setMinimumHeight(m_runNote->fontMetrics().lineSpacing() * 2 + 4);
    m_runNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_runNote);

    m_buttons = new QDialogButtonBox(this);
    m_buttons->addButton(tr("Run plan"), QDialogButtonBox::AcceptRole)->setEnabled(false);
    m_buttons->addButton(QDialogButtonBox::Close);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_strategy, &QComboBox::currentIndexChanged, this, &RebalancePreviewDialog::replan);
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, &RebalancePreviewDialog::replan);
    connect(m_maxMoves, &QSpinBox::valueChanged, this, &RebalancePreviewDialog::replan);
    connect(m_drain, &QComboBox::currentIndexChanged, this, &RebalancePreviewDialog::replan);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        if (m_preview) {
            auto updated = std::make_shared<RebalancePreview>(*m_preview);
            updated->options.mode = options().mode;
            m_preview = updated;
        }
    });
    resize(1040, 800);
    setLive(false);
    replan();
}

RebalancePreviewDialog::~RebalancePreviewDialog()
{
    m_cancel->store(true);
}

RebalancePreviewOptions RebalancePreviewDialog::options() const
{
    RebalancePreviewOptions o;
    o.strategy = m_strategy->currentText().toStdString();
    if (m_threshold->value() > 0)
        o.threshold = static_cast<float>(m_threshold->value());
    o.maxShardMoves = m_maxMoves->value() == 0 ? kNoMoveLimit : m_maxMoves->value();
    o.drainNode = m_drain->currentData().toInt();
    o.mode = static_cast<engine::TransferMode>(m_mode->currentData().toInt());
    return o;
}

void RebalancePreviewDialog::setOptions(const RebalancePreviewOptions& o)
{
    m_strategy->setCurrentText(QString::fromStdString(o.strategy));
    m_threshold->setValue(o.threshold.value_or(0.0f));
    m_maxMoves->setValue(o.maxShardMoves >= kNoMoveLimit ? 0 : static_cast<int>(o.maxShardMoves));
    m_drain->setCurrentIndex(std::max(0, m_drain->findData(o.drainNode)));
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(int(o.mode))));
    replan();
}

std::vector<engine::OperationRequest> RebalancePreviewDialog::requests() const
{
    return m_preview ? m_preview->requests(*m_state) : std::vector<engine::OperationRequest>{};
}

void RebalancePreviewDialog::replan()
{
    // A newer choice makes the running plan worthless: cancel it and start over.
    m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++m_generation;
    m_figures->setText(tr("Planning…"));
    m_checks.clear();
    m_buttons->buttons().front()->setEnabled(false);
    const auto state = m_state;
    const auto cancel = m_cancel;
    const RebalancePreviewOptions chosen = options();
    runAsync(
        QThreadPool::globalInstance(), this,
        [state, cancel, chosen, generation] {
            auto result = std::make_shared<Result>();
            result->generation = generation;
            result->preview = RebalancePreview::compute(*state, chosen, cancel.get());
            result->before = std::make_shared<const HeatmapMatrix>(HeatmapMatrixBuilder::build(*state));
            if (!result->preview.error)
                result->after = std::make_shared<const HeatmapMatrix>(
                    HeatmapMatrixBuilder::build(result->preview.simulation.stateAfter));
            return std::shared_ptr<const Result>(result);
        },
        [this](const std::shared_ptr<const Result>& result) { showResult(result); });
}

void RebalancePreviewDialog::showResult(const std::shared_ptr<const Result>& result)
{
    if (!result || result->generation != m_generation)
        return;
    m_preview = std::make_shared<const RebalancePreview>(result->preview);
    const RebalancePreview& p = *m_preview;
    m_moves->clear();
    m_moves->setHorizontalHeaderLabels(
        {tr("#"), tr("Shard group"), tr("Colocation group"), tr("From"), tr("To"), tr("Bytes"), tr("Phase")});
    if (p.error) {
        m_figures->setText(tr("<b>No plan:</b> %1").arg(QString::fromStdString(p.error->message).toHtmlEscaped()));
        m_notices->clear();
        updateRunState();
        Q_EMIT planReady();
        return;
    }
    int index = 0;
    for (const engine::PlannedMove& m : p.plan.moves) {
        m_moves->appendRow({cell(QString::number(++index), true), cell(QString::number(m.shard), true),
                            cell(QString::number(m.colocationId), true), cell(nodeLabel(*m_state, m.source)),
                            cell(nodeLabel(*m_state, m.target)), cell(bytes(m.bytes), true),
                            cell(m.phase == engine::RebalancePhase::Evacuate ? tr("evacuate") : tr("balance"))});
    }
    const auto& s = p.simulation;
    m_figures->setText(tr("<b>%n move(s)</b> of shard groups, %1 to copy (about %2 s at 100 MB/s). "
                          "Node skew max/mean %3 → %4, coefficient of variation %5 → %6.",
                          nullptr, int(s.groupMoves))
                           .arg(bytes(s.bytesToMove))
                           .arg(std::llround(s.estimatedSeconds))
                           .arg(s.before.maxOverMean, 0, 'f', 2)
                           .arg(s.after.maxOverMean, 0, 'f', 2)
                           .arg(s.before.coefficientOfVariation, 0, 'f', 2)
                           .arg(s.after.coefficientOfVariation, 0, 'f', 2));
    QStringList notices;
    for (const std::string& n : p.plan.decisions.notices)
        notices << QString::fromStdString(n).toHtmlEscaped();
    m_notices->setText(notices.isEmpty() ? QString() : notices.join(QStringLiteral("<br>")));
    m_beforeLabel->setText(tr("Before: max/mean %1").arg(s.before.maxOverMean, 0, 'f', 2));
    m_afterLabel->setText(tr("After: max/mean %1").arg(s.after.maxOverMean, 0, 'f', 2));
    m_before->setMatrix(result->before);
    m_after->setMatrix(result->after);
    updateRunState();
    Q_EMIT planReady();
    evaluateChecks();
}

void RebalancePreviewDialog::setLive(bool live)
{
    m_live = live;
    updateRunState();
    evaluateChecks();
}

void RebalancePreviewDialog::setPreflightFacts(const live::PreflightFacts& facts)
{
    m_facts = facts;
    m_factsError.clear();
    evaluateChecks();
}

void RebalancePreviewDialog::setPreflightError(const QString& message)
{
    m_facts = live::PreflightFacts{};
    m_facts->healthError = m_facts->diskError = m_facts->jobsError = message.toStdString();
    m_factsError = message;
    evaluateChecks();
}

void RebalancePreviewDialog::evaluateChecks()
{
    const quint64 generation = ++m_checkGeneration;
    m_checks.clear(); // what was shown belongs to an older plan or older facts
    updateRunState();
    if (!m_preview || m_preview->error) {
        m_preflight->setText(m_preview ? tr("No plan, nothing to check.") : tr("Checking once the plan is ready…"));
        return;
    }
    if (m_live && !m_facts) {
        m_preflight->setText(tr("Asking the coordinator…"));
        return;
    }
    const auto state = m_state;
    const auto preview = m_preview;
    const std::optional<live::PreflightFacts> facts = m_live ? m_facts : std::nullopt;
    runAsync(
        QThreadPool::globalInstance(), this,
        [state, preview, facts, generation] {
            return std::make_pair(generation, evaluatePreflight(*state, preview->plan, facts ? &*facts : nullptr));
        },
        [this](const std::pair<quint64, std::vector<PreflightCheck>>& result) {
            if (result.first != m_checkGeneration)
                return;
            m_checks = result.second;
            showChecks();
            updateRunState();
            Q_EMIT preflightReady();
        });
}

void RebalancePreviewDialog::showChecks()
{
    QStringList lines;
    // Darker tones on a light window, lighter ones on the dark palette, so each stays readable.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    for (const PreflightCheck& c : m_checks) {
        QString mark;
        QString colour;
        switch (c.status) {
        case PreflightCheck::Status::Passed:
            mark = QStringLiteral("✔");
            colour = dark ? QStringLiteral("#81c784") : QStringLiteral("#2e7d32");
            break;
        case PreflightCheck::Status::Warning:
            mark = QStringLiteral("⚠");
            colour = dark ? QStringLiteral("#ffb74d") : QStringLiteral("#b26a00");
            break;
        case PreflightCheck::Status::Failed:
            mark = QStringLiteral("✖");
            colour = dark ? QStringLiteral("#ef9a9a") : QStringLiteral("#c62828");
            break;
        case PreflightCheck::Status::Unknown:
            mark = QStringLiteral("?");
            colour = dark ? QStringLiteral("#bdbdbd") : QStringLiteral("#757575");
            break;
        }
        lines << QStringLiteral("<span style=\"color:%1\"><b>%2 %3</b></span>: %4")
                     .arg(colour, mark, QString::fromStdString(c.title).toHtmlEscaped(),
                          QString::fromStdString(c.detail).toHtmlEscaped());
    }
    m_preflight->setText(lines.join(QStringLiteral("<br>")));
}

bool RebalancePreviewDialog::canRun() const
{
    return m_preview && !m_preview->error && !m_preview->plan.moves.empty() && !m_checks.empty() &&
           !preflightBlocks(m_checks);
}

void RebalancePreviewDialog::updateRunState()
{
    QAbstractButton* run = m_buttons->buttons().front();
    run->setEnabled(canRun());
    run->setToolTip(!m_checks.empty() && preflightBlocks(m_checks) ? tr("A preflight check failed") : QString());
    if (!m_live) {
        m_runNote->setText(tr("Run applies the plan to the embedded cluster, one move after another."));
    } else if (m_preview && m_preview->fitsBackgroundRebalance()) {
        m_runNote->setText(tr("Run starts a background rebalance on the coordinator (citus_rebalance_start with "
                              "this strategy and transfer mode); it goes on if ShardScope closes. Stop calls "
                              "citus_rebalance_stop()."));
    } else if (m_preview && m_preview->options.drainNode != 0) {
        m_runNote->setText(tr("Run drains the node with citus_drain_node on the coordinator; Stop cancels the "
                              "statement."));
    } else {
        m_runNote->setText(tr("citus_rebalance_start takes no threshold, move limit or ShardScope strategy, so Run "
                              "carries out the planned moves one after another (citus_move_shard_placement); "
                              "Stop cancels the move running and the ones not started."));
    }
}

} // namespace shardscope
