// SPDX-License-Identifier: MIT
#include "explain/explainrunstatus.h"

namespace shardscope {

ExplainRunStatus::ExplainRunStatus(QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("explainRunStatus"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void ExplainRunStatus::showRunning(const QString& server, bool analyze)
{
    show(analyze ? tr("Running EXPLAIN ANALYZE on %1…").arg(server) : tr("Running EXPLAIN on %1…").arg(server), false);
}

void ExplainRunStatus::showCancelling()
{
    show(tr("Cancelling: the server has been asked to stop the EXPLAIN…"), false);
}

void ExplainRunStatus::showNote(const QString& text)
{
    show(text, false);
}

QString ExplainRunStatus::showFailure(const live::ExplainOutcome& outcome)
{
    const Error& e = outcome.error;
    QStringList lines{QString::fromStdString(e.message)};
    if (!e.detail.empty())
        lines << tr("Server: %1").arg(QString::fromStdString(e.detail));
    if (!e.hint.empty())
        lines << tr("Hint: %1").arg(QString::fromStdString(e.hint));
    if (!e.code.empty() && !outcome.cancelled)
        lines << tr("(error code %1)").arg(QString::fromStdString(e.code));
    const QString message = lines.join(QLatin1Char('\n'));
    show(message, !outcome.cancelled); // a cancel is what the user asked for: no alarm colour
    return message;
}

QString ExplainRunStatus::successNote(const live::ExplainOutcome& outcome)
{
    QString note =
        tr("EXPLAIN ran on %1 in %2 ms.").arg(QString::fromStdString(outcome.server)).arg(outcome.elapsedMs, 0, 'f', 0);
    if (outcome.rolledBack)
        note += QLatin1Char(' ') + tr("ANALYZE really ran this data-changing statement, inside a transaction that "
                                      "was rolled back: nothing was changed.");
    return note;
}

QString ExplainRunStatus::status() const
{
    return isHidden() ? QString() : text();
}

void ExplainRunStatus::show(const QString& text, bool error)
{
    setText(text);
    setStyleSheet(error ? QStringLiteral("QLabel { background: #f8d7da; color: #58151c; border: 1px solid #f1aeb5; "
                                         "padding: 6px; }")
                        : QStringLiteral("QLabel { background: #e7f1ff; color: #052c65; border: 1px solid #9ec5fe; "
                                         "padding: 6px; }"));
    setVisible(!text.isEmpty());
}

} // namespace shardscope
