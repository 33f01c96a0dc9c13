// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

namespace shardscope {

/** Auto-refresh: emits refreshDue() every interval unless paused. An interval of 0 turns it off. */
class RefreshScheduler : public QObject
{
    Q_OBJECT

public:
    explicit RefreshScheduler(QObject* parent = nullptr);

    int intervalSeconds() const { return m_intervalSeconds; }
    void setIntervalSeconds(int seconds);
    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    /** True when a refresh will come by itself: an interval is set and not paused. */
    bool isActive() const { return m_timer.isActive(); }

    /** The intervals offered to the user, in seconds (0 = off). */
    static QList<int> presetIntervals();

Q_SIGNALS:
    void refreshDue();
    void stateChanged();

private:
    void update();

    QTimer m_timer;
    int m_intervalSeconds = 0;
    bool m_paused = false;
};

} // namespace shardscope
