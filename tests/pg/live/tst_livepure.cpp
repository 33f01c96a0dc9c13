// SPDX-License-Identifier: MIT
// The parts of the live backend that need no server: libpq's connection-string parsing, version checks,
// connection error explanations, the binary COPY parser.
#include "live/binarycopyparser.h"
#include "live/connectionoptions.h"
#include "live/pgerrors.h"
#include "live/serverinfo.h"

#include <QTest>

using namespace shardscope;
using namespace shardscope::live;

namespace {
QString s(const char* text)
{
    return QString::fromUtf8(text);
}
} // namespace

class TestLivePure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<QString>("expected");
        QTest::newRow("uri host") << s("postgresql://alice@db1:6432/app") << s("host") << s("db1");
        QTest::newRow("uri port") << s("postgresql://alice@db1:6432/app") << s("port") << s("6432");
        QTest::newRow("uri user") << s("postgresql://alice@db1:6432/app") << s("user") << s("alice");
        QTest::newRow("uri query") << s("postgres://h/app?sslmode=verify-full&connect_timeout=4") << s("sslmode")
                                   << s("verify-full");
        QTest::newRow("multi host uri") << s("postgresql://h1:5432,h2:5433/app") << s("host") << s("h1,h2");
        QTest::newRow("multi host ports") << s("postgresql://h1:5432,h2:5433/app") << s("port") << s("5432,5433");
        QTest::newRow("key value") << s("host=db1 port=5432 dbname='my db'") << s("dbname") << s("my db");
        QTest::newRow("escaped quote") << s("dbname='it\\'s'") << s("dbname") << s("it's");
        QTest::newRow("service") << s("service=prod") << s("service") << s("prod");
        QTest::newRow("percent encoded") << s("postgresql://u%40x@h/d%20b") << s("dbname") << s("d b");
        QTest::newRow("target_session_attrs")
            << s("host=a,b target_session_attrs=read-write") << s("target_session_attrs") << s("read-write");
    }
    void parse()
    {
        QFETCH(QString, conninfo);
        QFETCH(QString, keyword);
        QFETCH(QString, expected);
        auto options = ConnectionOptions::parse(conninfo.toStdString());
        QVERIFY2(options.ok(), options.ok() ? "" : options.error().message.c_str());
        QCOMPARE(QString::fromStdString(options->value(keyword.toStdString()).value_or("<unset>")), expected);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::addColumn<QString>("libpqSays");
        QTest::newRow("unknown keyword") << s("hots=db1") << s("invalid connection option \"hots\"");
        QTest::newRow("missing equals") << s("host") << s("missing \"=\"");
        QTest::newRow("unterminated quote") << s("host='db1") << s("unterminated quoted string");
        QTest::newRow("bad uri") << s("postgresql://h/db?nonsense=1") << s("invalid URI query parameter");
    }
    void parseErrors()
    {
        QFETCH(QString, conninfo);
        QFETCH(QString, libpqSays);
        auto options = ConnectionOptions::parse(conninfo.toStdString());
        QVERIFY(!options.ok());
        QCOMPARE(QString::fromStdString(options.error().code), s("shardscope.invalid_conninfo"));
        QVERIFY2(QString::fromStdString(options.error().message).contains(libpqSays), options.error().message.c_str());
        QVERIFY(!options.error().hint.empty());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::newRow("plain") << s("host=a port=1 dbname=b");
        QTest::newRow("spaces and quotes") << s("dbname='a b' user='o\\'neil' password='p\\\\w d'");
        QTest::newRow("uri") << s("postgresql://x:y@h1,h2/db?application_name=me");
    }
    void roundTrip()
    {
        QFETCH(QString, conninfo);
        auto first = ConnectionOptions::parse(conninfo.toStdString());
        QVERIFY(first.ok());
        auto second = ConnectionOptions::parse(first->toConninfo());
        QVERIFY2(second.ok(), first->toConninfo().c_str());
        QCOMPARE(second->parameters(), first->parameters());
        QVERIFY(first->toDisplayConninfo().find("password") == std::string::npos);
    }

    void applicationName()
    {
        auto plain = ConnectionOptions::parse("host=h");
        QVERIFY(plain.ok());
        const auto params = plain->connectParameters();
        QVERIFY(std::find(params.begin(), params.end(), ConnectionParameter{"application_name", "ShardScope"}) !=
                params.end());
        auto own = ConnectionOptions::parse("host=h application_name=mine");
        QVERIFY(own.ok());
        const auto ownParams = own->connectParameters();
        QCOMPARE(std::count_if(ownParams.begin(), ownParams.end(),
                               [](const ConnectionParameter& p) { return p.keyword == "application_name"; }),
                 1);
    }

    void timeouts_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::addColumn<int>("milliseconds");
        QTest::addColumn<int>("hosts");
        QTest::newRow("default") << s("host=h") << 10000 << 1;
        QTest::newRow("explicit") << s("host=h connect_timeout=5") << 5000 << 1;
        QTest::newRow("minimum 2 s") << s("host=h connect_timeout=1") << 2000 << 1;
        QTest::newRow("garbage") << s("host=h connect_timeout=abc") << 10000 << 1;
        QTest::newRow("three hosts") << s("host=a,b,c") << 10000 << 3;
    }
    void timeouts()
    {
        QFETCH(QString, conninfo);
        QFETCH(int, milliseconds);
        QFETCH(int, hosts);
        auto options = ConnectionOptions::parse(conninfo.toStdString());
        QVERIFY(options.ok());
        QCOMPARE(static_cast<int>(options->connectTimeout().count()), milliseconds);
        QCOMPARE(options->hostCount(), hosts);
    }

    void citusVersion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("supported");
        QTest::newRow("13.2") << s("13.2-1") << true;
        QTest::newRow("12.1") << s("12.1-1") << true;
        QTest::newRow("11.1") << s("11.1-1") << true;
        QTest::newRow("11.0") << s("11.0-4") << false;
        QTest::newRow("10.2") << s("10.2-4") << false;
        QTest::newRow("9.5") << s("9.5-2") << false;
        QTest::newRow("garbage") << s("devel") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void citusVersion()
    {
        QFETCH(QString, version);
        QFETCH(bool, supported);
        Status status = checkCitusVersion(version.toStdString());
        QCOMPARE(status.ok(), supported);
        if (!supported) {
            QCOMPARE(QString::fromStdString(status.error().code), s(codes::kCitusTooOld));
            QVERIFY(QString::fromStdString(status.error().message + status.error().hint).contains(s("11.1")));
            QVERIFY(!status.error().hint.empty());
        }
    }

    void citusRelease_data()
    {
        QTest::addColumn<QString>("fullVersion");
        QTest::addColumn<QString>("release");
        // citus_version() of Citus 13.2.2 as built for the test cluster, and of a packaged build.
        QTest::newRow("13.2.2 source build")
            << s("Citus 13.2.2 on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit "
                 "gitref: v13.2.2-dirty")
            << s("13.2.2");
        QTest::newRow("packaged") << s("Citus 12.1.5 on x86_64-pc-linux-gnu, compiled by gcc") << s("12.1.5");
        QTest::newRow("unreadable: the extension version") << s("something else") << s("13.2-1");
        QTest::newRow("unknown: the extension version") << QString() << s("13.2-1");
    }
    void citusRelease()
    {
        QFETCH(QString, fullVersion);
        QFETCH(QString, release);
        ServerInfo info;
        info.kind = ServerKind::CitusCoordinator;
        info.citusVersion = "13.2-1";
        info.citusFullVersion = fullVersion.toStdString();
        info.connection.host = "db1";
        info.connection.port = "5432";
        info.connection.serverVersion = "15.20 (Debian 15.20-0+deb12u1)";
        QCOMPARE(QString::fromStdString(live::citusRelease(info)), release);
        QCOMPARE(QString::fromStdString(statusSummary(info)),
                 s("db1:5432 \u00b7 PostgreSQL 15.20 \u00b7 Citus %1 \u00b7 not encrypted").arg(release));
    }

    void connectionErrors_data()
    {
        QTest::addColumn<QString>("libpqMessage");
        QTest::addColumn<QString>("code");
        QTest::newRow("password") << s("connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  "
                                       "password authentication failed for user \"bob\"")
                                  << s(codes::kAuthFailed);
        QTest::newRow("no password") << s("fe_sendauth: no password supplied") << s(codes::kAuthFailed);
        QTest::newRow("hba") << s("FATAL:  no pg_hba.conf entry for host \"1.2.3.4\"") << s(codes::kAuthSpec);
        QTest::newRow("refused") << s("connection to server at \"127.0.0.1\", port 1 failed: Connection refused")
                                 << s(codes::kUnreachable);
        QTest::newRow("dns") << s("could not translate host name \"nope\" to address") << s(codes::kUnreachable);
        QTest::newRow("database") << s("FATAL:  database \"x\" does not exist") << s("3D000");
    }
    void connectionErrors()
    {
        QFETCH(QString, libpqMessage);
        QFETCH(QString, code);
        const Error error = connectionError(libpqMessage.toStdString(), "bob@h:5432/app");
        QCOMPARE(QString::fromStdString(error.code), code);
        QVERIFY(QString::fromStdString(error.message).contains(s("bob@h:5432/app")));
        QVERIFY(!error.hint.empty());
        QCOMPARE(QString::fromStdString(error.detail), libpqMessage);
    }

    void binaryCopy()
    {
        // Header, two rows (int4 7, NULL) and (int8 -2, text "é;x"), trailer; fed one byte at a time.
        QByteArray data("PGCOPY\n\377\r\n\0", 11);
        data.append(QByteArray(8, '\0'));
        auto u16 = [&](int v) { data.append(char((v >> 8) & 0xff)).append(char(v & 0xff)); };
        auto u32 = [&](qint64 v) {
            for (int shift = 24; shift >= 0; shift -= 8)
                data.append(char((v >> shift) & 0xff));
        };
        u16(2);
        u32(4);
        u32(7);
        u32(-1);
        u16(2);
        u32(8);
        u32(-1);
        u32(-2);
        const QByteArray text = s("é;x").toUtf8();
        u32(text.size());
        data.append(text);
        u16(0xffff);

        std::vector<std::pair<qint64, QString>> rows;
        BinaryCopyParser parser(
            [&](const BinaryRow& row) -> Status {
                rows.emplace_back(row.int8(0), row.isNull(1) ? s("<null>") : QString::fromStdString(row.text(1)));
                return Done{};
            },
            2);
        for (char c : data)
            QVERIFY(parser.feed(std::string_view(&c, 1)).ok());
        QVERIFY(parser.finish().ok());
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].first, 7);
        QCOMPARE(rows[0].second, s("<null>"));
        QCOMPARE(rows[1].first, -2);
        QCOMPARE(rows[1].second, s("é;x"));

        BinaryCopyParser truncated([](const BinaryRow&) -> Status { return Done{}; });
        QVERIFY(truncated.feed(std::string_view(data.constData(), 30)).ok());
        QVERIFY(!truncated.finish().ok());
        BinaryCopyParser wrongWidth([](const BinaryRow&) -> Status { return Done{}; }, 3);
        QVERIFY(!wrongWidth.feed(std::string_view(data.constData(), static_cast<std::size_t>(data.size()))).ok());
        BinaryCopyParser garbage([](const BinaryRow&) -> Status { return Done{}; });
        QVERIFY(!garbage.feed("NOTCOPY-at-all-but-long-enough").ok());
    }
};

QTEST_GUILESS_MAIN(TestLivePure)
#include "tst_livepure.moc"
