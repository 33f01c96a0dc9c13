// SPDX-License-Identifier: MIT
#pragma once

#include "stats/statementreport.h"

#include <QAbstractTableModel>

namespace shardscope {

/**
 * One row per normalized statement of a StatementReport: text, calls, mean and total time, executor, shards
 * and nodes one execution touches, fan-out class and the shard calls (shards x calls, the real cost). The class
 * column's tooltip is the classifier's reason (why "unknown" is unknown). SortRole gives raw numbers.
 */
class StatementTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StatementColumn,
        CallsColumn,
        MeanColumn,
        TotalColumn,
        ExecutorColumn,
        ShardsColumn,
        NodesColumn,
        ClassColumn,
        ShardCallsColumn,
        ColumnCount,
    };
    /** The fan-out class (stats::FanoutClass as int) of a row, on any column. */
    static constexpr int FanoutClassRole = Qt::UserRole + 40;
    /** The statement's full SQL text, on any column. */
    static constexpr int SqlRole = Qt::UserRole + 41;

    explicit StatementTableModel(QObject* parent = nullptr);

    void setReport(const stats::StatementReport& report);
    const stats::StatementReport& report() const { return m_report; }
    const stats::StatementFigures* figuresAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** "router", "multi-shard", ... as the user reads them. */
    static QString className(stats::FanoutClass kind);

private:
    QVariant display(const stats::StatementFigures& figures, int column) const;
    QVariant sortValue(const stats::StatementFigures& figures, int column) const;

    stats::StatementReport m_report;
};

} // namespace shardscope
