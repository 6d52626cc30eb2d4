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

    void unreachableDatabaseThrows() {
        QVERIFY_THROWS_EXCEPTION(pqxx::broken_connection,
                                 Pool("host=/nonexistent-socket-dir port=1 user=nobody dbname=none", 1));
    }
};

QTEST_GUILESS_MAIN(TestPool)
#include "test_pool.moc"
