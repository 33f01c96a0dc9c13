// SPDX-License-Identifier: MIT
// Corrupt and hostile snapshots: each gives a clear error naming the defect, never a crash.
#include "samplestate.h"
#include "snapshot/snapshotjson.h"
#include "testdata.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace shardscope;

class TestSnapshotBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenFileLoads()
    {
        // The committed sample stays readable: the format does not drift silently.
        const auto loaded = snapshot::loadSnapshotFileWithMetadata(
            test::dataPath(QStringLiteral("snapshot/good/sample.json")).toStdString());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        QVERIFY(loaded->state == test::sampleState());
        QCOMPARE(loaded->metadata.citusVersion, std::string("13.2.0"));
    }

    void badFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        const QByteArray table = test::readData(QStringLiteral("snapshot/bad/expected.tsv"));
        QVERIFY(!table.isEmpty());
        for (const QByteArray& line : table.split('\n')) {
            if (line.isEmpty())
                continue;
            const QList<QByteArray> fields = line.split('\t');
            QCOMPARE(fields.size(), 2);
            const QString file = QString::fromUtf8(fields[0]);
            QTest::newRow(fields[0].constData()) << file << QString::fromUtf8(fields[1]);
        }
    }

    void badFile()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const QString path = test::dataPath(QStringLiteral("snapshot/bad/") + file);
        QVERIFY(QFile::exists(path));
        const auto loaded = snapshot::loadSnapshotFile(path.toStdString());
        QVERIFY2(!loaded.ok(), "a defective snapshot was accepted");
        const QString message = QString::fromStdString(loaded.error().message);
        QVERIFY2(message.contains(expected), qPrintable(message));
        // The file is named in the message, so the user knows which one is wrong.
        QVERIFY2(message.startsWith(path), qPrintable(message));
        // The same text given directly fails the same way.
        const auto parsed =
            snapshot::parseSnapshot(test::readData(QStringLiteral("snapshot/bad/") + file).toStdString());
        QVERIFY(!parsed.ok());
        QVERIFY2(QString::fromStdString(parsed.error().message).contains(expected), parsed.error().message.c_str());
    }

    void syntaxErrorsHaveAPosition()
    {
        const auto parsed =
            snapshot::parseSnapshot(test::readData(QStringLiteral("snapshot/bad/port_string.json")).toStdString());
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.find("(line 5, column ") != std::string::npos, parsed.error().message.c_str());
    }

    void everyPrefixFailsCleanly()
    {
        const QByteArray good = test::readData(QStringLiteral("snapshot/good/sample.json"));
        QVERIFY(!good.isEmpty());
        // Cut anywhere before the closing brace: always an error, never a crash or a partial state.
        const qsizetype end = good.lastIndexOf('}');
        for (qsizetype length = 0; length < end; ++length) {
            const auto parsed = snapshot::parseSnapshot(std::string_view(good.constData(), std::size_t(length)));
            QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("prefix of %1 bytes was accepted").arg(length)));
            QVERIFY(!parsed.error().message.empty());
        }
    }

    void randomCorruptionNeverCrashes()
    {
        const QByteArray good = test::readData(QStringLiteral("snapshot/good/sample.json"));
        QRandomGenerator random(20261125);
        static const char kBytes[] = "{}[]\",:0123456789-.eEnulltrfas\\ \n\x01\xff";
        int rejected = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray text = good;
            const int edits = 1 + random.bounded(3);
            for (int e = 0; e < edits; ++e) {
                const auto at = random.bounded(text.size());
                switch (random.bounded(3)) {
                case 0:
                    text[at] = kBytes[random.bounded(int(sizeof kBytes) - 1)];
                    break;
                case 1:
                    text.remove(at, 1 + random.bounded(8));
                    break;
                default:
                    text.insert(at, kBytes[random.bounded(int(sizeof kBytes) - 1)]);
                }
            }
            const auto parsed = snapshot::parseSnapshot(text.toStdString());
            if (!parsed.ok()) {
                ++rejected;
                QVERIFY(!parsed.error().message.empty());
            }
        }
        QVERIFY(rejected > 2000); // most edits break something, and each is reported
    }
};

QTEST_GUILESS_MAIN(TestSnapshotBadInput)
#include "tst_snapshotbadinput.moc"
