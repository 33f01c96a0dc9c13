// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "explain/plannode.h"

#include <QByteArray>
#include <QString>

namespace shardscope::explain {

/** Reads and parses a plan file (JSON or text, see parsePlan()); unreadable files give an Error. */
Result<ExplainPlan> loadPlanFile(const QString& path);
/** Parses plan bytes already read (from a file, standard input or the clipboard). */
Result<ExplainPlan> parsePlanBytes(const QByteArray& data);
/** Writes plan text (JSON or text as the user chose) to a file, replacing it atomically. */
Status savePlanFile(const QString& path, const QByteArray& contents);

} // namespace shardscope::explain
