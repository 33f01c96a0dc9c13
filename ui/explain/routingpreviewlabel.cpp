// SPDX-License-Identifier: MIT
#include "explain/routingpreviewlabel.h"

#include "api/clustersource.h"

#include <QPlainTextEdit>
#include <QtConcurrent>

namespace shardscope {

RoutingPreviewLabel::RoutingPreviewLabel(ClusterSource* source, QPlainTextEdit* editor, QWidget* parent)
    : QLabel(parent), m_source(source), m_editor(editor)
{
    setObjectName(QStringLiteral("explainRoutingPreview"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &RoutingPreviewLabel::refreshNow);
    connect(m_editor, &QPlainTextEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    if (m_source != nullptr)
        connect(m_source, &ClusterSource::snapshotReady, &m_debounce, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &RoutingPreviewLabel::finished);
    refreshNow();
}

void RoutingPreviewLabel::refreshNow()
{
    m_debounce.stop();
    const quint64 generation = ++m_generation;
    const QString sql = m_editor->toPlainText().trimmed();
    const auto state = m_source != nullptr ? m_source->currentSnapshot().state : nullptr;
    if (sql.isEmpty() || !state) {
        setText(sql.isEmpty() ? tr("Routing: write a statement to see which shards and nodes it touches")
                              : tr("Routing: no cluster metadata yet"));
        Q_EMIT previewUpdated();
        return;
    }
    // Parsing and routing a long statement on a big cluster is not instant: keep it off the GUI thread.
    m_watcher.setFuture(QtConcurrent::run([generation, text = sql.toStdString(), state] {
        return Result{generation, stats::previewRouting(text, *state)};
    }));
}

void RoutingPreviewLabel::finished()
{
    const Result result = m_watcher.result();
    if (result.generation != m_generation)
        return;
    setText(tr("Routing: %1").arg(QString::fromStdString(stats::routingSummary(result.preview))));
    setToolTip(QString::fromStdString(result.preview.reason));
    Q_EMIT previewUpdated();
}

} // namespace shardscope
