// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

namespace shardscope {

/** Progress of a job as a value: step of total (total 0 means "unknown", show a busy indicator). */
struct JobProgress
{
    int step = 0;
    int total = 0;
    QString text; ///< what is happening now, user-facing

    bool operator==(const JobProgress&) const = default;
};

} // namespace shardscope

Q_DECLARE_METATYPE(shardscope::JobProgress)
