// SPDX-License-Identifier: MIT
#include "refreshscheduler.h"

namespace shardscope {

RefreshScheduler::RefreshScheduler(QObject* parent) : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &RefreshScheduler::refreshDue);
}

void RefreshScheduler::setIntervalSeconds(int seconds)
{
    seconds = std::max(0, seconds);
    if (seconds == m_intervalSeconds) {
        return;
    }
    m_intervalSeconds = seconds;
    update();
}

void RefreshScheduler::setPaused(bool paused)
{
    if (paused == m_paused) {
        return;
    }
    m_paused = paused;
    update();
}

QList<int> RefreshScheduler::presetIntervals()
{
    return {0, 5, 10, 30, 60, 300};
}

void RefreshScheduler::update()
{
    if (m_intervalSeconds > 0 && !m_paused) {
        m_timer.start(m_intervalSeconds * 1000);
    } else {
        m_timer.stop();
    }
    Q_EMIT stateChanged();
}

} // namespace shardscope
