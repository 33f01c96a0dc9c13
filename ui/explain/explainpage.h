// SPDX-License-Identifier: MIT
#pragma once

#include "explain/plananalysis.h"
#include "live/explainrunner.h"

#include <QFutureWatcher>
#include <QWidget>
#include <functional>
#include <memory>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace shardscope {

class ClusterSource;
class ExplainComparePanel;
class ExplainRunStatus;
class RoutingPreviewLabel;
class ExplainTaskChart;
class PlanTreeView;

/**
 * The EXPLAIN page: SQL editor with the EXPLAIN options, the distributed plan as one tree (coordinator, tasks,
 * worker plans), the task/worker time chart, a banner when only one of N tasks was explained, Raw JSON and
 * Text tabs and a side-by-side comparison. Plans open from files (parsed off the GUI thread) and save as JSON
 * or text. On a live coordinator (or plain PostgreSQL) Run EXPLAIN runs the statement on a side connection of its
 * own, off the GUI thread, with Cancel.
 */
class ExplainPage : public QWidget
{
    Q_OBJECT

public:
    explicit ExplainPage(QWidget* parent = nullptr);

    /** Reads and parses a plan file in the background; planLoaded() or planFailed() follows. */
    void openPlanFile(const QString& path);
    /** Reads and shows a plan at once (start-up with --plan); false with a message when it cannot. */
    bool openPlanFileNow(const QString& path, QString* error = nullptr);
    /** Reads a second plan for the Compare tab; comparePlanLoaded() or planFailed() follows. */
    void comparePlanFile(const QString& path);
    /** Writes the current plan: text format for .txt, JSON otherwise. */
    bool savePlanFile(const QString& path, QString* error = nullptr);
    /** Shows an already parsed plan. */
    void setPlan(std::shared_ptr<const explain::ExplainPlan> plan, const QString& name);

    const explain::PlanAnalysis* analysis() const { return m_analysis.get(); }
    PlanTreeView* treeView() const { return m_tree; }
    ExplainTaskChart* taskChart() const { return m_chart; }
    ExplainComparePanel* comparePanel() const { return m_compare; }
    QTabWidget* tabs() const { return m_tabs; }
    QPlainTextEdit* sqlEditor() const { return m_sql; }
    /** The banner text when only some tasks were explained, else empty. */
    QString samplingBanner() const;
    QString nodeDetails() const;
    QString scriptPreview() const;
    QCheckBox* allTasksOption() const { return m_allTasks; }
    /** Shows the routing preview of the editor's statement under the editor, from the source's snapshots. */
    void setClusterSource(ClusterSource* source);
    RoutingPreviewLabel* routingPreview() const { return m_routing; }

    /** Runs EXPLAIN on this server (the live source's connection options); Run EXPLAIN is enabled from now on. */
    void setLiveConnection(const live::ConnectionOptions& options);
    /** Runs the editor's statement with the ticked options; false (and nothing runs) without a connection. */
    bool runExplain();
    /** Cancels the running EXPLAIN; the page says so at once. */
    void cancelExplain();
    /** Ticks citus.explain_all_tasks and runs again (the sampling banner's button). */
    bool rerunWithAllTasks();
    bool isRunning() const { return m_runner && m_runner->isRunning(); }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* rerunAllTasksButton() const { return m_rerunAll; }
    /** The status of the last run ("Running…", the rollback note, the error in plain words), else empty. */
    QString runStatus() const;

Q_SIGNALS:
    void planLoaded();
    void comparePlanLoaded();
    void planFailed(const QString& message);
    /** A run ended without a plan (error or cancel); message is what the page shows. */
    void runFailed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Loaded;
    void startLoad(const QString& path, bool compare);
    void startParse(std::function<Result<explain::ExplainPlan>()> read, const QString& name, bool compare,
                    const QString& note);
    void loadFinished(bool compare);
    void runFinished(const live::ExplainOutcome& outcome);
    void updateRunButtons();
    void showAnalysis(std::shared_ptr<const explain::PlanAnalysis> analysis, const QString& name);
    void showDetails(int planRow);
    void updatePreview();
    void chooseOpen();
    void chooseSave();
    void chooseCompare();
    QWidget* buildEditor();

    QPlainTextEdit* m_sql;
    QCheckBox* m_analyze;
    QCheckBox* m_verbose;
    QCheckBox* m_buffers;
    QCheckBox* m_settings;
    QCheckBox* m_wal;
    QCheckBox* m_allTasks;
    QCheckBox* m_repartition;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QPushButton* m_rerunAll;
    QWidget* m_bannerFrame;
    ExplainRunStatus* m_runStatus;
    QLabel* m_preview;
    QLabel* m_banner;
    QLabel* m_summary;
    QTabWidget* m_tabs;
    PlanTreeView* m_tree;
    QPlainTextEdit* m_details;
    ExplainTaskChart* m_chart;
    QPlainTextEdit* m_rawJson;
    QPlainTextEdit* m_rawText;
    ExplainComparePanel* m_compare;
    RoutingPreviewLabel* m_routing = nullptr;
    std::unique_ptr<live::ExplainRunner> m_runner;
    quint64 m_runId = 0;

    std::shared_ptr<const explain::PlanAnalysis> m_analysis;
    QString m_name;
    QString m_samplingText; ///< the banner's first sentence for the plan shown
    QFutureWatcher<std::shared_ptr<Loaded>> m_loadWatcher;
    QFutureWatcher<std::shared_ptr<Loaded>> m_compareWatcher;
    quint64 m_generation = 0;
    quint64 m_compareGeneration = 0;
};

} // namespace shardscope
