// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersource.h"
#include "engine/distributionadvice.h"

#include <QDialog>
#include <QPointer>
#include <functional>
#include <optional>

class QButtonGroup;
class QComboBox;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableView;

namespace shardscope {

class ColumnAdviceModel;

/**
 * Distributes a local (plain) table: hash-distributed by a column chosen from a list with advice for each
 * column, a reference table, or a single-shard table. Shows the exact SQL, runs it through the ClusterSource
 * with progress and says in plain words why Citus refused when it does. Use show() or open(): the dialog
 * stays responsive while the operation runs.
 */
class DistributionWizard : public QDialog
{
    Q_OBJECT

public:
    /** Columns, keys and statistics of a plain table; empty when the source cannot tell. */
    using TableInfoProvider = std::function<std::optional<engine::PlainTableInfo>(const engine::Table&)>;
    /** Hands the table's info (or why it could not be read) to the wizard, on the GUI thread. */
    using TableInfoCallback = std::function<void(Result<engine::PlainTableInfo>)>;
    /**
     * Reads a table's info elsewhere (a live server, on a side connection) and calls back in context's thread;
     * nothing is called when context is gone.
     */
    using AsyncTableInfoProvider =
        std::function<void(const engine::Table&, QObject* context, TableInfoCallback callback)>;

    enum class Kind
    {
        Hash,
        Reference,
        SingleShard,
    };

    DistributionWizard(ClusterSource* source, TableInfoProvider provider, QWidget* parent = nullptr);
    DistributionWizard(ClusterSource* source, AsyncTableInfoProvider provider, QWidget* parent = nullptr);
    ~DistributionWizard() override;

    /** True while the columns of the chosen table are being read. */
    bool isReadingColumns() const { return m_reading; }

    /** Selects a plain table by oid; false when the snapshot has no such plain table. */
    bool selectTable(engine::TableOid oid);
    void setKind(Kind kind);
    /** Selects a column of the advice list by name; false when there is none. */
    bool selectColumn(const QString& column);
    void setShardCount(int count); ///< 0: Citus's default
    void setColocateWith(const QString& colocateWith);
    /** Offers a button that creates these local tables when the cluster lacks them (the embedded demo's). */
    void offerDemoTables(std::vector<engine::CreatePlainTable> tables);

    /** The request the current choices make; empty when they are not valid. */
    std::optional<engine::OperationRequest> request() const;
    /** Why the choices cannot run (empty when they can). */
    QString blockingReason() const { return m_blockingReason; }

    QComboBox* tableChooser() const { return m_table; }
    QTableView* columnView() const { return m_columns; }
    ColumnAdviceModel* adviceModel() const { return m_advice; }
    QPlainTextEdit* sqlPreview() const { return m_sql; }
    QPushButton* runButton() const { return m_run; }
    /** Cancels the running distribution (visible while one runs). */
    QPushButton* cancelButton() const { return m_cancel; }
    QLabel* reasonLabel() const { return m_reason; }
    QLabel* statusLabel() const { return m_status; }
    QComboBox* colocateChooser() const { return m_colocate; }

    /** Error text as the wizard shows it: Citus's message, what it means in plain words, detail and hint. */
    static QString plainError(const Error& error);

Q_SIGNALS:
    /** The operation ended (ok or not); the snapshot with its effect follows from the source. */
    void distributionFinished(const shardscope::JobResult& result);
    /** The columns of the chosen table are known (or could not be read) and the advice shows them. */
    void columnsRead();

private:
    void buildUi();
    void reloadTables();
    void onTableChanged();
    void updateAdvice();
    void updateColocateChoices();
    void updatePreview();
    void run();
    void onJobProgressed(JobId job, const JobProgress& progress);
    void onJobFinished(JobId job, const JobResult& result);
    const engine::Table* currentTable() const;
    Kind kind() const;
    std::optional<int> shardCount() const;

    QPointer<ClusterSource> m_source;
    TableInfoProvider m_provider;
    AsyncTableInfoProvider m_asyncProvider;
    quint64 m_infoGeneration = 0;
    bool m_reading = false;
    QString m_infoError;
    std::optional<engine::PlainTableInfo> m_info;
    std::shared_ptr<const engine::ClusterState> m_state;
    JobId m_job = 0;
    engine::TableOid m_adviceTable = 0; ///< the table the advice list was computed for
    QString m_blockingReason;

    QComboBox* m_table = nullptr;
    QButtonGroup* m_kinds = nullptr;
    QGroupBox* m_hashBox = nullptr;
    QTableView* m_columns = nullptr;
    ColumnAdviceModel* m_advice = nullptr;
    QSpinBox* m_shardCount = nullptr;
    QComboBox* m_colocate = nullptr;
    QLabel* m_reason = nullptr;
    QPlainTextEdit* m_sql = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_addDemo = nullptr;
    std::vector<engine::CreatePlainTable> m_demoTables;
};

} // namespace shardscope
