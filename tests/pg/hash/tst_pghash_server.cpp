// SPDX-License-Identifier: MIT
// The engine's hashes against PostgreSQL's own hash functions, on 100,000 random values per type plus edge
// cases, and its input errors against the server's (message and SQLSTATE).
#include "engine/pghash.h"
#include "pgtestserver.h"
#include "valuegenerator.h"

#include <QTest>
#include <libpq-fe.h>
#include <memory>

using namespace shardscope::engine;
using shardscope::test::ValueGenerator;

namespace {

constexpr int kRandomValuesPerType = 100000;
constexpr int kBatchSize = 25000;

struct PgResultDeleter
{
    void operator()(PGresult* result) const { PQclear(result); }
};
using PgResultPtr = std::unique_ptr<PGresult, PgResultDeleter>;

// The server expression that hashes v (a text) as Citus hashes a distribution column of the type.
const char* hashExpression(ColumnType type)
{
    switch (type) {
    case ColumnType::Int2:
        return "hashint2(v::int2)";
    case ColumnType::Int4:
        return "hashint4(v::int4)";
    case ColumnType::Int8:
        return "hashint8(v::int8)";
    case ColumnType::Oid:
        return "hashoid(v::oid)";
    case ColumnType::Bool: // bool_ops uses hashchar on the byte 0 or 1
        return "hashchar(CASE WHEN v::bool THEN chr(1)::\"char\" ELSE ''::\"char\" END)";
    case ColumnType::Text:
        return "hashtext(v::text)";
    case ColumnType::Varchar:
        return "hashtext(v::varchar)";
    case ColumnType::Bpchar:
        return "hashbpchar(v::bpchar)";
    case ColumnType::Uuid:
        return "uuid_hash(v::uuid)";
    case ColumnType::Date: // date_ops uses hashint4 on the day number; infinities are INT32_MIN/MAX
        return "CASE WHEN isfinite(v::date) THEN hashint4(v::date - date '2000-01-01') "
               "WHEN v::date > date '2000-01-01' THEN hashint4(2147483647) ELSE hashint4(-2147483648) END";
    case ColumnType::Timestamp:
        return "timestamp_hash(v::timestamp)";
    case ColumnType::Timestamptz: // the session is in UTC, so the cast keeps the microseconds
        return "timestamp_hash(v::timestamptz::timestamp)";
    case ColumnType::Numeric:
        return "hash_numeric(v::numeric)";
    case ColumnType::None:
        break;
    }
    return "NULL";
}

QByteArray arrayLiteral(const std::vector<std::string>& values)
{
    QByteArray literal = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            literal += ',';
        literal += '"';
        for (const char c : values[i]) {
            if (c == '"' || c == '\\')
                literal += '\\';
            literal += c;
        }
        literal += '"';
    }
    literal += '}';
    return literal;
}

QString printable(const std::string& value)
{
    const QString text = QString::fromUtf8(value);
    return text.size() > 80 ? text.left(77) + QStringLiteral("...") : text;
}

} // namespace

class TestPgHashServer : public QObject
{
    Q_OBJECT

private:
    PGconn* m_conn = nullptr;

    PgResultPtr exec(const char* sql, const QByteArray& parameter = {})
    {
        const char* values[1] = {parameter.constData()};
        const int lengths[1] = {static_cast<int>(parameter.size())};
        return PgResultPtr(PQexecParams(m_conn, sql, parameter.isNull() ? 0 : 1, nullptr, values, lengths, nullptr, 0));
    }

    // Sends values in one round trip and compares every hash; returns the number of mismatches.
    int compareBatch(ColumnType type, const std::vector<std::string>& values)
    {
        const QByteArray sql = QByteArray("SELECT ") + hashExpression(type) +
                               " FROM unnest($1::text[]) WITH ORDINALITY AS u(v, i) ORDER BY i";
        const PgResultPtr result = exec(sql.constData(), arrayLiteral(values));
        if (PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
            qWarning("%s: %s", columnTypeName(type).data(), PQresultErrorMessage(result.get()));
            return -1;
        }
        if (PQntuples(result.get()) != static_cast<int>(values.size()))
            return -1;
        int mismatches = 0;
        for (int row = 0; row < PQntuples(result.get()); ++row) {
            const std::string& value = values[static_cast<std::size_t>(row)];
            const int server = QByteArray(PQgetvalue(result.get(), row, 0)).toInt();
            const auto ours = hashValue(type, value);
            if (!ours.ok() || *ours != server) {
                if (++mismatches <= 5) {
                    qWarning("%s '%s': server %d, engine %s", columnTypeName(type).data(), qPrintable(printable(value)),
                             server, ours.ok() ? qPrintable(QString::number(*ours)) : ours.error().message.c_str());
                }
            }
        }
        return mismatches;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString conninfo = shardscope::test::PgTestServer::conninfo();
        QVERIFY2(!conninfo.isEmpty(), qPrintable(shardscope::test::PgTestServer::error()));
        m_conn = PQconnectdb(conninfo.toUtf8().constData());
        QVERIFY2(PQstatus(m_conn) == CONNECTION_OK, PQerrorMessage(m_conn));
        QCOMPARE(QByteArray(PQparameterStatus(m_conn, "server_encoding")), QByteArray("UTF8"));
        QCOMPARE(PQsetClientEncoding(m_conn, "UTF8"), 0);
        QCOMPARE(PQresultStatus(exec("SET TimeZone = 'UTC'").get()), PGRES_COMMAND_OK);
        QCOMPARE(PQresultStatus(exec("SET DateStyle = 'ISO, MDY'").get()), PGRES_COMMAND_OK);
    }

    void cleanupTestCase() { PQfinish(m_conn); }

    void hashFunctionsAreTheOpclassOnes()
    {
        // What Citus calls: support function 1 of the type's default hash operator class.
        const PgResultPtr result =
            exec("SELECT t.typname, p.amproc::text FROM pg_opclass c JOIN pg_am am ON am.oid = c.opcmethod "
                 "JOIN pg_type t ON t.oid = c.opcintype JOIN pg_amproc p ON p.amprocfamily = c.opcfamily "
                 "AND p.amproclefttype = c.opcintype AND p.amprocrighttype = c.opcintype AND p.amprocnum = 1 "
                 "WHERE am.amname = 'hash' AND c.opcdefault AND t.typname IN ('int2','int4','int8','oid','bool',"
                 "'text','bpchar','uuid','date','timestamp','timestamptz','numeric') ORDER BY 1");
        QCOMPARE(PQresultStatus(result.get()), PGRES_TUPLES_OK);
        QStringList pairs;
        for (int row = 0; row < PQntuples(result.get()); ++row) {
            pairs << QString::fromUtf8(PQgetvalue(result.get(), row, 0)) + QLatin1Char('=') +
                         QString::fromUtf8(PQgetvalue(result.get(), row, 1));
        }
        QCOMPARE(pairs.join(QLatin1Char(' ')),
                 QStringLiteral("bool=hashchar bpchar=hashbpchar date=hashint4 int2=hashint2 int4=hashint4 "
                                "int8=hashint8 numeric=hash_numeric oid=hashoid text=hashtext "
                                "timestamp=timestamp_hash timestamptz=timestamp_hash uuid=uuid_hash"));
    }

    void randomValues_data()
    {
        QTest::addColumn<int>("type");
        for (const ColumnType type :
             {ColumnType::Int2, ColumnType::Int4, ColumnType::Int8, ColumnType::Oid, ColumnType::Bool, ColumnType::Text,
              ColumnType::Varchar, ColumnType::Bpchar, ColumnType::Uuid, ColumnType::Date, ColumnType::Timestamp,
              ColumnType::Timestamptz, ColumnType::Numeric}) {
            QTest::newRow(columnTypeName(type).data()) << static_cast<int>(type);
        }
    }

    void randomValues()
    {
        QFETCH(int, type);
        const auto columnType = static_cast<ColumnType>(type);
        ValueGenerator generator(20261125U + static_cast<quint32>(type));
        std::vector<std::string> batch = ValueGenerator::edgeCases(columnType);
        QVERIFY(!batch.empty());
        const int total = kRandomValuesPerType + static_cast<int>(batch.size());
        int generated = 0;
        int mismatches = 0;
        while (generated < kRandomValuesPerType) {
            while (generated < kRandomValuesPerType && static_cast<int>(batch.size()) < kBatchSize) {
                batch.push_back(generator.next(columnType));
                ++generated;
            }
            const int failed = compareBatch(columnType, batch);
            QVERIFY2(failed >= 0, "the server rejected a batch");
            mismatches += failed;
            batch.clear();
        }
        QVERIFY2(mismatches == 0,
                 qPrintable(QStringLiteral("%1 of %2 values hash differently").arg(mismatches).arg(total)));
    }

    void invalidInput_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("value");
        const struct
        {
            const char* type;
            const char* value;
        } rows[] = {
            {"int2", "32768"},
            {"int2", "-32769"},
            {"int2", "1e3"},
            {"int4", "2147483648"},
            {"int4", "-2147483649"},
            {"int4", ""},
            {"int4", " "},
            {"int4", "+"},
            {"int4", "- 1"},
            {"int4", "0x10"},
            {"int4", "1_000"},
            {"int4", "12 3"},
            {"int8", "9223372036854775808"},
            {"int8", "-9223372036854775809"},
            {"int8", "99999999999999999999x"},
            {"int8", "x"},
            {"int8", "1.0"},
            {"oid", "4294967296"},
            {"oid", "-2147483649"},
            {"oid", ""},
            {"oid", "abc"},
            {"oid", "12abc"},
            {"bool", ""},
            {"bool", "o"},
            {"bool", "truex"},
            {"bool", "2"},
            {"bool", "yess"},
            {"bool", "of f"},
            {"uuid", ""},
            {"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1"},
            {"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111"},
            {"uuid", "a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11"},
            {"uuid", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
            {"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}"},
            {"uuid", " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
            {"uuid", "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
            {"uuid", "a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11"},
            {"numeric", ""},
            {"numeric", "abc"},
            {"numeric", "1..2"},
            {"numeric", "1.2.3"},
            {"numeric", "."},
            {"numeric", "-"},
            {"numeric", "1e"},
            {"numeric", "1e+"},
            {"numeric", "1 2"},
            {"numeric", "NaNx"},
            {"numeric", "infinit"},
            {"numeric", "1e2000000000"},
            {"numeric", "1e-20000"},
            {"numeric", "1e131072"},
            {"text", "\xff"},
            {"text", "abc\xc3"},
            {"text", "\xc0\x80"},
            {"text", "\xed\xa0\x80"},
            {"date", ""},
            {"date", "abc"},
            {"date", "2024-02-30"},
            {"date", "2023-02-29"},
            {"date", "2024-13-01"},
            {"date", "2024-00-01"},
            {"date", "2024-01-32"},
            {"date", "2024-01-00"},
            {"date", "0000-01-01"},
            {"date", "5874898-01-01"},
            {"date", "4714-11-23 BC"},
            {"date", "+infinity"},
            {"date", "2024-01-01x"},
            {"date", "2024-01-01 25:00"},
            {"timestamp", ""},
            {"timestamp", "2024-01-01 25:00"},
            {"timestamp", "2024-01-01 23:60"},
            {"timestamp", "2024-01-01 23:59:61"},
            {"timestamp", "2024-01-01 24:00:01"},
            {"timestamp", "2024-01-01 23:59:60.5"},
            {"timestamp", "2024-01-01 12"},
            {"timestamp", "2024-01-01T"},
            {"timestamp", "294277-01-01"},
            {"timestamp", "4714-11-23 23:59:59 BC"},
            {"timestamp", "2024-01-01 00:00+16"},
            {"timestamptz", "2024-01-01 00:00+16"},
            {"timestamptz", "2024-01-01 00:00:00+05:60"},
            {"timestamptz", "2024-02-30 00:00:00+05"},
            {"timestamptz", "294276-12-31 23:59:59-01"},
            {"timestamptz", "2024-01-01 00:00:00 x"},
            {"timestamptz", "2024-01-01-05"},
        };
        for (const auto& row : rows)
            QTest::addRow("%s '%s'", row.type, row.value) << QString::fromLatin1(row.type) << QByteArray(row.value);
    }

    void invalidInput()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, value);
        const auto columnType = columnTypeFromName(type.toStdString());
        QVERIFY(columnType.has_value());
        const auto ours =
            hashValue(*columnType, std::string_view(value.constData(), static_cast<std::size_t>(value.size())));
        QVERIFY2(!ours.ok(), "the engine accepted it");

        const QByteArray sql = "SELECT $1::" + type.toLatin1();
        const PgResultPtr result = exec(sql.constData(), value);
        QCOMPARE(PQresultStatus(result.get()), PGRES_FATAL_ERROR);
        QCOMPARE(QString::fromStdString(ours.error().message),
                 QString::fromUtf8(PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY)));
        QCOMPARE(QString::fromStdString(ours.error().code),
                 QString::fromUtf8(PQresultErrorField(result.get(), PG_DIAG_SQLSTATE)));
    }
};

QTEST_GUILESS_MAIN(TestPgHashServer)
#include "tst_pghash_server.moc"
