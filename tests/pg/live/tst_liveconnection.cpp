// SPDX-License-Identifier: MIT
// Connecting the PostgreSQL way, against the throw-away server: application_name, service files, ~/.pgpass,
// authentication failures (a role under scram-sha-256 in pg_hba.conf), unreachable and silent servers, and
// the detection of plain PostgreSQL (limited mode).
#include "live/loadclusterstate.h"
#include "live/pgerrors.h"
#include "pgtestserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace shardscope;
using namespace shardscope::live;

namespace {

const char* const kRole = "shardscope_pw_user";
const char* const kPassword = "right horse; battery 'staple'";

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

std::string serverConninfo()
{
    return test::PgTestServer::conninfo().toStdString();
}

QString valueOf(const std::string& conninfo, const char* keyword)
{
    auto options = ConnectionOptions::parse(conninfo);
    return options ? QString::fromStdString(options->value(keyword).value_or("")) : QString();
}

// A listening socket that never answers: the TCP handshake completes, the PostgreSQL one never does.
struct SilentServer
{
    int fd = -1;
    int port = 0;
    SilentServer()
    {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 && ::listen(fd, 4) == 0 &&
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
            port = ntohs(addr.sin_port);
    }
    ~SilentServer() { ::close(fd); }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;
};

int closedPort()
{
    SilentServer server; // bound, then closed: nothing listens there afterwards
    return server.port;
}

} // namespace

class TestLiveConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgSession> m_admin;
    QTemporaryDir m_dir;

    Result<QueryResult> admin(const std::string& sql) { return m_admin->exec(sql); }

    static std::string roleConninfo(const std::string& password = {})
    {
        auto options = ConnectionOptions::parse(serverConninfo());
        auto with = options->with("user", kRole).with("connect_timeout", "5");
        if (!password.empty())
            with = with.with("password", password);
        return with.toConninfo();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (serverConninfo().empty())
            QFAIL(qPrintable(test::PgTestServer::error()));
        auto options = ConnectionOptions::parse(serverConninfo());
        QVERIFY(options.ok());
        m_admin = std::make_unique<PgSession>(*options);
        Status connected = m_admin->connect();
        QVERIFY2(connected.ok(), connected.ok() ? "" : connected.error().message.c_str());

        // A role that must authenticate with scram-sha-256: the first matching pg_hba.conf line wins, so a
        // line for this role alone, put first, leaves every other test's trust login alone.
        QVERIFY(admin(std::string("DROP ROLE IF EXISTS ") + kRole).ok());
        QVERIFY(admin("SELECT set_config('password_encryption', 'scram-sha-256', false)").ok());
        auto created =
            admin(std::string("CREATE ROLE ") + kRole + " LOGIN PASSWORD " + *m_admin->quoteLiteral(kPassword));
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        auto hba = admin("SHOW hba_file");
        QVERIFY(hba.ok());
        QFile file(QString::fromStdString(hba->text(0, 0)));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        file.close();
        const QByteArray line = QByteArray("host all ") + kRole + " 127.0.0.1/32 scram-sha-256\n";
        if (!contents.startsWith(line)) {
            QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "cannot write pg_hba.conf");
            file.write(line + contents);
            file.close();
        }
        QVERIFY(admin("SELECT pg_reload_conf()").ok());
        // The reload is asynchronous: wait until a login without password is refused.
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            auto attempt = ConnectionOptions::parse(roleConninfo());
            PgSession session(*attempt);
            if (!session.connect().ok())
                break;
            QVERIFY2(timer.elapsed() < 10000, "pg_hba.conf reload did not take effect");
            QTest::qWait(100);
        }
    }

    void applicationName()
    {
        auto options = ConnectionOptions::parse(serverConninfo());
        PgSession session(*options);
        QVERIFY(session.connect().ok());
        auto name = session.exec("SELECT current_setting('application_name')");
        QVERIFY(name.ok());
        QCOMPARE(name->text(0, 0), std::string("ShardScope"));
        QCOMPARE(QString::fromStdString(session.facts().port), valueOf(serverConninfo(), "port"));
        QVERIFY(session.facts().serverVersionNumber >= 150000);
        QVERIFY(!session.facts().encrypted);
    }

    void serviceFile()
    {
        const QString path = m_dir.filePath(s("pg_service.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(s("[shardscope_test]\nhost=127.0.0.1\nport=%1\nuser=postgres\ndbname=postgres\n")
                       .arg(valueOf(serverConninfo(), "port"))
                       .toUtf8());
        file.close();
        qputenv("PGSERVICEFILE", QFile::encodeName(path));
        auto options = ConnectionOptions::parse("service=shardscope_test connect_timeout=5");
        QVERIFY(options.ok());
        PgSession session(*options);
        Status connected = session.connect();
        qunsetenv("PGSERVICEFILE");
        QVERIFY2(connected.ok(), connected.ok() ? "" : connected.error().message.c_str());
        QCOMPARE(QString::fromStdString(session.facts().port), valueOf(serverConninfo(), "port"));
    }

    void passwordAuthentication_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("pgpassPassword");
        QTest::addColumn<QString>("code");
        QTest::newRow("right password") << s(kPassword) << QString() << QString();
        QTest::newRow("wrong password") << s("wrong") << QString() << s(codes::kAuthFailed);
        QTest::newRow("no password") << QString() << QString() << s(codes::kAuthFailed);
        QTest::newRow("from pgpass") << QString() << s(kPassword) << QString();
        QTest::newRow("wrong in pgpass") << QString() << s("nope") << s(codes::kAuthFailed);
    }
    void passwordAuthentication()
    {
        QFETCH(QString, password);
        QFETCH(QString, pgpassPassword);
        QFETCH(QString, code);
        const QString pgpass = m_dir.filePath(s("pgpass"));
        QFile::remove(pgpass);
        if (!pgpassPassword.isEmpty()) {
            QFile file(pgpass);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QString escaped = pgpassPassword;
            escaped.replace(QLatin1Char('\\'), s("\\\\")).replace(QLatin1Char(':'), s("\\:"));
            file.write(s("127.0.0.1:%1:*:%2:%3\n").arg(valueOf(serverConninfo(), "port"), s(kRole), escaped).toUtf8());
            file.close();
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        qputenv("PGPASSFILE", QFile::encodeName(pgpass));
        auto options = ConnectionOptions::parse(roleConninfo(password.toStdString()));
        QVERIFY(options.ok());
        PgSession session(*options);
        Status connected = session.connect();
        qunsetenv("PGPASSFILE");
        if (code.isEmpty()) {
            QVERIFY2(connected.ok(), connected.ok() ? "" : connected.error().detail.c_str());
            QCOMPARE(session.facts().user, std::string(kRole));
            return;
        }
        QVERIFY(!connected.ok());
        QCOMPARE(QString::fromStdString(connected.error().code), code);
        QVERIFY(QString::fromStdString(connected.error().message).startsWith(s("Authentication failed")));
        QVERIFY(QString::fromStdString(connected.error().hint).contains(s("pgpass")));
        if (!password.isEmpty())
            QVERIFY(!QString::fromStdString(connected.error().message + connected.error().detail).contains(password));
    }

    void unknownRole()
    {
        auto options = ConnectionOptions::parse(serverConninfo());
        PgSession session(options->with("user", "nobody_of_that_name"));
        Status connected = session.connect();
        QVERIFY(!connected.ok());
        QCOMPARE(QString::fromStdString(connected.error().code), s(codes::kAuthSpec));
    }

    void unreachable()
    {
        const int port = closedPort();
        auto options = ConnectionOptions::parse("host=127.0.0.1 port=" + std::to_string(port) + " connect_timeout=5");
        PgSession session(*options);
        Status connected = session.connect();
        QVERIFY(!connected.ok());
        QCOMPARE(QString::fromStdString(connected.error().code), s(codes::kUnreachable));
        QVERIFY(QString::fromStdString(connected.error().message).contains(s("cannot be reached")));
        QVERIFY(QString::fromStdString(connected.error().hint).contains(s("listen_addresses")));
    }

    void silentServerTimesOut()
    {
        SilentServer silent;
        QVERIFY(silent.port > 0);
        auto options =
            ConnectionOptions::parse("host=127.0.0.1 port=" + std::to_string(silent.port) + " connect_timeout=2");
        PgSession session(*options);
        QElapsedTimer timer;
        timer.start();
        Status connected = session.connect();
        QVERIFY(!connected.ok());
        QCOMPARE(QString::fromStdString(connected.error().code), s(codes::kTimeout));
        // Our own timer, not libpq's (ignored in non-blocking connects): about 2 s, not forever.
        QVERIFY(timer.elapsed() >= 1900);
        QVERIFY(timer.elapsed() < 8000);
    }

    void abortConnect()
    {
        SilentServer silent;
        auto options =
            ConnectionOptions::parse("host=127.0.0.1 port=" + std::to_string(silent.port) + " connect_timeout=30");
        PgSession session(*options);
        std::atomic<bool> abort{true};
        Status connected = session.connect(&abort);
        QVERIFY(!connected.ok());
        QCOMPARE(QString::fromStdString(connected.error().code), s(codes::kCancelled));
    }

    void plainPostgresIsLimitedMode()
    {
        QVERIFY(admin("DROP TABLE IF EXISTS public.\"plain \"\"table\"\" é\"").ok());
        QVERIFY(admin("CREATE TABLE public.\"plain \"\"table\"\" é\" AS SELECT g AS id FROM generate_series(1, 1000) g")
                    .ok());
        QVERIFY(admin("ANALYZE public.\"plain \"\"table\"\" é\"").ok());
        auto snapshot = loadLiveSnapshot(serverConninfo());
        QVERIFY2(snapshot.ok(), snapshot.ok() ? "" : snapshot.error().message.c_str());
        QCOMPARE(snapshot->server.kind, ServerKind::PlainPostgres);
        QVERIFY(QString::fromStdString(snapshot->server.limitation).contains(s("CREATE EXTENSION citus")));
        QVERIFY(snapshot->server.citusVersion.empty());
        QVERIFY(snapshot->state.nodes.empty());
        const auto& tables = snapshot->state.tables;
        const auto it = std::find_if(tables.begin(), tables.end(),
                                     [](const engine::Table& t) { return t.name == "plain \"table\" é"; });
        QVERIFY(it != tables.end());
        QCOMPARE(it->kind, engine::TableKind::Plain);
        QCOMPARE(it->schema, std::string("public"));
        QCOMPARE(it->plainRows, 1000);
        QVERIFY(it->plainBytes >= 8192);
        auto state = loadClusterState(serverConninfo());
        QVERIFY(state.ok());
        QCOMPARE(state->tables.size(), tables.size());
        QVERIFY(admin("DROP TABLE public.\"plain \"\"table\"\" é\"").ok());
    }

    void loadClusterStateErrors()
    {
        auto bad = loadClusterState("host='unterminated");
        QVERIFY(!bad.ok());
        QCOMPARE(QString::fromStdString(bad.error().code), s("shardscope.invalid_conninfo"));
        auto refused = loadClusterState("host=127.0.0.1 port=" + std::to_string(closedPort()));
        QVERIFY(!refused.ok());
        QCOMPARE(QString::fromStdString(refused.error().code), s(codes::kUnreachable));
    }
};

QTEST_GUILESS_MAIN(TestLiveConnection)
#include "tst_liveconnection.moc"
