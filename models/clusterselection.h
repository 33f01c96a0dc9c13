// SPDX-License-Identifier: MIT
#pragma once

#include "clusteritemref.h"

#include <QObject>

namespace shardscope {

/**
 * The one current selection of the main window (a node, table or colocation group), shared by the cluster
 * tree, the details panel and the pages: whoever selects something sets it, whoever shows it listens.
 */
class ClusterSelection : public QObject
{
    Q_OBJECT

public:
    explicit ClusterSelection(QObject* parent = nullptr);

    ClusterItemRef current() const { return m_current; }
    void setCurrent(const ClusterItemRef& ref);

Q_SIGNALS:
    void currentChanged(const shardscope::ClusterItemRef& ref);

private:
    ClusterItemRef m_current;
};

} // namespace shardscope
