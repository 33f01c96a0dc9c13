// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace shardscope::test {

/** Absolute path of a file under tests/data/ (the repository's copy of the real Citus fixtures). */
QString dataPath(const QString& relative);
/** Contents of a file under tests/data/; an empty array when it cannot be read. */
QByteArray readData(const QString& relative);

} // namespace shardscope::test
