// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace shardscope {

/** One [name] section of a pg_service.conf file. */
struct ServiceEntry
{
    QString name;
    QStringList settings; ///< "host=db1", "port=5432", ... as written (for display only)
};

/**
 * The connection service file libpq would use: PGSERVICEFILE, else ~/.pg_service.conf, else
 * PGSYSCONFDIR/pg_service.conf. Only section names and lines are listed; profiles made from them say
 * "service=name" and libpq itself resolves the entry when connecting.
 */
QString serviceFilePath();
QList<ServiceEntry> readServiceFile(const QString& path);

} // namespace shardscope
