// The sequencer: slow and fast writers interleave (ids commit out of order) while a client
// pulls after its cursor; it must see every change exactly once. Also leader election, a
// stale stamper, compaction racing a writer, and the StampListener.
#include "service_helpers.hpp"

#include "db/lock_keys.hpp"
#include "services/api_internal.hpp"
#include "workers/sequencer.hpp"
#include "workers/stamp_listener.hpp"

#include <QtTest>

#include <condition_variable>
#include <latch>
#include <map>
#include <mutex>
#include <set>

using namespace marquee;
using marquee::server::workers::Sequencer;
using marquee::server::workers::StampListener;
using marquee::test::TestDatabase;
using namespace std::chrono_literals;

namespace {

constexpr auto kGuard = 60s; // failure guard only; every wait below ends on a condition

// Head as reported by the StampListener, for the puller to wait on instead of polling.
struct HeadWatch {
    std::mutex mutex;
    std::condition_variable changed;
    std::uint64_t head = 0;
    void set(std::uint64_t h) {
        {
            std::lock_guard lock(mutex);
            head = std::max(head, h);
        }
        changed.notify_all();
    }
};

// Pulls after its cursor whenever the head moves, recording every change it receives.
struct Puller {
    std::mutex mutex;
    std::condition_variable progressed;
    std::vector<std::string> seen; // aggregate ids in the order received
    std::uint64_t cursor = 0;
    std::int64_t maxIdSeen = 0;    // what an id-ordered client would use as its cursor
    std::atomic<bool> stop{false};
    int pulls = 0;

    void run(const TestDatabase& db, HeadWatch& heads) {
        auto conn = db.connect();
        server::Api api;
        while (!stop.load()) {
            const auto reply = test::pull(api, *conn, {}, cursor, 2); // small pages: more interleaving
            if (!reply.has_change_batch()) throw std::runtime_error(reply.DebugString());
            const auto& batch = reply.change_batch();
            std::vector<std::string> ids;
            for (const auto& c : batch.changes()) ids.push_back(c.aggregate_id());
            std::int64_t maxId = 0;
            if (!ids.empty()) {
                pqxx::read_transaction tx(*conn);
                maxId = tx.exec_params1("SELECT max(id) FROM change_log WHERE seq > $1 AND seq <= $2",
                                        static_cast<std::int64_t>(cursor),
                                        static_cast<std::int64_t>(batch.next_cursor()))[0]
                            .as<std::int64_t>(0);
            }
            {
                std::lock_guard lock(mutex);
                seen.insert(seen.end(), ids.begin(), ids.end());
                cursor = batch.next_cursor();
                maxIdSeen = std::max(maxIdSeen, maxId);
                ++pulls;
            }
            progressed.notify_all();
            if (batch.has_more()) continue;
            std::unique_lock lock(heads.mutex);
            heads.changed.wait_for(lock, 200ms, [&] { return heads.head > cursor || stop.load(); });
        }
    }

    // Waits until the puller has seen `count` changes.
    bool waitFor(std::size_t count) {
        std::unique_lock lock(mutex);
        return progressed.wait_for(lock, kGuard, [&] { return seen.size() >= count; });
    }
};

// Re-checks `condition` until it holds (false after kGuard). For states only visible by
// asking (leadership, pg_locks); every check is on a condition, none on elapsed time.
bool eventually(const std::function<bool()>& condition) {
    const auto deadline = std::chrono::steady_clock::now() + kGuard;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

// True once backend `pid` is blocked waiting for a lock (so the test can release it).
bool waitForLockWait(pqxx::connection& conn, int pid) {
    return eventually([&] {
        pqxx::nontransaction tx(conn);
        return tx.exec_params1("SELECT count(*) FROM pg_locks WHERE pid = $1 AND NOT granted", pid)[0].as<int>() > 0;
    });
}

std::int64_t insertChange(pqxx::transaction_base& tx, const std::string& aggregateId) {
    server::detail::appendChange(tx, "venue", aggregateId, server::detail::ChangeOp::Upsert, 0, aggregateId);
    return tx.exec1("SELECT currval('change_log_id_seq')")[0].as<std::int64_t>();
}

} // namespace

class TestSequencer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
    }

    void lateCommitsAreNeverSkipped() {
        TestDatabase db;
        HeadWatch heads;
        StampListener listener(db.connectionString(), [&](std::uint64_t h) { heads.set(h); });
        listener.start();
        Sequencer sequencer(db.connectionString());
        sequencer.start();

        Puller puller;
        std::thread pullerThread([&] { puller.run(db, heads); });

        constexpr int kSlow = 4;
        constexpr int kFastPerRound = 3;
        // Slow writers open a transaction, insert (taking low ids), and wait to be released.
        std::latch slowInserted(kSlow);
        std::vector<std::unique_ptr<std::latch>> release;
        for (int i = 0; i < kSlow; ++i) release.push_back(std::make_unique<std::latch>(1));
        std::vector<std::int64_t> slowIds(kSlow);
        std::vector<std::thread> slowWriters;
        for (int i = 0; i < kSlow; ++i)
            slowWriters.emplace_back([&, i] {
                auto conn = db.connect();
                pqxx::work tx(*conn);
                slowIds[static_cast<std::size_t>(i)] = insertChange(tx, "slow-" + std::to_string(i));
                slowInserted.count_down();
                release[static_cast<std::size_t>(i)]->wait();
                tx.commit();
            });
        slowInserted.wait();

        std::size_t expected = 0;
        std::int64_t maxFastId = 0;
        const auto fastRound = [&](int round) {
            std::vector<std::thread> fast;
            std::mutex idMutex;
            for (int j = 0; j < kFastPerRound; ++j)
                fast.emplace_back([&, j] {
                    auto conn = db.connect();
                    pqxx::work tx(*conn);
                    const auto id = insertChange(tx, "fast-" + std::to_string(round) + "-" + std::to_string(j));
                    tx.commit();
                    std::lock_guard lock(idMutex);
                    maxFastId = std::max(maxFastId, id);
                });
            for (auto& t : fast) t.join();
            expected += kFastPerRound;
        };

        // Fast writers commit while every slow transaction is still open; the puller syncs
        // past all of them.
        fastRound(0);
        QVERIFY(puller.waitFor(expected));
        std::uint64_t cursorBeforeSlow = 0;
        std::int64_t idCursorBeforeSlow = 0;
        {
            std::lock_guard lock(puller.mutex);
            cursorBeforeSlow = puller.cursor;
            idCursorBeforeSlow = puller.maxIdSeen;
        }
        // Every slow row has an id below what the client already synced past: a client that
        // kept an id cursor would never ask for them again.
        for (const auto id : slowIds) QVERIFY(id < idCursorBeforeSlow);
        QCOMPARE(idCursorBeforeSlow, maxFastId);

        // Now the slow writers commit late, one by one, interleaved with more fast writers.
        for (int i = 0; i < kSlow; ++i) {
            release[static_cast<std::size_t>(i)]->count_down();
            slowWriters[static_cast<std::size_t>(i)].join();
            ++expected;
            fastRound(i + 1);
            if (i % 2 == 0) QVERIFY(puller.waitFor(expected)); // sometimes catch up in between
        }
        QVERIFY(puller.waitFor(expected));
        puller.stop = true;
        heads.set(0);
        pullerThread.join();
        sequencer.stop();
        listener.stop();

        // Exactly once each.
        std::map<std::string, int> counts;
        for (const auto& id : puller.seen) ++counts[id];
        QCOMPARE(puller.seen.size(), expected);
        QCOMPARE(counts.size(), expected);
        for (const auto& [id, n] : counts) QVERIFY2(n == 1, id.c_str());
        for (int i = 0; i < kSlow; ++i) QCOMPARE(counts["slow-" + std::to_string(i)], 1);

        auto conn = db.connect();
        pqxx::read_transaction tx(*conn);
        // Seqs are gap-free 1..N, and every slow row got a seq above the cursor the client had
        // before it committed, although its id is below that point.
        QCOMPARE(tx.exec1("SELECT count(*) = max(seq) AND min(seq) = 1 AND count(*) = count(seq) FROM change_log")[0].as<bool>(), true);
        for (int i = 0; i < kSlow; ++i) {
            const auto row = tx.exec_params1("SELECT id, seq FROM change_log WHERE aggregateid = $1",
                                             "slow-" + std::to_string(i));
            QVERIFY(row[0].as<std::int64_t>() < idCursorBeforeSlow);
            QVERIFY(row[1].as<std::uint64_t>() > cursorBeforeSlow);
        }
        // Negative control: an id-ordered client resuming from the id it had reached misses
        // every slow row.
        const auto missedById = tx.exec_params1("SELECT count(*) FROM change_log WHERE aggregateid LIKE 'slow-%' "
                                                "AND id > $1",
                                                idCursorBeforeSlow)[0]
                                    .as<int>();
        QCOMPARE(missedById, 0);
        QVERIFY(puller.pulls > 1);
    }

    void oneLeaderAndFailover() {
        TestDatabase db;
        Sequencer::Options fast;
        fast.leaderRetry = 50ms;
        std::mutex mutex;
        std::condition_variable cv;
        std::uint64_t stampedHead = 0;
        const auto onStamped = [&](std::size_t, std::uint64_t head, double) {
            {
                std::lock_guard lock(mutex);
                stampedHead = std::max(stampedHead, head);
            }
            cv.notify_all();
        };
        Sequencer a(db.connectionString(), onStamped, fast);
        Sequencer b(db.connectionString(), onStamped, fast);
        a.start();
        const auto waitUntil = [&](const std::function<bool()>& condition) {
            const auto deadline = std::chrono::steady_clock::now() + kGuard;
            std::unique_lock lock(mutex);
            while (!condition()) {
                if (std::chrono::steady_clock::now() > deadline) return false;
                cv.wait_for(lock, 20ms);
            }
            return true;
        };
        QVERIFY(waitUntil([&] { return a.isLeader(); }));
        b.start();
        auto conn = db.connect();
        const auto write = [&](const std::string& id) {
            pqxx::work tx(*conn);
            insertChange(tx, id);
            tx.commit();
        };
        write("one");
        QVERIFY(waitUntil([&] { return stampedHead >= 1; }));
        QVERIFY(!b.isLeader()); // the lock is held by a

        a.stop(); // releases the session lock with its connection
        QVERIFY(!a.isLeader());
        QVERIFY(waitUntil([&] { return b.isLeader(); }));
        write("two");
        QVERIFY(waitUntil([&] { return stampedHead >= 2; }));
        b.stop();
        pqxx::read_transaction tx(*conn);
        QCOMPARE(tx.exec1("SELECT string_agg(aggregateid, ',' ORDER BY seq) FROM change_log")[0].as<std::string>(),
                 std::string("one,two"));
    }

    // stop() ends both loops (ctest's timeout catches a hang) and releases the leader lock.
    void stopReleasesLeadership() {
        TestDatabase db;
        Sequencer::Options fast;
        fast.leaderRetry = 50ms;
        Sequencer sequencer(db.connectionString(), {}, fast);
        StampListener listener(db.connectionString(), [](std::uint64_t) {});
        sequencer.start();
        listener.start();
        QVERIFY(eventually([&] { return sequencer.isLeader(); }));
        sequencer.stop();
        listener.stop();
        QVERIFY(!sequencer.isLeader());
        auto conn = db.connect();
        pqxx::nontransaction tx(*conn);
        QVERIFY(tx.exec_params1("SELECT pg_try_advisory_lock($1)", server::db::lockkey::kSequencer)[0].as<bool>());
    }

    // 1.2: a stamper that is no longer leader (or races one) must not overwrite a seq that
    // another stamper committed while it waited for the row lock.
    void staleStamperDoesNotOverwriteSeqs() {
        TestDatabase db;
        auto conn = db.connect();
        {
            pqxx::work tx(*conn);
            insertChange(tx, "a");
            insertChange(tx, "b");
            tx.commit();
        }
        // "The leader" stamps a, and holds its transaction open.
        auto leaderConn = db.connect();
        pqxx::work leader(*leaderConn);
        leader.exec0("UPDATE change_log SET seq = 10 WHERE aggregateid = 'a'");
        // The stale stamper saw a and b unstamped; it stamps b and waits for a's row lock.
        auto staleConn = db.connect();
        const int stalePid = staleConn->backendpid();
        std::size_t staleStamped = 0;
        std::thread stale([&] { staleStamped = Sequencer::stampPending(*staleConn); });
        QVERIFY(waitForLockWait(*conn, stalePid));
        leader.commit();
        stale.join();

        pqxx::read_transaction tx(*conn);
        QCOMPARE(tx.exec1("SELECT seq FROM change_log WHERE aggregateid = 'a'")[0].as<int>(), 10);
        QVERIFY(!tx.exec1("SELECT seq FROM change_log WHERE aggregateid = 'b'")[0].is_null());
        QCOMPARE(staleStamped, std::size_t{1});
    }

    // 1.1: a writer's change U to a record whose old row L compaction re-appends must stay
    // the newest: compaction waits for the writer, stamps U, and then L is superseded.
    void compactionWaitsForAnOpenWriter() {
        TestDatabase db;
        auto conn = db.connect();
        const auto append = [&](pqxx::transaction_base& tx, const std::string& id, server::detail::ChangeOp op,
                                const std::string& payload) {
            server::detail::appendChange(tx, "venue", id, op, 0, payload);
        };
        {
            pqxx::work tx(*conn);
            append(tx, "r", server::detail::ChangeOp::Upsert, "old"); // L
            tx.commit();
        }
        {
            pqxx::work tx(*conn);
            append(tx, "gone", server::detail::ChangeOp::Delete, ""); // the tombstone that moves the horizon
            tx.commit();
        }
        QCOMPARE(Sequencer::stampPending(*conn), std::size_t{2});

        auto writerConn = db.connect();
        pqxx::work writer(*writerConn);
        append(writer, "r", server::detail::ChangeOp::Upsert, "new"); // U, still uncommitted

        auto compactorConn = db.connect();
        const int compactorPid = compactorConn->backendpid();
        Sequencer::CompactionResult result;
        std::thread compactor([&] {
            // Retention 0: the tombstone is old enough, so L (below it) would be re-appended.
            result = Sequencer::compact(*compactorConn, 0s, kGuard);
        });
        QVERIFY(waitForLockWait(*conn, compactorPid));
        writer.commit();
        compactor.join();

        pqxx::read_transaction tx(*conn);
        const auto rows = tx.exec("SELECT encode(payload, 'escape'), seq FROM change_log WHERE aggregateid = 'r'");
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0][0].as<std::string>(), std::string("new"));
        QVERIFY(!rows[0][1].is_null());
        QCOMPARE(result.horizon, std::uint64_t{2});
        QCOMPARE(result.stamped, std::size_t{1});
        QCOMPARE(tx.exec1("SELECT count(*) FROM change_log WHERE seq IS NULL")[0].as<int>(), 0);
    }

    // Compaction gives up after its lock wait instead of queueing writers behind it.
    void compactionGivesUpWhileAWriterStaysOpen() {
        TestDatabase db;
        auto writerConn = db.connect();
        pqxx::work writer(*writerConn);
        insertChange(writer, "open");
        auto conn = db.connect();
        try {
            Sequencer::compact(*conn, 0s, 1ms);
            QFAIL("compaction ran while a writer held change_log");
        } catch (const pqxx::sql_error& e) {
            QCOMPARE(e.sqlstate(), std::string("55P03")); // lock_not_available
        }
        writer.commit();
    }

    void oldLoginFailuresAreForgotten() {
        TestDatabase db;
        auto conn = db.connect();
        {
            pqxx::work tx(*conn);
            tx.exec0("INSERT INTO login_throttle (key, failures, last_failure_at) VALUES "
                     "('old', 3, now() - interval '2 hours'), ('recent', 3, now() - interval '10 minutes')");
            tx.commit();
        }
        QCOMPARE(Sequencer::forgetLoginFailures(*conn, std::chrono::hours(1)), std::size_t{1});
        pqxx::read_transaction tx(*conn);
        QCOMPARE(tx.exec1("SELECT string_agg(key, ',') FROM login_throttle")[0].as<std::string>(), std::string("recent"));
    }

    // While the callback is busy, notifications pile up; the next wake-up reports only the
    // newest head. Each test step waits on a latch, never on time.
    void listenerCoalescesAndReportsHeads() {
        TestDatabase db;
        auto conn = db.connect();
        {
            pqxx::work tx(*conn);
            for (int i = 0; i < 50; ++i) insertChange(tx, "v" + std::to_string(i));
            tx.exec0("UPDATE change_log SET seq = id");
            tx.commit();
        }
        std::latch firstCallEntered(1);
        std::latch releaseFirstCall(1);
        std::mutex mutex;
        std::condition_variable changed;
        std::vector<std::uint64_t> newHeads; // each head the first time it was reported
        StampListener listener(db.connectionString(), [&](std::uint64_t h) {
            bool first = false;
            {
                std::lock_guard lock(mutex);
                if (!newHeads.empty() && newHeads.back() == h) return; // an idle-tick repeat
                first = newHeads.empty();
                newHeads.push_back(h);
            }
            changed.notify_all();
            if (first) {
                firstCallEntered.count_down();
                releaseFirstCall.wait();
            }
        });
        // The head at start-up (catch-up read) is 50; stamps 51..60 follow while the first
        // callback is blocked.
        listener.start();
        firstCallEntered.wait();
        {
            pqxx::work tx(*conn);
            for (int i = 0; i < 10; ++i) insertChange(tx, "w" + std::to_string(i));
            tx.exec0("UPDATE change_log SET seq = id WHERE seq IS NULL");
            tx.commit();
        }
        // Ten notifications, committed together so that they reach the listener in one
        // delivery (separate commits could straddle two wake-ups and legitimately be
        // reported as two heads).
        {
            pqxx::work tx(*conn);
            for (int i = 51; i <= 60; ++i) tx.exec_params("SELECT pg_notify('marquee_stamped', $1)", std::to_string(i));
            tx.commit();
        }
        releaseFirstCall.count_down();
        std::unique_lock lock(mutex);
        QVERIFY(changed.wait_for(lock, kGuard, [&] { return newHeads.back() == 60; }));
        QCOMPARE(newHeads, (std::vector<std::uint64_t>{50, 60}));
        lock.unlock();
        listener.stop();
    }

    // 1.13a: with nothing new, the listener repeats the newest head on its idle tick, so a
    // fan-out that failed is retried.
    void listenerRepeatsTheHeadWhenIdle() {
        TestDatabase db;
        auto conn = db.connect();
        {
            pqxx::work tx(*conn);
            insertChange(tx, "x");
            tx.exec0("UPDATE change_log SET seq = id");
            tx.commit();
        }
        std::mutex mutex;
        std::condition_variable changed;
        int reportsOfOne = 0;
        StampListener listener(
            db.connectionString(),
            [&](std::uint64_t h) {
                {
                    std::lock_guard lock(mutex);
                    if (h == 1) ++reportsOfOne;
                }
                changed.notify_all();
            },
            10ms);
        listener.start();
        std::unique_lock lock(mutex);
        QVERIFY(changed.wait_for(lock, kGuard, [&] { return reportsOfOne >= 3; }));
        lock.unlock();
        listener.stop();
    }
};

QTEST_GUILESS_MAIN(TestSequencer)
#include "test_sequencer.moc"
