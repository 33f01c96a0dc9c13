// SPDX-License-Identifier: MIT
#include "chartexport.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace shardscope {

QString ChartExport::savePng(QWidget* chart, const QString& path)
{
    const QPixmap pixmap = chart->grab();
    if (pixmap.isNull())
        return tr("The chart has nothing to draw yet.");
    if (!pixmap.save(path, "PNG"))
        return tr("Cannot write %1.").arg(path);
    return {};
}

QString ChartExport::saveSvg(QWidget* chart, const QString& path, const QString& title)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(chart->size());
    generator.setViewBox(QRect(QPoint(0, 0), chart->size()));
    generator.setTitle(title);
    generator.setDescription(tr("Exported from ShardScope"));
    QPainter painter;
    if (!painter.begin(&generator))
        return tr("Cannot write %1.").arg(path);
    chart->render(&painter);
    painter.end();
    if (!QFile::exists(path))
        return tr("Cannot write %1.").arg(path);
    return {};
}

QString ChartExport::saveCsv(const QString& csv, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(csv.toUtf8());
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QString ChartExport::csvField(const QString& value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')) &&
        !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString ChartExport::csvLine(const QStringList& fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString& field : fields)
        out.append(csvField(field));
    return out.join(QLatin1Char(',')) + QLatin1Char('\n');
}

} // namespace shardscope
