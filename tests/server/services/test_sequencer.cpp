// The sequencer: slow and fast writers interleave (ids commit out of order) while a client
// pulls after its cursor; it must see every change exactly once. Also leader election and
// the StampListener.
#include "service_helpers.hpp"

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

    void stopIsPrompt() {
        TestDatabase db;
        Sequencer sequencer(db.connectionString());
        StampListener listener(db.connectionString(), [](std::uint64_t) {});
        sequencer.start();
        listener.start();
        const auto started = std::chrono::steady_clock::now();
        sequencer.stop();
        listener.stop();
        // Generous bound: the loops wake at least every 200 ms.
        QVERIFY(std::chrono::steady_clock::now() - started < 5s);
    }

    void listenerCoalescesAndReportsHeads() {
        TestDatabase db;
        HeadWatch heads;
        std::atomic<int> calls{0};
        StampListener listener(db.connectionString(), [&](std::uint64_t h) {
            ++calls;
            heads.set(h);
        });
        listener.start();
        auto conn = db.connect();
        {
            pqxx::work tx(*conn);
            for (int i = 0; i < 50; ++i) insertChange(tx, "v" + std::to_string(i));
            tx.commit();
        }
        // Ten stamping transactions in a burst.
        for (int i = 0; i < 10; ++i) {
            pqxx::work tx(*conn);
            tx.exec_params("UPDATE change_log SET seq = id WHERE seq IS NULL AND id <= $1", (i + 1) * 5);
            tx.exec_params("SELECT pg_notify('marquee_stamped', $1)", std::to_string((i + 1) * 5));
            tx.commit();
        }
        std::unique_lock lock(heads.mutex);
        QVERIFY(heads.changed.wait_for(lock, kGuard, [&] { return heads.head == 50; }));
        lock.unlock();
        listener.stop();
        QVERIFY(calls.load() >= 1);
        QVERIFY(calls.load() <= 10);
    }
};

QTEST_GUILESS_MAIN(TestSequencer)
#include "test_sequencer.moc"
