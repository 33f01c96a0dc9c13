// SPDX-License-Identifier: MIT
// PostgreSQL-compatible hashing and value parsing: reference §1.4 vectors, the real cluster's hash vectors,
// and PostgreSQL's accepted spellings and error messages.
#include "engine/pghash.h"
#include "engine/shardrange.h"
#include "testdata.h"

#include <QTest>

using namespace shardscope::engine;

namespace {

ColumnType typeNamed(const QString& name)
{
    const auto type = columnTypeFromName(name.toStdString());
    return type.value_or(ColumnType::None);
}

QList<QByteArrayList> csvRows(const QString& relative)
{
    QList<QByteArrayList> rows;
    const QByteArrayList lines = shardscope::test::readData(relative).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // skip the header
        if (!lines[i].trimmed().isEmpty())
            rows.append(lines[i].trimmed().split(','));
    }
    return rows;
}

} // namespace

class TestPgHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void referenceVectors_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("expected");
        const struct
        {
            const char* type;
            const char* value;
            int expected;
        } vectors[] = {
            {"int4", "0", -272711505},
            {"int4", "1", -1905060026},
            {"int8", "1", -1905060026},
            {"int2", "1", -1905060026},
            {"int4", "-1", 385747274},
            {"int8", "-1", 385747274},
            {"int4", "42", 1509752520},
            {"int4", "2147483647", -96758253},
            {"int8", "4294967296", -1905060026},
            {"int8", "-4294967297", -1242090879},
            {"int8", "9223372036854775807", -1524351049},
            {"numeric", "0", -1},
            {"numeric", "1", 1324868424},
            {"numeric", "1.0", 1324868424},
            {"numeric", "-1", 1324868424},
            {"numeric", "1.5", 692967894},
            {"numeric", "12345.678", 573919094},
            {"numeric", "NaN", 0},
            {"date", "2024-01-01", -1661621463},
            {"timestamp", "2024-01-01 00:00:00", 645451447},
            {"text", "", -1477818771},
            {"text", "a", 1075015857},
            {"text", "hello", -1870292951},
            {"text", "hello world!", 1400155871},
            {"text", "1234567890123", 437480032},
            {"text", "\xc3\xbcn\xc3\xaf\x63\xc3\xb8\x64\xc3\xa9", -1156658761},
            {"uuid", "00000000-0000-0000-0000-000000000000", 1353656403},
            {"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", 1154666245},
            {"bpchar", "ab  ", 1718550461},
            {"text", "ab", 1718550461},
            // Same values in other spellings the server accepts.
            {"bigint", "  +1 ", -1905060026},
            {"integer", "\t-1\n", 385747274},
            {"varchar", "hello", -1870292951},
            {"uuid", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", 1154666245},
            {"uuid", "A0EEBC999C0B4EF8BB6D6BB9BD380A11", 1154666245},
            {"uuid", "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", 1154666245},
            {"numeric", "  1e0 ", 1324868424},
            {"numeric", "0.01e2", 1324868424},
            {"numeric", "001.000", 1324868424},
            {"numeric", "12345678e-3", 573919094},
            {"numeric", "-0.000", -1},
            {"numeric", "Infinity", 0},
            {"numeric", "-inf", 0},
            {"date", " 20240101 ", -1661621463},
            {"date", "2024-1-1", -1661621463},
            {"date", "2024-01-01 23:59:59", -1661621463},
            {"timestamp", "2024-01-01T00:00:00", 645451447},
            {"timestamp", "2024-01-01", 645451447},
            {"timestamp", "2024-01-01 00:00+05", 645451447}, // a zone is ignored without time zone
            {"timestamptz", "2024-01-01 00:00:00Z", 645451447},
            {"timestamptz", "2024-01-01 05:30:00+05:30", 645451447},
            {"timestamptz", "2023-12-31 19:00-0500", 645451447},
            {"timestamptz", "2024-01-01 00:00:00", 645451447}, // no zone: UTC
            {"timestamp", "2023-12-31 24:00:00", 645451447},
            {"date", "0001-01-01 BC", -2103428279}, // 730485 days before 2000-01-01 (server's date arithmetic)
        };
        for (const auto& v : vectors) {
            QTest::addRow("%s %s", v.type, v.value)
                << QString::fromLatin1(v.type) << QString::fromUtf8(v.value) << v.expected;
        }
    }

    void referenceVectors()
    {
        QFETCH(QString, type);
        QFETCH(QString, value);
        QFETCH(int, expected);
        const auto hash = hashValue(typeNamed(type), value.toStdString());
        QVERIFY2(hash.ok(), hash.ok() ? "" : hash.error().message.c_str());
        QCOMPARE(*hash, expected);
    }

    void directFunctions()
    {
        QCOMPARE(hashInt4(0), -272711505);
        QCOMPARE(hashInt8(4294967296LL), hashInt8(1));
        QCOMPARE(hashInt8(-2147483649LL), -96758253);
        QCOMPARE(hashText("hello"), -1870292951);
        QCOMPARE(hashBpchar("hello   "), -1870292951);
        QCOMPARE(hashBpchar("   "), hashText(""));
        QCOMPARE(static_cast<std::int32_t>(hashUint32(1)), -1905060026);
        QCOMPARE(hashBool(true), hashInt4(1));
        QCOMPARE(hashBool(false), hashInt4(0));
        // hash_bytes over the 4 little-endian bytes equals hash_bytes_uint32.
        const unsigned char four[] = {42, 0, 0, 0};
        QCOMPARE(static_cast<std::int32_t>(hashBytes(four, 4)), 1509752520);
        static_assert(hashInt8(1) == -1905060026, "hashing integers is usable at compile time");
    }

    void fixtureVectors_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("hash");
        QTest::addColumn<int>("index32");
        QTest::addColumn<int>("min32");
        QTest::addColumn<int>("max32");
        QTest::addColumn<int>("index7");
        QTest::addColumn<int>("min7");
        QTest::addColumn<int>("max7");
        int rows = 0;
        for (const char* file : {"hash/06_hash_vectors_int4.csv", "hash/06_hash_vectors_int8.csv"}) {
            for (const QByteArrayList& f : csvRows(QString::fromLatin1(file))) {
                QCOMPARE(f.size(), 15);
                QTest::addRow("%s %s", f[0].constData(), f[2].constData())
                    << QString::fromLatin1(f[0]) << QString::fromLatin1(f[2]) << f[4].toInt() << f[8].toInt()
                    << f[6].toInt() << f[7].toInt() << f[13].toInt() << f[11].toInt() << f[12].toInt();
                ++rows;
            }
        }
        QCOMPARE(rows, 300);
    }

    void fixtureVectors()
    {
        QFETCH(QString, type);
        QFETCH(QString, key);
        QFETCH(int, hash);
        const auto computed = hashValue(typeNamed(type), key.toStdString());
        QVERIFY(computed.ok());
        QCOMPARE(*computed, hash);

        QFETCH(int, index32);
        QFETCH(int, min32);
        QFETCH(int, max32);
        QCOMPARE(uniformShardIndex(hash, 32), index32);
        QCOMPARE(uniformRange(index32, 32), (HashRange{min32, max32}));
        QFETCH(int, index7);
        QFETCH(int, min7);
        QFETCH(int, max7);
        QCOMPARE(uniformShardIndex(hash, 7), index7);
        QCOMPARE(uniformRange(index7, 7), (HashRange{min7, max7}));
    }

    void accepted_data()
    {
        // Spellings the server accepts, each paired with a canonical one of the same value.
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("canonical");
        const struct
        {
            const char* type;
            const char* value;
            const char* canonical;
        } rows[] = {
            {"int2", "-32768", "-32768"},
            {"int8", "-9223372036854775808", "-9223372036854775808"},
            {"int8", "007", "7"},
            {"oid", "-1", "4294967295"},
            {"oid", " 12 ", "12"},
            {"bool", "t", "true"},
            {"bool", "TRUE", "true"},
            {"bool", " yes ", "true"},
            {"bool", "on", "true"},
            {"bool", "1", "true"},
            {"bool", "fal", "false"},
            {"bool", "n", "false"},
            {"bool", "OFF", "false"},
            {"bool", "of", "false"},
            {"bool", "0", "false"},
            {"numeric", "1e 2", "100"},
            {"numeric", "100.000000", "100"},
            {"numeric", ".5", "0.5"},
            {"numeric", "5.", "5"},
            {"numeric", "+12345.678", "-12345.678"},
            {"numeric", "1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890.0"},
            {"numeric", "-infinity", "NaN"},
            {"date", "epoch", "1970-01-01"},
            {"date", "4714-11-24 BC", "4714-11-24 BC"},
            {"timestamp", "epoch", "1970-01-01 00:00"},
            {"timestamp", "2024-01-01 23:59:60", "2024-01-02"},
            {"timestamp", "2024-01-01 00:00:00.0000005", "2024-01-01"},
            {"timestamp", "2024-01-01 00:00:00.0000015", "2024-01-01 00:00:00.000002"},
            {"timestamptz", "2024-01-01 00:00 z", "2024-01-01 00:00 UTC"},
            {"timestamptz", "2024-01-01 00:00+123", "2023-12-31 22:37"},
        };
        for (const auto& row : rows) {
            QTest::addRow("%s %s", row.type, row.value)
                << QString::fromLatin1(row.type) << QString::fromLatin1(row.value)
                << QString::fromLatin1(row.canonical);
        }
    }

    void accepted()
    {
        QFETCH(QString, type);
        QFETCH(QString, value);
        QFETCH(QString, canonical);
        const auto hash = hashValue(typeNamed(type), value.toStdString());
        const auto expected = hashValue(typeNamed(type), canonical.toStdString());
        QVERIFY2(hash.ok(), hash.ok() ? "" : hash.error().message.c_str());
        QVERIFY2(expected.ok(), expected.ok() ? "" : expected.error().message.c_str());
        QCOMPARE(*hash, *expected);
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code");
        const struct
        {
            const char* type;
            const char* value;
            const char* message;
            const char* code;
        } rows[] = {
            {"bigint", "x", "invalid input syntax for type bigint: \"x\"", "22P02"},
            {"bigint", "", "invalid input syntax for type bigint: \"\"", "22P02"},
            {"bigint", "1.5", "invalid input syntax for type bigint: \"1.5\"", "22P02"},
            {"bigint", "9223372036854775808", "value \"9223372036854775808\" is out of range for type bigint", "22003"},
            {"bigint", "99999999999999999999x", "value \"99999999999999999999x\" is out of range for type bigint",
             "22003"},
            {"int4", "2147483648", "value \"2147483648\" is out of range for type integer", "22003"},
            {"int4", "- 1", "invalid input syntax for type integer: \"- 1\"", "22P02"},
            {"int2", "32768", "value \"32768\" is out of range for type smallint", "22003"},
            {"oid", "4294967296", "value \"4294967296\" is out of range for type oid", "22003"},
            {"oid", "abc", "invalid input syntax for type oid: \"abc\"", "22P02"},
            {"bool", "o", "invalid input syntax for type boolean: \"o\"", "22P02"},
            {"bool", "truex", "invalid input syntax for type boolean: \"truex\"", "22P02"},
            {"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1",
             "invalid input syntax for type uuid: "
             "\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1\"",
             "22P02"},
            {"uuid", "a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11",
             "invalid input syntax for type uuid: \"a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11\"", "22P02"},
            {"numeric", "1..2", "invalid input syntax for type numeric: \"1..2\"", "22P02"},
            {"numeric", "1e", "invalid input syntax for type numeric: \"1e\"", "22P02"},
            {"numeric", "1e2000000000", "value overflows numeric format", "22003"},
            {"numeric", "1e-20000", "value overflows numeric format", "22003"},
            {"text", "\xff", "invalid byte sequence for encoding \"UTF8\": 0xff", "22021"},
            {"date", "2024-02-30", "date/time field value out of range: \"2024-02-30\"", "22008"},
            {"date", "2024-13-01", "date/time field value out of range: \"2024-13-01\"", "22008"},
            {"date", "0000-01-01", "date/time field value out of range: \"0000-01-01\"", "22008"},
            {"date", "5874898-01-01", "date out of range: \"5874898-01-01\"", "22008"},
            {"date", "4714-11-23 BC", "date out of range: \"4714-11-23 BC\"", "22008"},
            {"date", "+infinity", "invalid input syntax for type date: \"+infinity\"", "22007"},
            {"timestamp", "2024-01-01 25:00", "date/time field value out of range: \"2024-01-01 25:00\"", "22008"},
            {"timestamp", "294277-01-01", "timestamp out of range: \"294277-01-01\"", "22008"},
            {"timestamp", "2024-01-01 12", "invalid input syntax for type timestamp: \"2024-01-01 12\"", "22007"},
            {"timestamptz", "2024-01-01 00:00+16", "time zone displacement out of range: \"2024-01-01 00:00+16\"",
             "22009"},
        };
        for (const auto& row : rows) {
            QTest::addRow("%s %s", row.type, row.value)
                << QString::fromLatin1(row.type) << QString::fromLatin1(row.value) << QString::fromLatin1(row.message)
                << QString::fromLatin1(row.code);
        }
    }

    void rejected()
    {
        QFETCH(QString, type);
        QFETCH(QString, value);
        QFETCH(QString, message);
        QFETCH(QString, code);
        const auto hash = hashValue(typeNamed(type), value.toLatin1().toStdString());
        QVERIFY(!hash.ok());
        QCOMPARE(QString::fromStdString(hash.error().message), message);
        QCOMPARE(QString::fromStdString(hash.error().code), code);
    }

    void unsupportedSpellingsSayWhy()
    {
        const auto hash = hashValue(ColumnType::Date, "January 8, 1999");
        QVERIFY(!hash.ok());
        QVERIFY(!hash.error().hint.empty());
        QVERIFY(!hashValue(ColumnType::Timestamptz, "2024-01-01 00:00 Europe/Berlin").ok());
        QVERIFY(!hashValue(ColumnType::None, "1").ok());
    }
};

QTEST_APPLESS_MAIN(TestPgHash)
#include "tst_pghash.moc"
