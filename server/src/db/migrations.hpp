// Numbered SQL migrations: each applied once in its own transaction and recorded with its
// SHA-256; an edited, already-applied migration stops the server.
#pragma once

#include <pqxx/pqxx>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace marquee::server::db {

struct MigrationError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Migration {
    int version = 0;
    std::string name;
    std::string sql;
};

// Parses "NNNN_description.sql" file names; throws MigrationError on a bad name, a
// duplicate version or an empty file.
std::vector<Migration> parseMigrations(const std::vector<std::pair<std::string, std::string>>& files);
// The migrations compiled into the binary.
std::vector<Migration> builtinMigrations();

struct MigrationReport {
    std::vector<std::string> applied; // names applied by this call
    int currentVersion = 0;
};

// Applies pending migrations in order. Throws MigrationError when the database has a
// migration applied that `migrations` does not contain (a newer server migrated it), when an
// applied migration's checksum differs from the file, or when a migration fails (its
// transaction rolls back, and the message names the file and the database error).
MigrationReport migrate(pqxx::connection& conn, const std::vector<Migration>& migrations);

} // namespace marquee::server::db
