// SPDX-License-Identifier: MIT
#include <QFile>
#include <QSettings>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

/** The desktop entry and the AppStream metainfo name the app, its icon and binary, and the current version. */
class TestDesktopFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void desktopEntry()
    {
        const QString path = QStringLiteral(SHARDSCOPE_RESOURCES_DIR "/" SHARDSCOPE_APP_ID ".desktop");
        QVERIFY(QFile::exists(path));
        QSettings entry(path, QSettings::IniFormat);
        entry.beginGroup(u"Desktop Entry"_s);
        QCOMPARE(entry.value(u"Type"_s).toString(), u"Application"_s);
        QCOMPARE(entry.value(u"Name"_s).toString(), u"ShardScope"_s);
        QCOMPARE(entry.value(u"Exec"_s).toString(), u"shardscope"_s);
        QCOMPARE(entry.value(u"Icon"_s).toString(), QStringLiteral(SHARDSCOPE_APP_ID));
        QVERIFY(QFile::exists(QStringLiteral(SHARDSCOPE_RESOURCES_DIR "/icons/" SHARDSCOPE_APP_ID ".svg")));
    }

    void metainfo()
    {
        QFile file(QStringLiteral(SHARDSCOPE_RESOURCES_DIR "/" SHARDSCOPE_APP_ID ".metainfo.xml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QMap<QString, QString> found;
        QStringList releases;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement) {
                continue;
            }
            const QString name = xml.name().toString();
            if (name == u"release"_s) {
                releases << xml.attributes().value(u"version"_s).toString();
            } else if (name == u"image"_s ||
                       (xml.attributes().value(u"xml:lang"_s).isEmpty() &&
                        (name == u"id"_s || name == u"name"_s || name == u"summary"_s || name == u"launchable"_s))) {
                found[name] = xml.readElementText().trimmed();
            } else if (name == u"description"_s && !found.contains(name)) { // the first: the app's, not a release's
                found[name] = xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(found.value(u"id"_s), QStringLiteral(SHARDSCOPE_APP_ID));
        QCOMPARE(found.value(u"name"_s), u"ShardScope"_s);
        QVERIFY(!found.value(u"summary"_s).isEmpty());
        QVERIFY(found.value(u"description"_s).size() > 100);
        QCOMPARE(found.value(u"launchable"_s), QStringLiteral(SHARDSCOPE_APP_ID ".desktop"));
        QVERIFY(found.value(u"image"_s).endsWith(u"resources/screenshots/main-window.png"_s));
        QVERIFY(!releases.isEmpty());
        QCOMPARE(releases.first(), QStringLiteral(SHARDSCOPE_VERSION)); // newest release first, and it is this one
    }
};

QTEST_GUILESS_MAIN(TestDesktopFiles)
#include "tst_desktopfiles.moc"
