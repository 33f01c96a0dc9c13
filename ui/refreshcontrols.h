// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAction;
class QComboBox;
class QWidget;

namespace shardscope {

class ClusterSource;
class RefreshScheduler;

/** Refresh now, auto-refresh interval and pause: the actions, the interval chooser and their wiring. */
class RefreshControls : public QObject
{
    Q_OBJECT

public:
    RefreshControls(ClusterSource* source, QObject* parent = nullptr);

    QAction* refreshAction() const { return m_refresh; }
    QAction* pauseAction() const { return m_pause; }
    /** A combo box choosing the interval; the caller owns and places it. */
    QComboBox* createIntervalChooser(QWidget* parent);
    RefreshScheduler* scheduler() const { return m_scheduler; }

private:
    void refreshNow();
    void updateActions();

    ClusterSource* m_source;
    RefreshScheduler* m_scheduler;
    QAction* m_refresh;
    QAction* m_pause;
};

} // namespace shardscope
