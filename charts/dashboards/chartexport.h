// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QWidget;

namespace shardscope {

/** Saving a dashboard chart: the picture as PNG or SVG, its data as CSV. Each returns an error text, empty on success.
 */
class ChartExport
{
    Q_DECLARE_TR_FUNCTIONS(ChartExport)

public:
    static QString savePng(QWidget* chart, const QString& path);
    static QString saveSvg(QWidget* chart, const QString& path, const QString& title);
    static QString saveCsv(const QString& csv, const QString& path);

    /** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
    static QString csvField(const QString& value);
    /** One CSV line of fields, ending in "\n". */
    static QString csvLine(const QStringList& fields);
};

} // namespace shardscope
