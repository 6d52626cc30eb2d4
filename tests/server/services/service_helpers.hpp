// Helpers for the data-layer tests: users, principals, requests and a minimal catalog.
#pragma once

#include "marquee/core/seating/layout.hpp"
#include "marquee/protocol/seating_conversions.hpp"
#include "services/api.hpp"
#include "test_db.hpp"

#include <pqxx/pqxx>

#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

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
    // The API's answer to `request` from `who` (a fixed documentation peer address).
    v1::Envelope handle(const server::Principal& who, const v1::Envelope& request) {
        return api.handle(*conn, who, server::RequestMeta{"192.0.2.1", {}, {}}, request);
    }
    // SQL that sets a test's scene, committed on its own.
    void exec(const std::string& sql) {
        pqxx::work tx(*conn);
        tx.exec0(sql);
        tx.commit();
    }
    // The (one) seated event's status_seq once every committed change is stamped (no stamper
    // runs in these tests).
    long long statusSeq();
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

// A fresh idempotency key: a UUID unique within the test process.
inline std::string newKey() {
    static std::atomic<long long> counter{0};
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "00000000-0000-4000-8000-%012lld", ++counter);
    return buffer;
}

// An event on a seat map, made the way an organizer makes one: save the layout, create the
// event, assign version 1 of the layout to it. `error` is empty on success.
struct SeatedEvent {
    std::string layoutId;
    std::string eventId;
    std::vector<std::string> seatIds; // the first area's seats, row by row
    std::string error;
};

inline SeatedEvent createSeatedEvent(server::Api& api, pqxx::connection& conn, const server::Principal& organizer,
                                     const core::seating::Layout& layout, const v1::Event& event = validEvent()) {
    SeatedEvent seated;
    const auto saved = call(api, conn, organizer, [&](v1::Envelope& r) {
        r.mutable_save_layout()->set_idempotency_key(newKey());
        *r.mutable_save_layout()->mutable_layout() = protocol::toProto(layout, true);
    });
    if (!saved.has_ack()) return {{}, {}, {}, "saving the layout: " + saved.error().message()};
    seated.layoutId = saved.ack().id().substr(0, saved.ack().id().find('@'));
    const auto created = upsert(api, conn, organizer, event);
    if (!created.has_ack()) return {{}, {}, {}, "creating the event: " + created.error().message()};
    seated.eventId = created.ack().id();
    const auto assigned = call(api, conn, organizer, [&](v1::Envelope& r) {
        auto* a = r.mutable_assign_event_layout();
        a->set_idempotency_key(newKey());
        a->set_event_id(seated.eventId);
        a->set_layout_id(seated.layoutId);
        a->set_layout_version(1);
    });
    if (!assigned.has_ack()) return {{}, {}, {}, "assigning the layout: " + assigned.error().message()};
    for (const auto& row : layout.areas.at(0).rows)
        for (const auto& seat : row.seats) seated.seatIds.push_back(seat.id);
    return seated;
}

inline long long scalar(pqxx::connection& conn, const std::string& sql) {
    pqxx::read_transaction tx(conn);
    const auto field = tx.exec1(sql)[0];
    return field.is_null() ? 0 : field.as<long long>();
}

inline long long Fixture::statusSeq() {
    api.stampSeatChanges(*conn);
    return scalar(*conn, "SELECT status_seq FROM event_seat_state");
}

} // namespace marquee::test
