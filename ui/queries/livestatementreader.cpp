// SPDX-License-Identifier: MIT
#include "livestatementreader.h"

#include "live/connectionworker.h"
#include "live/statementstatsreader.h"

namespace shardscope {

namespace {

QString describe(const Error& error)
{
    QString text = QString::fromStdString(error.message);
    if (!error.hint.empty())
        text += QStringLiteral(" (%1)").arg(QString::fromStdString(error.hint));
    return text;
}

} // namespace

LiveStatementReader::LiveStatementReader(const live::ConnectionOptions& options, QObject* parent)
    : QObject(parent), m_worker(std::make_unique<live::ConnectionWorker>(options))
{
}

LiveStatementReader::~LiveStatementReader()
{
    // The worker's destructor cancels a running read and joins its thread; queued results are dropped with it.
    m_worker.reset();
}

void LiveStatementReader::request(const ClusterSnapshot& snapshot)
{
    if (snapshot.isNull())
        return;
    m_pending = snapshot;
    if (!m_busy)
        start();
}

void LiveStatementReader::start()
{
    if (!m_pending)
        return;
    const std::shared_ptr<const engine::ClusterState> state = m_pending->state;
    m_pending.reset();
    m_busy = true;
    m_worker->request<stats::StatementReport>(
        this,
        [state](live::PgSession& session) -> Result<stats::StatementReport> {
            if (!session.isConnected())
                return session.lastError();
            auto input = live::readStatementStats(session);
            if (!input)
                return input.error();
            return stats::buildStatementReport(*input, stats::TableCatalog::fromClusterState(*state));
        },
        [this](Result<stats::StatementReport> result) {
            m_busy = false;
            if (result)
                Q_EMIT reportReady(*result);
            else
                Q_EMIT readFailed(describe(result.error()));
            start(); // a newer snapshot or a timer tick arrived meanwhile
        });
}

} // namespace shardscope
