// SPDX-License-Identifier: MIT
#pragma once

#include "testdata.h"

#include <QList>
#include <QMap>
#include <QString>

namespace shardscope::test {

/** Rows of a CSV fixture as column -> text maps (RFC 4180 quoting, as psql's COPY CSV writes it). */
inline QList<QMap<QString, QString>> readCsv(const QString& relative)
{
    const QString text = QString::fromUtf8(readData(relative));
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            record << field;
            field.clear();
            records << record;
            record.clear();
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        records << (record << field);
    QList<QMap<QString, QString>> rows;
    for (qsizetype r = 1; r < records.size(); ++r) {
        QMap<QString, QString> row;
        for (qsizetype c = 0; c < records[0].size() && c < records[r].size(); ++c)
            row.insert(records[0][c], records[r][c]);
        rows << row;
    }
    return rows;
}

} // namespace shardscope::test
