// SPDX-License-Identifier: MIT
#include "connectionbanner.h"

#include "api/clustersource.h"
#include "live/liveclustersource.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStringList>

namespace shardscope {

namespace {
QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

// libpq's messages break lines (and indent with tabs) where psql would: keep the breaks in the rich text.
QString linesAsHtml(const std::string& text)
{
    QStringList lines;
    for (const QString& line : qs(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (const QString trimmed = line.trimmed(); !trimmed.isEmpty())
            lines << trimmed.toHtmlEscaped();
    }
    return lines.join(QStringLiteral("<br>"));
}
} // namespace

ConnectionBanner::ConnectionBanner(ClusterSource* source, QWidget* parent)
    : QFrame(parent), m_source(source), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionBanner"));
    setFrameShape(QFrame::StyledPanel);
    m_label->setObjectName(QStringLiteral("connectionBannerText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_label);

    auto* live = qobject_cast<live::LiveClusterSource*>(source);
    if (!live) {
        return; // the demo cluster has nothing to report here
    }
    connect(live, &live::LiveClusterSource::serverInfoChanged, this, &ConnectionBanner::showServerInfo);
    connect(live, &ClusterSource::refreshFailed, this, &ConnectionBanner::showFailure);
    connect(live, &ClusterSource::connectionStateChanged, this, [this](ClusterSource::ConnectionState state) {
        if (state == ClusterSource::ConnectionState::Connecting && !m_active) {
            showText(tr("Connecting to %1…").arg(m_source->displayName().toHtmlEscaped()), false);
        }
    });
}

QString ConnectionBanner::text() const
{
    return m_active ? m_label->text() : QString();
}

void ConnectionBanner::showServerInfo()
{
    const auto* live = qobject_cast<live::LiveClusterSource*>(m_source);
    const std::string& limitation = live->serverInfo().limitation;
    if (limitation.empty()) {
        setActive(false);
        return;
    }
    showText(tr("<b>Limited mode:</b> %1").arg(qs(limitation).toHtmlEscaped()), false);
}

void ConnectionBanner::showFailure(const Error& error)
{
    QString html = tr("<b>Cannot read the cluster %1:</b> %2")
                       .arg(m_source->displayName().toHtmlEscaped(), linesAsHtml(error.message));
    if (!error.detail.empty()) {
        html += QStringLiteral("<br>") + linesAsHtml(error.detail);
    }
    if (!error.hint.empty()) {
        html += QStringLiteral("<br>") + tr("<b>Fix:</b> %1").arg(linesAsHtml(error.hint));
    }
    html += QStringLiteral("<br>") + tr("Use File › Connect… to change the connection, or Refresh to try again.");
    showText(html, true);
}

void ConnectionBanner::showText(const QString& html, bool error)
{
    // Fixed colours that read on both palettes: a warning or an error strip.
    setStyleSheet(error ? QStringLiteral("#connectionBanner { background: #f8d7da; } QLabel { color: #58151c; }")
                        : QStringLiteral("#connectionBanner { background: #fff3cd; } QLabel { color: #664d03; }"));
    m_label->setText(html);
    setActive(true);
}

void ConnectionBanner::setActive(bool active)
{
    if (active != m_active) {
        m_active = active;
        Q_EMIT activeChanged(active);
    }
}

} // namespace shardscope
