// SPDX-License-Identifier: MIT
#include "refreshcontrols.h"

#include "api/clustersource.h"
#include "refreshscheduler.h"

#include <QAction>
#include <QComboBox>
#include <QSettings>
#include <QStyle>

namespace shardscope {

namespace {
const QString kIntervalKey = QStringLiteral("refresh/intervalSeconds");
}

RefreshControls::RefreshControls(ClusterSource* source, QObject* parent)
    : QObject(parent), m_source(source), m_scheduler(new RefreshScheduler(this)),
      m_refresh(new QAction(tr("&Refresh"), this)), m_pause(new QAction(tr("&Pause auto-refresh"), this))
{
    m_refresh->setObjectName(QStringLiteral("refreshAction"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Read the cluster again (F5)"));
    m_pause->setObjectName(QStringLiteral("pauseAction"));
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pause->setToolTip(tr("Stop refreshing automatically until unpaused (Ctrl+P)"));

    connect(m_refresh, &QAction::triggered, this, &RefreshControls::refreshNow);
    connect(m_pause, &QAction::toggled, m_scheduler, &RefreshScheduler::setPaused);
    connect(m_scheduler, &RefreshScheduler::refreshDue, this, [this] {
        if (!m_source->isRefreshing()) { // never pile up refreshes on a slow source
            m_source->refresh();
        }
    });
    connect(m_scheduler, &RefreshScheduler::stateChanged, this, &RefreshControls::updateActions);
    connect(m_source, &ClusterSource::refreshingChanged, this, &RefreshControls::updateActions);
    m_scheduler->setIntervalSeconds(QSettings().value(kIntervalKey, 0).toInt());
    updateActions();
}

void RefreshControls::refreshNow()
{
    if (!m_source->isRefreshing()) {
        m_source->refresh();
    }
}

void RefreshControls::updateActions()
{
    m_refresh->setEnabled(!m_source->isRefreshing());
    m_pause->setEnabled(m_scheduler->intervalSeconds() > 0);
}

QComboBox* RefreshControls::createIntervalChooser(QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("refreshInterval"));
    combo->setToolTip(tr("Refresh automatically"));
    for (int seconds : RefreshScheduler::presetIntervals()) {
        QString text;
        if (seconds == 0) {
            text = tr("Auto-refresh off");
        } else if (seconds < 60) {
            text = tr("Every %1 s").arg(seconds);
        } else {
            text = tr("Every %1 min").arg(seconds / 60);
        }
        combo->addItem(text, seconds);
    }
    combo->setCurrentIndex(std::max(0, combo->findData(m_scheduler->intervalSeconds())));
    connect(combo, &QComboBox::currentIndexChanged, this, [this, combo](int index) {
        const int seconds = combo->itemData(index).toInt();
        m_scheduler->setIntervalSeconds(seconds);
        QSettings().setValue(kIntervalKey, seconds);
    });
    return combo;
}

} // namespace shardscope
