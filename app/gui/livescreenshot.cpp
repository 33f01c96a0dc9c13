// SPDX-License-Identifier: MIT
#include "livescreenshot.h"

#include "api/clustersource.h"

#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QWidget>

namespace shardscope {

namespace {
constexpr int kSettleMs = 500; // pages and the banner coalesce their repaints
constexpr int kTimeoutMs = 30000;
} // namespace

LiveScreenshot::LiveScreenshot(QWidget* window, ClusterSource* source, QString file, QSize size, QObject* parent)
    : QObject(parent), m_window(window), m_source(source), m_file(std::move(file)), m_size(size)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { captureSoon(tr("The server did not answer within 30 seconds.")); });
}

void LiveScreenshot::start()
{
    m_window->resize(m_size);
    m_window->show();
    if (!m_source->currentSnapshot().isNull()) {
        captureSoon({});
        return;
    }
    connect(m_source, &ClusterSource::snapshotReady, this, [this] { captureSoon({}); });
    connect(m_source, &ClusterSource::refreshFailed, this, [this](const Error& error) {
        captureSoon(tr("The cluster could not be read: %1").arg(QString::fromStdString(error.message)));
    });
    m_timeout.start(kTimeoutMs);
}

void LiveScreenshot::captureSoon(const QString& error)
{
    if (m_pending) {
        return;
    }
    m_pending = true;
    m_timeout.stop();
    m_error = error;
    QTimer::singleShot(kSettleMs, this, &LiveScreenshot::capture);
}

void LiveScreenshot::capture()
{
    if (!m_window) {
        m_error = tr("The window was closed before the screenshot.");
        Q_EMIT finished(false);
        return;
    }
    const QPixmap pixmap = m_window->grab();
    const QFileInfo info(m_file);
    if (!QDir().mkpath(info.absolutePath()) || !pixmap.save(m_file, "PNG")) {
        m_error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(info.absoluteFilePath()));
        Q_EMIT finished(false);
        return;
    }
    Q_EMIT finished(m_error.isEmpty());
}

} // namespace shardscope
