// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace shardscope {

class JournalModel;
class JournalRecorder;

/** Browses the operations journal: filter by text and outcome, export what is shown as CSV or JSON. */
class JournalDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Format
    {
        Csv,
        Json,
    };

    explicit JournalDialog(JournalRecorder* recorder, QWidget* parent = nullptr);
    ~JournalDialog() override;

    void setFilterText(const QString& text);
    /** "", "ok", "failed" or "canceled". */
    void setOutcomeFilter(const QString& outcome);
    /** Writes the entries shown to a file; false (and the reason in the status line) when it cannot. */
    bool exportTo(const QString& path, Format format);
    /** Reads the entries matching the filter again (off the GUI thread); reloaded() follows. */
    void reload();

    JournalModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLabel* statusLabel() const { return m_status; }

Q_SIGNALS:
    void reloaded();

private:
    void exportWithDialog(Format format);

    QPointer<JournalRecorder> m_recorder;
    JournalModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_outcome = nullptr;
    QLabel* m_status = nullptr;
    quint64 m_generation = 0;
};

} // namespace shardscope
