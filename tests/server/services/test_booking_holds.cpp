// Seat holds against a real PostgreSQL database: specific / best-available / GA holds, the
// "taken" answer, replay, extend and release by the holder only, the sweeper, confirm-at-expiry
// (lockLiveHold), hostile input, the one-statement hold of named seats (every outcome of
// hold_named_seats(), seat ids that need quoting, a layout move under a remembered pin), and
// the 500-client race: real Api calls from 16 threads, each with its own database connection
// (500 WebSocket sockets are covered by bench_holds).
#include "seating_test_layouts.hpp"
#include "service_helpers.hpp"

#include "db/lock_keys.hpp"
#include "marquee/protocol/seating_conversions.hpp"
#include "services/api_internal.hpp"
#include "services/hold_sql.hpp"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <atomic>
#include <barrier>
#include <random>
#include <set>
#include <thread>

using namespace marquee;
using marquee::test::call;
using marquee::test::newKey;
using marquee::test::Fixture;
using marquee::test::scalar;
namespace seating = marquee::core::seating;

namespace {

v1::Envelope holdRequest(const std::string& eventId, const std::vector<std::string>& seats,
                         const std::string& key = newKey()) {
    v1::Envelope r;
    r.set_request_id(7);
    auto* hold = r.mutable_hold_seats();
    hold->set_idempotency_key(key);
    hold->set_event_id(eventId);
    for (const auto& s : seats) hold->mutable_seats()->add_ids(s);
    return r;
}

std::set<std::string> takenSeats(const v1::Error& error) {
    std::set<std::string> out;
    for (const auto& [key, value] : error.details())
        if (key.rfind("taken.", 0) == 0) out.insert(key.substr(6));
    return out;
}

} // namespace

class TestBookingHolds : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Fixture> f;
    server::Principal organizer;
    server::Principal alice;
    server::Principal bob;
    std::string eventId;
    seating::Layout layout;
    std::vector<std::string> seatIds; // in SeatIndex order

    v1::Envelope hold(const server::Principal& who, const std::vector<std::string>& seats,
                      const std::string& key = newKey()) {
        return f->handle(who, holdRequest(eventId, seats, key));
    }
    v1::Envelope extend(const server::Principal& who, const std::string& holdId) {
        return call(f->api, *f->conn, who, [&](v1::Envelope& r) { r.mutable_extend_hold()->set_hold_id(holdId); });
    }
    v1::Envelope release(const server::Principal& who, const std::string& holdId) {
        return call(f->api, *f->conn, who, [&](v1::Envelope& r) { r.mutable_release_hold()->set_hold_id(holdId); });
    }
    long long heldClaims() { return scalar(*f->conn, "SELECT count(*) FROM seat_claims WHERE kind = 'held'"); }
    long long doubleClaims() {
        return scalar(*f->conn, "SELECT count(*) FROM (SELECT event_id, seat_id FROM seat_claims "
                                "GROUP BY 1, 2 HAVING count(*) > 1) d");
    }
    // Saves `next` as a new version of the layout and moves the event onto it.
    void moveEventTo(seating::Layout next, std::uint32_t version) {
        next.id = layout.id;
        next.version = version;
        v1::Envelope save;
        save.mutable_save_layout()->set_idempotency_key(newKey());
        save.mutable_save_layout()->set_base_version(version - 1);
        *save.mutable_save_layout()->mutable_layout() = protocol::toProto(next, true);
        const auto saved = f->handle(organizer, save);
        QVERIFY2(saved.has_ack(), saved.error().message().c_str());
        const auto assigned = call(f->api, *f->conn, organizer, [&](v1::Envelope& r) {
            auto* a = r.mutable_assign_event_layout();
            a->set_idempotency_key(newKey());
            a->set_event_id(eventId);
            a->set_layout_id(layout.id);
            a->set_layout_version(version);
        });
        QVERIFY2(assigned.has_ack(), assigned.error().message().c_str());
    }
    // hold_named_seats() called directly, as the server calls it (one statement, no explicit
    // transaction), for seats given as (id, index); returns outcome and detail.
    std::pair<std::string, std::string> holdInOneStatement(pqxx::connection& conn, const server::Principal& who,
                                                           const std::vector<std::pair<std::string, int>>& seats,
                                                           std::uint32_t version = 1, const std::string& key = newKey()) {
        std::string keys = "{";
        std::string ids = "{";
        std::string indexes = "{";
        std::set<std::int32_t> sortedKeys;
        for (const auto& [id, index] : seats) {
            sortedKeys.insert(server::detail::seatHoldLockKey(eventId, id));
            ids += (ids.size() > 1 ? ",\"" : "\"") + id + "\"";
            indexes += (indexes.size() > 1 ? "," : "") + std::to_string(index);
        }
        for (const auto k : sortedKeys) keys += (keys.size() > 1 ? "," : "") + std::to_string(k);
        pqxx::nontransaction tx(conn);
        conn.prepare(server::detail::holdsql::kHoldNamedSeats.name, server::detail::holdsql::kHoldNamedSeats.sql);
        const auto row = tx.exec_prepared1(server::detail::holdsql::kHoldNamedSeats.name, eventId, who.userId, key,
                                           layout.id, static_cast<std::int64_t>(version),
                                           server::db::lockkey::kSeatHoldClass, keys + "}", ids + "}", indexes + "}",
                                           static_cast<int>(seating::SeatStatus::Held));
        return {row[0].as<std::string>(), row[4].as<std::string>()};
    }

    // Users straight into the table: 500 Argon2id hashes would take minutes.
    std::vector<server::Principal> bulkUsers(int count) {
        pqxx::work tx(*f->conn);
        const auto rows = tx.exec_params("INSERT INTO users (email, password_hash, role) "
                                         "SELECT 'client' || g || '@example.org', 'x', 'attendee' "
                                         "FROM generate_series(1, $1) g RETURNING id",
                                         count);
        tx.commit();
        std::vector<server::Principal> users;
        for (const auto& row : rows) {
            server::Principal who;
            who.userId = row[0].as<std::int64_t>();
            who.role = core::Role::Attendee;
            users.push_back(who);
        }
        return users;
    }

private slots:
    void init() {
        if (!test::TestDatabase::available()) QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        f = std::make_unique<Fixture>();
        organizer = f->user("organizer@example.org", core::Role::Organizer);
        alice = f->user("alice@example.org", core::Role::Attendee);
        bob = f->user("bob@example.org", core::Role::Attendee);
        // 100 seats: 10 rows of 10, plus a general-admission standing area of 30.
        layout = test::smallHall(test::kVenueId, 10);
        test::addStandingArea(layout, 30, "pc1");
        const auto seated = test::createSeatedEvent(f->api, *f->conn, organizer, layout);
        QVERIFY2(seated.error.empty(), seated.error.c_str());
        layout.id = seated.layoutId;
        eventId = seated.eventId;
        seatIds = seated.seatIds;
        QCOMPARE(seatIds.size(), std::size_t{100});
    }
    void cleanup() { f.reset(); }

    void holdsSpecificSeatsAndRefusesTakenOnesListingThem() {
        const auto first = hold(alice, {seatIds[0], seatIds[1]});
        QVERIFY2(first.has_hold_result(), first.error().message().c_str());
        QCOMPARE(first.hold_result().seats_size(), 2);
        QCOMPARE(first.hold_result().seats(0).seat_id(), seatIds[0]);
        QVERIFY(first.hold_result().seats(0).label().find("Stalls") != std::string::npos);
        const auto ttl = first.hold_result().expires_at_ms() - QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(ttl > 14 * 60 * 1000 && ttl <= 15 * 60 * 1000 + 5000, std::to_string(ttl).c_str()); // 15 min default
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims WHERE kind = 'held' AND holder_user_id = " +
                                      std::to_string(alice.userId)),
                 2LL);

        // Bob asks for one of Alice's seats and a free one: refused, only the taken one listed.
        const auto seqBefore = f->statusSeq();
        const auto second = hold(bob, {seatIds[1], seatIds[2]});
        QVERIFY(second.has_error());
        QCOMPARE(second.error().code(), v1::ALREADY_EXISTS);
        QCOMPARE(takenSeats(second.error()), std::set<std::string>{seatIds[1]});
        QCOMPARE(second.error().details().at("taken." + seatIds[1]), std::string("held"));
        QCOMPARE(heldClaims(), 2LL); // nothing of Bob's request was held
        QCOMPARE(f->statusSeq(), seqBefore);

        // Sold and blocked seats are taken too, with their kind.
        f->exec("UPDATE seat_claims SET kind = 'sold', expires_at = NULL, hold_id = NULL WHERE seat_id = '" + seatIds[0] +
             "'");
        const auto block = call(f->api, *f->conn, organizer, [&](v1::Envelope& r) {
            auto* b = r.mutable_set_seats_blocked();
            b->set_idempotency_key(newKey());
            b->set_event_id(eventId);
            b->add_seat_ids(seatIds[5]);
            b->set_blocked(true);
        });
        QVERIFY(block.has_ack());
        const auto third = hold(bob, {seatIds[0], seatIds[5], seatIds[6]});
        QCOMPARE(third.error().code(), v1::ALREADY_EXISTS);
        QCOMPARE(third.error().details().at("taken." + seatIds[0]), std::string("sold"));
        QCOMPARE(third.error().details().at("taken." + seatIds[5]), std::string("blocked"));
        QCOMPARE(third.error().details().at("count"), std::string("2"));
    }

    void statusLogCarriesHeldWithHolderAndReleaseAnnouncesAvailable() {
        const auto seq0 = f->statusSeq();
        const auto held = hold(alice, {seatIds[10], seatIds[11]});
        QVERIFY(held.has_hold_result());
        QCOMPARE(f->statusSeq(), seq0 + 1);
        const auto range = f->api.seatChangesAfter(*f->conn, eventId, static_cast<std::uint64_t>(seq0));
        QCOMPARE(range.changes.size(), std::size_t{1});
        const auto& delta = range.changes[0].delta;
        QCOMPARE(delta.seat_index_size(), 2);
        QCOMPARE(delta.status()[0], static_cast<char>(seating::SeatStatus::Held));
        QCOMPARE(range.changes[0].holders[0], alice.userId); // the feed turns this into HeldByMe for Alice

        const auto released = release(alice, held.hold_result().hold_id());
        QVERIFY2(released.has_ack(), released.error().message().c_str());
        QCOMPARE(heldClaims(), 0LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_holds"), 0LL);
        QCOMPARE(f->statusSeq(), seq0 + 2);
        const auto after = f->api.seatChangesAfter(*f->conn, eventId, static_cast<std::uint64_t>(seq0 + 1));
        QCOMPARE(after.changes.size(), std::size_t{1});
        QCOMPARE(after.changes[0].delta.status(), std::string(2, static_cast<char>(seating::SeatStatus::Available)));
    }

    void replayReturnsTheSameHold() {
        const auto key = newKey();
        const auto first = hold(alice, {seatIds[20]}, key);
        QVERIFY(first.has_hold_result());
        const auto again = hold(alice, {seatIds[20]}, key);
        QVERIFY2(again.has_hold_result(), again.error().message().c_str());
        QCOMPARE(again.hold_result().hold_id(), first.hold_result().hold_id());
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_holds"), 1LL);
    }

    void bestAvailablePicksAdjacentFreeSeatsAroundTakenOnes() {
        // Take the best middle seats of the front row first.
        QVERIFY(hold(bob, {seatIds[4], seatIds[5]}).has_hold_result());
        v1::Envelope r;
        r.mutable_hold_seats()->set_idempotency_key(newKey());
        r.mutable_hold_seats()->set_event_id(eventId);
        r.mutable_hold_seats()->mutable_best_available()->set_count(4);
        const auto best = f->handle(alice, r);
        QVERIFY2(best.has_hold_result(), best.error().message().c_str());
        QCOMPARE(best.hold_result().seats_size(), 4);
        std::set<std::string> got;
        for (const auto& s : best.hold_result().seats()) got.insert(s.seat_id());
        QVERIFY(!got.count(seatIds[4]) && !got.count(seatIds[5]));
        QCOMPARE(heldClaims(), 6LL);

        // More than any row can seat together: sold_out, nothing held.
        r.mutable_hold_seats()->set_idempotency_key(newKey());
        r.mutable_hold_seats()->mutable_best_available()->set_count(11);
        const auto tooMany = f->handle(alice, r);
        QCOMPARE(tooMany.error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(tooMany.error().details().at("reason"), std::string("sold_out"));
        QCOMPARE(heldClaims(), 6LL);
    }

    void generalAdmissionTakesPlacesAtomically() {
        const auto area = layout.areas[1].id;
        const auto gaHold = [&](const server::Principal& who, std::uint32_t count) {
            v1::Envelope r;
            r.mutable_hold_seats()->set_idempotency_key(newKey());
            r.mutable_hold_seats()->set_event_id(eventId);
            r.mutable_hold_seats()->mutable_general_admission()->set_area_id(area);
            r.mutable_hold_seats()->mutable_general_admission()->set_count(count);
            return f->handle(who, r);
        };
        const auto first = gaHold(alice, 20);
        QVERIFY2(first.has_hold_result(), first.error().message().c_str());
        QCOMPARE(first.hold_result().ga_count(), 20U);
        const auto tooMany = gaHold(bob, 11);
        QCOMPARE(tooMany.error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(tooMany.error().details().at("available"), std::string("10"));
        QVERIFY(gaHold(bob, 10).has_hold_result());
        QCOMPARE(scalar(*f->conn, "SELECT taken FROM seat_ga_counters"), 30LL);
        // The snapshot and the log both show the counter.
        QCOMPARE(f->statusSeq(), 2LL);
        const auto range = f->api.seatChangesAfter(*f->conn, eventId, 0);
        QCOMPARE(range.changes.size(), std::size_t{2});
        QCOMPARE(range.changes.back().delta.general_admission(0).taken(), 30U);
        QVERIFY(release(alice, first.hold_result().hold_id()).has_ack());
        QCOMPARE(scalar(*f->conn, "SELECT taken FROM seat_ga_counters"), 10LL);
    }

    void onlyTheHolderTouchesAHold() {
        const auto held = hold(alice, {seatIds[30]});
        const auto holdId = held.hold_result().hold_id();
        const auto expiresBefore = scalar(*f->conn, "SELECT (extract(epoch FROM expires_at) * 1000)::bigint FROM seat_holds");
        QCOMPARE(extend(bob, holdId).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(release(bob, holdId).error().code(), v1::PERMISSION_DENIED);
        server::Principal anonymous;
        QCOMPARE(release(anonymous, holdId).error().code(), v1::UNAUTHENTICATED);
        QCOMPARE(hold(anonymous, {seatIds[31]}).error().code(), v1::UNAUTHENTICATED);
        QCOMPARE(heldClaims(), 1LL);
        QCOMPARE(scalar(*f->conn, "SELECT (extract(epoch FROM expires_at) * 1000)::bigint FROM seat_holds"),
                 expiresBefore);
        QCOMPARE(release(alice, "0b1e9f7e-1111-4111-8111-111111111111").error().code(), v1::NOT_FOUND);
    }

    void extendIsCappedAndAnExpiredHoldCannotBeExtended() {
        const auto held = hold(alice, {seatIds[40]});
        const auto holdId = held.hold_result().hold_id();
        // Pretend ten minutes passed: extend goes back to now + 15 min, at most the cap.
        f->exec("UPDATE seat_holds SET expires_at = clock_timestamp() + interval '5 minutes', "
             "max_expires_at = clock_timestamp() + interval '7 minutes'");
        const auto extended = extend(alice, holdId);
        QVERIFY2(extended.has_hold_result(), extended.error().message().c_str());
        QCOMPARE(extended.hold_result().expires_at_ms(), extended.hold_result().max_expires_at_ms());
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims c JOIN seat_holds h ON h.id = c.hold_id "
                                  "WHERE c.expires_at = h.expires_at"),
                 1LL);

        f->exec("UPDATE seat_holds SET expires_at = clock_timestamp() - interval '1 second'");
        const auto late = extend(alice, holdId);
        QCOMPARE(late.error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(late.error().details().at("reason"), std::string("expired"));
    }

    void sweeperReleasesLapsedHoldsAndANewHoldTakesOverALapsedOne() {
        const auto a = hold(alice, {seatIds[50], seatIds[51]});
        const auto b = hold(bob, {seatIds[60]});
        QVERIFY(a.has_hold_result() && b.has_hold_result());
        f->exec("UPDATE seat_holds SET expires_at = clock_timestamp() - interval '1 second' WHERE id = '" +
             a.hold_result().hold_id() + "'");
        // Not swept yet: Bob may take one of Alice's lapsed seats; her whole hold goes.
        const auto takeover = hold(bob, {seatIds[51]});
        QVERIFY2(takeover.has_hold_result(), takeover.error().message().c_str());
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_holds"), 2LL);
        QCOMPARE(heldClaims(), 2LL);

        f->exec("UPDATE seat_holds SET expires_at = clock_timestamp() - interval '1 second' WHERE id = '" +
             b.hold_result().hold_id() + "'");
        const auto seq = f->statusSeq();
        QCOMPARE(f->api.sweepExpiredHolds(*f->conn), std::size_t{1});
        QCOMPARE(f->api.sweepExpiredHolds(*f->conn), std::size_t{0});
        QCOMPARE(heldClaims(), 1LL);
        QCOMPARE(f->statusSeq(), seq + 1);
        const auto range = f->api.seatChangesAfter(*f->conn, eventId, static_cast<std::uint64_t>(seq));
        QCOMPARE(range.changes[0].delta.status(), std::string(1, static_cast<char>(seating::SeatStatus::Available)));
    }

    // The saga's confirm check: a locked live hold is skipped by the sweeper; a lapsed one
    // is never reported live.
    void lockLiveHoldIsRaceFreeWithTheSweeper() {
        const auto held = hold(alice, {seatIds[70]});
        const auto holdId = held.hold_result().hold_id();
        auto sweeperConn = f->db.connect();
        {
            pqxx::work confirming(*f->conn);
            const auto live = server::detail::lockLiveHold(confirming, alice, holdId);
            QVERIFY(live.has_value());
            QCOMPARE(live->eventId, eventId);
            // Time passes past the expiry while the saga holds the row.
            confirming.exec0("UPDATE seat_holds SET expires_at = clock_timestamp() - interval '1 second' WHERE id = '" +
                             holdId + "'");
            QCOMPARE(f->api.sweepExpiredHolds(*sweeperConn), std::size_t{0}); // skipped, not waited for
            confirming.commit();
        }
        {
            pqxx::work confirming(*f->conn);
            QVERIFY(!server::detail::lockLiveHold(confirming, alice, holdId).has_value()); // lapsed
        }
        QCOMPARE(f->api.sweepExpiredHolds(*sweeperConn), std::size_t{1});
        pqxx::work confirming(*f->conn);
        QVERIFY(!server::detail::lockLiveHold(confirming, alice, holdId).has_value()); // gone
    }

    // Extend, release, the sweeper and a competing hold race on one seat whose hold expires
    // in the middle: never two claims, never a claim without its hold, the competitor only
    // wins a seat that is free.
    void expiryRaceNeverDoubleClaims() {
        constexpr int kRounds = 30;
        auto users = bulkUsers(2);
        for (int round = 0; round < kRounds; ++round) {
            const auto& seat = seatIds[static_cast<std::size_t>(80 + round % 10)];
            const auto first = hold(users[0], {seat});
            QVERIFY2(first.has_hold_result(), first.error().message().c_str());
            const auto holdId = first.hold_result().hold_id();
            f->exec("UPDATE seat_holds SET expires_at = clock_timestamp() + interval '30 milliseconds'");
            f->exec("UPDATE seat_claims SET expires_at = clock_timestamp() + interval '30 milliseconds' WHERE hold_id IS NOT NULL");
            std::atomic<bool> stop{false};
            std::atomic<int> competitorWins{0};
            const auto url = f->db.connectionString();
            std::vector<std::thread> threads;
            threads.emplace_back([&] { // the holder keeps extending, then releases
                pqxx::connection conn(url);
                server::Api api;
                for (int i = 0; i < 20; ++i) {
                    v1::Envelope r;
                    r.mutable_extend_hold()->set_hold_id(holdId);
                    api.handle(conn, users[0], {}, r);
                }
                v1::Envelope r;
                r.mutable_release_hold()->set_hold_id(holdId);
                api.handle(conn, users[0], {}, r);
            });
            threads.emplace_back([&] {
                pqxx::connection conn(url);
                server::Api api;
                while (!stop) api.sweepExpiredHolds(conn);
            });
            threads.emplace_back([&] {
                pqxx::connection conn(url);
                server::Api api;
                while (!stop && competitorWins == 0) {
                    const auto answer = api.handle(conn, users[1], {}, holdRequest(eventId, {seat}));
                    if (answer.has_hold_result()) ++competitorWins;
                    else if (answer.error().code() != v1::ALREADY_EXISTS)
                        qWarning() << "unexpected answer" << answer.error().message().c_str();
                }
            });
            threads[0].join();
            stop = true;
            threads[1].join();
            threads[2].join();
            QCOMPARE(doubleClaims(), 0LL);
            QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims c WHERE kind = 'held' AND NOT EXISTS "
                                      "(SELECT 1 FROM seat_holds h WHERE h.id = c.hold_id)"),
                     0LL);
            QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims c JOIN seat_holds h ON h.id = c.hold_id "
                                      "WHERE c.expires_at <> h.expires_at"),
                     0LL);
            f->exec("DELETE FROM seat_claims WHERE kind = 'held'");
            f->exec("DELETE FROM seat_holds");
        }
    }

    void hostileInputIsRefusedAndChangesNothing() {
        const auto seq = f->statusSeq();
        const auto expectInvalid = [&](const v1::Envelope& answer, v1::ErrorCode code) {
            QVERIFY(answer.has_error());
            QCOMPARE(answer.error().code(), code);
            QVERIFY(!answer.error().message().empty());
        };
        expectInvalid(f->handle(alice, holdRequest("2b1e9f7e-1111-4111-8111-111111111111", {seatIds[0]})), v1::NOT_FOUND);
        expectInvalid(f->handle(alice, holdRequest("not-a-uuid", {seatIds[0]})), v1::INVALID_ARGUMENT);
        std::vector<std::string> many;
        for (int i = 0; i < 10'000; ++i) many.push_back("s" + std::to_string(i));
        expectInvalid(hold(alice, many), v1::INVALID_ARGUMENT);
        expectInvalid(hold(alice, {seatIds[0], seatIds[1], seatIds[0]}), v1::INVALID_ARGUMENT);
        expectInvalid(hold(alice, {}), v1::INVALID_ARGUMENT);
        expectInvalid(hold(alice, {"no-such-seat"}), v1::INVALID_ARGUMENT);
        expectInvalid(hold(alice, {std::string(1000, 'x')}), v1::INVALID_ARGUMENT);
        expectInvalid(hold(alice, {seatIds[0]}, "not-a-key"), v1::INVALID_ARGUMENT);
        v1::Envelope r;
        r.mutable_hold_seats()->set_idempotency_key(newKey());
        r.mutable_hold_seats()->set_event_id(eventId);
        expectInvalid(f->handle(alice, r), v1::INVALID_ARGUMENT); // no selection
        r.mutable_hold_seats()->mutable_best_available()->set_count(0);
        expectInvalid(f->handle(alice, r), v1::INVALID_ARGUMENT);
        r.mutable_hold_seats()->mutable_best_available()->set_count(4'000'000'000U);
        expectInvalid(f->handle(alice, r), v1::INVALID_ARGUMENT);
        r.mutable_hold_seats()->mutable_general_admission()->set_area_id("nowhere");
        r.mutable_hold_seats()->mutable_general_admission()->set_count(1);
        expectInvalid(f->handle(alice, r), v1::INVALID_ARGUMENT);
        r.mutable_hold_seats()->mutable_general_admission()->set_count(0);
        expectInvalid(f->handle(alice, r), v1::INVALID_ARGUMENT);
        expectInvalid(extend(alice, "'; DROP TABLE seat_holds; --"), v1::INVALID_ARGUMENT);
        QCOMPARE(heldClaims(), 0LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_holds"), 0LL);
        QCOMPARE(scalar(*f->conn, "SELECT taken FROM seat_ga_counters"), 0LL);
        QCOMPARE(f->statusSeq(), seq);
    }

    // Each outcome of hold_named_seats() (migration 0018), called as the server calls it.
    void oneStatementHoldAnswersEveryCase() {
        const auto changesBefore = scalar(*f->conn, "SELECT count(*) FROM seat_status_changes");
        // Granted: the hold, its claims and one unstamped change carrying the seats.
        const auto key = newKey();
        QCOMPARE(holdInOneStatement(*f->conn, alice, {{seatIds[3], 3}, {seatIds[4], 4}}, 1, key).first,
                 std::string("held"));
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims c JOIN seat_holds h ON h.id = c.hold_id "
                                  "WHERE c.kind = 'held' AND c.expires_at = h.expires_at AND h.holder_user_id = " +
                                      std::to_string(alice.userId)),
                 2LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_status_changes WHERE status_seq IS NULL"),
                 changesBefore + 1);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_status_changes WHERE status_seq IS NULL "
                                  "AND seat_indexes = '{3,4}' AND statuses = '{1,1}' AND holders = '{" +
                                      std::to_string(alice.userId) + "," + std::to_string(alice.userId) + "}'"),
                 1LL);
        const auto writtenBefore = [&] {
            return scalar(*f->conn, "SELECT (SELECT count(*) FROM seat_holds) + (SELECT count(*) FROM seat_claims) + "
                                    "(SELECT count(*) FROM seat_status_changes)");
        };
        const auto written = writtenBefore();
        // The same key again, or a pin that is not the event's: the full path decides.
        QCOMPARE(holdInOneStatement(*f->conn, alice, {{seatIds[3], 3}}, 1, key).first, std::string("retry"));
        QCOMPARE(holdInOneStatement(*f->conn, bob, {{seatIds[7], 7}}, 2).first, std::string("retry"));
        // A live claim: named with its kind; a lapsed hold's claim is marked lapsed.
        auto claimed = holdInOneStatement(*f->conn, bob, {{seatIds[4], 4}, {seatIds[8], 8}});
        QCOMPARE(claimed.first, std::string("claimed"));
        QCOMPARE(nlohmann::json::parse(claimed.second).dump(), "[[\"" + seatIds[4] + "\",\"held\",false]]");
        f->exec("UPDATE seat_holds SET expires_at = clock_timestamp() - interval '1 second'");
        claimed = holdInOneStatement(*f->conn, bob, {{seatIds[3], 3}});
        QCOMPARE(nlohmann::json::parse(claimed.second).dump(), "[[\"" + seatIds[3] + "\",\"held\",true]]");
        // A seat another transaction is claiming right now: its key comes back, nothing waits.
        auto other = f->db.connect();
        pqxx::work claiming(*other);
        const auto busyKey = server::detail::seatHoldLockKey(eventId, seatIds[9]);
        claiming.exec_params("SELECT pg_advisory_xact_lock($1::integer, $2::integer)", server::db::lockkey::kSeatHoldClass,
                             busyKey);
        const auto busy = holdInOneStatement(*f->conn, bob, {{seatIds[9], 9}, {seatIds[8], 8}});
        QCOMPARE(busy.first, std::string("busy"));
        QCOMPARE(busy.second, std::to_string(busyKey));
        claiming.commit();
        QCOMPARE(writtenBefore(), written); // none of the refusals wrote anything
        // And through the service: the busy seat is free again, the lapsed hold is taken over.
        QVERIFY(hold(bob, {seatIds[8]}).has_hold_result()); // remembers the event's pin
        const auto takeover = hold(bob, {seatIds[3], seatIds[9]});
        QVERIFY2(takeover.has_hold_result(), takeover.error().message().c_str());
        QCOMPARE(doubleClaims(), 0LL);
        const auto refused = hold(alice, {seatIds[8], seatIds[10]});
        QCOMPARE(refused.error().code(), v1::ALREADY_EXISTS);
        QCOMPARE(takenSeats(refused.error()), std::set<std::string>{seatIds[8]});
    }

    // Seat ids are free text in imported layouts: they travel to the one-statement hold as a
    // quoted text[] literal.
    void seatIdsThatNeedQuotingAreHeldExactly() {
        auto odd = layout;
        const std::vector<std::string> names{"q\"uote", "back\\slash", "com,ma", "{brace}", "sp ace", "NULL"};
        for (std::size_t i = 0; i < names.size(); ++i) odd.areas[0].rows[0].seats[i].id = names[i];
        moveEventTo(odd, 2);
        const auto first = hold(alice, {names[0]}); // remembers the pin
        QVERIFY2(first.has_hold_result(), first.error().message().c_str());
        const auto rest = hold(alice, {names[1], names[2], names[3], names[4], names[5]});
        QVERIFY2(rest.has_hold_result(), rest.error().message().c_str());
        QCOMPARE(rest.hold_result().seats_size(), 5);
        const seating::SeatIndex index(odd);
        pqxx::work tx(*f->conn);
        for (const auto& name : names) {
            const auto row = tx.exec_params("SELECT seat_index FROM seat_claims WHERE kind = 'held' AND seat_id = $1", name);
            QVERIFY2(row.size() == 1, name.c_str());
            QCOMPARE(row[0][0].as<std::uint32_t>(), *index.indexOf(name));
        }
        tx.commit();
        const auto again = hold(bob, {names[2], seatIds[50]});
        QCOMPARE(takenSeats(again.error()), std::set<std::string>{names[2]});
    }

    // A hold made on a remembered pin after the event moved to another layout version: the
    // statement notices, the full path holds with the new version's seat indexes.
    void aLayoutMoveUnderARememberedPinHoldsWithTheNewIndexes() {
        QVERIFY(hold(alice, {seatIds[90]}).has_hold_result()); // remembers version 1
        auto next = layout;
        auto& rowA = next.areas[0].rows[0];
        rowA.seats.erase(rowA.seats.begin()); // every later seat's index moves down by one
        moveEventTo(next, 2);
        const seating::SeatIndex index(next);
        const auto held = hold(bob, {seatIds[55]});
        QVERIFY2(held.has_hold_result(), held.error().message().c_str());
        QCOMPARE(held.hold_result().seats(0).seat_index(), *index.indexOf(seatIds[55]));
        QCOMPARE(scalar(*f->conn, "SELECT seat_index FROM seat_claims WHERE seat_id = '" + seatIds[55] + "'"),
                 static_cast<long long>(*index.indexOf(seatIds[55])));
        QCOMPARE(scalar(*f->conn, "SELECT seat_index FROM seat_claims WHERE seat_id = '" + seatIds[90] + "'"),
                 static_cast<long long>(*index.indexOf(seatIds[90])));
        // The next hold runs on the new pin.
        const auto next2 = hold(bob, {seatIds[56]});
        QVERIFY(next2.has_hold_result());
        QCOMPARE(next2.hold_result().seats(0).seat_index(), *index.indexOf(seatIds[56]));
        QCOMPARE(hold(alice, {seatIds[0]}).error().code(), v1::INVALID_ARGUMENT); // gone in version 2
    }

    // 500 clients (real Api calls on 16 database connections, one thread each) race for 100
    // seats, 20 rounds. Even rounds: one seat each (five clients per seat), so exactly the
    // available seats end up held. Odd rounds: 1-3 overlapping seats each.
    void fiveHundredClientsRaceForOneHundredSeats() {
        constexpr int kClients = 500;
        constexpr int kRounds = 20;
        constexpr int kConnections = 16;
        const auto clients = bulkUsers(kClients);
        // Ten seats blocked by the organizer: never held.
        const auto block = call(f->api, *f->conn, organizer, [&](v1::Envelope& r) {
            auto* b = r.mutable_set_seats_blocked();
            b->set_idempotency_key(newKey());
            b->set_event_id(eventId);
            for (int i = 0; i < 10; ++i) b->add_seat_ids(seatIds[static_cast<std::size_t>(i * 10 + 9)]);
            b->set_blocked(true);
        });
        QVERIFY(block.has_ack());
        std::set<std::string> blocked;
        for (int i = 0; i < 10; ++i) blocked.insert(seatIds[static_cast<std::size_t>(i * 10 + 9)]);

        std::mt19937 random(4242);
        for (int round = 0; round < kRounds; ++round) {
            const bool single = round % 2 == 0;
            std::vector<std::vector<std::string>> wants(kClients);
            for (int c = 0; c < kClients; ++c) {
                if (single) {
                    wants[static_cast<std::size_t>(c)] = {seatIds[static_cast<std::size_t>((c * 7 + round) % 100)]};
                    continue;
                }
                std::set<std::string> pick;
                const auto n = 1 + random() % 3;
                while (pick.size() < n) pick.insert(seatIds[random() % 100]);
                wants[static_cast<std::size_t>(c)].assign(pick.begin(), pick.end());
            }
            std::vector<v1::Envelope> answers(kClients);
            std::atomic<int> next{0};
            std::barrier start(kConnections);
            std::vector<std::thread> threads;
            const auto url = f->db.connectionString();
            for (int t = 0; t < kConnections; ++t)
                threads.emplace_back([&] {
                    pqxx::connection conn(url);
                    server::Api api;
                    start.arrive_and_wait();
                    for (int c; (c = next++) < kClients;) {
                        const auto i = static_cast<std::size_t>(c);
                        answers[i] = api.handle(conn, clients[i], {}, holdRequest(eventId, wants[i]));
                    }
                });
            for (auto& thread : threads) thread.join();

            std::set<std::string> heldByAnswers;
            int successes = 0;
            for (std::size_t c = 0; c < kClients; ++c) {
                const auto& answer = answers[c];
                if (answer.has_hold_result()) {
                    ++successes;
                    QCOMPARE(answer.hold_result().seats_size(), static_cast<int>(wants[c].size()));
                    for (const auto& seat : answer.hold_result().seats()) {
                        QVERIFY2(heldByAnswers.insert(seat.seat_id()).second, "a seat was granted twice");
                        QVERIFY(!blocked.count(seat.seat_id()));
                    }
                    continue;
                }
                QVERIFY2(answer.has_error(), "neither a hold nor an error");
                QCOMPARE(answer.error().code(), v1::ALREADY_EXISTS); // a clear "taken", nothing else
                const auto taken = takenSeats(answer.error());
                QVERIFY(!taken.empty());
                for (const auto& seat : taken)
                    QVERIFY(std::find(wants[c].begin(), wants[c].end(), seat) != wants[c].end());
            }
            // The database agrees with the answers, and no seat is claimed twice.
            QCOMPARE(doubleClaims(), 0LL);
            QCOMPARE(heldClaims(), static_cast<long long>(heldByAnswers.size()));
            QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_holds"), static_cast<long long>(successes));
            if (single) QCOMPARE(heldByAnswers.size(), std::size_t{90}); // exactly the available seats
            // Every status change was recorded once and, once stamped, numbered gap-free.
            const auto seq = f->statusSeq();
            QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_status_changes WHERE status_seq IS NULL"), 0LL);
            QCOMPARE(scalar(*f->conn, "SELECT count(DISTINCT status_seq) FROM seat_status_changes"), seq);
            QCOMPARE(scalar(*f->conn, "SELECT max(status_seq) FROM seat_status_changes"), seq);

            // The winners release; the next round starts from the blocked seats only.
            for (std::size_t c = 0; c < kClients; ++c)
                if (answers[c].has_hold_result())
                    QVERIFY(release(clients[c], answers[c].hold_result().hold_id()).has_ack());
            QCOMPARE(heldClaims(), 0LL);
        }
    }
};

QTEST_GUILESS_MAIN(TestBookingHolds)
#include "test_booking_holds.moc"
