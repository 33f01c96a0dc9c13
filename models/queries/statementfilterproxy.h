// SPDX-License-Identifier: MIT
#pragma once

#include "stats/fanout.h"

#include <QSortFilterProxyModel>
#include <optional>

namespace shardscope {

/** Sorts a StatementTableModel by raw values and filters it by statement text and fan-out class. */
class StatementFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit StatementFilterProxy(QObject* parent = nullptr);

    /** Rows of that class only; nullopt: every class. */
    void setClassFilter(std::optional<stats::FanoutClass> kind);
    std::optional<stats::FanoutClass> classFilter() const { return m_class; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::optional<stats::FanoutClass> m_class;
};

} // namespace shardscope
