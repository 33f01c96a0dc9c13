// SPDX-License-Identifier: MIT
#pragma once

#include "stats/routingpreview.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QTimer>

class QPlainTextEdit;

namespace shardscope {

class ClusterSource;

/**
 * "Routing: ..." under the SQL editor: which shards and nodes the statement will touch, from its parse and the
 * current snapshot, before anything runs. Recomputed off the GUI thread a moment after the text or the
 * snapshot changes; a result older than the latest request is dropped.
 */
class RoutingPreviewLabel : public QLabel
{
    Q_OBJECT

public:
    RoutingPreviewLabel(ClusterSource* source, QPlainTextEdit* editor, QWidget* parent = nullptr);

    /** Recomputes now (tests and start-up), still in the background. */
    void refreshNow();

Q_SIGNALS:
    void previewUpdated();

private:
    struct Result
    {
        quint64 generation = 0;
        stats::RoutingPreview preview;
    };
    void finished();

    ClusterSource* m_source;
    QPlainTextEdit* m_editor;
    QTimer m_debounce;
    QFutureWatcher<Result> m_watcher;
    quint64 m_generation = 0;
};

} // namespace shardscope
