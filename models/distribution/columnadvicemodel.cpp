// SPDX-License-Identifier: MIT
#include "columnadvicemodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <cmath>

namespace shardscope {

ColumnAdviceModel::ColumnAdviceModel(QObject* parent) : QAbstractTableModel(parent) {}

void ColumnAdviceModel::setAdvice(std::vector<engine::ColumnAdvice> advice, bool statisticsKnown)
{
    beginResetModel();
    m_advice = std::move(advice);
    m_statisticsKnown = statisticsKnown;
    endResetModel();
}

int ColumnAdviceModel::rowOf(const QString& column) const
{
    for (std::size_t i = 0; i < m_advice.size(); ++i) {
        if (QString::fromStdString(m_advice[i].column) == column)
            return int(i);
    }
    return -1;
}

int ColumnAdviceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_advice.size());
}

int ColumnAdviceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ColumnAdviceModel::explanation(const engine::ColumnAdvice& advice)
{
    QStringList lines;
    for (const std::string& problem : advice.problems)
        lines << tr("Refused: %1").arg(QString::fromStdString(problem));
    for (const std::string& warning : advice.warnings)
        lines << tr("Note: %1").arg(QString::fromStdString(warning));
    if (advice.supported) {
        QStringList candidates;
        for (const std::string& table : advice.colocationCandidates)
            candidates << QString::fromStdString(table);
        lines << (candidates.isEmpty() ? tr("No distributed table of this column type to colocate with.")
                                       : tr("Can be colocated with: %1").arg(candidates.join(QLatin1String(", "))));
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant ColumnAdviceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const engine::ColumnAdvice& a = m_advice[std::size_t(index.row())];
    if (role == UsableRole)
        return a.usable();
    if (role == ReasonRole || role == Qt::ToolTipRole)
        return explanation(a);
    if (role == Qt::ForegroundRole && index.column() == Verdict)
        return QBrush(!a.usable()          ? QColor(0xc6, 0x28, 0x28)
                      : a.warnings.empty() ? QColor(0x2e, 0x7d, 0x32)
                                           : QColor(0xb2, 0x6a, 0x00));
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (Column(index.column())) {
    case Name:
        return QString::fromStdString(a.column);
    case Type:
        return a.supported ? QString::fromStdString(a.typeName)
                           : tr("%1 (not supported)").arg(QString::fromStdString(a.typeName));
    case Distinct:
        if (!a.distinct)
            return m_statisticsKnown ? tr("unknown") : tr("no statistics");
        return locale.toString(qint64(std::llround(*a.distinct)));
    case Nulls:
        if (!a.nullFraction)
            return m_statisticsKnown ? tr("unknown") : tr("no statistics");
        return tr("%1%").arg(locale.toString(*a.nullFraction * 100.0, 'f', 1));
    case Skew:
        if (!a.supported)
            return QStringLiteral("–");
        if (!a.maxShardShare)
            return tr("no sample");
        return tr("max %1× mean (%2 values)").arg(locale.toString(a.maxOverMean(), 'f', 1)).arg(a.sampleSize);
    case Verdict:
        // The first reason, so the list reads without hovering; the tooltip has them all.
        if (!a.usable())
            return (a.supported ? tr("refused: %1") : tr("unsupported: %1"))
                .arg(QString::fromStdString(a.problems.front()));
        return a.warnings.empty() ? tr("good") : tr("possible: %1").arg(QString::fromStdString(a.warnings.front()));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ColumnAdviceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Column");
    case Type:
        return tr("Type");
    case Distinct:
        return tr("Distinct");
    case Nulls:
        return tr("NULLs");
    case Skew:
        return tr("Skew");
    case Verdict:
        return tr("Verdict");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace shardscope
