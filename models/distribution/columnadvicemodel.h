// SPDX-License-Identifier: MIT
#pragma once

#include "engine/distributionadvice.h"

#include <QAbstractTableModel>
#include <vector>

namespace shardscope {

/** One row per column of a plain table with the advice for distributing by it. */
class ColumnAdviceModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Type,
        Distinct,
        Nulls,
        Skew,
        Verdict,
        ColumnCount,
    };
    enum Role
    {
        UsableRole = Qt::UserRole + 1, ///< bool: Citus would accept the column
        ReasonRole,                    ///< QString: problems then warnings, one per line
    };

    explicit ColumnAdviceModel(QObject* parent = nullptr);

    void setAdvice(std::vector<engine::ColumnAdvice> advice, bool statisticsKnown);
    const std::vector<engine::ColumnAdvice>& advice() const { return m_advice; }
    /** Row of a column name, -1 when absent. */
    int rowOf(const QString& column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Problems then warnings then colocation candidates, as the user reads them. */
    static QString explanation(const engine::ColumnAdvice& advice);

private:
    std::vector<engine::ColumnAdvice> m_advice;
    bool m_statisticsKnown = false;
};

} // namespace shardscope
