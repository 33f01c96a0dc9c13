// SPDX-License-Identifier: MIT
// The connection worker: requests run off the calling thread in order, a running pg_sleep is cancelled with
// libpq's cancel (acknowledged at once), a backend killed with pg_terminate_backend is noticed and the
// connection re-established, and destroying a busy worker does not hang.
#include "live/connectionworker.h"
#include "live/pgerrors.h"
#include "pgtestserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <chrono>
#include <thread>

using namespace shardscope;
using namespace shardscope::live;

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

ConnectionOptions serverOptions()
{
    return *ConnectionOptions::parse(test::PgTestServer::conninfo().toStdString());
}

std::function<Result<QueryResult>(PgSession&)> query(std::string sql)
{
    return [sql = std::move(sql)](PgSession& session) { return session.exec(sql); };
}

} // namespace

class TestLiveWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (test::PgTestServer::conninfo().isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
    }

    void runsInOrderOffThisThread()
    {
        ConnectionWorker worker(serverOptions());
        QSignalSpy states(&worker, &ConnectionWorker::stateChanged);
        std::vector<std::string> answers;
        std::atomic<bool> ranElsewhere{true};
        const auto self = QThread::currentThread();
        for (int i = 0; i < 5; ++i) {
            worker.request<QueryResult>(
                this,
                [i, self, &ranElsewhere](PgSession& session) {
                    if (QThread::currentThread() == self)
                        ranElsewhere = false;
                    return session.exec("SELECT $1::int * 10", {std::to_string(i)});
                },
                [&answers](Result<QueryResult> result) {
                    answers.push_back(result ? result->text(0, 0) : result.error().message);
                });
        }
        QTRY_COMPARE(answers.size(), std::size_t(5));
        QCOMPARE(answers, (std::vector<std::string>{"0", "10", "20", "30", "40"}));
        QVERIFY(ranElsewhere.load());
        QTRY_COMPARE(worker.state(), ConnectionWorker::State::Connected);
        QVERIFY(states.count() >= 2);
        QCOMPARE(states.at(0).at(0).value<ConnectionWorker::State>(), ConnectionWorker::State::Connecting);
        QVERIFY(worker.stateMessage().contains(s("not encrypted")));
        QVERIFY(!worker.facts().serverVersion.empty());
    }

    void cancelRunningStatement()
    {
        ConnectionWorker worker(serverOptions());
        QSignalSpy acknowledged(&worker, &ConnectionWorker::cancelRequested);
        std::optional<Result<QueryResult>> outcome;
        std::atomic<bool> started{false};
        worker.request<QueryResult>(
            this,
            [&started](PgSession& session) {
                started = true;
                return session.exec("SELECT pg_sleep(60)");
            },
            [&outcome](Result<QueryResult> result) { outcome = std::move(result); });
        QTRY_VERIFY(started.load());
        QTest::qWait(300); // let the statement reach the server
        QElapsedTimer timer;
        timer.start();
        worker.cancelRunning();
        QCOMPARE(acknowledged.count(), 1); // at once, before the server answered
        QVERIFY(timer.elapsed() < 100);
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY(timer.elapsed() < 10000);
        QVERIFY(!outcome->ok());
        QCOMPARE(QString::fromStdString(outcome->error().code), s(codes::kQueryCanceled));
        QVERIFY(!outcome->error().hint.empty());

        // The connection is still good for the next request.
        std::optional<Result<QueryResult>> next;
        worker.request<QueryResult>(this, query("SELECT 'still here'"),
                                    [&next](Result<QueryResult> result) { next = std::move(result); });
        QTRY_VERIFY(next.has_value());
        QVERIFY(next->ok());
        QCOMPARE((*next)->text(0, 0), std::string("still here"));
    }

    void terminatedBackendIsReestablished()
    {
        ConnectionWorker worker(serverOptions());
        std::optional<Result<QueryResult>> first;
        worker.request<QueryResult>(this, query("SELECT pg_backend_pid()"),
                                    [&first](Result<QueryResult> r) { first = std::move(r); });
        QTRY_VERIFY(first.has_value());
        QVERIFY(first->ok());
        const std::string pid = (*first)->text(0, 0);

        PgSession admin(serverOptions());
        QVERIFY(admin.connect().ok());
        auto killed = admin.exec("SELECT pg_terminate_backend($1::int)", {pid});
        QVERIFY(killed.ok());
        QCOMPARE(killed->text(0, 0), std::string("t"));

        QSignalSpy states(&worker, &ConnectionWorker::stateChanged);
        std::optional<Result<QueryResult>> lost;
        worker.request<QueryResult>(this, query("SELECT 1"), [&lost](Result<QueryResult> r) { lost = std::move(r); });
        QTRY_VERIFY(lost.has_value());
        // The statement sent on the dead connection fails with a clear message, never a half-result.
        QVERIFY(!lost->ok());
        QCOMPARE(QString::fromStdString(lost->error().code), s(codes::kConnectionLost));
        QVERIFY(QString::fromStdString(lost->error().message).contains(s("was lost")));

        QTRY_COMPARE(worker.state(), ConnectionWorker::State::Connected);
        QVERIFY(worker.stateMessage().startsWith(s("Reconnected")));
        bool sawReconnecting = false;
        for (const auto& args : states)
            sawReconnecting |= args.at(0).value<ConnectionWorker::State>() == ConnectionWorker::State::Reconnecting;
        QVERIFY(sawReconnecting);

        std::optional<Result<QueryResult>> after;
        worker.request<QueryResult>(this, query("SELECT pg_backend_pid()"),
                                    [&after](Result<QueryResult> r) { after = std::move(r); });
        QTRY_VERIFY(after.has_value());
        QVERIFY(after->ok());
        QVERIFY((*after)->text(0, 0) != pid);
    }

    void unreachableServerReportsFailed()
    {
        auto options = serverOptions().with("port", "1").with("connect_timeout", "2");
        ConnectionWorker worker(options);
        std::optional<Result<QueryResult>> outcome;
        worker.request<QueryResult>(this, query("SELECT 1"),
                                    [&outcome](Result<QueryResult> r) { outcome = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY(!outcome->ok());
        QCOMPARE(QString::fromStdString(outcome->error().code), s(codes::kUnreachable));
        QTRY_COMPARE(worker.state(), ConnectionWorker::State::Failed);
        QVERIFY(worker.stateMessage().contains(s("cannot be reached")));
    }

    void destroyingBusyWorkerReturns()
    {
        QElapsedTimer timer;
        bool delivered = false;
        {
            ConnectionWorker worker(serverOptions());
            std::atomic<bool> started{false};
            worker.request<QueryResult>(
                this,
                [&started](PgSession& session) {
                    started = true;
                    return session.exec("SELECT pg_sleep(60)");
                },
                [&delivered](Result<QueryResult>) { delivered = true; });
            QTRY_VERIFY(started.load());
            QTest::qWait(200);
            timer.start();
        }
        QVERIFY(timer.elapsed() < 10000);
        QCoreApplication::processEvents();
        QVERIFY(!delivered); // the owner is gone: no result is delivered to it
    }

    void stopAsyncNeverWaits()
    {
        // A task stuck where no cancel reaches (a DNS lookup inside libpq): stopping returns at once, stopped()
        // follows when the thread is done, and the destructor then does not wait either.
        auto worker = std::make_unique<ConnectionWorker>(serverOptions());
        QSignalSpy stopped(worker.get(), &ConnectionWorker::stopped);
        std::atomic<bool> started{false};
        worker->post([&started](PgSession&) {
            started = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        });
        worker->post([](PgSession&) { QFAIL("a queued task ran after stopAsync()"); });
        QTRY_VERIFY(started.load());
        QElapsedTimer clock;
        clock.start();
        worker->stopAsync();
        QVERIFY2(clock.elapsed() < 100, qPrintable(s("stopAsync took %1 ms").arg(clock.elapsed())));
        QVERIFY(!worker->isStopped());
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 10000);
        QVERIFY(worker->isStopped());
        clock.restart();
        worker.reset();
        QVERIFY2(clock.elapsed() < 100, qPrintable(s("destroying a stopped worker took %1 ms").arg(clock.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestLiveWorker)
#include "tst_liveworker.moc"
