// SPDX-License-Identifier: MIT
#include "statementtablemodel.h"

#include "itemroles.h"

#include <QLocale>

namespace shardscope {

namespace {

QString count(const std::optional<int>& value, bool upperBound)
{
    if (!value)
        return QStringLiteral("–");
    return (upperBound ? QStringLiteral("≤ ") : QString()) + QString::number(*value);
}

QString milliseconds(const std::optional<double>& value)
{
    return value ? QLocale().toString(*value, 'f', *value < 10 ? 2 : 1) : QStringLiteral("–");
}

} // namespace

StatementTableModel::StatementTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void StatementTableModel::setReport(const stats::StatementReport& report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

const stats::StatementFigures* StatementTableModel::figuresAt(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_report.statements.size())
        return nullptr;
    return &m_report.statements[static_cast<std::size_t>(row)];
}

int StatementTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_report.statements.size());
}

int StatementTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StatementTableModel::className(stats::FanoutClass kind)
{
    return QString::fromLatin1(stats::fanoutClassName(kind));
}

QVariant StatementTableModel::display(const stats::StatementFigures& f, int column) const
{
    switch (column) {
    case StatementColumn:
        return QString::fromStdString(f.query).simplified();
    case CallsColumn:
        return QLocale().toString(static_cast<qint64>(f.calls));
    case MeanColumn:
        return milliseconds(f.meanTimeMs);
    case TotalColumn:
        return milliseconds(f.totalTimeMs);
    case ExecutorColumn: {
        QStringList executors;
        for (const std::string& executor : f.executors)
            executors << QString::fromStdString(executor);
        QString text = executors.isEmpty() ? QStringLiteral("–") : executors.join(QStringLiteral(", "));
        // How an INSERT ... SELECT runs, as EXPLAIN's "INSERT/SELECT method" would say.
        if (const auto method = stats::insertSelectMethodName(f.fanout.insertSelect); !method.empty())
            text += QStringLiteral(" (%1)").arg(QLatin1String(method));
        return text;
    }
    case ShardsColumn:
        return count(f.fanout.shards, f.fanout.upperBound);
    case NodesColumn:
        return count(f.fanout.nodes, f.fanout.upperBound);
    case ClassColumn:
        return className(f.fanout.kind);
    case ShardCallsColumn: {
        const auto cost = stats::shardCalls(f);
        return cost ? QLocale().toString(static_cast<qint64>(*cost)) : QStringLiteral("–");
    }
    default:
        return {};
    }
}

QVariant StatementTableModel::sortValue(const stats::StatementFigures& f, int column) const
{
    switch (column) {
    case CallsColumn:
        return static_cast<qint64>(f.calls);
    case MeanColumn:
        return f.meanTimeMs.value_or(-1);
    case TotalColumn:
        return f.totalTimeMs.value_or(-1);
    case ShardsColumn:
        return f.fanout.shards.value_or(-1);
    case NodesColumn:
        return f.fanout.nodes.value_or(-1);
    case ShardCallsColumn:
        return static_cast<qint64>(stats::shardCalls(f).value_or(-1));
    default:
        return display(f, column);
    }
}

QVariant StatementTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const stats::StatementFigures& f = m_report.statements[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(f, index.column());
    case SortRole:
        return sortValue(f, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ClassColumn || index.column() == ShardsColumn || index.column() == NodesColumn ||
            (index.column() == ExecutorColumn && f.fanout.insertSelect != stats::InsertSelectMethod::None))
            return QString::fromStdString(f.fanout.reason);
        if (index.column() == StatementColumn)
            return QString::fromStdString(f.query);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == StatementColumn || index.column() == ExecutorColumn || index.column() == ClassColumn)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case FanoutClassRole:
        return static_cast<int>(f.fanout.kind);
    case SqlRole:
        return QString::fromStdString(f.query);
    default:
        return {};
    }
}

QVariant StatementTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatementColumn:
        return tr("Statement");
    case CallsColumn:
        return tr("Calls");
    case MeanColumn:
        return tr("Mean ms");
    case TotalColumn:
        return tr("Total ms");
    case ExecutorColumn:
        return tr("Executor");
    case ShardsColumn:
        return tr("Shards");
    case NodesColumn:
        return tr("Nodes");
    case ClassColumn:
        return tr("Class");
    case ShardCallsColumn:
        return tr("Shards × calls");
    default:
        return {};
    }
}

} // namespace shardscope
