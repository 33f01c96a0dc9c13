// SPDX-License-Identifier: MIT
#pragma once

#include "api/clustersnapshot.h"
#include "live/connectionoptions.h"
#include "stats/statementreport.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

namespace shardscope {

namespace live {
class ConnectionWorker;
}

/**
 * Reads citus_stat_statements and pg_stat_statements of a live coordinator on a connection of its own (so a
 * slow read never queues behind a catalog refresh) and classifies them against a snapshot's cluster, all on
 * the connection's thread. One read at a time: a request while one runs is kept (the newest wins) and
 * started when it ends.
 */
class LiveStatementReader : public QObject
{
    Q_OBJECT

public:
    explicit LiveStatementReader(const live::ConnectionOptions& options, QObject* parent = nullptr);
    ~LiveStatementReader() override;

    void request(const ClusterSnapshot& snapshot);
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void reportReady(const shardscope::stats::StatementReport& report);
    /** The statistics could not be read: what happened and what to do, in one or two sentences. */
    void readFailed(const QString& message);

private:
    void start();

    std::optional<ClusterSnapshot> m_pending;
    bool m_busy = false;
    std::unique_ptr<live::ConnectionWorker> m_worker; // last: destroyed (and joined) first
};

} // namespace shardscope
