// Creates and drops the per-test databases described in test_db.hpp.
#include "test_db.hpp"

#include "db/migrations.hpp"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace marquee::test {

namespace {

std::string urlFilePath() {
    const char* dir = std::getenv("MARQUEE_TEST_PG_DIR");
    if (dir == nullptr || *dir == '\0') return {};
    return std::string(dir) + "/url";
}

std::string uniqueName() {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    std::ostringstream out;
    out << "mqt_" << ::getpid() << '_' << counter.fetch_add(1) << '_' << std::hex << rd();
    return out.str();
}

} // namespace

bool TestDatabase::available() {
    const auto path = urlFilePath();
    if (path.empty()) return false;
    std::ifstream in(path);
    return in.good();
}

std::string TestDatabase::adminConnectionString() {
    const auto path = urlFilePath();
    std::ifstream in(path);
    std::string url;
    if (path.empty() || !std::getline(in, url) || url.empty())
        throw std::runtime_error("TestDatabase: $MARQUEE_TEST_PG_DIR/url not found; run the test through ctest "
                                 "(fixture 'postgres')");
    return url;
}

TestDatabase::TestDatabase(Schema schema)
    : m_adminConnectionString(adminConnectionString()), m_name(uniqueName()) {
    {
        pqxx::connection admin(m_adminConnectionString);
        pqxx::nontransaction tx(admin); // CREATE DATABASE cannot run inside a transaction
        tx.exec0("CREATE DATABASE " + tx.quote_name(m_name));
    }
    // The fixture url ends in dbname=postgres; a later keyword wins in libpq.
    m_connectionString = m_adminConnectionString + " dbname=" + m_name;
    if (schema == Schema::Migrated) {
        pqxx::connection conn(m_connectionString);
        server::db::migrate(conn, server::db::builtinMigrations());
    }
}

TestDatabase::~TestDatabase() {
    try {
        pqxx::connection admin(m_adminConnectionString);
        pqxx::nontransaction tx(admin);
        tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(m_name) + " WITH (FORCE)");
    } catch (const std::exception&) {
        // A leaked test database is harmless: the fixture cluster is thrown away.
    }
}

std::unique_ptr<pqxx::connection> TestDatabase::connect() const {
    return std::make_unique<pqxx::connection>(m_connectionString);
}

} // namespace marquee::test
