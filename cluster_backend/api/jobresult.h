// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <QMetaType>
#include <QString>
#include <optional>

namespace shardscope {

/** Identifies a job submitted to a ClusterSource; 0 is never a valid id. */
using JobId = quint64;

/** How a job ended. */
struct JobResult
{
    std::optional<Error> error; ///< set when the job failed
    bool canceled = false;      ///< the user canceled it before it changed anything
    QString summary;            ///< what was done, one line, untranslated (the embedded cluster gives the SQL)
    /** Generation of the first snapshot that contains the job's effect; 0 when there is none. */
    quint64 generation = 0;

    bool ok() const { return !error && !canceled; }
};

} // namespace shardscope

Q_DECLARE_METATYPE(shardscope::Error)
Q_DECLARE_METATYPE(shardscope::JobResult)
