// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace shardscope {

class ClusterSource;
class JournalDialog;
class JournalRecorder;

/**
 * Records the source's operations in the journal under AppDataLocation from the start, and offers the
 * "Operations journal" action that opens the browser (non-modal).
 */
class JournalActions : public QObject
{
    Q_OBJECT

public:
    /** path: the journal file; empty: snapshot::OperationJournal::defaultPath(). */
    JournalActions(ClusterSource* source, QWidget* window, const QString& path = {});

    QAction* showAction() const { return m_show; }
    JournalRecorder* recorder() const { return m_recorder; }
    JournalDialog* openBrowser();

private:
    QWidget* m_window;
    JournalRecorder* m_recorder;
    QAction* m_show;
    QPointer<JournalDialog> m_dialog;
};

} // namespace shardscope
