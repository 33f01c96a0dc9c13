// SPDX-License-Identifier: MIT
// pgtestserver start|stop DIR: the CTest fixture around the shared throw-away PostgreSQL server.
#include "pgtestserver.h"

#include <QCoreApplication>
#include <QStringList>
#include <cstdio>

using shardscope::test::PgTestServer;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3 || (args[1] != QLatin1String("start") && args[1] != QLatin1String("stop"))) {
        std::fprintf(stderr, "usage: pgtestserver start|stop DIR\n");
        return 2;
    }
    QString error;
    if (args[1] == QLatin1String("start")) {
        PgTestServer::stop(args[2], nullptr); // a server left over by an interrupted run
        if (!PgTestServer::start(args[2], &error)) {
            std::fprintf(stderr, "cannot start PostgreSQL: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("PostgreSQL test server started, state in %s\n", qPrintable(args[2]));
        return 0;
    }
    if (!PgTestServer::stop(args[2], &error)) {
        std::fprintf(stderr, "cannot stop PostgreSQL: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}
