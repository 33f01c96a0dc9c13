// SPDX-License-Identifier: MIT
#pragma once

#include "engine/operationrequest.h"
#include "testdata.h"

#include <QList>
#include <QMetaType>
#include <QStringList>
#include <QtGlobal>
#include <initializer_list>

Q_DECLARE_METATYPE(shardscope::engine::OperationRequest)

namespace shardscope::test {

/** Applies requests in order; a failing step aborts the test run with its message (setup must not fail). */
inline engine::ClusterState applyAll(engine::ClusterState state,
                                     std::initializer_list<engine::OperationRequest> requests)
{
    for (const auto& request : requests) {
        auto next = engine::applyOperation(state, request);
        if (!next)
            qFatal("setup step failed: %s", next.error().message.c_str());
        state = std::move(*next);
    }
    return state;
}

/** Coordinator 127.0.0.1:9700 and workers 9701, 9702: the nodes of the fixture cluster (01_pg_dist_node). */
inline engine::ClusterState fixtureNodes()
{
    using namespace engine;
    return applyAll({},
                    {SetCoordinatorHost{"127.0.0.1", 9700}, AddNode{"127.0.0.1", 9701}, AddNode{"127.0.0.1", 9702}});
}

/** The fixture cluster of 01_schema_load.sql: users, events colocated with users, countries. */
inline engine::ClusterState fixtureCluster()
{
    using namespace engine;
    return applyAll(fixtureNodes(),
                    {CreateDistributedTable{"public", "users", "user_id", ColumnType::Int8, "default", {}, 1},
                     CreateDistributedTable{"public", "events", "user_id", ColumnType::Int8, "users", {}, 1},
                     CreateReferenceTable{"public", "countries"}});
}

/** Rows of a fixture CSV (header dropped); the files used here have no quoted fields. */
inline QList<QStringList> csvRows(const QString& file)
{
    QList<QStringList> rows;
    const QStringList lines =
        QString::fromUtf8(readData(QStringLiteral("operations/") + file)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i)
        rows.append(lines[i].split(QLatin1Char(',')));
    return rows;
}

inline QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace shardscope::test
