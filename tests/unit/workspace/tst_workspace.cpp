// SPDX-License-Identifier: MIT
// The SQLite workspace: state survives close/reopen and a crash, a failed commit changes nothing.
#include "samplestate.h"
#include "snapshot/workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdlib>
#include <thread>

using namespace shardscope;
using namespace shardscope::engine;
using shardscope::snapshot::Workspace;
using shardscope::test::sampleState;

namespace {

const char* const kCrashChildVariable = "SHARDSCOPE_WORKSPACE_CRASH_CHILD";

/** The state after a shard move: the placement gets a new id on the new group, and sizes changed. */
ClusterState afterMove(ClusterState s)
{
    s.placements.erase(s.placements.begin()); // placement 1 of shard 102008 on group 1 ...
    s.placements.push_back({s.sequences.nextPlacementId, 102008, 8192 * 100, 1000, 2}); // ... now on group 2
    s.sequences.nextPlacementId += 1;
    s.placements[0].bytes += 4096;
    return s;
}

/** Runs SQL on the file through a second connection, as another program would. */
bool execOnFile(const QString& path, const QString& sql, QString* error = nullptr)
{
    const QString name = QStringLiteral("tst-side-connection");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok && error)
                *error = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

ClusterState loadFresh(const QString& path)
{
    Workspace workspace;
    if (!workspace.open(path.toStdString()))
        return {};
    Result<ClusterState> state = workspace.load();
    return state ? *state : ClusterState{};
}

/** Child process of crashLosesNothingCommitted: commits, then dies without closing anything. */
int crashChild(const QString& path)
{
    Workspace workspace;
    if (!workspace.open(path.toStdString()) || !workspace.commit(sampleState(), "create"))
        return 2;
    if (!workspace.commit(afterMove(sampleState()), "move shard 102008"))
        return 3;
    std::_Exit(42); // no destructor, no close: as if the process were killed
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void newWorkspaceIsEmpty()
    {
        QTemporaryDir dir;
        Workspace workspace;
        const Status opened = workspace.open(dir.filePath(QStringLiteral("a/b/new.sqlite")).toStdString());
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        const Result<ClusterState> state = workspace.load();
        QVERIFY(state.ok());
        QVERIFY(*state == ClusterState{});
        QVERIFY(workspace.operations()->empty());
    }

    void committedStateSurvivesReopen_data()
    {
        QTest::addColumn<bool>("oddNames");
        QTest::newRow("sample") << false;
        QTest::newRow("odd names") << true;
    }

    void committedStateSurvivesReopen()
    {
        QFETCH(bool, oddNames);
        ClusterState state = sampleState();
        if (oddNames) {
            state.name = std::string("nul") + '\0' + " quote\" é 日本 🙂";
            state.nodes[1].name = "back\\slash\n";
            state.tables[0].name = "'; DROP TABLE placements; --";
            state.placements.back().bytes = std::numeric_limits<std::int64_t>::max();
            state.nodes[0].freeDiskBytes = std::numeric_limits<std::int64_t>::min();
            state.tables[4].oid = std::numeric_limits<std::uint32_t>::max();
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cluster.sqlite"));
        {
            Workspace workspace;
            QVERIFY(workspace.open(path.toStdString()).ok());
            const auto record = workspace.commit(state, "create cluster");
            QVERIFY2(record.ok(), record.ok() ? "" : record.error().message.c_str());
            QVERIFY(record->id > 0);
            QVERIFY(qAbs(record->atMs - QDateTime::currentMSecsSinceEpoch()) < 60000);
        }
        Workspace reopened;
        QVERIFY(reopened.open(path.toStdString()).ok());
        const Result<ClusterState> loaded = reopened.load();
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        QVERIFY(*loaded == state);
        const auto operations = reopened.operations();
        QVERIFY(operations.ok());
        QCOMPARE(operations->size(), std::size_t(1));
        QCOMPARE(operations->front().label, std::string("create cluster"));
        QCOMPARE(operations->front().summary,
                 std::string("nodes: 3 added; colocation groups: 3 added; tables: 6 added; shards: 7 added; "
                             "placements: 9 added"));
    }

    void commitsAreDiffs()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cluster.sqlite"));
        Workspace workspace;
        QVERIFY(workspace.open(path.toStdString()).ok());
        QVERIFY(workspace.commit(sampleState(), "create").ok());

        ClusterState moved = afterMove(sampleState());
        moved.nodes.erase(moved.nodes.begin() + 2); // node 3 goes: its placements too
        std::erase_if(moved.placements, [](const Placement& p) { return p.group == 2; });
        moved.tables.erase(moved.tables.begin() + 4); // the plain table
        moved.placements[0].rows += 1;
        const auto record = workspace.commit(moved, "shuffle");
        QVERIFY2(record.ok(), record.ok() ? "" : record.error().message.c_str());
        QCOMPARE(QString::fromStdString(record->summary),
                 QStringLiteral("nodes: 1 removed; tables: 1 removed; placements: 4 removed, 1 changed"));

        const auto custom = workspace.commit(moved, "nothing", "a custom summary");
        QVERIFY(custom.ok());
        QCOMPARE(custom->summary, std::string("a custom summary"));

        QCOMPARE(loadFresh(path), moved);
        Workspace reopened;
        QVERIFY(reopened.open(path.toStdString()).ok());
        const auto operations = reopened.operations();
        QCOMPARE(operations->size(), std::size_t(3));
        QCOMPARE((*operations)[1].label, std::string("shuffle"));
        QVERIFY((*operations)[0].atMs <= (*operations)[1].atMs);
        // A time window, as the dashboard asks for the operations on its axis.
        const std::int64_t at = (*operations)[1].atMs;
        const auto window = reopened.operations(at, at);
        QVERIFY(window.ok());
        QVERIFY(!window->empty());
        QVERIFY(std::all_of(window->begin(), window->end(), [&](const auto& r) { return r.atMs == at; }));
        QVERIFY(reopened.operations(0, (*operations)[0].atMs - 1)->empty());
        QCOMPARE(reopened.operations(0, std::numeric_limits<std::int64_t>::max())->size(), std::size_t(3));
        // Without loading first, a commit diffs against what the file holds.
        QVERIFY(reopened.commit(sampleState(), "back").ok());
        QCOMPARE(loadFresh(path), sampleState());
    }

    void randomOperationsRoundTrip()
    {
        // Many commits of random edits: after each, what a fresh reader sees is exactly the committed state.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cluster.sqlite"));
        Workspace workspace;
        QVERIFY(workspace.open(path.toStdString()).ok());
        ClusterState state = sampleState();
        QVERIFY(workspace.commit(state, "create").ok());
        QRandomGenerator random(42);
        for (int round = 0; round < 40; ++round) {
            switch (random.bounded(5)) {
            case 0: // sizes change
                for (Placement& p : state.placements) {
                    if (random.bounded(2))
                        p.bytes = random.bounded(1 << 30);
                }
                break;
            case 1: { // a move: the placement gets a new id on a group the shard is not on yet
                const auto i = std::size_t(random.bounded(int(state.placements.size())));
                Placement p = state.placements[i];
                for (const Node& node : state.nodes) {
                    const bool taken =
                        std::any_of(state.placements.begin(), state.placements.end(),
                                    [&](const Placement& q) { return q.shard == p.shard && q.group == node.group; });
                    if (!taken) {
                        state.placements.erase(state.placements.begin() + std::ptrdiff_t(i));
                        p.id = state.sequences.nextPlacementId++;
                        p.group = node.group;
                        state.placements.push_back(p);
                        break;
                    }
                }
                break;
            }
            case 2: { // a node joins
                Node node;
                node.id = state.sequences.nextNodeId++;
                node.group = state.sequences.nextGroupId++;
                node.name = "joined-" + std::to_string(node.id);
                state.nodes.push_back(node);
                break;
            }
            case 3: // table order changes
                std::swap(state.tables[std::size_t(random.bounded(int(state.tables.size())))], state.tables.front());
                break;
            default: // an empty node leaves
                for (std::size_t n = state.nodes.size(); n-- > 0;) {
                    const GroupId group = state.nodes[n].group;
                    if (std::none_of(state.placements.begin(), state.placements.end(),
                                     [&](const Placement& q) { return q.group == group; })) {
                        state.nodes.erase(state.nodes.begin() + std::ptrdiff_t(n));
                        break;
                    }
                }
            }
            const auto record = workspace.commit(state, "round " + std::to_string(round));
            QVERIFY2(record.ok(), record.ok() ? "" : record.error().message.c_str());
            QCOMPARE(loadFresh(path), state);
        }
        QCOMPARE(workspace.operations()->size(), std::size_t(41));
    }

    void failedCommitLeavesPreviousState()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cluster.sqlite"));
        Workspace workspace;
        QVERIFY(workspace.open(path.toStdString()).ok());
        QVERIFY(workspace.commit(sampleState(), "create").ok());

        // Make the last write of the next commit fail, after nodes and other rows were already written.
        QString error;
        QVERIFY2(execOnFile(path,
                            QStringLiteral("CREATE TRIGGER fail_late BEFORE INSERT ON placements WHEN NEW.id = 999 "
                                           "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"),
                            &error),
                 qPrintable(error));
        ClusterState next = sampleState();
        next.name = "renamed";
        next.nodes[1].port = 6000;
        next.placements.push_back({999, 102011, 1, 1, 2});
        const auto failed = workspace.commit(next, "doomed");
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().message.find("injected failure") != std::string::npos, failed.error().message.c_str());
        QVERIFY2(failed.error().message.find("keeps its previous state") != std::string::npos,
                 failed.error().message.c_str());

        QCOMPARE(loadFresh(path), sampleState());
        QCOMPARE(workspace.operations()->size(), std::size_t(1));

        // An inconsistent state is refused before any write.
        ClusterState dangling = sampleState();
        dangling.placements[0].shard = 4242;
        const auto refused = workspace.commit(dangling, "dangling");
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("shard 4242 does not exist") != std::string::npos,
                 refused.error().message.c_str());

        // The workspace still works, and still diffs against the right state.
        QVERIFY(execOnFile(path, QStringLiteral("DROP TRIGGER fail_late")));
        const auto retried = workspace.commit(next, "retried");
        QVERIFY2(retried.ok(), retried.ok() ? "" : retried.error().message.c_str());
        QCOMPARE(loadFresh(path), next);
        QCOMPARE(workspace.operations()->size(), std::size_t(2));
    }

    void crashLosesNothingCommitted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cluster.sqlite"));
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(kCrashChildVariable), path);
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitCode(), 42);
        // The WAL file is still there (nothing was checkpointed on close), and its content counts.
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        QCOMPARE(loadFresh(path), afterMove(sampleState()));
        Workspace workspace;
        QVERIFY(workspace.open(path.toStdString()).ok());
        QCOMPARE(workspace.operations()->size(), std::size_t(2));
    }

    void usableFromAWorkerThread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cluster.sqlite"));
        bool ok = false;
        std::thread worker([&] {
            Workspace workspace; // created, used and destroyed on the worker
            ok = workspace.open(path.toStdString()).ok() && workspace.commit(sampleState(), "from worker").ok() &&
                 workspace.load().ok();
        });
        // Another instance on the GUI thread at the same time: connection names never clash.
        Workspace other;
        QVERIFY(other.open(dir.filePath(QStringLiteral("other.sqlite")).toStdString()).ok());
        QVERIFY(other.commit(ClusterState{}, "empty").ok());
        worker.join();
        QVERIFY(ok);
        QCOMPARE(loadFresh(path), sampleState());
    }

    void rejectsOtherFiles_data()
    {
        QTest::addColumn<QByteArray>("setup");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text file") << QByteArray("text:hello, this is not a database\n")
                                   << QStringLiteral("not a ShardScope workspace");
        QTest::newRow("other database") << QByteArray("sql:CREATE TABLE customers (id int)")
                                        << QStringLiteral("not a ShardScope workspace");
        QTest::newRow("newer schema") << QByteArray("newer") << QStringLiteral("written by a newer ShardScope");
        QTest::newRow("damaged") << QByteArray("damaged") << QStringLiteral("table placements is missing");
    }

    void rejectsOtherFiles()
    {
        QFETCH(QByteArray, setup);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("file.sqlite"));
        if (setup.startsWith("text:")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(setup.mid(5).repeated(100));
        } else if (setup.startsWith("sql:")) {
            QVERIFY(execOnFile(path, QString::fromUtf8(setup.mid(4))));
        } else {
            {
                Workspace workspace;
                QVERIFY(workspace.open(path.toStdString()).ok());
            }
            QVERIFY(execOnFile(path, setup == "newer" ? QStringLiteral("PRAGMA user_version=99")
                                                      : QStringLiteral("DROP TABLE placements")));
        }
        Workspace workspace;
        const Status opened = workspace.open(path.toStdString());
        QVERIFY(!opened.ok());
        QVERIFY2(QString::fromStdString(opened.error().message).contains(expected), opened.error().message.c_str());
        QVERIFY2(opened.error().message.find(path.toStdString()) != std::string::npos, opened.error().message.c_str());
        QVERIFY(!workspace.isOpen());
        QVERIFY(!workspace.load().ok());
    }

    void usesWriteAheadLogging()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cluster.sqlite"));
        {
            Workspace workspace;
            QVERIFY(workspace.open(path.toStdString()).ok());
        }
        // journal_mode=WAL is stored in the file: any connection sees it.
        const QString name = QStringLiteral("tst-wal-check");
        QString mode;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(QStringLiteral("PRAGMA journal_mode"), db);
            QVERIFY(query.next());
            mode = query.value(0).toString();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        QCOMPARE(mode, QStringLiteral("wal"));
    }

    void defaultPathIsUnderAppData()
    {
        const QString path = QString::fromStdString(Workspace::defaultPath("prod cluster/eu"));
        QVERIFY2(path.endsWith(QStringLiteral("/workspaces/prod_cluster_eu.sqlite")), qPrintable(path));
        QVERIFY2(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)), qPrintable(path));
        QVERIFY(path.contains(QStringLiteral(".qttest")));
        {
            Workspace workspace;
            QVERIFY(workspace.open(path.toStdString()).ok());
            QVERIFY(workspace.commit(sampleState(), "create").ok());
        }
        QCOMPARE(loadFresh(path), sampleState());
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString crashPath = qEnvironmentVariable(kCrashChildVariable);
    if (!crashPath.isEmpty())
        return crashChild(crashPath);
    TestWorkspace test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_workspace.moc"
