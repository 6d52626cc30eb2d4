// db::Pool: results and exceptions come back from workers, queued jobs drain on stop, and a
// worker whose connection was killed reconnects before its next job.
#include "db/pool.hpp"
#include "test_db.hpp"

#include <QtTest>

#include <atomic>
#include <latch>
#include <set>

using marquee::server::db::Pool;
using marquee::test::TestDatabase;

class TestPool : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
    }

    void runReturnsAndPropagates() {
        TestDatabase db;
        Pool pool(db.connectionString(), 2);
        QCOMPARE(pool.size(), std::size_t{2});
        const int answer = pool.run([](pqxx::connection& c) {
            pqxx::read_transaction tx(c);
            return tx.exec1("SELECT 6 * 7")[0].as<int>();
        });
        QCOMPARE(answer, 42);
        QVERIFY_THROWS_EXCEPTION(pqxx::sql_error, pool.run([](pqxx::connection& c) {
            pqxx::read_transaction tx(c);
            tx.exec("SELECT * FROM no_such_table");
        }));
        // Still usable afterwards.
        QCOMPARE(pool.run([](pqxx::connection&) { return 1; }), 1);
    }

    void workersHaveTheirOwnConnections() {
        TestDatabase db;
        Pool pool(db.connectionString(), 3);
        std::latch together(3); // all three jobs must be running at once
        std::mutex mutex;
        std::set<int> pids;
        for (int i = 0; i < 3; ++i)
            pool.post([&](pqxx::connection& c) {
                together.arrive_and_wait();
                std::lock_guard lock(mutex);
                pids.insert(c.backendpid());
            });
        pool.stop();
        QCOMPARE(pids.size(), std::size_t{3});
    }

    void stopDrainsQueue() {
        TestDatabase db;
        Pool pool(db.connectionString(), 1);
        std::atomic<int> done{0};
        for (int i = 0; i < 50; ++i) pool.post([&](pqxx::connection&) { ++done; });
        pool.stop();
        QCOMPARE(done.load(), 50);
        pool.stop(); // idempotent
    }

    void reconnectsAfterConnectionLoss() {
        TestDatabase db;
        Pool pool(db.connectionString(), 1);
        const int firstPid = pool.run([](pqxx::connection& c) { return c.backendpid(); });
        {
            pqxx::connection killer(db.connectionString());
            pqxx::nontransaction tx(killer);
            tx.exec_params("SELECT pg_terminate_backend($1)", firstPid);
        }
        // The first job after the kill may fail (the pool only learns of it then); the next
        // runs on a fresh connection.
        try {
            pool.run([](pqxx::connection& c) {
                pqxx::read_transaction tx(c);
                tx.exec("SELECT 1");
            });
        } catch (const pqxx::broken_connection&) {
        }
        const int secondPid = pool.run([](pqxx::connection& c) {
            pqxx::read_transaction tx(c);
            tx.exec("SELECT 1");
            return c.backendpid();
        });
        QVERIFY(secondPid != firstPid);
    }

    // While the database refuses connections, jobs still run, at once, and fail with
    // broken_connection (UNAVAILABLE to clients) instead of being dropped; once it is back,
    // the worker reconnects.
    void jobsFailWhileTheDatabaseIsDownAndRecover() {
        TestDatabase db;
        Pool pool(db.connectionString(), 1);
        const int pid = pool.run([](pqxx::connection& c) { return c.backendpid(); });
        pqxx::connection admin(TestDatabase::adminConnectionString());
        const auto setAllowed = [&](bool allowed) {
            pqxx::nontransaction tx(admin);
            tx.exec0("ALTER DATABASE " + tx.quote_name(db.name()) + " ALLOW_CONNECTIONS " + (allowed ? "true" : "false"));
        };
        setAllowed(false);
        {
            pqxx::nontransaction tx(admin);
            tx.exec_params("SELECT pg_terminate_backend($1)", pid);
        }
        const auto select1 = [](pqxx::connection& c) {
            pqxx::read_transaction tx(c);
            return tx.exec1("SELECT 1")[0].as<int>();
        };
        for (int i = 0; i < 5; ++i) QVERIFY_THROWS_EXCEPTION(pqxx::broken_connection, pool.run(select1));

        setAllowed(true);
        // The worker retries on a back-off of at most 2 s; ask until it has reconnected.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60); // failure guard only
        bool recovered = false;
        while (!recovered && std::chrono::steady_clock::now() < deadline) {
            try {
                recovered = pool.run(select1) == 1;
            } catch (const pqxx::broken_connection&) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        QVERIFY(recovered);
    }

    void unreachableDatabaseThrows() {
        QVERIFY_THROWS_EXCEPTION(pqxx::broken_connection,
                                 Pool("host=/nonexistent-socket-dir port=1 user=nobody dbname=none", 1));
    }
};

QTEST_GUILESS_MAIN(TestPool)
#include "test_pool.moc"
