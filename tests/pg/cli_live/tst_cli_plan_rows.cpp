// SPDX-License-Identifier: MIT
// shardscope-cli plan --json keeps hostile table names intact: quotes are escaped and a "%1" in a name is never
// substituted by another column (the same row printer serves plan --dsn --citus).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

QByteArray runCli(const QStringList& args, int* exitCode)
{
    QProcess process;
    process.start(s(SHARDSCOPE_CLI_PATH), args);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
    }
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return process.readAllStandardOutput();
}

} // namespace

class TestCliPlanRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("regclass");
        QTest::newRow("plain") << s("users") << s("users");
        QTest::newRow("placeholders") << s("we%2ird%1") << s("\"we%2ird%1\"");
        QTest::newRow("quote and backslash") << s("a\"b\\c") << s("\"a\"\"b\\c\"");
        QTest::newRow("unicode (quoted like quote_ident)") << s("größe") << s("\"größe\"");
    }

    void hostileNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, regclass);
        QTemporaryDir dir;
        const QString demo = dir.filePath(s("demo.json"));
        int exitCode = -1;
        runCli({s("demo"), s("--save"), demo}, &exitCode);
        QCOMPARE(exitCode, 0);
        QFile file(demo);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonArray tables = root.value(s("tables")).toArray();
        QJsonObject first = tables.at(0).toObject();
        const QString original = first.value(s("name")).toString();
        first.insert(s("name"), name);
        tables.replace(0, first);
        root.insert(s("tables"), tables);
        const QString hostile = dir.filePath(s("hostile.json"));
        QFile out(hostile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(root).toJson());
        out.close();

        const QByteArray json = runCli({s("plan"), s("--snapshot"), hostile, s("--json")}, &exitCode);
        QCOMPARE(exitCode, 0);
        QJsonParseError error;
        const QJsonArray rows = QJsonDocument::fromJson(json, &error).array();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(!rows.isEmpty());
        int renamed = 0;
        for (const QJsonValue& value : rows) {
            const QJsonObject row = value.toObject();
            QVERIFY(row.value(s("shardid")).toInteger() > 0);
            QVERIFY(row.value(s("sourceport")).toInt() > 0);
            QVERIFY(row.value(s("targetport")).toInt() > 0);
            QVERIFY(!row.value(s("sourcename")).toString().contains(s("%")));
            if (row.value(s("table_name")).toString() == regclass)
                ++renamed;
            QVERIFY(row.value(s("table_name")).toString() != original || original == name);
        }
        QVERIFY2(renamed > 0, json.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliPlanRows)
#include "tst_cli_plan_rows.moc"
