// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractItemModel>
#include <QStringList>

namespace shardscope::test {

/**
 * A model as indented text, one line per row, columns joined with " | " (display role), children two spaces
 * deeper, so a failing comparison shows a readable diff.
 */
inline void dumpRows(const QAbstractItemModel& model, const QModelIndex& parent, int depth, QStringList& out)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(parent); ++column) {
            cells << model.index(row, column, parent).data().toString();
        }
        out << QString(depth * 2, QLatin1Char(' ')) + cells.join(QStringLiteral(" | "));
        const QModelIndex child = model.index(row, 0, parent);
        if (model.hasChildren(child)) {
            dumpRows(model, child, depth + 1, out);
        }
    }
}

inline QStringList dumpModel(const QAbstractItemModel& model)
{
    QStringList out;
    dumpRows(model, {}, 0, out);
    return out;
}

/** Compares line by line so QCOMPARE's message names the first differing line. */
inline QString firstDifference(const QStringList& actual, const QStringList& expected)
{
    for (qsizetype i = 0; i < std::max(actual.size(), expected.size()); ++i) {
        const QString a = i < actual.size() ? actual[i] : QStringLiteral("<missing>");
        const QString e = i < expected.size() ? expected[i] : QStringLiteral("<missing>");
        if (a != e) {
            return QStringLiteral("line %1:\n  actual:   %2\n  expected: %3\nwhole dump:\n%4")
                .arg(i + 1)
                .arg(a, e, actual.join(QLatin1Char('\n')));
        }
    }
    return {};
}

} // namespace shardscope::test

#define SHARDSCOPE_COMPARE_DUMP(actual, expected)                                                                      \
    do {                                                                                                               \
        const QString difference = shardscope::test::firstDifference(actual, expected);                                \
        QVERIFY2(difference.isEmpty(), qPrintable(difference));                                                        \
    } while (false)
