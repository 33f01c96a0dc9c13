// SPDX-License-Identifier: MIT
#include "pgtestserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <arpa/inet.h>
#include <cstdlib>
#include <memory>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace shardscope::test {

namespace {

QString binDir()
{
    const QString fromEnv = qEnvironmentVariable("SHARDSCOPE_PG_BINDIR");
    return fromEnv.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : fromEnv;
}

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

// Runs a PostgreSQL program, as user postgres when we are root (the server refuses to run as root).
bool runPg(const QString& program, const QStringList& args, QString* error, int timeoutMs = 120000)
{
    QProcess process;
    QString exe = QDir(binDir()).filePath(program);
    QStringList fullArgs = args;
    if (runningAsRoot()) {
        fullArgs.prepend(exe);
        fullArgs.prepend(QStringLiteral("--"));
        fullArgs.prepend(QStringLiteral("postgres"));
        fullArgs.prepend(QStringLiteral("-u"));
        exe = QStringLiteral("runuser");
    }
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(exe, fullArgs);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof(addr);
    int port = -1;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

bool giveToPostgres(const QString& path)
{
    if (!runningAsRoot())
        return true;
    const passwd* pw = ::getpwnam("postgres");
    if (!pw)
        return false;
    return ::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) == 0;
}

QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

bool writeText(const QString& path, const QString& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(text.toUtf8()) >= 0;
}

QString conninfoFor(const QString& stateDir, const QString& database)
{
    const QString port = readText(QDir(stateDir).filePath(QStringLiteral("port")));
    if (port.isEmpty())
        return {};
    return QStringLiteral("host=127.0.0.1 port=%1 user=postgres dbname=%2 connect_timeout=10").arg(port, database);
}

// A server this process started because no shared one was announced; stopped at exit.
struct PrivateServer
{
    QTemporaryDir state{QDir::tempPath() + QStringLiteral("/shardscope-pgstate-XXXXXX")};
    QString error;
    bool started = false;

    PrivateServer()
    {
        if (!state.isValid()) {
            error = QStringLiteral("cannot create a temporary directory");
            return;
        }
        started = PgTestServer::start(state.path(), &error);
    }
    ~PrivateServer()
    {
        if (started)
            PgTestServer::stop(state.path(), nullptr);
    }
};

PrivateServer& privateServer()
{
    static PrivateServer server;
    return server;
}

} // namespace

QString PgTestServer::conninfo(const QString& database)
{
    const QString shared = qEnvironmentVariable("SHARDSCOPE_TEST_PG_DIR");
    if (!shared.isEmpty()) {
        const QString info = conninfoFor(shared, database);
        if (!info.isEmpty())
            return info;
    }
    PrivateServer& server = privateServer();
    return server.started ? conninfoFor(server.state.path(), database) : QString();
}

QString PgTestServer::error()
{
    const QString shared = qEnvironmentVariable("SHARDSCOPE_TEST_PG_DIR");
    if (!shared.isEmpty() && !conninfoFor(shared, QStringLiteral("postgres")).isEmpty())
        return {};
    return privateServer().error;
}

bool PgTestServer::start(const QString& stateDir, QString* error)
{
    QDir().mkpath(stateDir);
    // The data directory lives under /tmp so the postgres user can reach it whatever the checkout's
    // permissions are; stateDir only records where it is.
    QString dataRoot = QDir::tempPath() + QStringLiteral("/shardscope-pg-XXXXXX");
    QByteArray templ = QFile::encodeName(dataRoot);
    if (!::mkdtemp(templ.data())) {
        if (error)
            *error = QStringLiteral("mkdtemp failed");
        return false;
    }
    dataRoot = QFile::decodeName(templ);
    QFile::setPermissions(dataRoot, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                        QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                        QFileDevice::ExeOther);
    if (!giveToPostgres(dataRoot)) {
        if (error)
            *error = QStringLiteral("there is no user postgres to run the server as (install postgresql-15)");
        return false;
    }
    const QString dataDir = dataRoot + QStringLiteral("/data");
    if (!runPg(QStringLiteral("initdb"),
               {QStringLiteral("-D"), dataDir, QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-A"),
                QStringLiteral("trust"), QStringLiteral("--encoding=UTF8"), QStringLiteral("--locale=C.UTF-8"),
                QStringLiteral("--no-sync")},
               error))
        return false;

    const int port = freeLoopbackPort();
    if (port <= 0) {
        if (error)
            *error = QStringLiteral("no free loopback port");
        return false;
    }
    QFile conf(dataDir + QStringLiteral("/postgresql.auto.conf"));
    if (!conf.open(QIODevice::Append)) {
        if (error)
            *error = QStringLiteral("cannot write postgresql.auto.conf");
        return false;
    }
    conf.write(QStringLiteral("listen_addresses = '127.0.0.1'\nport = %1\nunix_socket_directories = '%2'\n"
                              "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = 'all'\n"
                              "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 60\n")
                   .arg(port)
                   .arg(dataRoot)
                   .toUtf8());
    conf.close();

    writeText(QDir(stateDir).filePath(QStringLiteral("datadir")), dataDir);
    if (!runPg(QStringLiteral("pg_ctl"),
               {QStringLiteral("-D"), dataDir, QStringLiteral("-l"), dataRoot + QStringLiteral("/server.log"),
                QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")},
               error)) {
        if (error)
            *error += QStringLiteral("\n") + readText(dataRoot + QStringLiteral("/server.log"));
        return false;
    }
    writeText(QDir(stateDir).filePath(QStringLiteral("port")), QString::number(port));
    return true;
}

bool PgTestServer::stop(const QString& stateDir, QString* error)
{
    const QString dataDir = readText(QDir(stateDir).filePath(QStringLiteral("datadir")));
    QFile::remove(QDir(stateDir).filePath(QStringLiteral("port")));
    if (dataDir.isEmpty())
        return true; // nothing was started
    const bool stopped = runPg(QStringLiteral("pg_ctl"),
                               {QStringLiteral("-D"), dataDir, QStringLiteral("-m"), QStringLiteral("immediate"),
                                QStringLiteral("-w"), QStringLiteral("stop")},
                               error);
    QDir(QFileInfo(dataDir).path()).removeRecursively();
    QFile::remove(QDir(stateDir).filePath(QStringLiteral("datadir")));
    return stopped;
}

} // namespace shardscope::test
