// SPDX-License-Identifier: MIT
#include "skewchartframe.h"

#include "dashboards/chartexport.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace shardscope {

SkewChartFrame::SkewChartFrame(const QString& title, QWidget* chart, std::function<QString()> csv, QWidget* parent)
    : QFrame(parent), m_title(new QLabel(title, this)), m_export(new QToolButton(this)), m_chart(chart),
      m_csv(std::move(csv))
{
    setFrameShape(QFrame::StyledPanel);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_export->setText(tr("Export"));
    m_export->setToolTip(tr("Save this chart as PNG or SVG, or its data as CSV"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setAutoRaise(true);
    auto* menu = new QMenu(m_export);
    menu->addAction(tr("Chart as PNG…"), this, [this] { exportAs(QStringLiteral("png")); });
    menu->addAction(tr("Chart as SVG…"), this, [this] { exportAs(QStringLiteral("svg")); });
    menu->addAction(tr("Data as CSV…"), this, [this] { exportAs(QStringLiteral("csv")); });
    m_export->setMenu(menu);

    auto* header = new QHBoxLayout;
    header->setContentsMargins(6, 4, 4, 0);
    header->addWidget(m_title, 1);
    header->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(0);
    layout->addLayout(header);
    chart->setParent(this);
    layout->addWidget(chart, 1);
}

QString SkewChartFrame::title() const
{
    return m_title->text();
}

void SkewChartFrame::setTitle(const QString& title)
{
    m_title->setText(title);
}

QString SkewChartFrame::exportTo(const QString& path) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return ChartExport::savePng(m_chart, path);
    if (suffix == QLatin1String("svg"))
        return ChartExport::saveSvg(m_chart, path, title());
    if (suffix == QLatin1String("csv"))
        return ChartExport::saveCsv(m_csv(), path);
    return tr("Cannot export to %1: choose a .png, .svg or .csv file.").arg(path);
}

void SkewChartFrame::exportAs(const QString& suffix)
{
    QString name = title().toLower();
    name.replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString filter = suffix == QLatin1String("csv")   ? tr("CSV files (*.csv)")
                           : suffix == QLatin1String("svg") ? tr("SVG images (*.svg)")
                                                            : tr("PNG images (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(title()),
                                                folder + QLatin1Char('/') + name + QLatin1Char('.') + suffix, filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    const QString error = exportTo(path);
    if (error.isEmpty())
        Q_EMIT exported(path);
    else
        Q_EMIT exportFailed(error);
}

} // namespace shardscope
