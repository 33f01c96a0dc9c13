// SPDX-License-Identifier: MIT
#include "distributionwizard.h"

#include "citusrefusal.h"
#include "distribution/columnadvicemodel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace shardscope {

namespace {

constexpr int kCitusDefaultShardCount = 32; // citus.shard_count

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

DistributionWizard::DistributionWizard(ClusterSource* source, TableInfoProvider provider, QWidget* parent)
    : QDialog(parent), m_source(source), m_provider(std::move(provider))
{
    setWindowTitle(tr("Distribute table"));
    setObjectName(QStringLiteral("distributionWizard"));
    buildUi();
    if (m_source) {
        connect(m_source, &ClusterSource::snapshotReady, this, &DistributionWizard::reloadTables);
        connect(m_source, &ClusterSource::jobProgressed, this, &DistributionWizard::onJobProgressed);
        connect(m_source, &ClusterSource::jobFinished, this, &DistributionWizard::onJobFinished);
    }
    reloadTables();
}

DistributionWizard::DistributionWizard(ClusterSource* source, AsyncTableInfoProvider provider, QWidget* parent)
    : DistributionWizard(source, TableInfoProvider{}, parent)
{
    m_asyncProvider = std::move(provider);
    onTableChanged();
}

DistributionWizard::~DistributionWizard() = default;

void DistributionWizard::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QFormLayout;
    m_table = new QComboBox(this);
    m_table->setObjectName(QStringLiteral("tableChooser"));
    m_table->setMinimumContentsLength(24);
    auto* tableRow = new QHBoxLayout;
    tableRow->addWidget(m_table);
    m_addDemo = new QPushButton(tr("Add the demo's local tables"), this);
    m_addDemo->setObjectName(QStringLiteral("addDemoTablesButton"));
    m_addDemo->setVisible(false);
    connect(m_addDemo, &QPushButton::clicked, this, [this] {
        for (const engine::CreatePlainTable& demo : m_demoTables) {
            const bool present =
                m_state && std::any_of(m_state->tables.begin(), m_state->tables.end(), [&](const engine::Table& t) {
                    return t.schema == demo.schema && t.name == demo.name;
                });
            if (!present && m_source)
                m_source->submit(demo);
        }
        m_addDemo->setEnabled(false);
    });
    tableRow->addWidget(m_addDemo);
    tableRow->addStretch();
    top->addRow(tr("Local table:"), tableRow);

    auto* kindRow = new QHBoxLayout;
    m_kinds = new QButtonGroup(this);
    const std::pair<Kind, QString> kinds[] = {
        {Kind::Hash, tr("&Hash-distributed")},
        {Kind::Reference, tr("&Reference (copy on every node)")},
        {Kind::SingleShard, tr("&Single shard")},
    };
    for (const auto& [k, label] : kinds) {
        auto* button = new QRadioButton(label, this);
        m_kinds->addButton(button, int(k));
        kindRow->addWidget(button);
    }
    kindRow->addStretch();
    m_kinds->button(int(Kind::Hash))->setChecked(true);
    top->addRow(tr("Distribute as:"), kindRow);
    layout->addLayout(top);

    m_hashBox = new QGroupBox(tr("Distribution column"), this);
    auto* hash = new QVBoxLayout(m_hashBox);
    m_advice = new ColumnAdviceModel(this);
    m_columns = new QTableView(m_hashBox);
    m_columns->setObjectName(QStringLiteral("columnView"));
    m_columns->setModel(m_advice);
    m_columns->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_columns->setSelectionMode(QAbstractItemView::SingleSelection);
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columns->verticalHeader()->hide();
    m_columns->horizontalHeader()->setStretchLastSection(true);
    m_columns->setMinimumHeight(150);
    hash->addWidget(m_columns);
    auto* options = new QHBoxLayout;
    m_shardCount = new QSpinBox(m_hashBox);
    m_shardCount->setRange(0, 64000);
    m_shardCount->setSpecialValueText(tr("default (%1)").arg(kCitusDefaultShardCount));
    options->addWidget(new QLabel(tr("Shard count:"), m_hashBox));
    options->addWidget(m_shardCount);
    options->addSpacing(16);
    m_colocate = new QComboBox(m_hashBox);
    m_colocate->setObjectName(QStringLiteral("colocateChooser"));
    m_colocate->setMinimumContentsLength(18);
    options->addWidget(new QLabel(tr("Colocate with:"), m_hashBox));
    options->addWidget(m_colocate);
    options->addStretch();
    hash->addLayout(options);
    layout->addWidget(m_hashBox, 1);

    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reason->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_reason->setMinimumHeight(m_reason->fontMetrics().lineSpacing() * 4);
    layout->addWidget(m_reason);

    layout->addWidget(new QLabel(tr("SQL that will run on the coordinator:"), this));
    m_sql = new QPlainTextEdit(this);
    m_sql->setObjectName(QStringLiteral("sqlPreview"));
    m_sql->setReadOnly(true);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sql->setMaximumHeight(72);
    layout->addWidget(m_sql);

    auto* bottom = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_progress->setMaximumWidth(160);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_status, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_run = buttons->addButton(tr("&Distribute"), QDialogButtonBox::ApplyRole);
    m_run->setObjectName(QStringLiteral("runButton"));
    m_cancel = buttons->addButton(tr("&Cancel operation"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Ask the server to stop; Citus rolls the distribution back"));
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job == 0 || !m_source)
            return;
        m_source->cancel(m_job);
        m_cancel->setEnabled(false);
        m_status->setText(tr("Cancelling…"));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, &DistributionWizard::run);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    resize(860, 600);

    connect(m_table, &QComboBox::currentIndexChanged, this, &DistributionWizard::onTableChanged);
    connect(m_kinds, &QButtonGroup::idClicked, this, [this] {
        m_hashBox->setEnabled(kind() == Kind::Hash);
        updatePreview();
    });
    connect(m_columns->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateColocateChoices();
        updatePreview();
    });
    connect(m_shardCount, &QSpinBox::valueChanged, this, &DistributionWizard::updateAdvice);
    connect(m_colocate, &QComboBox::currentIndexChanged, this, &DistributionWizard::updatePreview);
}

void DistributionWizard::offerDemoTables(std::vector<engine::CreatePlainTable> tables)
{
    m_demoTables = std::move(tables);
    reloadTables();
}

void DistributionWizard::reloadTables()
{
    if (!m_source || m_source->currentSnapshot().isNull())
        return;
    m_state = m_source->currentSnapshot().state;
    bool demoMissing = false;
    for (const engine::CreatePlainTable& demo : m_demoTables) {
        const bool present = std::any_of(m_state->tables.begin(), m_state->tables.end(), [&](const engine::Table& t) {
            return t.schema == demo.schema && t.name == demo.name;
        });
        demoMissing = demoMissing || !present;
    }
    m_addDemo->setVisible(demoMissing && m_source->kind() == SourceKind::Embedded);
    m_addDemo->setEnabled(true);
    const QVariant previous = m_table->currentData();
    const QSignalBlocker blocker(m_table);
    m_table->clear();
    for (const engine::Table& table : m_state->tables) {
        if (table.kind == engine::TableKind::Plain)
            m_table->addItem(qs(engine::qualifiedTableName(table)), QVariant::fromValue(qint64(table.oid)));
    }
    const int index = m_table->findData(previous);
    m_table->setCurrentIndex(index >= 0 ? index : 0);
    if (m_job == 0)
        onTableChanged();
}

bool DistributionWizard::selectTable(engine::TableOid oid)
{
    const int index = m_table->findData(QVariant::fromValue(qint64(oid)));
    if (index < 0)
        return false;
    m_table->setCurrentIndex(index);
    return true;
}

const engine::Table* DistributionWizard::currentTable() const
{
    if (!m_state || m_table->currentIndex() < 0)
        return nullptr;
    const auto oid = engine::TableOid(m_table->currentData().toLongLong());
    for (const engine::Table& table : m_state->tables) {
        if (table.oid == oid && table.kind == engine::TableKind::Plain)
            return &table;
    }
    return nullptr;
}

DistributionWizard::Kind DistributionWizard::kind() const
{
    return Kind(m_kinds->checkedId());
}

void DistributionWizard::setKind(Kind k)
{
    m_kinds->button(int(k))->setChecked(true);
    m_hashBox->setEnabled(k == Kind::Hash);
    updatePreview();
}

std::optional<int> DistributionWizard::shardCount() const
{
    return m_shardCount->value() > 0 ? std::optional<int>(m_shardCount->value()) : std::nullopt;
}

void DistributionWizard::setShardCount(int count)
{
    m_shardCount->setValue(count);
}

void DistributionWizard::setColocateWith(const QString& colocateWith)
{
    const int index = m_colocate->findData(colocateWith);
    if (index >= 0)
        m_colocate->setCurrentIndex(index);
}

bool DistributionWizard::selectColumn(const QString& column)
{
    const int row = m_advice->rowOf(column);
    if (row < 0)
        return false;
    m_columns->setCurrentIndex(m_advice->index(row, 0));
    return true;
}

void DistributionWizard::onTableChanged()
{
    const engine::Table* table = currentTable();
    m_info.reset();
    m_infoError.clear();
    const quint64 generation = ++m_infoGeneration;
    m_reading = false;
    if (table && m_asyncProvider) {
        // Read on the provider's side connection; a newer choice makes this answer stale.
        m_reading = true;
        m_asyncProvider(*table, this, [this, generation](Result<engine::PlainTableInfo> info) {
            if (generation != m_infoGeneration)
                return;
            m_reading = false;
            if (info)
                m_info = std::move(info).value();
            else
                m_infoError = qs(info.error().message);
            updateAdvice();
            Q_EMIT columnsRead();
        });
    } else if (table && m_provider) {
        m_info = m_provider(*table);
    }
    updateAdvice();
}

void DistributionWizard::updateAdvice()
{
    const QString selected = m_columns->currentIndex().isValid()
                                 ? m_advice->data(m_advice->index(m_columns->currentIndex().row(), 0)).toString()
                                 : QString();
    std::vector<engine::ColumnAdvice> advice;
    bool statistics = false;
    if (m_info && m_state) {
        advice = engine::adviseDistribution(*m_state, *m_info, shardCount().value_or(kCitusDefaultShardCount));
        for (const engine::PlainColumn& column : m_info->columns)
            statistics = statistics || column.distinct.has_value();
    }
    m_advice->setAdvice(std::move(advice), statistics);
    m_columns->resizeColumnsToContents();
    const engine::Table* table = currentTable();
    const engine::TableOid oid = table ? table->oid : 0;
    if (!selected.isEmpty() && oid == m_adviceTable)
        selectColumn(selected); // a new shard count keeps the choice; another table starts without one
    m_adviceTable = oid;
    updateColocateChoices();
    updatePreview();
}

void DistributionWizard::updateColocateChoices()
{
    const QString previous = m_colocate->currentData().toString();
    const QSignalBlocker blocker(m_colocate);
    m_colocate->clear();
    m_colocate->addItem(tr("default (matching group)"), QStringLiteral("default"));
    m_colocate->addItem(tr("none (a new group)"), QStringLiteral("none"));
    const QModelIndex current = m_columns->currentIndex();
    if (current.isValid()) {
        for (const std::string& table : m_advice->advice()[std::size_t(current.row())].colocationCandidates)
            m_colocate->addItem(qs(table), qs(table));
    }
    const int index = m_colocate->findData(previous);
    m_colocate->setCurrentIndex(index >= 0 ? index : 0);
}

std::optional<engine::OperationRequest> DistributionWizard::request() const
{
    const engine::Table* table = currentTable();
    if (!table || !m_blockingReason.isEmpty())
        return std::nullopt;
    switch (kind()) {
    case Kind::Reference:
        return engine::CreateReferenceTable{table->schema, table->name};
    case Kind::SingleShard:
        return engine::CreateDistributedTable{table->schema, table->name,  {}, engine::ColumnType::None,
                                              "default",     std::nullopt, 1};
    case Kind::Hash: {
        const QModelIndex current = m_columns->currentIndex();
        if (!current.isValid())
            return std::nullopt;
        const engine::ColumnAdvice& advice = m_advice->advice()[std::size_t(current.row())];
        if (!advice.usable())
            return std::nullopt;
        const QString colocate = m_colocate->currentData().toString();
        const bool namedTable = colocate != QLatin1String("default") && colocate != QLatin1String("none");
        return engine::CreateDistributedTable{table->schema,
                                              table->name,
                                              advice.column,
                                              *advice.type,
                                              colocate.toStdString(),
                                              namedTable ? std::nullopt : shardCount(),
                                              1};
    }
    }
    return std::nullopt;
}

void DistributionWizard::updatePreview()
{
    const engine::Table* table = currentTable();
    QStringList reasons;
    QString advice;
    if (!table) {
        reasons << (m_table->count() == 0 ? tr("This cluster has no local table left to distribute.")
                                          : tr("Choose a table."));
    } else if (kind() == Kind::Hash) {
        const QModelIndex current = m_columns->currentIndex();
        if (m_reading) {
            reasons << tr("Reading the columns, keys and statistics of %1 from the server…")
                           .arg(qs(engine::qualifiedTableName(*table)));
        } else if (!m_info && !m_infoError.isEmpty()) {
            reasons << tr("The columns could not be read from the server: %1. Reference and single-shard "
                          "distribution still work.")
                           .arg(m_infoError);
        } else if (!m_info) {
            reasons << tr("The columns of this table are not known to ShardScope for this source, so no column "
                          "can be advised; reference and single-shard distribution still work.");
        } else if (!current.isValid()) {
            reasons << tr("Choose the distribution column.");
        } else {
            const engine::ColumnAdvice& a = m_advice->advice()[std::size_t(current.row())];
            advice = ColumnAdviceModel::explanation(a);
            if (!a.usable())
                reasons << tr("Citus would refuse column %1.").arg(qs(a.column));
            const QString colocate = m_colocate->currentData().toString();
            if (shardCount() && colocate != QLatin1String("default") && colocate != QLatin1String("none"))
                advice +=
                    QLatin1Char('\n') + tr("Note: the shard count follows %1 when colocating with it.").arg(colocate);
        }
    } else if (kind() == Kind::Reference && m_info && m_state) {
        for (const std::string& problem : engine::referenceTableProblems(*m_state, *m_info))
            reasons << tr("Refused: %1").arg(qs(problem));
    }
    m_blockingReason = reasons.join(QLatin1Char('\n'));
    const QString text = m_blockingReason.isEmpty() ? advice
                         : advice.isEmpty()         ? m_blockingReason
                                                    : m_blockingReason + QLatin1Char('\n') + advice;
    m_reason->setText(text);
    const std::optional<engine::OperationRequest> req = request();
    m_sql->setPlainText(req ? qs(engine::operationSql(*req)) : QString());
    m_run->setEnabled(req.has_value() && m_job == 0 && m_source);
}

void DistributionWizard::run()
{
    const std::optional<engine::OperationRequest> req = request();
    if (!req || !m_source || m_job != 0)
        return;
    m_job = m_source->submit(*req);
    m_run->setEnabled(false);
    m_table->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_cancel->setEnabled(true);
    m_status->setStyleSheet({});
    m_status->setText(tr("Running…"));
}

void DistributionWizard::onJobProgressed(JobId job, const JobProgress& progress)
{
    if (job != m_job)
        return;
    if (progress.total > 0) {
        m_progress->setRange(0, progress.total);
        m_progress->setValue(progress.step);
    }
}

QString DistributionWizard::plainError(const Error& error)
{
    QString text = tr("Citus refused: %1").arg(qs(error.message));
    const QString meaning = explainCitusRefusal(error);
    if (!meaning.isEmpty())
        text += QLatin1Char('\n') + meaning;
    if (!error.detail.empty())
        text += QLatin1Char('\n') + qs(error.detail);
    if (!error.hint.empty())
        text += QLatin1Char('\n') + tr("What to do: %1").arg(qs(error.hint));
    return text;
}

void DistributionWizard::onJobFinished(JobId job, const JobResult& result)
{
    if (job != m_job)
        return;
    m_job = 0;
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_table->setEnabled(true);
    const bool dark = palette().color(QPalette::Window).lightness() < 128; // keep the colours readable
    if (result.error) {
        m_status->setText(plainError(*result.error));
        m_status->setStyleSheet(dark ? QStringLiteral("color: #ef9a9a;") : QStringLiteral("color: #c62828;"));
    } else if (result.canceled) {
        m_status->setText(tr("Canceled; nothing changed."));
        m_status->setStyleSheet({});
    } else {
        m_status->setText(tr("Done: the table is distributed."));
        m_status->setStyleSheet(dark ? QStringLiteral("color: #81c784;") : QStringLiteral("color: #2e7d32;"));
    }
    // A distributed table leaves the list: the chooser now shows another table, whose advice must follow.
    onTableChanged();
    Q_EMIT distributionFinished(result);
}

} // namespace shardscope
