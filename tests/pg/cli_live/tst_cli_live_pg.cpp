// SPDX-License-Identifier: MIT
// shardscope-cli snapshot/plan/simulate/move/rebalance with --dsn against a real PostgreSQL server without Citus:
// every subcommand says it is not a Citus coordinator and how to fix it; unreachable servers, authentication
// failures and usage errors give their exit codes and clear messages.
#include "live/connectionoptions.h"
#include "live/pgsession.h"
#include "pgtestserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::live;

namespace {

const char* const kRole = "shardscope_cli_auth";
const char* const kPassword = "correct cli password";

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

QString conninfo()
{
    return test::PgTestServer::conninfo();
}

/** conninfo() with keyword=value replaced or added. */
QString with(const char* keyword, const QString& value)
{
    auto options = ConnectionOptions::parse(conninfo().toStdString());
    return QString::fromStdString(options->with(keyword, value.toStdString()).toConninfo());
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"PGPASSWORD", "PGSERVICE", "PGUSER", "PGDATABASE"})
        env.remove(s(name));
    process.setProcessEnvironment(env);
    process.start(s(SHARDSCOPE_CLI_PATH), args);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        run.err = s("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCliLivePg : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        if (conninfo().isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
        QVERIFY(QFile::exists(s(SHARDSCOPE_CLI_PATH)));
        auto options = ConnectionOptions::parse(conninfo().toStdString());
        PgSession admin(*options);
        QVERIFY(admin.connect().ok());
        // A role that must log in with scram-sha-256 (a pg_hba.conf line of its own, first so that it wins).
        QVERIFY(admin.exec(std::string("DROP ROLE IF EXISTS ") + kRole).ok());
        QVERIFY(admin.exec("SELECT set_config('password_encryption', 'scram-sha-256', false)").ok());
        QVERIFY(
            admin.exec(std::string("CREATE ROLE ") + kRole + " LOGIN PASSWORD " + *admin.quoteLiteral(kPassword)).ok());
        auto hba = admin.exec("SHOW hba_file");
        QVERIFY(hba.ok());
        QFile file(QString::fromStdString(hba->text(0, 0)));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        file.close();
        const QByteArray line = QByteArray("host all ") + kRole + " 127.0.0.1/32 scram-sha-256\n";
        if (!contents.contains(line)) {
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(line + contents);
            file.close();
        }
        QVERIFY(admin.exec("SELECT pg_reload_conf()").ok());
        QElapsedTimer timer;
        timer.start();
        for (;;) { // the reload is asynchronous: wait until a login without password is refused
            PgSession attempt(options->with("user", kRole).with("host", "127.0.0.1"));
            if (!attempt.connect().ok())
                break;
            QVERIFY2(timer.elapsed() < 10000, "pg_hba.conf reload did not take effect");
            QTest::qWait(100);
        }
    }

    void notCitus_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString dsn = conninfo();
        QTest::newRow("snapshot") << QStringList{s("snapshot"), s("--dsn"), dsn};
        QTest::newRow("snapshot -o") << QStringList{s("snapshot"), s("--dsn"), dsn, s("-o"),
                                                    m_dir.filePath(s("never.json"))};
        QTest::newRow("plan") << QStringList{s("plan"), s("--dsn"), dsn};
        QTest::newRow("plan --citus") << QStringList{s("plan"), s("--dsn"), dsn, s("--citus"), s("--json")};
        QTest::newRow("simulate") << QStringList{s("simulate"), s("--dsn"), dsn};
        QTest::newRow("move") << QStringList{s("move"), s("--dsn"),         dsn, s("--shard"), s("102008"),
                                             s("--to"), s("localhost:9702")};
        QTest::newRow("rebalance") << QStringList{s("rebalance"), s("--dsn"), dsn, s("--wait")};
    }

    void notCitus()
    {
        QFETCH(QStringList, args);
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(s("is not a Citus coordinator: the citus extension is not installed in database "
                                    "\"postgres\"")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(s("CREATE EXTENSION citus")), qPrintable(run.err));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
        QVERIFY(!QFile::exists(m_dir.filePath(s("never.json"))));
    }

    void connectionFailures_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");
        QTest::newRow("unreachable") << s("host=127.0.0.1 port=1 connect_timeout=3") << s("cannot be reached")
                                     << s("HINT: Check host and port");
        QTest::newRow("unknown role") << with("user", s("no_such_role_here")) << s("refused the login")
                                      << s("HINT: The role may not exist");
    }

    void connectionFailures()
    {
        QFETCH(QString, dsn);
        QFETCH(QString, message);
        QFETCH(QString, hint);
        for (const QString& command : {s("snapshot"), s("plan"), s("rebalance")}) {
            const Run run = runCli({command, s("--dsn"), dsn});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.startsWith(s("shardscope-cli: ")), qPrintable(run.err));
            QVERIFY2(run.err.contains(message), qPrintable(run.err));
            QVERIFY2(run.err.contains(hint), qPrintable(run.err));
        }
    }

    void wrongPasswordIsNotShown()
    {
        auto options = ConnectionOptions::parse(conninfo().toStdString());
        const QString dsn = QString::fromStdString(
            options->with("user", kRole).with("host", "127.0.0.1").with("password", "wrong horse").toConninfo());
        const Run run = runCli({s("snapshot"), s("--dsn"), dsn});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(s("shardscope-cli: Authentication failed")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(s("wrong horse")), qPrintable(run.err));
        // The right password gets through authentication and reaches the Citus check.
        const QString right = QString::fromStdString(
            options->with("user", kRole).with("host", "127.0.0.1").with("password", kPassword).toConninfo());
        const Run ok = runCli({s("snapshot"), s("--dsn"), right});
        QCOMPARE(ok.exitCode, 1);
        QVERIFY2(ok.err.contains(s("is not a Citus coordinator")), qPrintable(ok.err));
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString dsn = conninfo();
        QTest::newRow("snapshot without --dsn") << QStringList{s("snapshot")} << s("--dsn DSN is required");
        QTest::newRow("malformed dsn") << QStringList{s("snapshot"), s("--dsn"), s("not a dsn")}
                                       << s("--dsn is not a valid connection string");
        QTest::newRow("snapshot extra") << QStringList{s("snapshot"), s("--dsn"), dsn, s("extra")}
                                        << s("unexpected argument");
        QTest::newRow("plan without source") << QStringList{s("plan")} << s("exactly one of --snapshot");
        QTest::newRow("plan with both") << QStringList{s("plan"), s("--snapshot"), s("x.json"), s("--dsn"), dsn}
                                        << s("exactly one of --snapshot");
        QTest::newRow("simulate with both")
            << QStringList{s("simulate"), s("--snapshot"), s("x.json"), s("--dsn"), dsn} << s("exactly one of");
        QTest::newRow("citus without dsn")
            << QStringList{s("plan"), s("--snapshot"), s("x.json"), s("--citus")} << s("--citus needs --dsn");
        QTest::newRow("citus with drain")
            << QStringList{s("plan"), s("--dsn"), dsn, s("--citus"), s("--drain"), s("localhost:9701")} << s("--drain");
        QTest::newRow("citus with own strategy")
            << QStringList{s("plan"), s("--dsn"), dsn, s("--citus"), s("--strategy"), s("shardscope_min_bytes")}
            << s("ShardScope's own");
        QTest::newRow("move without shard")
            << QStringList{s("move"), s("--dsn"), dsn, s("--to"), s("h:5432")} << s("--shard needs");
        QTest::newRow("move bad shard") << QStringList{s("move"), s("--dsn"), dsn,        s("--shard"),
                                                       s("abc"),  s("--to"),  s("h:5432")}
                                        << s("--shard needs");
        QTest::newRow("move bad target") << QStringList{s("move"), s("--dsn"), dsn,   s("--shard"),
                                                        s("1"),    s("--to"),  s("h")}
                                         << s("--to needs HOST:PORT");
        QTest::newRow("move bad mode") << QStringList{s("move"), s("--dsn"), dsn,         s("--shard"), s("1"),
                                                      s("--to"), s("h:1"),   s("--mode"), s("fast")}
                                       << s("--mode must be");
        QTest::newRow("move without dsn")
            << QStringList{s("move"), s("--shard"), s("1"), s("--to"), s("h:1")} << s("--dsn DSN is required");
        QTest::newRow("rebalance bad mode")
            << QStringList{s("rebalance"), s("--dsn"), dsn, s("--mode"), s("x")} << s("--mode must be");
        QTest::newRow("rebalance unknown option")
            << QStringList{s("rebalance"), s("--dsn"), dsn, s("--bogus")} << s("bogus");
        QTest::newRow("rebalance without dsn")
            << QStringList{s("rebalance"), s("--wait")} << s("--dsn DSN is required");
    }

    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY2(run.err.contains(s("usage: shardscope-cli ")), qPrintable(run.err));
    }

    void help_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("synopsis");
        QTest::newRow("snapshot") << s("snapshot") << s("snapshot --dsn DSN [-o FILE]");
        QTest::newRow("plan") << s("plan") << s("plan --snapshot FILE|--dsn DSN [--citus]");
        QTest::newRow("move") << s("move") << s("move --dsn DSN --shard ID --to HOST:PORT");
        QTest::newRow("rebalance") << s("rebalance") << s("rebalance --dsn DSN [--strategy NAME]");
    }

    void help()
    {
        QFETCH(QString, command);
        QFETCH(QString, synopsis);
        const Run run = runCli({command, s("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(synopsis), qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TestCliLivePg)
#include "tst_cli_live_pg.moc"
