// SPDX-License-Identifier: MIT
#include "explain/plantreemodel.h"

#include "explain/plantextwriter.h"

#include <QColor>
#include <QFont>

namespace shardscope {

using explain::PlanRow;
using explain::PlanRowKind;

namespace {

QString ms(const std::optional<double>& value)
{
    return value ? QString::number(*value, 'f', 3) : QString();
}

QString rows(double value)
{
    return QString::number(value, 'f', 0);
}

} // namespace

PlanTreeModel::PlanTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void PlanTreeModel::setAnalysis(std::shared_ptr<const explain::PlanAnalysis> analysis)
{
    beginResetModel();
    m_analysis = std::move(analysis);
    m_position.clear();
    if (m_analysis) {
        m_position.assign(m_analysis->rows.size(), 0);
        for (std::size_t i = 0; i < m_analysis->roots.size(); ++i)
            m_position[static_cast<std::size_t>(m_analysis->roots[i])] = static_cast<int>(i);
        for (const PlanRow& row : m_analysis->rows) {
            for (std::size_t i = 0; i < row.children.size(); ++i)
                m_position[static_cast<std::size_t>(row.children[i])] = static_cast<int>(i);
        }
    }
    endResetModel();
}

const std::vector<int>& PlanTreeModel::childrenOf(int planRow) const
{
    static const std::vector<int> kNone;
    if (!m_analysis)
        return kNone;
    return planRow < 0 ? m_analysis->roots : m_analysis->rows[static_cast<std::size_t>(planRow)].children;
}

int PlanTreeModel::planRow(const QModelIndex& index) const
{
    return index.isValid() && m_analysis ? static_cast<int>(index.internalId()) : -1;
}

QModelIndex PlanTreeModel::indexForPlanRow(int planRow, int column) const
{
    if (!m_analysis || planRow < 0 || planRow >= static_cast<int>(m_analysis->rows.size()))
        return {};
    return createIndex(m_position[static_cast<std::size_t>(planRow)], column, static_cast<quintptr>(planRow));
}

QModelIndex PlanTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const std::vector<int>& children = childrenOf(planRow(parent));
    return createIndex(row, column, static_cast<quintptr>(children[static_cast<std::size_t>(row)]));
}

QModelIndex PlanTreeModel::parent(const QModelIndex& child) const
{
    const int row = planRow(child);
    if (row < 0)
        return {};
    return indexForPlanRow(m_analysis->rows[static_cast<std::size_t>(row)].parent);
}

int PlanTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    return static_cast<int>(childrenOf(planRow(parent)).size());
}

int PlanTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant PlanTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeColumn:
        return tr("Node");
    case WorkerColumn:
        return tr("Runs on");
    case RowsColumn:
        return tr("Rows (est → actual)");
    case MisestimateColumn:
        return tr("Misestimate");
    case SelfTimeColumn:
        return tr("Self ms");
    case TotalTimeColumn:
        return tr("Total ms");
    case LoopsColumn:
        return tr("Loops");
    case BuffersColumn:
        return tr("Shared buffers");
    case CostColumn:
        return tr("Cost");
    default:
        return {};
    }
}

QString PlanTreeModel::rowLabel(int index) const
{
    if (!m_analysis || index < 0)
        return {};
    const PlanRow& row = m_analysis->rows[static_cast<std::size_t>(index)];
    switch (row.kind) {
    case PlanRowKind::Node: {
        QString label = QString::fromStdString(explain::textNodeName(*row.node));
        if (!row.node->subplanName.empty())
            label = QString::fromStdString(row.node->subplanName) + QStringLiteral(": ") + label;
        if (row.node->job) {
            const explain::CitusJob& job = *row.node->job;
            if (job.taskCount)
                label += tr(" · Task Count %1").arg(*job.taskCount);
            if (!job.tasksShown.empty())
                label += tr(", shown: %1").arg(QString::fromStdString(job.tasksShown));
        }
        if (!row.node->insertSelectMethod.empty())
            label += tr(" · method: %1").arg(QString::fromStdString(row.node->insertSelectMethod));
        return label;
    }
    case PlanRowKind::Task:
        return row.worker.empty() ? tr("Task") : tr("Task on %1").arg(QString::fromStdString(row.worker));
    case PlanRowKind::Subplan:
        return row.subplan->name.empty() ? tr("Distributed subplan") : QString::fromStdString(row.subplan->name);
    case PlanRowKind::DependentJob:
        return tr("MapMergeJob: %1 map / %2 merge tasks")
            .arg(row.dependentJob->mapTaskCount.value_or(0))
            .arg(row.dependentJob->mergeTaskCount.value_or(0));
    }
    return {};
}

int PlanTreeModel::highlight(int planRow) const
{
    int flags = NoHighlight;
    if (planRow == m_analysis->slowestRow)
        flags |= SlowestHighlight;
    if (planRow == m_analysis->mostMisestimatedRow)
        flags |= MisestimateHighlight;
    return flags;
}

QVariant PlanTreeModel::display(const PlanRow& row, int column) const
{
    const explain::PlanNode* n = row.kind == PlanRowKind::Node ? row.node : nullptr;
    switch (column) {
    case WorkerColumn:
        if (!row.worker.empty())
            return QString::fromStdString(row.worker);
        if (row.kind == PlanRowKind::DependentJob)
            return tr("workers"); // map and merge tasks run on the workers, not on the coordinator
        // A plan without Citus ran on one plain server: "coordinator" would mislead.
        return m_analysis->distributed ? tr("coordinator") : tr("server");
    case RowsColumn:
        if (!n || !n->planRows)
            return {};
        if (n->actualRows)
            return QStringLiteral("%1 → %2").arg(rows(*n->planRows), rows(*n->actualRows));
        return rows(*n->planRows);
    case MisestimateColumn:
        if (!row.misestimate)
            return {};
        {
            // ▲ more rows than estimated, ▼ fewer; an exact estimate has no arrow.
            const QString factor = QString::number(*row.misestimate, 'f', *row.misestimate < 10 ? 1 : 0);
            if (*row.misestimate <= 1.0)
                return factor;
            return (row.underestimated ? QStringLiteral("▲ ") : QStringLiteral("▼ ")) + factor;
        }
    case SelfTimeColumn:
        return ms(row.selfTimeMs);
    case TotalTimeColumn:
        return ms(row.totalTimeMs);
    case LoopsColumn:
        return n && n->actualLoops ? rows(*n->actualLoops) : QString();
    case BuffersColumn:
        if (!n || !n->buffers.present())
            return {};
        if (n->buffers.sharedRead.value_or(0) > 0)
            return tr("%1 hit, %2 read").arg(n->buffers.sharedHit.value_or(0)).arg(*n->buffers.sharedRead);
        return tr("%1 hit").arg(n->buffers.sharedHit.value_or(0));
    case CostColumn:
        return n && n->totalCost ? QString::number(*n->totalCost, 'f', 2) : QString();
    default:
        return {};
    }
}

QVariant PlanTreeModel::sortValue(const PlanRow& row, int column) const
{
    const explain::PlanNode* n = row.kind == PlanRowKind::Node ? row.node : nullptr;
    switch (column) {
    case RowsColumn:
        return n && n->actualRows ? QVariant(*n->actualRows) : QVariant();
    case MisestimateColumn:
        return row.misestimate ? QVariant(*row.misestimate) : QVariant();
    case SelfTimeColumn:
        return row.selfTimeMs ? QVariant(*row.selfTimeMs) : QVariant();
    case TotalTimeColumn:
        return row.totalTimeMs ? QVariant(*row.totalTimeMs) : QVariant();
    case CostColumn:
        return n && n->totalCost ? QVariant(*n->totalCost) : QVariant();
    default:
        return display(row, column);
    }
}

QString PlanTreeModel::toolTip(const PlanRow& row) const
{
    QStringList lines;
    auto add = [&lines](const explain::PlanProperties& properties) {
        for (const explain::PlanProperty& p : properties) {
            QString value = QString::fromStdString(p.value.display());
            if (value.size() > 300)
                value = value.left(300) + QStringLiteral("…");
            lines << QString::fromStdString(p.key) + QStringLiteral(": ") + value;
        }
    };
    if (row.kind == PlanRowKind::Node) {
        add(row.node->properties);
    } else if (row.kind == PlanRowKind::Task) {
        lines << tr("Node: %1").arg(QString::fromStdString(row.task->node));
        if (!row.task->query.empty())
            lines << tr("Query: %1").arg(QString::fromStdString(row.task->query));
        if (!row.task->tupleDataReceived.empty())
            lines << tr("Tuple data received: %1").arg(QString::fromStdString(row.task->tupleDataReceived));
        add(row.task->properties);
    } else if (row.kind == PlanRowKind::Subplan) {
        add(row.subplan->properties);
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant PlanTreeModel::data(const QModelIndex& index, int role) const
{
    const int rowIndex = planRow(index);
    if (rowIndex < 0)
        return {};
    const PlanRow& row = m_analysis->rows[static_cast<std::size_t>(rowIndex)];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return column == NodeColumn ? QVariant(rowLabel(rowIndex)) : display(row, column);
    case Qt::ToolTipRole:
        return column == NodeColumn ? QVariant(toolTip(row)) : QVariant();
    case Qt::TextAlignmentRole:
        return column >= RowsColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::BackgroundRole: {
        const int flags = highlight(rowIndex);
        if ((flags & SlowestHighlight) && (column == NodeColumn || column == SelfTimeColumn))
            return QColor(239, 154, 154); // red: where the time went
        if ((flags & MisestimateHighlight) && (column == NodeColumn || column == MisestimateColumn))
            return QColor(255, 213, 128); // amber: where the planner guessed wrong
        return {};
    }
    case Qt::ForegroundRole:
        return highlight(rowIndex) != NoHighlight &&
                       (column == NodeColumn || column == SelfTimeColumn || column == MisestimateColumn)
                   ? QVariant(QColor(Qt::black))
                   : QVariant();
    case Qt::FontRole:
        if (row.kind == PlanRowKind::Task || highlight(rowIndex) != NoHighlight) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case PlanRowRole:
        return rowIndex;
    case HighlightRole:
        return highlight(rowIndex);
    case SortValueRole:
        return sortValue(row, column);
    default:
        return {};
    }
}

} // namespace shardscope
