// SPDX-License-Identifier: MIT
#include "testdata.h"

#include <QDir>
#include <QFile>

namespace shardscope::test {

QString dataPath(const QString& relative)
{
    QString root = qEnvironmentVariable("SHARDSCOPE_TEST_DATA");
    if (root.isEmpty())
        root = QStringLiteral(SHARDSCOPE_TEST_DATA_DIR);
    return QDir(root).filePath(relative);
}

QByteArray readData(const QString& relative)
{
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace shardscope::test
