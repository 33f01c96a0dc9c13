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

private:
    QHorizontalBarSeries* m_series;
    QBarCategoryAxis* m_sizeAxis;
    QValueAxis* m_countAxis;
    std::vector<SizeBin> m_bins;
};

} // namespace shardscope
