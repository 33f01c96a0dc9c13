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
    m_maxMoves->setRange(1, 1000000);
    m_maxMoves->setValue(1000000);
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
    layout->addLayout(form);

    m_figures = new QLabel(tr("Planning…"), this);
    m_figures->setWordWrap(true);
    layout->addWidget(m_figures);

    auto* tabs = new QTabWidget(this);
    auto* table = new QTableView(tabs);
    m_moves = new QStandardItemModel(this);
    table->setModel(m_moves);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
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
    resize(1000, 760);
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
    o.maxShardMoves = m_maxMoves->value();
    o.drainNode = m_drain->currentData().toInt();
    o.mode = static_cast<engine::TransferMode>(m_mode->currentData().toInt());
    return o;
}

void RebalancePreviewDialog::setOptions(const RebalancePreviewOptions& o)
{
    m_strategy->setCurrentText(QString::fromStdString(o.strategy));
    m_threshold->setValue(o.threshold.value_or(0.0f));
    m_maxMoves->setValue(static_cast<int>(std::min<std::int64_t>(o.maxShardMoves, m_maxMoves->maximum())));
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
    m_buttons->buttons().front()->setEnabled(!p.plan.moves.empty());
    Q_EMIT planReady();
}

} // namespace shardscope
