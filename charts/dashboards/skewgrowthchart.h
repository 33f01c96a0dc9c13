// SPDX-License-Identifier: MIT
#pragma once

#include "snapshot/metrichistory.h"

#include <QChartView>
#include <map>
#include <vector>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace shardscope {

/** Bytes per node over time, one line per node, each downsampled and updated with one replace(). */
class SkewGrowthChart : public QChartView
{
    Q_OBJECT

public:
    explicit SkewGrowthChart(QWidget* parent = nullptr);

    void setHistory(const std::vector<snapshot::MetricSample>& samples);
    /** time, node, bytes, shards: one line per sample and node. */
    QString csv() const;
    qsizetype pointCount(const QString& node) const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_bytesAxis;
    std::map<QString, QLineSeries*> m_series; ///< by "host:port"
    std::vector<snapshot::MetricSample> m_samples;
};

} // namespace shardscope
