// SPDX-License-Identifier: MIT
#include "explain/explainpage.h"

#include "dashboards/explaintaskchart.h"
#include "explain/explaincomparepanel.h"
#include "explain/explainrequest.h"
#include "explain/explainrunstatus.h"
#include "explain/planfile.h"
#include "explain/planjsonwriter.h"
#include "explain/planreader.h"
#include "explain/plansummary.h"
#include "explain/plantextwriter.h"
#include "explain/plantreemodel.h"
#include "explain/plantreeview.h"
#include "explain/routingpreviewlabel.h"
#include "explain/sqlhighlighter.h"
#include "live/liveclustersource.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTime>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace shardscope {

namespace {

constexpr qsizetype kMaxRawChars = 2 * 1024 * 1024; // the raw tabs show the start of huge plans

QString limited(const std::string& text)
{
    if (static_cast<qsizetype>(text.size()) <= kMaxRawChars)
        return QString::fromStdString(text);
    return QString::fromUtf8(text.data(), kMaxRawChars) +
           ExplainPage::tr("\n… (%1 MB in all; save the plan to read the rest)")
               .arg(text.size() / 1000000.0, 0, 'f', 1);
}

} // namespace

/** What a background load produces: the analysis and the raw renderings, or an error message. */
struct ExplainPage::Loaded
{
    quint64 generation = 0;
    QString name;
    std::shared_ptr<const explain::PlanAnalysis> analysis;
    QString json;
    QString text;
    QString error;
    QString note; ///< shown above the plan once it is on screen (a live run's rollback note)
};

ExplainPage::ExplainPage(QWidget* parent)
    : QWidget(parent), m_bannerFrame(new QWidget(this)), m_runStatus(new ExplainRunStatus(this)),
      m_preview(new QLabel(this)), m_banner(new QLabel(this)), m_summary(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_tree(new PlanTreeView(this)), m_details(new QPlainTextEdit(this)),
      m_chart(new ExplainTaskChart(this)), m_rawJson(new QPlainTextEdit(this)), m_rawText(new QPlainTextEdit(this)),
      m_compare(new ExplainComparePanel(this))
{
    setObjectName(QStringLiteral("explainPage"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit* edit : {m_details, m_rawJson, m_rawText}) {
        edit->setReadOnly(true);
        edit->setFont(mono);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth); // long filters and outputs, no sideways scrolling

    m_banner->setObjectName(QStringLiteral("explainSamplingBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { color: #664d03; font-weight: bold; }"));
    m_rerunAll = new QPushButton(tr("Re-run with all tasks"), m_bannerFrame);
    m_rerunAll->setObjectName(QStringLiteral("explainRerunAllTasks"));
    connect(m_rerunAll, &QPushButton::clicked, this, &ExplainPage::rerunWithAllTasks);
    m_bannerFrame->setObjectName(QStringLiteral("explainSamplingFrame"));
    m_bannerFrame->setAttribute(Qt::WA_StyledBackground);
    m_bannerFrame->setStyleSheet(QStringLiteral("#explainSamplingFrame { background: #fff3cd; border: 1px solid "
                                                "#e0c060; }"));
    auto* bannerLayout = new QHBoxLayout(m_bannerFrame);
    bannerLayout->setContentsMargins(6, 4, 6, 4);
    bannerLayout->addWidget(m_banner, 1);
    bannerLayout->addWidget(m_rerunAll, 0, Qt::AlignVCenter);
    m_bannerFrame->hide();
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true); // a long summary must not widen the page past the window
    m_summary->setText(tr("Open a plan saved from EXPLAIN (FORMAT JSON) or from psql's text output."));

    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_details);
    bottom->addWidget(m_chart);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);
    bottom->setSizes({400, 600}); // the charts need the width more than the details text
    m_chart->setMinimumWidth(360);
    auto* planSplit = new QSplitter(Qt::Vertical, this);
    planSplit->addWidget(m_tree);
    planSplit->addWidget(bottom);
    planSplit->setStretchFactor(0, 3);
    planSplit->setStretchFactor(1, 2);
    m_tabs->addTab(planSplit, tr("Plan"));
    m_tabs->addTab(m_rawJson, tr("Raw JSON"));
    m_tabs->addTab(m_rawText, tr("Text"));
    m_tabs->addTab(m_compare, tr("Compare"));

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(buildEditor());
    auto* planArea = new QWidget(this);
    auto* planLayout = new QVBoxLayout(planArea);
    planLayout->setContentsMargins(0, 0, 0, 0);
    planLayout->addWidget(m_runStatus);
    planLayout->addWidget(m_bannerFrame);
    planLayout->addWidget(m_summary);
    planLayout->addWidget(m_tabs, 1);
    split->addWidget(planArea);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_tree, &PlanTreeView::planRowSelected, this, &ExplainPage::showDetails);
    connect(&m_loadWatcher, &QFutureWatcherBase::finished, this, [this] { loadFinished(false); });
    connect(&m_compareWatcher, &QFutureWatcherBase::finished, this, [this] { loadFinished(true); });
    updatePreview();
}

QWidget* ExplainPage::buildEditor()
{
    auto* editor = new QWidget(this);
    m_sql = new QPlainTextEdit(editor);
    m_sql->setObjectName(QStringLiteral("explainSql"));
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sql->setPlaceholderText(tr("SELECT ... -- the statement to explain"));
    new SqlHighlighter(m_sql->document());

    m_analyze = new QCheckBox(QStringLiteral("ANALYZE"), editor);
    m_verbose = new QCheckBox(QStringLiteral("VERBOSE"), editor);
    m_buffers = new QCheckBox(QStringLiteral("BUFFERS"), editor);
    m_settings = new QCheckBox(QStringLiteral("SETTINGS"), editor);
    m_wal = new QCheckBox(QStringLiteral("WAL"), editor);
    m_allTasks = new QCheckBox(QStringLiteral("citus.explain_all_tasks"), editor);
    m_repartition = new QCheckBox(tr("repartition joins"), editor);
    m_repartition->setToolTip(tr("SET LOCAL citus.enable_repartition_joins = on: lets Citus plan joins that are "
                                 "not on the distribution column."));
    m_analyze->setToolTip(
        tr("Runs the statement. A data-changing statement runs in a transaction that is rolled back."));
    m_wal->setToolTip(tr("Needs ANALYZE."));
    m_allTasks->setToolTip(tr("Explain every task instead of one of them, to see skew between shards and workers."));

    m_run = new QPushButton(tr("Run EXPLAIN"), editor);
    m_run->setObjectName(QStringLiteral("explainRun"));
    m_run->setEnabled(false);
    m_run->setToolTip(tr("Needs a live connection (File > Connect…); meanwhile open a plan file."));
    m_cancel = new QPushButton(tr("Cancel"), editor);
    m_cancel->setObjectName(QStringLiteral("explainCancel"));
    m_cancel->setToolTip(tr("Asks the server to stop the running EXPLAIN."));
    m_cancel->hide();
    connect(m_run, &QPushButton::clicked, this, &ExplainPage::runExplain);
    m_sql->installEventFilter(this); // Ctrl+Enter runs, as in most SQL tools
    connect(m_cancel, &QPushButton::clicked, this, &ExplainPage::cancelExplain);
    auto* open = new QPushButton(tr("Open plan…"), editor);
    auto* save = new QPushButton(tr("Save plan…"), editor);
    auto* compare = new QPushButton(tr("Compare with…"), editor);
    connect(open, &QPushButton::clicked, this, &ExplainPage::chooseOpen);
    connect(save, &QPushButton::clicked, this, &ExplainPage::chooseSave);
    connect(compare, &QPushButton::clicked, this, &ExplainPage::chooseCompare);

    auto* options = new QHBoxLayout();
    for (QCheckBox* box : {m_analyze, m_verbose, m_buffers, m_settings, m_wal, m_allTasks, m_repartition}) {
        options->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &ExplainPage::updatePreview);
    }
    options->addStretch(1);
    options->addWidget(m_run);
    options->addWidget(m_cancel);
    // The file actions belong to the plan: beside its tabs, which also keeps the option row narrow.
    auto* files = new QWidget(this);
    auto* filesLayout = new QHBoxLayout(files);
    filesLayout->setContentsMargins(0, 0, 0, 2);
    filesLayout->addWidget(open);
    filesLayout->addWidget(save);
    filesLayout->addWidget(compare);
    m_tabs->setCornerWidget(files, Qt::TopRightCorner);
    connect(m_sql, &QPlainTextEdit::textChanged, this, &ExplainPage::updatePreview);
    connect(m_sql, &QPlainTextEdit::textChanged, this, &ExplainPage::updateRunButtons);
    connect(m_analyze, &QCheckBox::toggled, m_wal, &QCheckBox::setEnabled);
    m_wal->setEnabled(false);

    m_preview->setObjectName(QStringLiteral("explainScriptPreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setForegroundRole(QPalette::PlaceholderText); // quiet, and readable in the dark palette too

    auto* layout = new QVBoxLayout(editor);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sql, 1);
    layout->addLayout(options);
    layout->addWidget(m_preview);
    return editor;
}

void ExplainPage::setClusterSource(ClusterSource* source)
{
    if (m_routing != nullptr || source == nullptr)
        return;
    if (const auto* live = qobject_cast<live::LiveClusterSource*>(source))
        setLiveConnection(live->connectionOptions());
    m_routing = new RoutingPreviewLabel(source, m_sql, this);
    // Right under the editor, above the EXPLAIN options.
    if (auto* layout = qobject_cast<QVBoxLayout*>(m_sql->parentWidget()->layout()))
        layout->insertWidget(layout->indexOf(m_sql) + 1, m_routing);
}

void ExplainPage::updatePreview()
{
    const QString sql = m_sql->toPlainText().trimmed();
    if (sql.isEmpty()) {
        m_preview->setText(tr("Type a statement to see the EXPLAIN that will run."));
        return;
    }
    explain::ExplainOptions options;
    options.analyze = m_analyze->isChecked();
    options.verbose = m_verbose->isChecked();
    options.buffers = m_buffers->isChecked();
    options.settings = m_settings->isChecked();
    options.wal = m_wal->isChecked();
    options.allTasks = m_allTasks->isChecked();
    options.repartitionJoins = m_repartition->isChecked();
    const explain::ExplainScript script = explain::buildExplainScript(sql.toStdString(), options);
    // The statements side by side: four short ones on four lines would crowd out the editor.
    QStringList statements;
    for (const std::string& statement : script.statements)
        statements << QString::fromStdString(statement).trimmed() + QLatin1Char(';');
    QString text = statements.join(QLatin1Char(' '));
    if (script.rolledBack)
        text += tr("\nThis statement changes data: ANALYZE runs it inside a transaction that is rolled back.");
    m_preview->setText(text);
}

QString ExplainPage::scriptPreview() const
{
    return m_preview->text();
}

void ExplainPage::openPlanFile(const QString& path)
{
    startLoad(path, false);
}

bool ExplainPage::openPlanFileNow(const QString& path, QString* error)
{
    Result<explain::ExplainPlan> plan = explain::loadPlanFile(path);
    if (!plan) {
        if (error)
            *error = QString::fromStdString(plan.error().message);
        return false;
    }
    ++m_generation; // a background load still running is now stale
    setPlan(std::make_shared<const explain::ExplainPlan>(std::move(plan).value()), QFileInfo(path).fileName());
    return true;
}

void ExplainPage::comparePlanFile(const QString& path)
{
    startLoad(path, true);
}

void ExplainPage::startLoad(const QString& path, bool compare)
{
    const QString name = QFileInfo(path).fileName();
    m_summary->setText(tr("Reading %1…").arg(name));
    startParse([path] { return explain::loadPlanFile(path); }, name, compare, QString());
}

void ExplainPage::startParse(std::function<Result<explain::ExplainPlan>()> read, const QString& name, bool compare,
                             const QString& note)
{
    const quint64 generation = compare ? ++m_compareGeneration : ++m_generation;
    // Parsing a large plan takes a while: never on the GUI thread.
    QFuture<std::shared_ptr<Loaded>> future =
        QtConcurrent::run([read = std::move(read), name, generation, compare, note] {
            auto loaded = std::make_shared<Loaded>();
            loaded->generation = generation;
            loaded->name = name;
            loaded->note = note;
            Result<explain::ExplainPlan> plan = read();
            if (!plan) {
                loaded->error = QString::fromStdString(plan.error().message);
                return loaded;
            }
            auto shared = std::make_shared<const explain::ExplainPlan>(std::move(plan).value());
            if (!compare) {
                loaded->json = limited(explain::writePlanJson(*shared));
                loaded->text = limited(explain::writePlanText(*shared));
            }
            loaded->analysis = std::make_shared<const explain::PlanAnalysis>(explain::analyzePlan(shared));
            return loaded;
        });
    (compare ? m_compareWatcher : m_loadWatcher).setFuture(future);
}

void ExplainPage::loadFinished(bool compare)
{
    const std::shared_ptr<Loaded> loaded = (compare ? m_compareWatcher : m_loadWatcher).result();
    if (!loaded || loaded->generation != (compare ? m_compareGeneration : m_generation))
        return; // a newer request is under way
    if (!loaded->error.isEmpty()) {
        m_summary->setText(tr("Cannot open %1: %2").arg(loaded->name, loaded->error));
        Q_EMIT planFailed(loaded->error);
        return;
    }
    if (compare) {
        m_compare->setRight(loaded->analysis, loaded->name);
        m_tabs->setCurrentWidget(m_compare);
        if (m_analysis)
            m_summary->setText(tr("Comparing with %1.").arg(loaded->name));
        Q_EMIT comparePlanLoaded();
        return;
    }
    m_rawJson->setPlainText(loaded->json);
    m_rawText->setPlainText(loaded->text);
    showAnalysis(loaded->analysis, loaded->name);
    if (!loaded->note.isEmpty())
        m_runStatus->showNote(loaded->note);
    Q_EMIT planLoaded();
}

void ExplainPage::setPlan(std::shared_ptr<const explain::ExplainPlan> plan, const QString& name)
{
    m_rawJson->setPlainText(limited(explain::writePlanJson(*plan)));
    m_rawText->setPlainText(limited(explain::writePlanText(*plan)));
    showAnalysis(std::make_shared<const explain::PlanAnalysis>(explain::analyzePlan(std::move(plan))), name);
}

void ExplainPage::showAnalysis(std::shared_ptr<const explain::PlanAnalysis> analysis, const QString& name)
{
    m_analysis = std::move(analysis);
    m_name = name;
    if (!m_analysis->plan->sourceSql.empty() && m_sql->toPlainText().trimmed().isEmpty())
        m_sql->setPlainText(QString::fromStdString(m_analysis->plan->sourceSql));
    m_tree->setAnalysis(m_analysis);
    m_chart->setAnalysis(m_analysis.get());
    m_compare->setLeft(m_analysis, name);

    const explain::PlanSummary s = explain::summarizePlan(*m_analysis);
    QStringList parts{name};
    if (s.distributed)
        parts << (s.tasksShown.value_or(0) > 0 || s.tasksShownText.empty()
                      ? tr("distributed: Task Count %1, tasks shown on %2 worker(s)")
                            .arg(s.taskCount.value_or(0))
                            .arg(s.workerNodes.size())
                      // A repartition job explains none of its tasks: say why instead of "0 workers".
                      : tr("distributed: Task Count %1, tasks shown: %2")
                            .arg(s.taskCount.value_or(0))
                            .arg(QString::fromStdString(s.tasksShownText)));
    if (s.planningTimeMs)
        parts << tr("planning %1 ms").arg(*s.planningTimeMs, 0, 'f', 3);
    if (s.executionTimeMs)
        parts << tr("execution %1 ms").arg(*s.executionTimeMs, 0, 'f', 3);
    double subplanMs = 0;
    int subplans = 0;
    for (const explain::PlanRow& row : m_analysis->rows) {
        if (row.kind == explain::PlanRowKind::Subplan) {
            ++subplans;
            subplanMs += row.totalTimeMs.value_or(0);
        }
    }
    if (subplans > 0)
        parts << (subplanMs > 0
                      ? tr("%n distributed subplan(s) first: %1 ms", nullptr, subplans).arg(subplanMs, 0, 'f', 3)
                      : tr("%n distributed subplan(s)", nullptr, subplans));
    if (!s.slowestNodeLabel.empty())
        parts << tr("slowest: %1 (%2 ms self)")
                     .arg(QString::fromStdString(s.slowestNodeLabel))
                     .arg(s.slowestSelfTimeMs.value_or(0), 0, 'f', 3);
    if (s.worstMisestimate && *s.worstMisestimate >= 2)
        parts << tr("worst estimate: %1, off by %2×")
                     .arg(QString::fromStdString(s.mostMisestimatedLabel))
                     .arg(*s.worstMisestimate, 0, 'f', 1);
    m_summary->setText(parts.join(QStringLiteral(" · ")));

    m_bannerFrame->setVisible(s.sampled);
    if (s.sampled) {
        const QString what = tr("Only %1 of %2 tasks was explained (Tasks Shown: %3). The worker plan below is a "
                                "sample: other shards may be much slower.")
                                 .arg(s.tasksShown.value_or(0))
                                 .arg(s.taskCount.value_or(0))
                                 .arg(QString::fromStdString(s.tasksShownText));
        m_samplingText = what;
    }
    updateRunButtons();
    const int focus = m_analysis->slowestRow >= 0 ? m_analysis->slowestRow : (m_analysis->roots.empty() ? -1 : 0);
    m_tree->selectPlanRow(focus);
    m_tabs->setCurrentIndex(0);
}

QString ExplainPage::samplingBanner() const
{
    return m_bannerFrame->isHidden() ? QString() : m_banner->text();
}

QString ExplainPage::nodeDetails() const
{
    return m_details->toPlainText();
}

void ExplainPage::showDetails(int planRow)
{
    if (!m_analysis || planRow < 0) {
        m_details->clear();
        return;
    }
    const explain::PlanRow& row = m_analysis->rows[static_cast<std::size_t>(planRow)];
    QStringList lines{m_tree->planModel()->rowLabel(planRow)};
    lines << tr("Runs on: %1")
                 .arg(row.worker.empty() ? (m_analysis->distributed ? tr("coordinator") : tr("the server (no Citus)"))
                                         : QString::fromStdString(row.worker));
    if (row.totalTimeMs)
        lines << tr("Total time: %1 ms").arg(*row.totalTimeMs, 0, 'f', 3);
    if (row.selfTimeMs)
        lines << tr("Self time: %1 ms").arg(*row.selfTimeMs, 0, 'f', 3);
    if (row.misestimate && *row.misestimate < 1.1)
        lines << tr("Rows as estimated");
    else if (row.misestimate)
        lines << tr("Rows %1 than estimated, by %2×")
                     .arg(row.underestimated ? tr("more") : tr("fewer"))
                     .arg(*row.misestimate, 0, 'f', 1);
    const QString more =
        m_tree->planModel()->data(m_tree->planModel()->indexForPlanRow(planRow), Qt::ToolTipRole).toString();
    if (!more.isEmpty())
        lines << QString() << more;
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

bool ExplainPage::savePlanFile(const QString& path, QString* error)
{
    if (!m_analysis) {
        if (error)
            *error = tr("There is no plan to save.");
        return false;
    }
    const bool text = path.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive);
    const std::string contents =
        text ? explain::writePlanText(*m_analysis->plan) : explain::writePlanJson(*m_analysis->plan);
    const Status saved = explain::savePlanFile(path, QByteArray::fromStdString(contents));
    if (!saved.ok() && error)
        *error = QString::fromStdString(saved.error().message);
    return saved.ok();
}

void ExplainPage::chooseOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open plan"), QString(),
                                                      tr("Plans (*.json *.txt *.sql *.log);;All files (*)"));
    if (!path.isEmpty())
        openPlanFile(path);
}

void ExplainPage::chooseCompare()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare with plan"), QString(),
                                                      tr("Plans (*.json *.txt *.sql *.log);;All files (*)"));
    if (!path.isEmpty())
        comparePlanFile(path);
}

void ExplainPage::chooseSave()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save plan"), m_name, tr("JSON plan (*.json);;Text plan (*.txt)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!savePlanFile(path, &error))
        QMessageBox::warning(this, tr("Save plan"), error);
}

void ExplainPage::setLiveConnection(const live::ConnectionOptions& options)
{
    m_runner = std::make_unique<live::ExplainRunner>(options);
    connect(m_runner.get(), &live::ExplainRunner::runFinished, this, &ExplainPage::runFinished);
    m_run->setToolTip(tr("Runs the EXPLAIN shown below on %1, on a connection of its own (Ctrl+Enter).")
                          .arg(QString::fromStdString(options.displayName())));
    updateRunButtons();
}

void ExplainPage::updateRunButtons()
{
    const bool running = isRunning();
    const bool haveSql = !m_sql->toPlainText().trimmed().isEmpty();
    m_run->setEnabled(m_runner && !running && haveSql);
    m_cancel->setVisible(running);
    m_rerunAll->setVisible(m_runner != nullptr);
    m_rerunAll->setEnabled(m_runner && !running && haveSql);
    // The offer says what is missing: a connection, or the statement (a JSON plan does not carry its SQL).
    QString offer;
    if (!m_runner)
        offer = tr("Connect to the coordinator and run with citus.explain_all_tasks to see every task and the time "
                   "per worker.");
    else if (!haveSql)
        offer = tr("Type the statement in the editor above, then re-run with all tasks to see every task and the time "
                   "per worker.");
    else
        offer = tr("Re-run with all tasks to see every task and the time per worker.");
    m_banner->setText(m_samplingText + QLatin1Char(' ') + offer);
}

bool ExplainPage::runExplain()
{
    const QString sql = m_sql->toPlainText().trimmed();
    if (!m_runner || isRunning() || sql.isEmpty())
        return false;
    explain::ExplainOptions options;
    options.analyze = m_analyze->isChecked();
    options.verbose = m_verbose->isChecked();
    options.buffers = m_buffers->isChecked();
    options.settings = m_settings->isChecked();
    options.wal = m_wal->isChecked();
    options.allTasks = m_allTasks->isChecked();
    options.repartitionJoins = m_repartition->isChecked();
    const explain::ExplainScript script = explain::buildExplainScript(sql.toStdString(), options);
    m_runId = m_runner->run(script);
    m_cancel->setEnabled(true);
    m_runStatus->showRunning(QString::fromStdString(m_runner->options().displayName()), options.analyze);
    updateRunButtons();
    return true;
}

void ExplainPage::cancelExplain()
{
    if (!isRunning())
        return;
    m_runner->cancel();
    m_cancel->setEnabled(false);
    m_runStatus->showCancelling();
}

bool ExplainPage::rerunWithAllTasks()
{
    m_allTasks->setChecked(true);
    return runExplain();
}

void ExplainPage::runFinished(const live::ExplainOutcome& outcome)
{
    updateRunButtons();
    if (outcome.runId != m_runId)
        return; // an older run
    if (!outcome.ok) {
        Q_EMIT runFailed(m_runStatus->showFailure(outcome));
        return;
    }
    const QString name = tr("live plan (%1)").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
    m_runStatus->showNote(tr("Reading the plan…"));
    startParse([json = outcome.planJson] { return explain::parsePlan(json); }, name, false,
               ExplainRunStatus::successNote(outcome));
}

bool ExplainPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_sql && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            runExplain();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString ExplainPage::runStatus() const
{
    return m_runStatus->status();
}

} // namespace shardscope
