// SPDX-License-Identifier: MIT
#include "journalactions.h"

#include "journal/journaldialog.h"
#include "journal/journalrecorder.h"

#include <QAction>

namespace shardscope {

JournalActions::JournalActions(ClusterSource* source, QWidget* window, const QString& path)
    : QObject(window), m_window(window),
      m_recorder(new JournalRecorder(
          path.isEmpty() ? QString::fromStdString(snapshot::OperationJournal::defaultPath()) : path, this))
{
    m_recorder->attach(source);
    m_show = new QAction(tr("Operations &journal"), this);
    m_show->setObjectName(QStringLiteral("operationsJournalAction"));
    m_show->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    connect(m_show, &QAction::triggered, this, [this] { openBrowser(); });
}

JournalDialog* JournalActions::openBrowser()
{
    if (!m_dialog) {
        m_dialog = new JournalDialog(m_recorder, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->reload();
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

} // namespace shardscope
