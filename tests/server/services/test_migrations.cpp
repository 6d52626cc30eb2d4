// Migrations: applying twice is a no-op, an edited migration is refused, a broken one
// rolls back completely and is not recorded, a database migrated by a newer server is
// refused, and migrators that start together apply each migration once.
#include "db/lock_keys.hpp"
#include "db/migrations.hpp"
#include "test_db.hpp"

#include <QtTest>

#include <atomic>
#include <numeric>
#include <thread>

using marquee::server::db::Migration;
using marquee::server::db::MigrationError;
using marquee::test::TestDatabase;

namespace {

int count(pqxx::connection& conn, const std::string& sql) {
    pqxx::read_transaction tx(conn);
    return tx.exec1(sql)[0].as<int>();
}

bool tableExists(pqxx::connection& conn, const std::string& table) {
    pqxx::read_transaction tx(conn);
    return !tx.exec_params1("SELECT to_regclass($1) IS NOT NULL", table)[0].is_null() &&
           tx.exec_params1("SELECT to_regclass($1) IS NOT NULL", table)[0].as<bool>();
}

} // namespace

class TestMigrations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
    }

    void parseRejectsBadNames() {
        QVERIFY_THROWS_EXCEPTION(MigrationError, marquee::server::db::parseMigrations({{"initial.sql", "SELECT 1;"}}));
        QVERIFY_THROWS_EXCEPTION(MigrationError,
                                 marquee::server::db::parseMigrations({{"0001_a.sql", "SELECT 1;"}, {"0001_b.sql", "SELECT 2;"}}));
        QVERIFY_THROWS_EXCEPTION(MigrationError, marquee::server::db::parseMigrations({{"0001_a.sql", "  \n"}}));
        const auto parsed = marquee::server::db::parseMigrations({{"0002_b.sql", "SELECT 2;"}, {"0001_a.sql", "SELECT 1;"}});
        QCOMPARE(parsed.size(), std::size_t{2});
        QCOMPARE(parsed[0].version, 1);
        QCOMPARE(parsed[1].name, std::string("0002_b.sql"));
    }

    void builtinApplyTwiceIsNoop() {
        TestDatabase db(TestDatabase::Schema::Empty);
        auto conn = db.connect();
        const auto builtin = marquee::server::db::builtinMigrations();
        QVERIFY(!builtin.empty());
        const auto first = marquee::server::db::migrate(*conn, builtin);
        QCOMPARE(first.applied.size(), builtin.size());
        QCOMPARE(first.currentVersion, builtin.back().version);
        const auto second = marquee::server::db::migrate(*conn, builtin);
        QVERIFY(second.applied.empty());
        QCOMPARE(second.currentVersion, builtin.back().version);
        QCOMPARE(count(*conn, "SELECT count(*) FROM schema_migrations"), static_cast<int>(builtin.size()));
        QVERIFY(tableExists(*conn, "change_log"));
        QCOMPARE(count(*conn, "SELECT count(*) FROM sync_meta"), 1);
        // Checksums are SHA-256 hex.
        QCOMPARE(count(*conn, "SELECT min(length(checksum)) FROM schema_migrations"), 64);
    }

    void editedMigrationIsRefused() {
        TestDatabase db(TestDatabase::Schema::Empty);
        auto conn = db.connect();
        std::vector<Migration> list{{1, "0001_first.sql", "CREATE TABLE t1 (x int);"}};
        marquee::server::db::migrate(*conn, list);
        list[0].sql = "CREATE TABLE t1 (x bigint);";
        try {
            marquee::server::db::migrate(*conn, list);
            QFAIL("an edited migration was accepted");
        } catch (const MigrationError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QStringLiteral("migration 0001_first.sql was edited after it was applied")),
                     e.what());
        }
    }

    void malformedMigrationRollsBack() {
        TestDatabase db(TestDatabase::Schema::Empty);
        auto conn = db.connect();
        std::vector<Migration> list{
            {1, "0001_ok.sql", "CREATE TABLE ok_table (x int);"},
            // The first statement succeeds; the second fails: nothing of this file may remain.
            {2, "0002_broken.sql", "CREATE TABLE half_table (x int);\nCREATE TABLE broken (x nosuchtype);"},
            {3, "0003_later.sql", "CREATE TABLE later_table (x int);"},
        };
        try {
            marquee::server::db::migrate(*conn, list);
            QFAIL("a broken migration was accepted");
        } catch (const MigrationError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QStringLiteral("0002_broken.sql")), e.what());
            QVERIFY2(message.contains(QStringLiteral("nosuchtype")), e.what());
        }
        QVERIFY(tableExists(*conn, "ok_table"));
        QVERIFY(!tableExists(*conn, "half_table"));
        QVERIFY(!tableExists(*conn, "later_table"));
        QCOMPARE(count(*conn, "SELECT count(*) FROM schema_migrations"), 1);
        QCOMPARE(count(*conn, "SELECT max(version) FROM schema_migrations"), 1);
    }

    void newerSchemaIsRefused() {
        TestDatabase db(TestDatabase::Schema::Empty);
        auto conn = db.connect();
        marquee::server::db::migrate(*conn, {{1, "0001_a.sql", "CREATE TABLE a (x int);"},
                                             {7, "0007_future.sql", "CREATE TABLE future (x int);"}});
        try {
            marquee::server::db::migrate(*conn, {{1, "0001_a.sql", "CREATE TABLE a (x int);"},
                                                 {2, "0002_b.sql", "CREATE TABLE b (x int);"}});
            QFAIL("an older migration set ran against a newer schema");
        } catch (const MigrationError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QStringLiteral("0007_future.sql (version 7)")), e.what());
            QVERIFY2(message.contains(QStringLiteral("does not know (it knows up to version 2)")), e.what());
        }
        QVERIFY(!tableExists(*conn, "b")); // refused before applying anything
    }

    // Three migrators start while the test holds the migration lock; once all three wait for
    // it, the lock is released and they run one after another.
    void concurrentMigratorsApplyOnce() {
        TestDatabase db(TestDatabase::Schema::Empty);
        std::vector<Migration> list{{1, "0001_once.sql", "CREATE TABLE once (x int);"}};
        auto holder = db.connect();
        {
            pqxx::nontransaction tx(*holder);
            tx.exec_params("SELECT pg_advisory_lock($1)", marquee::server::db::lockkey::kMigrations);
        }
        std::vector<std::size_t> appliedCounts(3);
        std::vector<std::thread> threads;
        std::atomic<int> failures{0};
        for (std::size_t i = 0; i < appliedCounts.size(); ++i)
            threads.emplace_back([&, i] {
                try {
                    auto conn = db.connect();
                    appliedCounts[i] = marquee::server::db::migrate(*conn, list).applied.size();
                } catch (const std::exception&) {
                    ++failures;
                }
            });
        // Checked, not timed: pg_locks shows each migrator queued on the advisory lock.
        const auto waiting = [&] {
            pqxx::nontransaction tx(*holder);
            return tx.exec("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                           "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")[0][0]
                .as<int>();
        };
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60); // failure guard only
        while (waiting() < 3 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        const bool allQueued = waiting() == 3;
        {
            pqxx::nontransaction tx(*holder);
            tx.exec_params("SELECT pg_advisory_unlock($1)", marquee::server::db::lockkey::kMigrations);
        }
        for (auto& t : threads) t.join();
        QVERIFY(allQueued);
        QCOMPARE(failures.load(), 0);
        QCOMPARE(std::accumulate(appliedCounts.begin(), appliedCounts.end(), std::size_t{0}), std::size_t{1});
        QCOMPARE(count(*holder, "SELECT count(*) FROM schema_migrations"), 1);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "test_migrations.moc"
