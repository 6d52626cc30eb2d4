// Helpers for the data-layer tests: users, principals, requests and a minimal catalog.
#pragma once

#include "services/api.hpp"
#include "test_db.hpp"

#include <pqxx/pqxx>

#include <functional>
#include <memory>
#include <string>

namespace marquee::test {

inline constexpr const char* kVenueId = "11111111-1111-4111-8111-111111111111";

// A category "music" with child "music.jazz" and one venue, written directly (no change log).
inline void seedCatalog(pqxx::connection& conn) {
    pqxx::work tx(conn);
    tx.exec0("INSERT INTO categories (id, name, parent_id) VALUES ('music', 'Music', NULL), "
             "('music.jazz', 'Jazz', 'music')");
    tx.exec_params0("INSERT INTO venues (id, name, city, country, time_zone, capacity) "
                    "VALUES ($1::uuid, 'Hall', 'Berlin', 'DE', 'Europe/Berlin', 500)",
                    kVenueId);
    tx.commit();
}

inline server::Principal makeUser(server::Api& api, pqxx::connection& conn, const std::string& email,
                                  core::Role role) {
    server::Principal who;
    who.userId = api.createUser(conn, email, "correct horse battery", role);
    who.role = role;
    who.email = email;
    return who;
}

// A fresh database with the catalog seeded, one connection to it and an Api; users are added
// per test with user().
struct Fixture {
    TestDatabase db;
    std::unique_ptr<pqxx::connection> conn = db.connect();
    server::Api api;

    Fixture() { seedCatalog(*conn); }
    server::Principal user(const std::string& email, core::Role role) { return makeUser(api, *conn, email, role); }
};

inline v1::Envelope call(server::Api& api, pqxx::connection& conn, const server::Principal& who,
                         const std::function<void(v1::Envelope&)>& fill, const std::string& peer = "192.0.2.1") {
    v1::Envelope request;
    request.set_request_id(7);
    fill(request);
    server::RequestMeta meta;
    meta.peerAddress = peer;
    return api.handle(conn, who, meta, request);
}

inline v1::Event validEvent(const std::string& title = "Late Night Jazz") {
    v1::Event e;
    e.set_title(title);
    e.set_description("Trio");
    e.set_category_id("music.jazz");
    e.add_tags("jazz");
    e.add_performers("The Trio");
    e.set_starts_at_ms(1'900'000'000'000);
    e.set_ends_at_ms(1'900'000'000'000 + 7'200'000);
    e.set_time_zone("Europe/Berlin");
    e.set_venue_id(kVenueId);
    e.mutable_price()->set_min_minor(1500);
    e.mutable_price()->set_max_minor(4500);
    e.mutable_price()->set_currency("EUR");
    return e;
}

inline v1::Envelope upsert(server::Api& api, pqxx::connection& conn, const server::Principal& who,
                           const v1::Event& event) {
    return call(api, conn, who, [&](v1::Envelope& r) { *r.mutable_upsert_event()->mutable_event() = event; });
}

inline v1::Envelope pull(server::Api& api, pqxx::connection& conn, const server::Principal& who,
                         std::uint64_t cursor, std::uint32_t limit) {
    return call(api, conn, who, [&](v1::Envelope& r) {
        r.mutable_pull_changes()->set_cursor(cursor);
        r.mutable_pull_changes()->set_limit(limit);
    });
}

inline long long scalar(pqxx::connection& conn, const std::string& sql) {
    pqxx::read_transaction tx(conn);
    const auto field = tx.exec1(sql)[0];
    return field.is_null() ? 0 : field.as<long long>();
}

} // namespace marquee::test
