// What the server benchmarks that sell seats set up alike (bench_holds, bench_reconcile): an
// event on an arena of rows of 100 seats, made through the API by an organizer, and users
// with bearer sessions written straight into the database (a login per user would time
// Argon2id, not what is measured).
#pragma once

#include "seating_test_layouts.hpp"
#include "service_helpers.hpp"

#include "common/digest.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <random>
#include <string>
#include <utility>

namespace marquee::bench {

// The catalog seeded, an organizer, and one event on an arena of at least `seats` seats (rows
// of 100). `error` of the result is empty on success.
inline test::SeatedEvent arenaEvent(server::Api& api, pqxx::connection& conn, int seats) {
    test::seedCatalog(conn);
    const auto organizer = test::makeUser(api, conn, "organizer@example.org", core::Role::Organizer);
    return test::createSeatedEvent(api, conn, organizer, test::arenaHall(test::kVenueId, seats));
}

// A session for `userId` as the server issues them (128 random bits); returns the bearer token.
inline std::string insertSession(pqxx::work& tx, std::int64_t userId, std::mt19937_64& random) {
    std::string raw(16, '\0');
    for (auto& b : raw) b = static_cast<char>(random() & 0xff);
    tx.exec_params0("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')",
                    pqxx::binarystring(server::sha256(raw)), userId);
    return server::toHex(raw);
}

} // namespace marquee::bench
