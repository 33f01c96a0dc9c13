// SPDX-License-Identifier: MIT
#pragma once

#include <QStatusBar>

class QLabel;

namespace shardscope {

class ClusterSource;
struct ClusterSnapshot;
struct Error;

/** Source, connection state, last refresh and a one-line summary of the cluster; job messages. */
class ClusterStatusBar : public QStatusBar
{
    Q_OBJECT

public:
    explicit ClusterStatusBar(ClusterSource* source, QWidget* parent = nullptr);

    QString sourceText() const;
    QString stateText() const;
    QString refreshText() const;

private:
    void showSnapshot(const ClusterSnapshot& snapshot);
    void showFailure(const Error& error);
    void updateState();

    ClusterSource* m_source;
    QLabel* m_sourceLabel;
    QLabel* m_stateLabel;
    QLabel* m_refreshLabel;
    QLabel* m_summaryLabel;
    bool m_failed = false;
};

} // namespace shardscope
