// SPDX-License-Identifier: MIT
#pragma once

#include "skew/skewfigures.h"

#include <QChartView>

class QBarCategoryAxis;
class QHorizontalBarSeries;
class QValueAxis;

namespace shardscope {

/** The distribution of shard sizes: how many shards fall in each size band. */
class SkewHistogramChart : public QChartView
{
    Q_OBJECT

public:
    explicit SkewHistogramChart(QWidget* parent = nullptr);

    void setHistogram(const std::vector<SizeBin>& bins);
    /** from_bytes, to_bytes, shards: one line per band. */
    QString csv() const;
    /** How many bands are drawn: neighbours are merged when the chart is too short for every label (tests). */
    int shownBands() const { return m_shownBands; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    int bandsShown() const;
    void redraw();

    QHorizontalBarSeries* m_series;
    QBarCategoryAxis* m_sizeAxis;
    QValueAxis* m_countAxis;
    std::vector<SizeBin> m_bins;
    int m_shownBands = 0;
};

} // namespace shardscope
