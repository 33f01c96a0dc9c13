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
 * `shardscope --dsn ... --screenshot FILE`: saves the window once the first snapshot arrived, or once the
 * connection failed (the window then shows why), or after 30 s at the latest. finished(false) still leaves
 * the picture when the cluster could not be read; errorText() says why.
 */
class LiveScreenshot : public QObject
{
    Q_OBJECT

public:
    LiveScreenshot(QWidget* window, ClusterSource* source, QString file, QSize size, QObject* parent = nullptr);

    void start();
    QString errorText() const { return m_error; }

Q_SIGNALS:
    void finished(bool ok);

private:
    void captureSoon(const QString& error);
    void capture();

    QPointer<QWidget> m_window;
    ClusterSource* m_source;
    QString m_file;
    QSize m_size;
    QString m_error;
    QTimer m_timeout;
    bool m_pending = false;
};

} // namespace shardscope
