// SPDX-License-Identifier: MIT
#include "catalogsql.h"

#include <QFile>
#include <QString>

// The resources of a static library must be registered explicitly.
static void initLiveResources()
{
    Q_INIT_RESOURCE(live);
}

namespace shardscope::live {

std::string catalogSql(const char* name)
{
    static const bool initialised = (initLiveResources(), true);
    (void)initialised;
    QFile file(QStringLiteral(":/shardscope/live/sql/%1.sql").arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

} // namespace shardscope::live
