// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace shardscope::test {

/**
 * A throw-away PostgreSQL 15 server for tests: initdb in a temporary directory, a free loopback port,
 * run as user "postgres" when the tests run as root, pg_stat_statements preloaded, stopped afterwards.
 *
 * Under CTest one server is shared by all tests labelled "pg" (the pg_server fixture starts and stops it
 * with the pgtestserver program; SHARDSCOPE_TEST_PG_DIR tells the tests where it is). A test run on its
 * own starts a private server the first time it asks for one and stops it at exit.
 */
class PgTestServer
{
public:
    /** The libpq connection string of the server ("" when none could be started; see error()). */
    static QString conninfo(const QString& database = QStringLiteral("postgres"));
    static QString error();

    /** Creates and starts a server whose state lives in stateDir; false with a message on failure. */
    static bool start(const QString& stateDir, QString* error);
    /** Stops the server of stateDir and deletes its data. */
    static bool stop(const QString& stateDir, QString* error);
};

} // namespace shardscope::test
