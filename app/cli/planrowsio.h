// SPDX-License-Identifier: MIT
#pragma once

// Rebalance plan rows as text: Citus's columns, in Citus's order (QJsonObject would sort the keys).
#include "cliio.h"
#include "engine/rebalance/rebalanceplan.h"

#include <QStringList>
#include <algorithm>
#include <vector>

namespace shardscope::cli {

inline QString jsonString(const std::string& text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : QString::fromStdString(text)) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

/** A JSON array of plan rows, one object a line, indented by indent spaces (no trailing newline). */
inline QString planRowsJson(const std::vector<engine::PlanRow>& rows, int indent)
{
    if (rows.empty())
        return QStringLiteral("[]");
    const QString pad(indent, QLatin1Char(' '));
    QStringList lines{QStringLiteral("[")};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const engine::PlanRow& row = rows[i];
        // One arg() call: a name containing "%1" must not be substituted again.
        lines.append(pad +
                     QStringLiteral("  {\"table_name\": %1, \"shardid\": %2, \"shard_size\": %3, "
                                    "\"sourcename\": %4, \"sourceport\": %5, \"targetname\": %6, "
                                    "\"targetport\": %7}%8")
                         .arg(jsonString(row.tableName), QString::number(row.shardId), QString::number(row.shardSize),
                              jsonString(row.sourceName), QString::number(row.sourcePort), jsonString(row.targetName),
                              QString::number(row.targetPort), i + 1 < rows.size() ? QStringLiteral(",") : QString()));
    }
    lines.append(pad + QStringLiteral("]"));
    return lines.join(QLatin1Char('\n'));
}

/** The rows as psql would print them. */
inline void printPlanTable(const std::vector<engine::PlanRow>& rows)
{
    const QStringList header = {QStringLiteral("table_name"), QStringLiteral("shardid"),
                                QStringLiteral("shard_size"), QStringLiteral("sourcename"),
                                QStringLiteral("sourceport"), QStringLiteral("targetname"),
                                QStringLiteral("targetport")};
    QList<QStringList> cells;
    for (const engine::PlanRow& row : rows) {
        cells.append({QString::fromStdString(row.tableName), QString::number(row.shardId),
                      QString::number(row.shardSize), QString::fromStdString(row.sourceName),
                      QString::number(row.sourcePort), QString::fromStdString(row.targetName),
                      QString::number(row.targetPort)});
    }
    QList<qsizetype> widths;
    for (const QString& h : header)
        widths.append(h.size());
    for (const QStringList& line : cells)
        for (qsizetype c = 0; c < line.size(); ++c)
            widths[c] = std::max(widths[c], line[c].size());
    auto format = [&](const QStringList& line) {
        QStringList padded;
        for (qsizetype c = 0; c < line.size(); ++c)
            padded.append(line[c].leftJustified(widths[c]));
        return padded.join(QStringLiteral(" | ")).trimmed();
    };
    printLine(format(header));
    QStringList rule;
    for (qsizetype w : widths)
        rule.append(QString(w, QLatin1Char('-')));
    printLine(rule.join(QStringLiteral("-+-")));
    for (const QStringList& line : cells)
        printLine(format(line));
    printLine(QStringLiteral("(%1 rows)").arg(cells.size()));
}

/** Same Citus columns, same order (bytes and move indexes are ShardScope's own and not compared). */
inline bool samePlanRows(const std::vector<engine::PlanRow>& a, const std::vector<engine::PlanRow>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const engine::PlanRow& x, const engine::PlanRow& y) {
        return x.tableName == y.tableName && x.shardId == y.shardId && x.shardSize == y.shardSize &&
               x.sourceName == y.sourceName && x.sourcePort == y.sourcePort && x.targetName == y.targetName &&
               x.targetPort == y.targetPort;
    });
}

} // namespace shardscope::cli
