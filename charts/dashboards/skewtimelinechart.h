// SPDX-License-Identifier: MIT
#pragma once

#include "snapshot/metrichistory.h"

#include <QChartView>
#include <map>
#include <vector>

class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace shardscope {

/**
 * Skew over time: max/mean of the nodes and of each colocation group (solid, left axis) and their coefficient
 * of variation (dashed, right axis), with operations (rebalance, moves) marked on the time axis. Each series
 * keeps at most SkewDownsample::kMaxPoints points and is updated with one replace().
 */
class SkewTimelineChart : public QChartView
{
    Q_OBJECT

public:
    explicit SkewTimelineChart(QWidget* parent = nullptr);

    void setHistory(const std::vector<snapshot::MetricSample>& samples,
                    const std::vector<snapshot::OperationMarker>& markers);
    /**
     * time, series, colocation_id, max_over_mean, cv, operation: a line per sample for the nodes ("nodes") and
     * each group, then one per operation marker (series = its kind, operation = its label).
     */
    QString csv() const;
    /** How many points the series named name holds (tests). */
    qsizetype pointCount(const QString& name) const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct GroupSeries
    {
        QLineSeries* ratio = nullptr;
        QLineSeries* cv = nullptr;
    };
    GroupSeries& seriesFor(std::int64_t colocationId, const QString& label);

    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_ratioAxis;
    QValueAxis* m_cvAxis;
    QScatterSeries* m_markerSeries;
    std::map<std::int64_t, GroupSeries> m_series; ///< colocation id (0: the nodes)
    std::vector<snapshot::MetricSample> m_samples;
    std::vector<snapshot::OperationMarker> m_markers;
};

} // namespace shardscope
