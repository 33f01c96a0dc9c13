// SPDX-License-Identifier: MIT
#include "api/clustersource.h"

namespace shardscope {

ClusterSource::ClusterSource(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<ClusterSnapshot>();
    qRegisterMetaType<JobProgress>();
    qRegisterMetaType<JobResult>();
    qRegisterMetaType<Error>();
}

ClusterSource::~ClusterSource() = default;

bool ClusterSource::publishSnapshot(const ClusterSnapshot& snapshot)
{
    if (snapshot.isNull() || (!m_current.isNull() && snapshot.generation <= m_current.generation)) {
        return false;
    }
    m_current = snapshot;
    Q_EMIT snapshotReady(m_current);
    return true;
}

void ClusterSource::setConnectionState(ConnectionState state)
{
    if (state == m_connectionState) {
        return;
    }
    m_connectionState = state;
    Q_EMIT connectionStateChanged(state);
}

void ClusterSource::setRefreshing(bool refreshing)
{
    if (refreshing == m_refreshing) {
        return;
    }
    m_refreshing = refreshing;
    Q_EMIT refreshingChanged(refreshing);
}

} // namespace shardscope
