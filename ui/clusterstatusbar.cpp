// SPDX-License-Identifier: MIT
#include "clusterstatusbar.h"

#include "api/clustersource.h"
#include "clustertotals.h"
#include "format.h"

#include <QFrame>
#include <QLabel>
#include <QLocale>

namespace shardscope {

ClusterStatusBar::ClusterStatusBar(ClusterSource* source, QWidget* parent)
    : QStatusBar(parent), m_source(source), m_sourceLabel(new QLabel(this)), m_stateLabel(new QLabel(this)),
      m_refreshLabel(new QLabel(this)), m_summaryLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("statusBar"));
    m_sourceLabel->setObjectName(QStringLiteral("sourceLabel"));
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_refreshLabel->setObjectName(QStringLiteral("refreshLabel"));
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    bool first = true;
    for (QLabel* label : {m_summaryLabel, m_sourceLabel, m_stateLabel, m_refreshLabel}) {
        if (!first) {
            auto* separator = new QFrame(this);
            separator->setFrameShape(QFrame::VLine);
            separator->setFrameShadow(QFrame::Sunken);
            addPermanentWidget(separator);
        }
        first = false;
        label->setContentsMargins(6, 0, 6, 0);
        addPermanentWidget(label);
    }
    m_sourceLabel->setText(source->displayName());
    m_refreshLabel->setText(tr("Not refreshed yet"));

    connect(source, &ClusterSource::snapshotReady, this, &ClusterStatusBar::showSnapshot);
    connect(source, &ClusterSource::refreshFailed, this, &ClusterStatusBar::showFailure);
    connect(source, &ClusterSource::connectionStateChanged, this, &ClusterStatusBar::updateState);
    connect(source, &ClusterSource::refreshingChanged, this, &ClusterStatusBar::updateState);
    connect(source, &ClusterSource::jobProgressed, this,
            [this](JobId, const JobProgress& progress) { showMessage(progress.text); });
    connect(source, &ClusterSource::jobFinished, this, [this](JobId, const JobResult& result) {
        if (result.error) {
            showMessage(tr("Failed: %1").arg(QString::fromStdString(result.error->message)), 15000);
        } else if (result.canceled) {
            showMessage(tr("Canceled"), 5000);
        } else {
            showMessage(tr("Done: %1").arg(result.summary), 8000);
        }
    });
    if (!source->currentSnapshot().isNull()) {
        showSnapshot(source->currentSnapshot());
    }
    updateState();
}

QString ClusterStatusBar::sourceText() const
{
    return m_sourceLabel->text();
}

QString ClusterStatusBar::stateText() const
{
    return m_stateLabel->text();
}

QString ClusterStatusBar::refreshText() const
{
    return m_refreshLabel->text();
}

void ClusterStatusBar::showSnapshot(const ClusterSnapshot& snapshot)
{
    m_failed = false;
    m_sourceLabel->setText(snapshot.sourceName.isEmpty() ? m_source->displayName() : snapshot.sourceName);
    const QDateTime when = snapshot.takenAt.isValid() ? snapshot.takenAt : QDateTime::currentDateTimeUtc();
    m_refreshLabel->setText(
        tr("Refreshed %1").arg(QLocale().toString(when.toLocalTime().time(), QLocale::ShortFormat)));
    m_refreshLabel->setToolTip(QLocale().toString(when.toLocalTime(), QLocale::LongFormat));
    const engine::ClusterState& state = *snapshot.state;
    const ClusterTotals totals = ClusterTotals::compute(state);
    m_summaryLabel->setText(tr("%1 nodes · %2 tables · %3 shards · %4")
                                .arg(state.nodes.size())
                                .arg(state.tables.size())
                                .arg(Format::count(totals.cluster.shards), Format::bytes(totals.cluster.bytes)));
    if (!snapshot.citusVersion.isEmpty()) {
        m_sourceLabel->setToolTip(tr("Citus %1 on PostgreSQL %2").arg(snapshot.citusVersion, snapshot.postgresVersion));
    }
    updateState();
}

void ClusterStatusBar::showFailure(const Error& error)
{
    m_failed = true;
    showMessage(tr("Refresh failed: %1").arg(QString::fromStdString(error.message)), 15000);
    updateState();
}

void ClusterStatusBar::updateState()
{
    QString text;
    if (m_source->isRefreshing()) {
        text = tr("Refreshing…");
    } else if (m_failed) {
        text = tr("Refresh failed");
    } else {
        switch (m_source->connectionState()) {
        case ClusterSource::ConnectionState::Disconnected:
            text = tr("Disconnected");
            break;
        case ClusterSource::ConnectionState::Connecting:
            text = tr("Connecting…");
            break;
        case ClusterSource::ConnectionState::Connected:
            text = tr("Connected");
            break;
        case ClusterSource::ConnectionState::Failed:
            text = tr("Connection failed");
            break;
        }
    }
    m_stateLabel->setText(text);
}

} // namespace shardscope
