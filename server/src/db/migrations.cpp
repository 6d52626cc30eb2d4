// Applies the numbered SQL migrations under a session advisory lock, one transaction each.
#include "db/migrations.hpp"

#include "app/embedded_resources.hpp"
#include "common/digest.hpp"
#include "common/log.hpp"
#include "db/lock_keys.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace marquee::server::db {

namespace {

bool isBlank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

// Releases the migration lock however migrate() leaves.
class SessionLock {
public:
    SessionLock(pqxx::connection& conn, std::int64_t key) : m_conn(conn), m_key(key) {
        pqxx::nontransaction tx(m_conn);
        tx.exec_params("SELECT pg_advisory_lock($1)", m_key);
    }
    ~SessionLock() {
        try {
            pqxx::nontransaction tx(m_conn);
            tx.exec_params("SELECT pg_advisory_unlock($1)", m_key);
        } catch (const std::exception&) {
            // The lock dies with the session anyway.
        }
    }
    SessionLock(const SessionLock&) = delete;
    SessionLock& operator=(const SessionLock&) = delete;

private:
    pqxx::connection& m_conn;
    std::int64_t m_key;
};

} // namespace

std::vector<Migration> parseMigrations(const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<Migration> out;
    std::set<int> versions;
    for (const auto& [name, sql] : files) {
        // NNNN_description.sql: at least one digit, an underscore, a description, ".sql".
        const auto underscore = name.find('_');
        const bool shapeOk = underscore != std::string::npos && underscore > 0 && underscore <= 9 &&
                             name.size() > underscore + 5 && name.ends_with(".sql") &&
                             std::all_of(name.begin(), name.begin() + static_cast<std::ptrdiff_t>(underscore),
                                         [](unsigned char c) { return std::isdigit(c) != 0; });
        if (!shapeOk)
            throw MigrationError("migration file name '" + name + "' is not of the form NNNN_description.sql");
        const int version = std::stoi(name.substr(0, underscore));
        if (version <= 0) throw MigrationError("migration " + name + " must have a version above 0");
        if (!versions.insert(version).second)
            throw MigrationError("migration " + name + " repeats version " + std::to_string(version));
        if (isBlank(sql)) throw MigrationError("migration " + name + " is empty");
        out.push_back({version, name, sql});
    }
    std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return out;
}

std::vector<Migration> builtinMigrations() {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& file : embedded::migrations()) files.emplace_back(std::string(file.name), std::string(file.sql));
    return parseMigrations(files);
}

MigrationReport migrate(pqxx::connection& conn, const std::vector<Migration>& migrations) {
    MigrationReport report;
    SessionLock lock(conn, lockkey::kMigrations);
    {
        pqxx::work tx(conn);
        tx.exec0("CREATE TABLE IF NOT EXISTS schema_migrations ("
                 " version integer PRIMARY KEY,"
                 " name text NOT NULL,"
                 " checksum text NOT NULL,"
                 " applied_at timestamptz NOT NULL DEFAULT now())");
        tx.commit();
    }

    struct Applied {
        std::string name;
        std::string checksum;
    };
    std::map<int, Applied> applied;
    {
        pqxx::read_transaction tx(conn);
        for (const auto& row : tx.exec("SELECT version, name, checksum FROM schema_migrations"))
            applied[row[0].as<int>()] = {row[1].as<std::string>(), row[2].as<std::string>()};
    }
    if (!applied.empty()) report.currentVersion = applied.rbegin()->first;

    // A database migrated by a newer server: this binary's queries may not match its schema,
    // and applying our older files around it could only make things worse.
    std::set<int> known;
    for (const auto& migration : migrations) known.insert(migration.version);
    for (const auto& [version, row] : applied) {
        if (known.count(version) != 0) continue;
        throw MigrationError("the database has migration " + row.name + " (version " + std::to_string(version) +
                             ") applied, which this server does not know (it knows up to version " +
                             std::to_string(known.empty() ? 0 : *known.rbegin()) +
                             "); run the server version that migrated this database, or a newer one");
    }

    for (const auto& migration : migrations) {
        const auto checksum = sha256Hex(migration.sql);
        if (auto it = applied.find(migration.version); it != applied.end()) {
            if (it->second.checksum != checksum)
                throw MigrationError("migration " + migration.name + " was edited after it was applied (recorded as " +
                                     it->second.name + ", checksum " + it->second.checksum + ", file has " +
                                     checksum + ")");
            continue;
        }
        try {
            pqxx::work tx(conn);
            tx.exec(migration.sql);
            tx.exec_params("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                           migration.version, migration.name, checksum);
            tx.commit();
        } catch (const pqxx::broken_connection&) {
            throw;
        } catch (const pqxx::sql_error& e) {
            throw MigrationError("migration " + migration.name + " failed and was rolled back: " + e.what());
        }
        log::info("migration applied", {{"migration", migration.name}, {"version", migration.version}});
        report.applied.push_back(migration.name);
        report.currentVersion = std::max(report.currentVersion, migration.version);
    }
    return report;
}

} // namespace marquee::server::db
