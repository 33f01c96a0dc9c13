// SPDX-License-Identifier: MIT
// Constants read from libpg_query's parse tree: its JSON writes {"ival": {}} for 0 and for every negative integer
// (libpg_query 15-4), so those come from the statement text at the constant's location.
#include "stats/parsetreenode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <pg_query.h>

using namespace shardscope::stats;

namespace {

// The right-hand side of "WHERE k = <expression>".
QJsonValue rightSide(const QByteArray& sql)
{
    PgQueryParseResult parsed = pg_query_parse(sql.constData());
    const QJsonDocument tree = parsed.error ? QJsonDocument() : QJsonDocument::fromJson(parsed.parse_tree);
    pg_query_free_parse_result(parsed);
    const QJsonObject select =
        nodeBody(tree.object().value(QLatin1String("stmts")).toArray().first().toObject().value(QLatin1String("stmt")));
    return nodeBody(select.value(QLatin1String("whereClause"))).value(QLatin1String("rexpr"));
}

} // namespace

class TestParseTreeNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void negativeIntegersLoseTheirValue()
    {
        // What this works around: if libpg_query starts writing the value, the text fallback is still right.
        const QJsonValue constant = rightSide("SELECT 1 FROM t WHERE k = -5");
        QCOMPARE(nodeType(constant), QStringLiteral("A_Const"));
        QVERIFY(!nodeBody(constant).value(QLatin1String("ival")).toObject().contains(QLatin1String("ival")));
    }

    void constantText_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("text"); // "(none)": not a constant
        QTest::addColumn<bool>("value");
        const auto row = [](const char* expression, const char* text, bool value = true) {
            QTest::newRow(expression) << QString::fromUtf8(expression) << QString::fromUtf8(text) << value;
        };
        row("5", "5");
        row("0", "0");
        row("-5", "-5");
        row("- 5", "-5");
        row("-(5)", "-5");
        row("-0", "0");
        row("-007", "-7");
        row("-2147483648", "-2147483648");
        row("-9223372036854775808", "-9223372036854775808");
        row("-5::bigint", "-5");
        row("-(5::bigint)", "-5");
        row("- -5::bigint", "5");
        row("+5::int", "5");
        row("CAST(-5 AS bigint)", "-5");
        row("'-5'", "-5");
        row("-2.5", "-2.5");
        row("'DE'", "DE");
        row("true", "true");
        row("$1", "(none)");
        row("-$1::bigint", "(none)");
        row("NULL", "(none)"); // a constant, without text
        row("other_column", "(none)", false);
        row("abs(-5)", "(none)", false);
        row("1 - 5", "(none)", false);
    }

    void constantText()
    {
        QFETCH(QString, expression);
        QFETCH(QString, text);
        QFETCH(bool, value);
        const QByteArray sql = "SELECT 1 FROM t WHERE k = " + expression.toUtf8();
        const QJsonValue node = rightSide(sql);
        QVERIFY(!nodeType(node).isEmpty());
        const auto constant = shardscope::stats::constantText(node, sql.toStdString());
        QCOMPARE(constant ? QString::fromStdString(*constant) : QStringLiteral("(none)"), text);
        QCOMPARE(isValue(node), value);
    }
};

QTEST_APPLESS_MAIN(TestParseTreeNode)
#include "tst_parsetreenode.moc"
