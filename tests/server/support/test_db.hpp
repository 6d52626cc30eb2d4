// A fresh, uniquely named PostgreSQL database per test, migrated with the built-in
// migrations and dropped again when the object goes away.
//
// Usage (the test must be registered with `marquee_add_test(... POSTGRES)` so the CTest
// "postgres" fixture runs and $MARQUEE_TEST_PG_DIR/url exists):
//
//     #include "test_db.hpp"
//     marquee::test::TestDatabase db;              // creates + migrates, throws on failure
//     auto conn = db.connect();                    // std::unique_ptr<pqxx::connection>
//     marquee::server::db::Pool pool(db.connectionString(), 2);
//
// In Qt Test, call `if (!marquee::test::TestDatabase::available()) QSKIP(...)` first when a
// test should skip instead of failing outside CTest. Link with `marquee_test_db`.
#pragma once

#include <pqxx/pqxx>

#include <memory>
#include <string>

namespace marquee::test {

class TestDatabase {
public:
    enum class Schema { Migrated, Empty };

    explicit TestDatabase(Schema schema = Schema::Migrated);
    ~TestDatabase(); // drops the database (terminating leftover connections)
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    // libpq connection string for this test's database.
    const std::string& connectionString() const { return m_connectionString; }
    const std::string& name() const { return m_name; }
    std::unique_ptr<pqxx::connection> connect() const;

    // True when the postgres fixture's url file exists.
    static bool available();
    // The fixture's connection string (dbname=postgres); throws std::runtime_error if absent.
    static std::string adminConnectionString();

private:
    std::string m_adminConnectionString;
    std::string m_name;
    std::string m_connectionString;
};

} // namespace marquee::test
