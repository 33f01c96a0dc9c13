// SPDX-License-Identifier: MIT
#include "jobprogresspanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace shardscope {

JobProgressPanel::JobProgressPanel(ClusterSource* source, QWidget* parent) : QWidget(parent), m_source(source)
{
    setObjectName(QStringLiteral("jobProgressPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QHBoxLayout;
    outer->addLayout(layout);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("jobProgressBar"));
    m_bar->setFixedWidth(220);
    m_bar->setTextVisible(true);
    m_phase = new QLabel(this);
    m_phase->setObjectName(QStringLiteral("jobPhaseLabel"));
    m_phase->setWordWrap(true);
    m_phase->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stop = new QPushButton(tr("&Stop"), this);
    m_stop->setObjectName(QStringLiteral("jobStopButton"));
    m_stop->setToolTip(tr("Cancel the running operation and those not started yet"));
    layout->addWidget(m_bar);
    layout->addWidget(m_phase, 1);
    layout->addWidget(m_stop);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("jobDetailsLabel"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setVisible(false);
    outer->addWidget(m_details);
    connect(m_stop, &QPushButton::clicked, this, &JobProgressPanel::stop);
    if (m_source) {
        connect(m_source, &ClusterSource::jobProgressed, this, &JobProgressPanel::onProgress);
        connect(m_source, &ClusterSource::jobFinished, this, &JobProgressPanel::onFinished);
    }
    setVisible(false);
}

void JobProgressPanel::track(const QString& title, const std::vector<JobId>& jobs)
{
    if (jobs.empty())
        return;
    m_title = title;
    if (m_pending.empty()) {
        m_total = 0;
        m_succeeded = m_failed = m_canceled = 0;
        m_lastMessage.clear();
    }
    m_pending.insert(jobs.begin(), jobs.end());
    m_total += int(jobs.size());
    if (m_total > 1) {
        m_bar->setRange(0, m_total);
        m_bar->setValue(m_total - int(m_pending.size()));
        m_bar->setFormat(tr("%v of %m"));
    } else {
        m_bar->setRange(0, 0); // busy until the source reports steps
        m_bar->setFormat(QStringLiteral("%p%"));
    }
    m_stop->setEnabled(true);
    m_stop->setText(tr("&Stop"));
    setDetails({});
    showPhase(tr("Starting…"));
    setVisible(true);
}

void JobProgressPanel::stop()
{
    if (!m_source || m_pending.empty())
        return;
    m_stop->setEnabled(false);
    m_stop->setText(tr("Stopping…"));
    // Cancel the latest first, so a queue of moves does not start the next one while the earlier stop lands.
    for (auto it = m_pending.rbegin(); it != m_pending.rend(); ++it)
        m_source->cancel(*it);
}

void JobProgressPanel::onProgress(JobId job, const JobProgress& progress)
{
    if (!m_pending.count(job))
        return;
    if (m_total == 1 && progress.total > 0) {
        m_bar->setRange(0, progress.total);
        m_bar->setValue(progress.step);
        m_bar->setFormat(tr("%v of %m"));
    }
    showPhase(progress.text);
}

void JobProgressPanel::onFinished(JobId job, const JobResult& result)
{
    if (m_pending.erase(job) == 0)
        return;
    if (result.ok())
        ++m_succeeded;
    else if (result.canceled)
        ++m_canceled;
    else
        ++m_failed;
    if (result.error)
        m_lastMessage = QString::fromStdString(result.error->message);
    else if (!result.summary.isEmpty())
        m_lastMessage = result.summary.section(QLatin1Char('\n'), 0, 0);
    if (m_total > 1)
        m_bar->setValue(m_total - int(m_pending.size()));
    if (!m_pending.empty())
        return;
    setVisible(false);
    Q_EMIT taskFinished(m_succeeded, m_failed, m_canceled, m_lastMessage);
}

void JobProgressPanel::setDetails(const QStringList& lines)
{
    m_details->setText(lines.join(QLatin1Char('\n')));
    m_details->setVisible(!lines.isEmpty());
}

void JobProgressPanel::showPhase(const QString& text)
{
    // The source's text can hold the statements on further lines; the panel shows what is happening now.
    QString line = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (line.endsWith(QLatin1Char(':')))
        line += QLatin1Char(' ') + text.section(QLatin1Char('\n'), 1, 1).trimmed();
    m_phase->setText(QStringLiteral("<b>%1</b> — %2").arg(m_title.toHtmlEscaped(), line.toHtmlEscaped()));
    m_phase->setToolTip(text);
}

} // namespace shardscope
