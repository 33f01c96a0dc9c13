// SPDX-License-Identifier: MIT
#include "connectionstatuslabel.h"

#include "live/liveclustersource.h"

namespace shardscope {

ConnectionStatusLabel::ConnectionStatusLabel(ClusterSource* source, QWidget* parent) : QLabel(parent), m_source(source)
{
    setObjectName(QStringLiteral("serverStatus"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* live = qobject_cast<live::LiveClusterSource*>(source);
    if (!live) {
        hide();
        return;
    }
    connect(live, &live::LiveClusterSource::serverInfoChanged, this, [this] { showFacts({}); });
    connect(live, &live::LiveClusterSource::connectionMessageChanged, this, &ConnectionStatusLabel::showFacts);
    showFacts(live->connectionMessage());
}

void ConnectionStatusLabel::showFacts(const QString& message)
{
    const auto* live = qobject_cast<live::LiveClusterSource*>(m_source);
    if (!message.isEmpty()) {
        setToolTip(message);
    }
    // Before the first snapshot there are no facts yet; the state label says what is going on.
    if (!live->serverInfo().connection.serverVersion.empty()) {
        setText(QString::fromStdString(live::statusSummary(live->serverInfo())));
    }
}

} // namespace shardscope
