// SPDX-License-Identifier: MIT
#include "sqlitefile.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStandardPaths>
#include <atomic>

namespace shardscope::snapshot {

Result<QString> openSqliteFile(const std::string& path, const std::string& noun, const QString& connectionPrefix,
                               const std::string& errorCode, const std::function<Status(QSqlDatabase&)>& prepare)
{
    const QString file = QString::fromStdString(path);
    const QFileInfo info(file);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::make("cannot create the folder of " + noun + " " + path, "shardscope.io_error");
    if (info.exists() && !info.isFile())
        return Error::make("cannot open " + noun + " " + path + ": it is not a file", "shardscope.io_error");

    static std::atomic<quint64> counter{0};
    const QString connection = QStringLiteral("%1-%2").arg(connectionPrefix).arg(++counter);
    Status status = Done{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(file);
        if (!db.open()) {
            status =
                Error::make("cannot open " + noun + " " + path + ": " + db.lastError().text().toStdString(), errorCode);
        } else if (Status prepared = prepare(db); !prepared) {
            status = Error::make("cannot open " + noun + " " + path + ": " + prepared.error().message,
                                 prepared.error().code, prepared.error().hint);
            db.close();
        }
    }
    if (!status) {
        QSqlDatabase::removeDatabase(connection);
        return status.error();
    }
    return connection;
}

std::string defaultSqlitePath(const QString& folder, const std::string& name)
{
    QString file = QString::fromStdString(name);
    for (QChar& c : file) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    }
    if (file.isEmpty())
        file = QStringLiteral("cluster");
    const QString root = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(root).filePath(QStringLiteral("%1/%2.sqlite").arg(folder, file)).toStdString();
}

void closeSqliteFile(QString& connection)
{
    if (connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    connection.clear();
}

} // namespace shardscope::snapshot
