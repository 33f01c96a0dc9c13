// SPDX-License-Identifier: MIT
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/** `shardscope --screenshot` as a user runs it: a real process under the offscreen platform. */
class TestScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesPng_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QSize>("size");
        QTest::newRow("default") << QStringList{} << QSize(1600, 900);
        QTest::newRow("skew, dark, small")
            << QStringList{u"--tab"_s, u"skew"_s, u"--dark"_s, u"--size"_s, u"800x600"_s} << QSize(800, 600);
        QTest::newRow("explain in German")
            << QStringList{u"--tab"_s, u"explain"_s, u"--lang"_s, u"de"_s} << QSize(1600, 900);
    }

    void writesPng()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QSize, size);
        QTemporaryDir dir;
        const QString file = dir.filePath(u"shot.png"_s);
        const int status = run(QStringList{u"--screenshot"_s, file} + arguments, dir.path());
        QCOMPARE(status, 0);
        const QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), size);
        // A real window, not a blank image: many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7) {
                colours.insert(image.pixel(x, y));
            }
        }
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }

    void darkIsDark()
    {
        QTemporaryDir dir;
        const QString light = dir.filePath(u"light.png"_s);
        const QString dark = dir.filePath(u"dark.png"_s);
        QCOMPARE(run({u"--screenshot"_s, light, u"--size"_s, u"640x480"_s}, dir.path()), 0);
        QCOMPARE(run({u"--screenshot"_s, dark, u"--size"_s, u"640x480"_s, u"--dark"_s}, dir.path()), 0);
        QVERIFY(meanLightness(QImage(dark)) + 60 < meanLightness(QImage(light)));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown tab") << QStringList{u"--tab"_s, u"nope"_s};
        QTest::newRow("bad size") << QStringList{u"--size"_s, u"huge"_s};
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s};
        QTest::newRow("missing value") << QStringList{u"--screenshot"_s};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir dir;
        QCOMPARE(run(arguments, dir.path()), 2);
    }

private:
    static int run(const QStringList& arguments, const QString& home)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s); // leave the user's settings and workspace alone
        env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QStringLiteral(SHARDSCOPE_GUI_BINARY), arguments);
        if (!process.waitForFinished(60000)) {
            process.kill();
            return -1;
        }
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    static int meanLightness(const QImage& image)
    {
        qint64 sum = 0;
        qint64 count = 0;
        for (int y = 0; y < image.height(); y += 5) {
            for (int x = 0; x < image.width(); x += 5) {
                sum += QColor(image.pixel(x, y)).lightness();
                ++count;
            }
        }
        return count > 0 ? int(sum / count) : 0;
    }
};

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
