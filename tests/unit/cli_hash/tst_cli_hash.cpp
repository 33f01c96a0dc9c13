// SPDX-License-Identifier: MIT
// The hash and route subcommands end to end: arguments, standard input, --json, and exit codes.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList& args, const QByteArray& input = {})
{
    QProcess process;
    process.start(QStringLiteral(SHARDSCOPE_CLI_PATH), args);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return {};
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
               process.readAllStandardError()};
}

QByteArrayList lines(const QByteArray& output)
{
    QByteArrayList result = output.split('\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

} // namespace

class TestCliHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArrayList>("expected");
        QTest::newRow("int8") << QStringList{QStringLiteral("--type"), QStringLiteral("int8"), QStringLiteral("1"),
                                             QStringLiteral("4294967296"), QStringLiteral("9223372036854775807")}
                              << QByteArrayList{"-1905060026", "-1905060026", "-1524351049"};
        QTest::newRow("alias and negative values") << QStringList{QStringLiteral("--type"), QStringLiteral("bigint"),
                                                                  QStringLiteral("-1"), QStringLiteral("-4294967297")}
                                                   << QByteArrayList{"385747274", "-1242090879"};
        QTest::newRow("type after the values")
            << QStringList{QStringLiteral("42"), QStringLiteral("--type=integer")} << QByteArrayList{"1509752520"};
        QTest::newRow("text") << QStringList{QStringLiteral("--type"), QStringLiteral("character varying"),
                                             QStringLiteral(""), QStringLiteral("hello"),
                                             QString::fromUtf8("\xc3\xbcn\xc3\xaf\x63\xc3\xb8\x64\xc3\xa9")}
                              << QByteArrayList{"-1477818771", "-1870292951", "-1156658761"};
        QTest::newRow("numeric") << QStringList{QStringLiteral("--type"), QStringLiteral("numeric"),
                                                QStringLiteral("-1"), QStringLiteral("12345.678"),
                                                QStringLiteral("-Infinity")}
                                 << QByteArrayList{"1324868424", "573919094", "0"};
        QTest::newRow("uuid after --") << QStringList{QStringLiteral("--type"), QStringLiteral("uuid"),
                                                      QStringLiteral("--"),
                                                      QStringLiteral("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")}
                                       << QByteArrayList{"1154666245"};
        QTest::newRow("date") << QStringList{QStringLiteral("--type"), QStringLiteral("date"),
                                             QStringLiteral("2024-01-01")}
                              << QByteArrayList{"-1661621463"};
    }

    void hashArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArrayList, expected);
        const Run run = runCli(QStringList{QStringLiteral("hash")} + args);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(lines(run.out), expected);
        QVERIFY(run.err.isEmpty());
    }

    void hashStandardInput()
    {
        const Run run =
            runCli({QStringLiteral("hash"), QStringLiteral("--type"), QStringLiteral("int4")}, "0\n1\r\n\n-1\n42");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(lines(run.out), (QByteArrayList{"-272711505", "-1905060026", "385747274", "1509752520"}));
    }

    void hashJson()
    {
        const Run run = runCli({QStringLiteral("hash"), QStringLiteral("--json"), QStringLiteral("--type"),
                                QStringLiteral("text"), QStringLiteral("a"), QStringLiteral("hello world!")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].toObject(),
                 (QJsonObject{{QStringLiteral("value"), QStringLiteral("a")}, {QStringLiteral("hash"), 1075015857}}));
        QCOMPARE(rows[1].toObject(), (QJsonObject{{QStringLiteral("value"), QStringLiteral("hello world!")},
                                                  {QStringLiteral("hash"), 1400155871}}));
    }

    void route()
    {
        const Run run =
            runCli({QStringLiteral("route"), QStringLiteral("--type"), QStringLiteral("int8"),
                    QStringLiteral("--shard-count"), QStringLiteral("32"), QStringLiteral("1"), QStringLiteral("-1")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(lines(run.out),
                 (QByteArrayList{"-1905060026\t1\t-2013265920\t-1879048193", "385747274\t18\t268435456\t402653183"}));
    }

    void routeStandardInputJson()
    {
        const Run run = runCli({QStringLiteral("route"), QStringLiteral("--type"), QStringLiteral("int4"),
                                QStringLiteral("--shard-count"), QStringLiteral("7"), QStringLiteral("--json")},
                               "-2147483647\n");
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(rows.size(), 1);
        // From the real cluster's hash vectors (06_hash_vectors_int4.csv, 7 shards).
        QCOMPARE(rows[0].toObject(), (QJsonObject{{QStringLiteral("value"), QStringLiteral("-2147483647")},
                                                  {QStringLiteral("hash"), 1830408514},
                                                  {QStringLiteral("shard_index"), 6},
                                                  {QStringLiteral("shard_min"), 1533916888},
                                                  {QStringLiteral("shard_max"), 2147483647}}));
    }

    void badValueAmongGoodOnes()
    {
        const QStringList values{QStringLiteral("1"), QStringLiteral("x"), QStringLiteral("9223372036854775808"),
                                 QStringLiteral("2")};
        const QStringList type{QStringLiteral("--type"), QStringLiteral("bigint")};
        const QStringList count{QStringLiteral("--shard-count"), QStringLiteral("4")};
        for (const QStringList& args : {QStringList{QStringLiteral("hash")} + type + values,
                                        QStringList{QStringLiteral("route")} + type + count + values}) {
            const Run run = runCli(args);
            QCOMPARE(run.exitCode, 1);
            QCOMPARE(lines(run.out).size(), 2);
            QVERIFY(lines(run.out).first().startsWith("-1905060026"));
            QVERIFY(lines(run.out).last().startsWith("1134484726"));
            QVERIFY2(run.err.contains("invalid input syntax for type bigint: \"x\""), run.err.constData());
            QVERIFY2(run.err.contains("value \"9223372036854775808\" is out of range for type bigint"),
                     run.err.constData());
        }
        const Run json =
            runCli({QStringLiteral("hash"), QStringLiteral("--json"), QStringLiteral("--type"), QStringLiteral("uuid"),
                    QStringLiteral("nope"), QStringLiteral("00000000-0000-0000-0000-000000000000")});
        QCOMPARE(json.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(json.out).array().size(), 1);
        QVERIFY(json.err.contains("invalid input syntax for type uuid: \"nope\""));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        const QString type = QStringLiteral("--type");
        const QString count = QStringLiteral("--shard-count");
        QTest::newRow("hash without type")
            << QStringList{QStringLiteral("hash"), QStringLiteral("1")} << QByteArray("missing --type");
        QTest::newRow("unknown type") << QStringList{QStringLiteral("hash"), type, QStringLiteral("float8"),
                                                     QStringLiteral("1")}
                                      << QByteArray("unknown type \"float8\"");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("hash"), type, QStringLiteral("int8"),
                                                       QStringLiteral("--bogus")}
                                        << QByteArray("bogus");
        QTest::newRow("route without count")
            << QStringList{QStringLiteral("route"), type, QStringLiteral("int8"), QStringLiteral("1")}
            << QByteArray("missing --shard-count");
        QTest::newRow("count zero") << QStringList{QStringLiteral("route"), type,
                                                   QStringLiteral("int8"),  count,
                                                   QStringLiteral("0"),     QStringLiteral("1")}
                                    << QByteArray("--shard-count must be");
        QTest::newRow("count too big") << QStringList{QStringLiteral("route"), type,
                                                      QStringLiteral("int8"),  count,
                                                      QStringLiteral("64001"), QStringLiteral("1")}
                                       << QByteArray("--shard-count must be");
        QTest::newRow("count not a number")
            << QStringList{QStringLiteral("route"), type, QStringLiteral("int8"), count, QStringLiteral("many"),
                           QStringLiteral("1")}
            << QByteArray("--shard-count must be");
        QTest::newRow("route unknown type")
            << QStringList{QStringLiteral("route"), type, QStringLiteral("none"), count, QStringLiteral("4"),
                           QStringLiteral("1")}
            << QByteArray("unknown type");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(message), run.err.constData());
    }

    void largestShardCount()
    {
        const Run run = runCli({QStringLiteral("route"), QStringLiteral("--type"), QStringLiteral("int4"),
                                QStringLiteral("--shard-count"), QStringLiteral("64000"), QStringLiteral("42")});
        QCOMPARE(run.exitCode, 0);
        // hash 1509752520: (1509752520 + 2^31) / 67108 = 54497
        QCOMPARE(lines(run.out), (QByteArrayList{"1509752520\t54497\t1509701028\t1509768135"}));
    }
};

QTEST_GUILESS_MAIN(TestCliHash)
#include "tst_cli_hash.moc"
