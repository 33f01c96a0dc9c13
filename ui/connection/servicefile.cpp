// SPDX-License-Identifier: MIT
#include "servicefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace shardscope {

QString serviceFilePath()
{
    const QString explicitFile = qEnvironmentVariable("PGSERVICEFILE");
    if (!explicitFile.isEmpty())
        return explicitFile;
    const QString home = QDir::home().filePath(QStringLiteral(".pg_service.conf"));
    if (QFileInfo::exists(home))
        return home;
    const QString sysconf = qEnvironmentVariable("PGSYSCONFDIR", QStringLiteral("/etc/postgresql-common"));
    return QDir(sysconf).filePath(QStringLiteral("pg_service.conf"));
}

QList<ServiceEntry> readServiceFile(const QString& path)
{
    QList<ServiceEntry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return entries;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            entries.append(ServiceEntry{line.mid(1, line.size() - 2).trimmed(), {}});
            continue;
        }
        if (!entries.isEmpty() && line.contains(QLatin1Char('=')) &&
            !line.startsWith(QLatin1String("password"), Qt::CaseInsensitive))
            entries.last().settings << line;
    }
    return entries;
}

} // namespace shardscope
