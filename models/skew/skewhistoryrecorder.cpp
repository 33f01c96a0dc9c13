// SPDX-License-Identifier: MIT
#include "skewhistoryrecorder.h"

#include "api/async.h"
#include "operationmarkers.h"
#include "snapshot/operationjournal.h"

#include <QFileInfo>
#include <QSemaphore>

namespace shardscope {

SkewHistoryRecorder::SkewHistoryRecorder(QObject* parent)
    : QObject(parent), m_history(std::make_shared<snapshot::MetricHistory>())
{
    // One thread that never expires: the SQLite connection lives on it.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
}

SkewHistoryRecorder::~SkewHistoryRecorder()
{
    // The connection is closed on the thread that opened it.
    auto history = m_history;
    QThreadPool* pool = &m_pool;
    pool->start([history] { history->close(); });
    m_pool.waitForDone();
}

template <class Work>
void SkewHistoryRecorder::enqueue(Work work)
{
    // work returns an error message, empty on success.
    runAsync(&m_pool, this, std::move(work), [this](const QString& error) {
        if (!error.isEmpty())
            Q_EMIT failed(error);
    });
}

void SkewHistoryRecorder::open(const QString& path)
{
    enqueue([history = m_history, path = path.toStdString()] {
        Status status = history->open(path);
        return status ? QString() : QString::fromStdString(status.error().message);
    });
}

void SkewHistoryRecorder::record(const snapshot::MetricSample& sample)
{
    enqueue([history = m_history, sample, days = m_retentionDays] {
        if (!history->isOpen())
            return QString();
        if (Status status = history->record(sample); !status)
            return QString::fromStdString(status.error().message);
        if (days > 0) {
            const qint64 cutoff = sample.atMs - qint64(days) * 24 * 3600 * 1000;
            if (Result<std::int64_t> deleted = history->deleteOlderThan(cutoff); !deleted)
                return QString::fromStdString(deleted.error().message);
        }
        return QString();
    });
}

void SkewHistoryRecorder::addMarker(const snapshot::OperationMarker& marker)
{
    enqueue([history = m_history, marker] {
        if (!history->isOpen())
            return QString();
        Status status = history->addMarker(marker);
        return status ? QString() : QString::fromStdString(status.error().message);
    });
}

void SkewHistoryRecorder::setRetentionDays(int days)
{
    m_retentionDays = std::max(0, days);
}

void SkewHistoryRecorder::load(qint64 fromMs, qint64 toMs)
{
    struct Answer
    {
        SkewHistory history;
        QString error;
    };
    runAsync(
        &m_pool, this,
        [history = m_history, fromMs, toMs] {
            Answer answer;
            if (!history->isOpen())
                return answer;
            auto samples = history->samples(fromMs, toMs);
            auto markers = history->markers(fromMs, toMs);
            if (!samples)
                answer.error = QString::fromStdString(samples.error().message);
            else if (!markers)
                answer.error = QString::fromStdString(markers.error().message);
            else
                answer.history = {std::move(*samples), std::move(*markers)};
            return answer;
        },
        [this](const Answer& answer) {
            if (!answer.error.isEmpty())
                Q_EMIT failed(answer.error);
            else
                Q_EMIT historyLoaded(answer.history);
        });
}

void SkewHistoryRecorder::loadJournalMarkers(const QString& journalPath, const QString& source, const QString& cluster,
                                             qint64 fromMs)
{
    struct Answer
    {
        SkewHistory markers;
        QString error;
    };
    runAsync(
        &m_pool, this,
        [path = journalPath, source = source.toStdString(), cluster = cluster.toStdString(), fromMs] {
            Answer answer;
            if (!QFileInfo::exists(path))
                return answer; // opening would create it: the journal is only read here
            snapshot::OperationJournal journal;
            if (Status status = journal.open(path.toStdString()); !status) {
                answer.error = QString::fromStdString(status.error().message);
                return answer;
            }
            snapshot::JournalFilter filter;
            filter.outcome = "ok";
            filter.fromMs = fromMs;
            auto entries = journal.entries(filter);
            if (!entries)
                answer.error = QString::fromStdString(entries.error().message);
            else
                answer.markers.markers = OperationMarkers::fromJournal(*entries, source, cluster);
            journal.close();
            return answer;
        },
        [this](const Answer& answer) {
            if (!answer.error.isEmpty())
                Q_EMIT failed(answer.error);
            else
                Q_EMIT journalMarkersLoaded(answer.markers);
        });
}

void SkewHistoryRecorder::waitForIdle()
{
    // Not QThreadPool::waitForDone(): that ends the pool's thread, and the connection belongs to it.
    QSemaphore done;
    m_pool.start([&done] { done.release(); });
    done.acquire();
}

} // namespace shardscope
