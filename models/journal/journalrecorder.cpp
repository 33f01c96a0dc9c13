// SPDX-License-Identifier: MIT
#include "journalrecorder.h"

#include <QDateTime>
#include <QRegularExpression>

namespace shardscope {

namespace {

// The live source prefixes its statements with a line such as "Running:"; the journal keeps the SQL only.
// A first report that is not SQL ("Rebalance job 7 scheduled") describes the job instead: empty here.
QString statementsOf(const QString& text)
{
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    if (newline > 0 && text.left(newline).trimmed().endsWith(QLatin1Char(':')))
        return text.mid(newline + 1).trimmed();
    static const QRegularExpression sql(QStringLiteral("^\\s*(SELECT|CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|CALL|"
                                                       "SET|RESET|BEGIN|WITH|TRUNCATE|COPY)\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    return sql.match(text).hasMatch() ? text.trimmed() : QString();
}

QString firstLine(const QString& text)
{
    return text.section(QLatin1Char('\n'), 0, 0).trimmed();
}

} // namespace

JournalRecorder::JournalRecorder(const QString& path, QObject* parent)
    : QObject(parent), m_path(path), m_writer(new JournalWriter(path, this))
{
    connect(m_writer, &JournalWriter::entryRecorded, this, &JournalRecorder::entryRecorded);
    connect(m_writer, &JournalWriter::recordFailed, this, &JournalRecorder::recordFailed);
}

JournalRecorder::~JournalRecorder() = default;

void JournalRecorder::attach(ClusterSource* source)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    m_running.clear();
    if (!source)
        return;
    connect(source, &ClusterSource::jobProgressed, this, &JournalRecorder::onProgress);
    connect(source, &ClusterSource::jobFinished, this, &JournalRecorder::onFinished);
}

void JournalRecorder::onProgress(JobId job, const JobProgress& progress)
{
    if (m_running.count(job))
        return;
    Running& running = m_running[job];
    running.startedMs = QDateTime::currentMSecsSinceEpoch();
    running.timer.start();
    running.sql = statementsOf(progress.text);
    if (running.sql.isEmpty())
        running.firstReport = firstLine(progress.text);
}

void JournalRecorder::onFinished(JobId job, const JobResult& result)
{
    snapshot::JournalEntry entry;
    QString firstReport;
    if (const auto it = m_running.find(job); it != m_running.end()) {
        entry.startedMs = it->second.startedMs;
        entry.durationMs = it->second.timer.elapsed();
        entry.sql = it->second.sql.toStdString();
        firstReport = it->second.firstReport;
        m_running.erase(it);
    } else {
        entry.startedMs = QDateTime::currentMSecsSinceEpoch(); // finished without reporting a start
    }
    if (m_source) {
        entry.source = m_source->kind() == SourceKind::Live ? "live" : "embedded";
        entry.cluster = m_source->displayName().toStdString();
    }
    const QString summary = firstLine(result.summary);
    const QString sqlLine = firstLine(QString::fromStdString(entry.sql));
    entry.what = (!summary.isEmpty() ? summary : !sqlLine.isEmpty() ? sqlLine : firstReport).toStdString();
    if (entry.sql.empty() && result.error)
        entry.sql = result.error->statement;
    if (result.canceled) {
        entry.outcome = "canceled";
    } else if (result.error) {
        entry.outcome = "failed";
        entry.error = result.error->message;
        if (!result.error->code.empty())
            entry.error += " [" + result.error->code + "]";
    } else {
        entry.outcome = "ok";
    }
    m_writer->append(entry);
}

} // namespace shardscope
