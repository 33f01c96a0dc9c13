// SPDX-License-Identifier: MIT
#include "windowscreenshot.h"

#include "api/clustersource.h"

#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QWidget>

namespace shardscope {

namespace {
constexpr int kSettleMs = 400; // pages coalesce their repaints with short timers
constexpr int kTimeoutMs = 60000;
} // namespace

WindowScreenshot::WindowScreenshot(QWidget* window, ClusterSource* source, QString file, QSize size, QObject* parent)
    : QObject(parent), m_window(window), m_source(source), m_file(std::move(file)), m_size(size)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { fail(tr("No cluster snapshot arrived within a minute.")); });
}

void WindowScreenshot::start()
{
    m_window->resize(m_size);
    m_window->show();
    if (!m_source->currentSnapshot().isNull()) {
        QTimer::singleShot(kSettleMs, this, &WindowScreenshot::capture);
        return;
    }
    connect(m_source, &ClusterSource::snapshotReady, this,
            [this] { QTimer::singleShot(kSettleMs, this, &WindowScreenshot::capture); });
    connect(m_source, &ClusterSource::refreshFailed, this, [this](const Error& error) {
        fail(tr("The cluster could not be read: %1").arg(QString::fromStdString(error.message)));
    });
    m_timeout.start(kTimeoutMs);
}

void WindowScreenshot::capture()
{
    if (m_done) {
        return;
    }
    if (!m_window) {
        fail(tr("The window was closed before the screenshot."));
        return;
    }
    const QPixmap pixmap = m_window->grab();
    const QFileInfo info(m_file);
    if (!QDir().mkpath(info.absolutePath()) || !pixmap.save(m_file, "PNG")) {
        fail(tr("Cannot write %1.").arg(QDir::toNativeSeparators(info.absoluteFilePath())));
        return;
    }
    m_done = true;
    m_timeout.stop();
    Q_EMIT finished(true);
}

void WindowScreenshot::fail(const QString& message)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_timeout.stop();
    m_error = message;
    Q_EMIT finished(false);
}

} // namespace shardscope
