// SPDX-License-Identifier: MIT
#include "journaldialog.h"

#include "journal/journalmodel.h"
#include "journal/journalrecorder.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace shardscope {

JournalDialog::JournalDialog(JournalRecorder* recorder, QWidget* parent) : QDialog(parent), m_recorder(recorder)
{
    setWindowTitle(tr("Operations journal"));
    setObjectName(QStringLiteral("journalDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* filters = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("journalFilter"));
    m_filter->setPlaceholderText(tr("Filter by table, SQL or error…"));
    m_filter->setClearButtonEnabled(true);
    m_outcome = new QComboBox(this);
    m_outcome->addItem(tr("All outcomes"), QString());
    m_outcome->addItem(tr("Done"), QStringLiteral("ok"));
    m_outcome->addItem(tr("Failed"), QStringLiteral("failed"));
    m_outcome->addItem(tr("Canceled"), QStringLiteral("canceled"));
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_outcome);
    layout->addLayout(filters);

    m_model = new JournalModel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);

    auto* bottom = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("journalStatus"));
    bottom->addWidget(m_status, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* csv = buttons->addButton(tr("Export &CSV…"), QDialogButtonBox::ActionRole);
    QPushButton* json = buttons->addButton(tr("Export &JSON…"), QDialogButtonBox::ActionRole);
    connect(csv, &QPushButton::clicked, this, [this] { exportWithDialog(Format::Csv); });
    connect(json, &QPushButton::clicked, this, [this] { exportWithDialog(Format::Json); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    resize(980, 480);

    connect(m_filter, &QLineEdit::textChanged, this, &JournalDialog::reload);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &JournalDialog::reload);
    if (m_recorder)
        connect(m_recorder, &JournalRecorder::entryRecorded, this, &JournalDialog::reload);
    reload();
}

JournalDialog::~JournalDialog() = default;

void JournalDialog::setFilterText(const QString& text)
{
    m_filter->setText(text);
}

void JournalDialog::setOutcomeFilter(const QString& outcome)
{
    const int index = m_outcome->findData(outcome);
    if (index >= 0)
        m_outcome->setCurrentIndex(index);
}

void JournalDialog::reload()
{
    if (!m_recorder) {
        m_model->setEntries({});
        m_status->setText(tr("No journal."));
        return;
    }
    snapshot::JournalFilter filter;
    filter.text = m_filter->text().trimmed().toStdString();
    filter.outcome = m_outcome->currentData().toString().toStdString();
    // Read on the journal's thread; only the answer to the latest filter is shown.
    const quint64 generation = ++m_generation;
    m_recorder->writer()->query(filter, this, [this, generation](Result<std::vector<snapshot::JournalEntry>> entries) {
        if (generation != m_generation || !m_recorder)
            return;
        if (!entries) {
            const QString openError = m_recorder->openError();
            m_status->setText(openError.isEmpty() ? QString::fromStdString(entries.error().message)
                                                  : tr("The journal cannot be opened: %1").arg(openError));
            return;
        }
        m_model->setEntries(std::move(entries).value());
        m_view->resizeColumnsToContents();
        m_status->setText(
            tr("%n operation(s) shown; journal: %1", nullptr, m_model->rowCount()).arg(m_recorder->path()));
        Q_EMIT reloaded();
    });
}

bool JournalDialog::exportTo(const QString& path, Format format)
{
    const QByteArray bytes = format == Format::Csv ? snapshot::OperationJournal::toCsv(m_model->entries())
                                                   : snapshot::OperationJournal::toJson(m_model->entries());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_status->setText(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_status->setText(tr("Exported %n operation(s) to %1", nullptr, m_model->rowCount()).arg(path));
    return true;
}

void JournalDialog::exportWithDialog(Format format)
{
    auto* dialog = new QFileDialog(this, tr("Export journal"), QString(),
                                   format == Format::Csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(format == Format::Csv ? QStringLiteral("csv") : QStringLiteral("json"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString& path) { exportTo(path, format); });
    dialog->open();
}

} // namespace shardscope
