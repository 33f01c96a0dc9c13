// SPDX-License-Identifier: MIT
// Rebalance progress as Citus 13.2.2 reports it: citus_rebalance_status(raw => true) and
// get_rebalance_progress() rows captured from a real cluster while a rebalance ran (logical moves of a
// two-table shard group, a stopped job, a reference table copy), and pg_size_pretty's rounding.
#include "live/rebalanceprogress.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace shardscope;
using namespace shardscope::live;

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

// Rows as libpq's text format gives them: numbers as digits, JSON as compact text, NULL as no value.
QueryResult resultOf(const QJsonArray& rows)
{
    QueryResult result;
    for (const QJsonValue& value : rows) {
        const QJsonObject row = value.toObject();
        if (result.columns.empty()) {
            for (const QString& key : row.keys())
                result.columns.push_back(key.toStdString());
        }
        std::vector<std::optional<std::string>> cells;
        for (const std::string& column : result.columns) {
            const QJsonValue cell = row.value(QString::fromStdString(column));
            if (cell.isNull() || cell.isUndefined())
                cells.emplace_back(std::nullopt);
            else if (cell.isDouble())
                cells.emplace_back(QString::number(cell.toDouble(), 'f', 0).toStdString());
            else if (cell.isObject())
                cells.emplace_back(QJsonDocument(cell.toObject()).toJson(QJsonDocument::Compact).toStdString());
            else
                cells.emplace_back(cell.toString().toStdString());
        }
        result.rows.push_back(std::move(cells));
    }
    return result;
}

QueryResult emptyResultWith(const std::vector<std::string>& columns)
{
    QueryResult result;
    result.columns = columns;
    return result;
}

std::vector<QJsonObject> polls()
{
    std::vector<QJsonObject> out;
    for (const QByteArray& line : test::readData(s("live/05_rebalance_poll_13.2.2.jsonl")).split('\n')) {
        if (!line.trimmed().isEmpty())
            out.push_back(QJsonDocument::fromJson(line).object());
    }
    return out;
}

} // namespace

class TestRebalanceProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void polledStates_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("tasks");
        QTest::addColumn<int>("done");
        QTest::addColumn<QString>("phase");    // of the running task in details.tasks ("" if none listed)
        QTest::addColumn<int>("transfers");    // shard groups in flight (get_rebalance_progress())
        QTest::addColumn<QString>("transfer"); // the first one, described
        QTest::newRow("scheduled") << 0 << s("scheduled") << 3 << 0 << QString() << 0 << QString();
        QTest::newRow("copying data")
            << 1 << s("running") << 3 << 0 << s("Copying Data") << 1
            << s("shard 102045 of ss_live.accounts (+1 colocated) 127.0.0.1:9702 -> 127.0.0.1:9701, Copying Data, "
                 "232 kB of 16 MB");
        QTest::newRow("catching up")
            << 2 << s("running") << 3 << 0 << s("Catching Up") << 1
            << s("shard 102045 of ss_live.accounts (+1 colocated) 127.0.0.1:9702 -> 127.0.0.1:9701, Catching Up, "
                 "19 MB of 16 MB");
        QTest::newRow("second move setting up")
            << 3 << s("running") << 3 << 1 << s("Setting Up") << 1
            << s("shard 102046 of ss_live.accounts (+1 colocated) 127.0.0.1:9702 -> 127.0.0.1:9701, Setting Up, "
                 "16 kB of 19 MB");
        QTest::newRow("finished") << 7 << s("finished") << 3 << 3 << QString() << 0 << QString();
        // Between a task's start and its progress report, details.tasks is empty.
        QTest::newRow("running, not reported yet") << 8 << s("running") << 3 << 0 << QString() << 0 << QString();
        QTest::newRow("stopped") << 9 << s("cancelled") << 3 << 1 << QString() << 0 << QString();
    }

    void polledStates()
    {
        QFETCH(int, index);
        QFETCH(QString, state);
        QFETCH(int, tasks);
        QFETCH(int, done);
        QFETCH(QString, phase);
        QFETCH(int, transfers);
        QFETCH(QString, transfer);
        const auto all = polls();
        QCOMPARE(all.size(), std::size_t(10));
        const QJsonObject poll = all[std::size_t(index)];

        auto status = parseRebalanceStatus(resultOf(poll.value(s("raw")).toArray()));
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        QCOMPARE(QString::fromStdString(status->state), state);
        QCOMPARE(status->jobType, std::string("rebalance"));
        QCOMPARE(status->tasks(), tasks);
        QCOMPARE(status->tasksIn("done"), done);
        QCOMPARE(status->ended(), state == s("finished") || state == s("cancelled"));
        if (phase.isEmpty()) {
            QVERIFY(status->runningTasks.empty());
        } else {
            QCOMPARE(status->runningTasks.size(), std::size_t(1));
            const RebalanceTaskDetail& task = status->runningTasks.front();
            QCOMPARE(QString::fromStdString(task.phase), phase);
            QCOMPARE(task.state, std::string("running"));
            QCOMPARE(task.sourceHost, std::string("127.0.0.1:9702"));
            QVERIFY(task.sourceBytes > 0); // raw => true: byte counts, not "16 MB"
            QVERIFY(
                QString::fromStdString(task.command).startsWith(s("SELECT pg_catalog.citus_move_shard_placement(")));
        }

        const QJsonArray progressRows = poll.value(s("progress")).toArray();
        auto rows = parseRebalanceProgress(
            progressRows.isEmpty()
                ? emptyResultWith({"sessionid", "table_name", "shardid", "shard_size", "sourcename", "sourceport",
                                   "targetname", "targetport", "progress", "source_shard_size", "target_shard_size",
                                   "operation_type", "source_lsn", "target_lsn", "status"})
                : resultOf(progressRows));
        QVERIFY2(rows.ok(), rows.ok() ? "" : rows.error().message.c_str());
        const auto groups = activeTransfers(*rows);
        QCOMPARE(int(groups.size()), transfers);
        if (transfers > 0) {
            // Both colocated shards of the group are rows of their own; one transfer, sizes summed.
            QCOMPARE(groups[0].shardIds.size(), std::size_t(2));
            QCOMPARE(groups[0].operation, std::string("move"));
            QCOMPARE(groups[0].sourceBytes, (*rows)[0].sourceBytes + (*rows)[1].sourceBytes);
            QCOMPARE(QString::fromStdString(groups[0].describe()), transfer);
        }
    }

    void referenceTableCopy()
    {
        // The shared capture of a rebalance onto a new node starts by copying the reference table.
        const QJsonObject capture =
            QJsonDocument::fromJson(test::readData(s("live/05_rebalance_status_while_running.json"))).object();
        auto status = parseRebalanceStatus(resultOf(capture.value(s("citus_rebalance_status_raw")).toArray()));
        QVERIFY(status.ok());
        QCOMPARE(status->tasksIn("done"), 5);
        QCOMPARE(status->tasks(), 11);
        QCOMPARE(status->runningTasks.front().phase, std::string("Catching Up"));
        QCOMPARE(status->runningTasks.front().sourceBytes, std::int64_t(2596864));
        QCOMPARE(status->runningTasks.front().targetHost, std::string("127.0.0.1:9703"));
    }

    void unexpectedOutput_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("progress without a column")
            << s("progress")
            << s("Citus answered in an unexpected form: get_rebalance_progress() has no column progress.");
        QTest::newRow("status without details")
            << s("details")
            << s("Citus answered in an unexpected form: citus_rebalance_status() has no column details.");
        QTest::newRow("details not JSON")
            << s("bad json")
            << s("Citus answered in an unexpected form: citus_rebalance_status() details are not a JSON object.");
    }

    void unexpectedOutput()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        std::string error;
        if (what == s("progress")) {
            auto rows = parseRebalanceProgress(
                emptyResultWith({"sessionid", "table_name", "shardid", "shard_size", "sourcename", "sourceport",
                                 "targetname", "targetport", "source_shard_size", "target_shard_size"}));
            QVERIFY(!rows.ok());
            error = rows.error().message;
        } else {
            QueryResult result =
                emptyResultWith({"job_id", "state", "job_type", "description", "started_at", "finished_at", "details"});
            if (what == s("details"))
                result.columns.pop_back();
            else
                result.rows.push_back({"7", "running", "rebalance", "", std::nullopt, std::nullopt, "{tasks"});
            auto status = parseRebalanceStatus(result);
            QVERIFY(!status.ok());
            error = status.error().message;
        }
        QCOMPARE(QString::fromStdString(error), message);
    }

    void noJobYet()
    {
        auto status = parseRebalanceStatus(
            emptyResultWith({"job_id", "state", "job_type", "description", "started_at", "finished_at", "details"}));
        QVERIFY(status.ok());
        QCOMPARE(status->jobId, std::int64_t(0));
        QCOMPARE(status->tasks(), 0);
    }

    void prettySizeLikePostgres_data()
    {
        // pg_size_pretty() of PostgreSQL 15 for the same values.
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("pretty");
        QTest::newRow("0") << qint64(0) << s("0 bytes");
        QTest::newRow("8192") << qint64(8192) << s("8192 bytes");
        QTest::newRow("10239") << qint64(10239) << s("10239 bytes");
        QTest::newRow("10240") << qint64(10240) << s("10 kB");
        QTest::newRow("10751") << qint64(10751) << s("10 kB");
        QTest::newRow("10752") << qint64(10752) << s("11 kB");
        QTest::newRow("221184") << qint64(221184) << s("216 kB");
        QTest::newRow("16891904") << qint64(16891904) << s("16 MB");
        QTest::newRow("10485247") << qint64(10485247) << s("10239 kB");
        QTest::newRow("10485248") << qint64(10485248) << s("10 MB");
        QTest::newRow("1 GiB") << qint64(1073741824) << s("1024 MB");
        QTest::newRow("5 TB") << qint64(5000000000000) << s("4657 GB");
        QTest::newRow("10 PiB") << qint64(11258999068426240) << s("10 PB");
    }

    void prettySizeLikePostgres()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, pretty);
        QCOMPARE(QString::fromStdString(prettySize(bytes)), pretty);
    }
};

QTEST_GUILESS_MAIN(TestRebalanceProgress)
#include "tst_rebalanceprogress.moc"
