// SPDX-License-Identifier: MIT
#include "movepreviewdialog.h"

#include "api/async.h"
#include "heatmap/heatmapformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>
#include <algorithm>

namespace shardscope {
namespace {

QString bytes(std::int64_t v)
{
    return heatmapformat::value(HeatmapMetric::Bytes, double(v));
}

QStandardItem* item(const QString& text, bool bold = false, Qt::Alignment align = Qt::AlignLeft)
{
    auto* i = new QStandardItem(text);
    i->setEditable(false);
    i->setTextAlignment(align | Qt::AlignVCenter);
    if (bold) {
        QFont f = i->font();
        f.setBold(true);
        i->setFont(f);
    }
    return i;
}

QTableView* tableFor(QStandardItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(false);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    return view;
}

// Shows every row without scrolling (a handful at most: shards of one group, nodes of a cluster), up to a limit.
void fitRows(QTableView* view)
{
    view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // The real row heights (the style may make rows taller than the default section size).
    int rowsHeight = 0;
    for (int row = 0; row < std::min(view->model()->rowCount(), 10); ++row)
        rowsHeight += std::max(view->rowHeight(row), view->verticalHeader()->defaultSectionSize());
    const int height = view->horizontalHeader()->sizeHint().height() + rowsHeight + 2 * view->frameWidth() + 2;
    view->setMinimumHeight(height);
    view->setMaximumHeight(height);
}

} // namespace

MovePreviewDialog::MovePreviewDialog(std::shared_ptr<const engine::ClusterState> state,
                                     const engine::MoveShardPlacement& move, QWidget* parent)
    : QDialog(parent), m_state(std::move(state)), m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    setWindowTitle(tr("Move shard group"));
    m_preview = MovePreview::compute(*m_state, move);

    auto* layout = new QVBoxLayout(this);
    auto* header = new QLabel(tr("Move shard group <b>%1</b> from <b>%2</b> to <b>%3</b>")
                                  .arg(move.shardId)
                                  .arg(m_preview.sourceLabel.toHtmlEscaped(), m_preview.targetLabel.toHtmlEscaped()),
                              this);
    layout->addWidget(header);

    auto* what = new QGroupBox(tr("What moves: every colocated shard of the group"), this);
    auto* whatLayout = new QVBoxLayout(what);
    m_shards = new QStandardItemModel(this);
    auto* shardView = tableFor(m_shards, what);
    whatLayout->addWidget(shardView);
    whatLayout->addWidget(
        new QLabel(tr("%n shard(s), %1 and %2 rows in total", nullptr, int(m_preview.shards.size()))
                       .arg(bytes(m_preview.bytes), heatmapformat::compactNumber(double(m_preview.rows))),
                   what));
    layout->addWidget(what);

    auto* totals = new QGroupBox(tr("Node totals"), this);
    auto* totalsLayout = new QVBoxLayout(totals);
    m_nodes = new QStandardItemModel(this);
    auto* nodeView = tableFor(m_nodes, totals);
    totalsLayout->addWidget(nodeView);
    layout->addWidget(totals);

    auto* form = new QFormLayout;
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("auto (logical replication when the tables have a replica identity)"),
                    int(engine::TransferMode::Auto));
    m_mode->addItem(tr("force_logical (writes continue, even without a replica identity)"),
                    int(engine::TransferMode::ForceLogical));
    m_mode->addItem(tr("block_writes (copy while writes wait)"), int(engine::TransferMode::BlockWrites));
    m_mode->setCurrentIndex(m_mode->findData(int(move.mode)));
    form->addRow(tr("Transfer mode:"), m_mode);
    layout->addLayout(form);

    m_warning = new QLabel(tr("Checking whether the next rebalance would move it back…"), this);
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::RichText);
    layout->addWidget(m_warning);
    m_keepInPlace = new QCheckBox(this);
    m_keepInPlace->hide();
    layout->addWidget(m_keepInPlace);

    layout->addWidget(new QLabel(tr("SQL that will run on the coordinator:"), this));
    m_sql = new QPlainTextEdit(this);
    m_sql->setReadOnly(true);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sql->setMaximumHeight(90);
    m_sql->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // lines wrap
    layout->addWidget(m_sql);

    m_buttons = new QDialogButtonBox(this);
    m_buttons->addButton(tr("Move"), QDialogButtonBox::AcceptRole);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &MovePreviewDialog::updateSql);
    connect(m_keepInPlace, &QCheckBox::toggled, this, &MovePreviewDialog::updateSql);
    fillTables();
    fitRows(shardView);
    fitRows(nodeView);
    resize(760, sizeHint().height());
    updateSql();

    if (m_preview.error) {
        m_warning->setText(tr("<b>Citus would refuse this move:</b> %1")
                               .arg(QString::fromStdString(m_preview.error->message).toHtmlEscaped()));
        m_buttons->buttons().front()->setEnabled(false);
        return;
    }
    // Planning a whole cluster can take a moment: never on the GUI thread.
    const auto after = m_preview.after;
    const auto cancel = m_cancel;
    runAsync(
        QThreadPool::globalInstance(), this,
        [after, move, cancel] { return MoveBackCheck::compute(*after, move, cancel.get()); },
        [this](const MoveBackCheck& check) { showMoveBackCheck(check); });
}

MovePreviewDialog::~MovePreviewDialog()
{
    m_cancel->store(true);
}

void MovePreviewDialog::fillTables()
{
    m_shards->setHorizontalHeaderLabels({tr("Table"), tr("Shard"), tr("Size"), tr("Rows")});
    for (const MovePreviewShard& s : m_preview.shards) {
        m_shards->appendRow({item(s.table), item(QString::number(s.shard), false, Qt::AlignRight),
                             item(bytes(s.bytes), false, Qt::AlignRight),
                             item(heatmapformat::compactNumber(double(s.rows)), false, Qt::AlignRight)});
    }
    m_nodes->setHorizontalHeaderLabels({tr("Node"), tr("Before"), tr("After"), tr("Change")});
    for (const MovePreviewNode& n : m_preview.nodes) {
        const bool bold = n.isSource || n.isTarget;
        const QString role = n.isSource ? tr(" (source)") : n.isTarget ? tr(" (target)") : QString();
        const std::int64_t delta = n.after - n.before;
        const QString change =
            delta == 0 ? QStringLiteral("–")
                       : (delta > 0 ? QStringLiteral("+") : QStringLiteral("−")) + bytes(delta > 0 ? delta : -delta);
        m_nodes->appendRow({item(n.label + role, bold), item(bytes(n.before), bold, Qt::AlignRight),
                            item(bytes(n.after), bold, Qt::AlignRight), item(change, bold, Qt::AlignRight)});
    }
}

engine::MoveShardPlacement MovePreviewDialog::move() const
{
    engine::MoveShardPlacement m = m_preview.request;
    m.mode = static_cast<engine::TransferMode>(m_mode->currentData().toInt());
    return m;
}

std::vector<engine::OperationRequest> MovePreviewDialog::requests() const
{
    std::vector<engine::OperationRequest> result{move()};
    if (!m_keepInPlace->isHidden() && m_keepInPlace->isChecked()) {
        for (const engine::Node& n : m_state->nodes) {
            if (n.id == m_preview.request.sourceNode)
                result.emplace_back(engine::SetNodeShouldHaveShards{n.name, n.port, false});
        }
    }
    return result;
}

QString MovePreviewDialog::sql() const
{
    QStringList lines;
    for (const auto& r : requests())
        lines << QString::fromStdString(engine::operationSql(r));
    return lines.join(QLatin1Char('\n'));
}

bool MovePreviewDialog::canConfirm() const
{
    return !m_preview.error;
}

void MovePreviewDialog::setTransferMode(engine::TransferMode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

void MovePreviewDialog::updateSql()
{
    m_sql->setPlainText(sql());
}

void MovePreviewDialog::showMoveBackCheck(const MoveBackCheck& check)
{
    m_check = check;
    if (check.error) {
        m_warning->setText(tr("Could not check the next rebalance: %1")
                               .arg(QString::fromStdString(check.error->message).toHtmlEscaped()));
    } else if (!check.movesAway) {
        m_warning->setText(tr("✔ The next automatic rebalance (%1) would leave the group on %2.")
                               .arg(check.strategy, m_preview.targetLabel.toHtmlEscaped()));
    } else {
        const QString where = check.movesBack ? tr("back to %1").arg(check.plannedTargetLabel.toHtmlEscaped())
                                              : tr("on to %1").arg(check.plannedTargetLabel.toHtmlEscaped());
        m_warning->setText(
            tr("<b>⚠ The next automatic rebalance (%1) would move this group %2.</b><br>"
               "To keep it in place, stop new shards on %3 (shouldhaveshards = false; the rebalancer then moves "
               "that node's other shards away too), or rebalance with a custom strategy whose "
               "shard_allowed_on_node_function keeps this group on %4.")
                .arg(check.strategy, where, m_preview.sourceLabel.toHtmlEscaped(),
                     m_preview.targetLabel.toHtmlEscaped()));
        if (check.movesBack) {
            m_keepInPlace->setText(tr("Also set shouldhaveshards = false on %1").arg(m_preview.sourceLabel));
            m_keepInPlace->show();
        }
    }
    // The warning may take more lines than the text it replaced: grow rather than squeeze the tables.
    layout()->activate();
    if (height() < sizeHint().height())
        resize(width(), sizeHint().height());
    Q_EMIT moveBackChecked();
}

} // namespace shardscope
