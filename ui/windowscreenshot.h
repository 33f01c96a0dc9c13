// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QSize>
#include <QTimer>

class QWidget;

namespace shardscope {

class ClusterSource;

/**
 * Shows a window at a given size, waits for its source's first snapshot (and a moment for pages to paint),
 * saves the window as a PNG and reports finished(). Used by `shardscope --screenshot`.
 */
class WindowScreenshot : public QObject
{
    Q_OBJECT

public:
    WindowScreenshot(QWidget* window, ClusterSource* source, QString file, QSize size, QObject* parent = nullptr);

    void start();
    QString errorText() const { return m_error; }

Q_SIGNALS:
    void finished(bool ok);

private:
    void capture();
    void fail(const QString& message);

    QPointer<QWidget> m_window;
    ClusterSource* m_source;
    QString m_file;
    QSize m_size;
    QString m_error;
    QTimer m_timeout;
    bool m_done = false;
};

} // namespace shardscope
