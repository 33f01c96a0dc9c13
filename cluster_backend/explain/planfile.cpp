// SPDX-License-Identifier: MIT
#include "explain/planfile.h"

#include "explain/planreader.h"

#include <QFile>
#include <QSaveFile>

namespace shardscope::explain {

Result<ExplainPlan> parsePlanBytes(const QByteArray& data)
{
    return parsePlan(std::string_view(data.constData(), static_cast<std::size_t>(data.size())));
}

Result<ExplainPlan> loadPlanFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make("Cannot read the plan file " + path.toStdString() + ": " + file.errorString().toStdString(),
                           "shardscope.io_error");
    if (file.size() > static_cast<qint64>(kMaxPlanBytes))
        return Error::make("The plan file " + path.toStdString() + " is larger than 512 MB.",
                           "shardscope.invalid_plan");
    return parsePlanBytes(file.readAll());
}

Status savePlanFile(const QString& path, const QByteArray& contents)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() || !file.commit())
        return Error::make("Cannot write the plan file " + path.toStdString() + ": " + file.errorString().toStdString(),
                           "shardscope.io_error");
    return Done{};
}

} // namespace shardscope::explain
