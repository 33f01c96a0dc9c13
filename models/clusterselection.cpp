// SPDX-License-Identifier: MIT
#include "clusterselection.h"

namespace shardscope {

ClusterSelection::ClusterSelection(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<ClusterItemRef>();
}

void ClusterSelection::setCurrent(const ClusterItemRef& ref)
{
    if (ref == m_current) {
        return;
    }
    m_current = ref;
    Q_EMIT currentChanged(ref);
}

} // namespace shardscope
