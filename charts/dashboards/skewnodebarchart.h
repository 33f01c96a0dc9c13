// SPDX-License-Identifier: MIT
#pragma once

#include "engine/skew.h"
#include "skew/skewfigures.h"

#include <QChartView>

class QBarCategoryAxis;
class QHorizontalStackedBarSeries;
class QValueAxis;

namespace shardscope {

/** Bytes per node as stacked bars, one stack per colocation group plus reference tables and the rest. */
class SkewNodeBarChart : public QChartView
{
    Q_OBJECT

public:
    explicit SkewNodeBarChart(QWidget* parent = nullptr);

    void setReport(const engine::SkewReport& report);
    /** Stacks by table instead: one bar segment per table (reference tables included). */
    void setTables(const engine::SkewReport& report, const std::vector<TableNodeBytes>& tables);
    /**
     * By colocation group: node, colocation_id, tables, bytes (colocation id 0: reference and other);
     * by table: node, table, bytes. One line per node and stack.
     */
    QString csv() const;
    /** The nodes shown, in order ("host:port"). */
    QStringList nodes() const { return m_nodes; }

    /** The legend's visible entries, in order (tests). */
    QStringList legendNames() const;

private:
    void nameBiggestInLegend();
    QHorizontalStackedBarSeries* m_series;
    QBarCategoryAxis* m_nodeAxis;
    QValueAxis* m_bytesAxis;
    QStringList m_nodes;
    QString m_csv;
};

} // namespace shardscope
