// The waitlist against a real PostgreSQL database: JoinWaitlist (not_sold_out, idempotency,
// one open entry, bad input), ListWaitlist positions, LeaveWaitlist (owner only, an offer's
// hold released), the offer worker's passes (queue order, adjacent seats in the wanted
// category, seats apart, general admission, expiry → next in line, crash between hold and
// record, accepted orders), the change log, and two workers on one queue never double-offering.
#include "seating_test_layouts.hpp"
#include "service_helpers.hpp"

#include "marquee/protocol/seating_conversions.hpp"
#include "orders/payment_registry.hpp"
#include "scripted_card_provider.hpp"
#include "services/api_internal.hpp"
#include "waitlist/waitlist.hpp"
#include "workers/sequencer.hpp"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <atomic>
#include <barrier>
#include <set>
#include <thread>

using namespace marquee;
using marquee::test::call;
using marquee::test::newKey;
using marquee::test::Fixture;
using marquee::test::scalar;
namespace seating = marquee::core::seating;

namespace {

std::string sqlList(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "'" : ",'") + v + "'";
    return out;
}

} // namespace

class TestWaitlist : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Fixture> f;
    server::Principal organizer;
    server::Principal alice;
    server::Principal bob;
    server::Principal carol;
    std::string eventId;
    seating::Layout layout;
    std::vector<std::string> seatIds; // SeatIndex order: rows 0-4 "pc1", rows 5-9 "pc2"
    std::string standingArea;         // general admission "pc3", 6 places

    v1::Envelope join(const server::Principal& who, std::uint32_t seats, const std::string& category = {},
                      const std::string& key = newKey()) {
        return call(f->api, *f->conn, who, [&](v1::Envelope& r) {
            auto* j = r.mutable_join_waitlist();
            j->set_idempotency_key(key);
            j->set_event_id(eventId);
            j->set_price_category_id(category);
            j->set_seats(seats);
        });
    }
    v1::Envelope leave(const server::Principal& who, const std::string& entryId) {
        return call(f->api, *f->conn, who, [&](v1::Envelope& r) { r.mutable_leave_waitlist()->set_entry_id(entryId); });
    }
    v1::Envelope list(const server::Principal& who) {
        return call(f->api, *f->conn, who, [&](v1::Envelope& r) { r.mutable_list_waitlist(); });
    }
    v1::WaitlistEntry entry(const server::Principal& who, const std::string& id) {
        const auto answer = list(who);
        for (const auto& e : answer.waitlist_list().entries())
            if (e.id() == id) return e;
        return {};
    }
    // Every seat and standing place is sold (claims written as a sale would leave them).
    void sellOut() {
        f->exec("INSERT INTO seat_claims (event_id, seat_id, seat_index, kind) SELECT '" + eventId +
             "', s.id, s.n - 1, 'sold' FROM jsonb_array_elements_text('" + nlohmann::json(seatIds).dump() +
             "'::jsonb) WITH ORDINALITY AS s(id, n)");
        f->exec("UPDATE seat_ga_counters SET taken = capacity");
    }
    // A refund gives seats back (the offer worker reads claims, so deleting them is a release).
    void giveBack(const std::vector<std::string>& seats) {
        f->exec("DELETE FROM seat_claims WHERE kind = 'sold' AND seat_id IN (" + sqlList(seats) + ")");
    }
    std::size_t offer() { return server::waitlist::offerSeats(*f->conn, eventId); }
    std::vector<std::string> heldSeats(const std::string& holdId) {
        pqxx::read_transaction tx(*f->conn);
        std::vector<std::string> out;
        for (const auto& row : tx.exec_params("SELECT seat_id FROM seat_claims WHERE hold_id = $1::uuid ORDER BY "
                                              "seat_index",
                                              holdId))
            out.push_back(row[0].as<std::string>());
        return out;
    }
    // The offer lapses: its hold is past its expiry (time moved on, as far as the database knows).
    void lapse(const std::string& holdId) {
        f->exec("UPDATE seat_holds SET expires_at = clock_timestamp() - interval '1 second', max_expires_at = "
             "clock_timestamp() - interval '1 second' WHERE id = '" + holdId + "'");
        f->exec("UPDATE waitlist_entries SET offer_expires_at = clock_timestamp() - interval '1 second' "
             "WHERE hold_id = '" + holdId + "'");
    }
    std::vector<v1::WaitlistEntry> changeLogEntries(const server::Principal& who) {
        std::vector<v1::WaitlistEntry> out;
        const auto batch = test::pull(f->api, *f->conn, who, 0, 0);
        for (const auto& change : batch.change_batch().changes()) {
            if (change.aggregate_type() != "waitlist_entry") continue;
            v1::WaitlistEntry e;
            if (e.ParseFromString(change.payload())) out.push_back(e);
        }
        return out;
    }

private slots:
    void init() {
        if (!test::TestDatabase::available()) QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        f = std::make_unique<Fixture>();
        organizer = f->user("organizer@example.org", core::Role::Organizer);
        alice = f->user("alice@example.org", core::Role::Attendee);
        bob = f->user("bob@example.org", core::Role::Attendee);
        carol = f->user("carol@example.org", core::Role::Attendee);
        layout = test::smallHall(test::kVenueId, 10);
        layout.priceCategories.push_back({"pc2", "Category 2", 1500, "EUR", 0x33cc66});
        layout.priceCategories.push_back({"pc3", "Standing", 900, "EUR", 0xcc6633});
        for (std::size_t r = 5; r < layout.areas[0].rows.size(); ++r)
            for (auto& seat : layout.areas[0].rows[r].seats) seat.priceCategoryId = "pc2";
        standingArea = test::addStandingArea(layout, 6, "pc3");
        const auto seated = test::createSeatedEvent(f->api, *f->conn, organizer, layout);
        QVERIFY2(seated.error.empty(), seated.error.c_str());
        layout.id = seated.layoutId;
        eventId = seated.eventId;
        seatIds = seated.seatIds;
        QCOMPARE(seatIds.size(), std::size_t{100});
    }
    void cleanup() { f.reset(); }

    void joinIsRefusedWhileSeatsCanBeHeld() {
        const auto refused = join(alice, 2, "pc1");
        QCOMPARE(refused.error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(refused.error().details().at("reason"), std::string("not_sold_out"));
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM waitlist_entries"), 0LL);

        // Sold out, but for two seats of category 2 apart: still not sold out for two.
        sellOut();
        giveBack({seatIds[50], seatIds[73]});
        const auto apart = join(alice, 2, "pc2");
        QCOMPARE(apart.error().details().at("reason"), std::string("not_sold_out"));
        QCOMPARE(apart.error().details().at("apart"), std::string("true"));
        // Three are more than are free: the waitlist takes Alice; category 1 is sold out too.
        QVERIFY2(join(alice, 3, "pc2").has_waitlist_entry(), "three of pc2 can not be held");
        QVERIFY(join(alice, 1, "pc1").has_waitlist_entry());
        // Any category: two seats are free somewhere.
        QCOMPARE(join(bob, 2).error().details().at("reason"), std::string("not_sold_out"));
    }

    void joinIsIdempotentAndOneEntryIsOpenPerCategory() {
        sellOut();
        const auto key = newKey();
        const auto first = join(alice, 2, "pc1", key);
        QVERIFY2(first.has_waitlist_entry(), first.error().message().c_str());
        QCOMPARE(first.waitlist_entry().status(), v1::WAITLIST_WAITING);
        QCOMPARE(first.waitlist_entry().position(), 1U);
        QCOMPARE(first.waitlist_entry().event_title(), std::string("Late Night Jazz"));
        const auto again = join(alice, 2, "pc1", key);
        QVERIFY(again.has_waitlist_entry());
        QCOMPARE(again.waitlist_entry().id(), first.waitlist_entry().id());
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM waitlist_entries"), 1LL);
        // The same key for another wish is a mistake, not a replay.
        QCOMPARE(join(alice, 3, "pc1", key).error().code(), v1::INVALID_ARGUMENT);
        // A second open entry for the same category is refused, naming the open one.
        const auto twice = join(alice, 4, "pc1");
        QCOMPARE(twice.error().code(), v1::ALREADY_EXISTS);
        QCOMPARE(twice.error().details().at("id"), first.waitlist_entry().id());
        // Another category is another queue place.
        QVERIFY(join(alice, 1, "pc2").has_waitlist_entry());
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM waitlist_entries"), 2LL);
    }

    void badJoinsAreRefusedAndChangeNothing() {
        sellOut();
        QCOMPARE(join(server::Principal{}, 1).error().code(), v1::UNAUTHENTICATED);
        QCOMPARE(join(alice, 0).error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(join(alice, 11).error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(join(alice, 1, "no-such-category").error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(join(alice, 7, "pc3").error().details().at("capacity"), std::string("6")); // more than exist
        QCOMPARE(join(alice, 1, std::string(100, 'x')).error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(join(alice, 1, {}, "not-a-uuid").error().code(), v1::INVALID_ARGUMENT);
        const auto unknown = call(f->api, *f->conn, alice, [&](v1::Envelope& r) {
            r.mutable_join_waitlist()->set_idempotency_key(newKey());
            r.mutable_join_waitlist()->set_event_id("99999999-9999-4999-8999-999999999999");
            r.mutable_join_waitlist()->set_seats(1);
        });
        QCOMPARE(unknown.error().code(), v1::NOT_FOUND);
        f->exec("UPDATE events SET status = 'cancelled'");
        QCOMPARE(join(alice, 1).error().details().at("reason"), std::string("event_cancelled"));
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM waitlist_entries"), 0LL);
        QCOMPARE(leave(alice, "not-a-uuid").error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(leave(alice, "99999999-9999-4999-8999-999999999999").error().code(), v1::NOT_FOUND);
    }

    void offersGoInQueueOrderAsAdjacentSeatsOfTheWantedCategory() {
        sellOut();
        const auto a = join(alice, 2, "pc2").waitlist_entry();
        const auto b = join(bob, 2, "pc2").waitlist_entry();
        const auto c = join(carol, 2, "pc1").waitlist_entry();
        QCOMPARE(entry(bob, b.id()).position(), 2U);
        QCOMPARE(entry(carol, c.id()).position(), 3U); // among the event's waiting entries
        QCOMPARE(offer(), std::size_t{0});             // nothing free yet

        // Freed: two lone category-1 seats, one lone category-2 seat and a category-2 pair.
        giveBack({seatIds[0], seatIds[9], seatIds[60], seatIds[84], seatIds[85]});
        QCOMPARE(offer(), std::size_t{2});
        const auto offered = entry(alice, a.id());
        QCOMPARE(offered.status(), v1::WAITLIST_OFFERED);
        QCOMPARE(offered.position(), 0U);
        QVERIFY(!offered.seats_apart());
        QCOMPARE(heldSeats(offered.hold_id()), (std::vector<std::string>{seatIds[84], seatIds[85]}));
        QCOMPARE(offered.offered_seat_labels_size(), 2);
        QVERIFY(offered.offered_seat_labels(0).find("Stalls") != std::string::npos);
        // The hold is Alice's and lives the event's waitlist offer time (one hour by default).
        QCOMPARE(scalar(*f->conn, "SELECT holder_user_id FROM seat_holds WHERE id = '" + offered.hold_id() + "'"),
                 static_cast<long long>(alice.userId));
        const auto ttl = offered.offer_expires_at_ms() - QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(ttl > 3590 * 1000 && ttl <= 3600 * 1000, std::to_string(ttl).c_str());
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims WHERE hold_id = '" + offered.hold_id() +
                                      "' AND expires_at = (SELECT expires_at FROM seat_holds WHERE id = '" +
                                      offered.hold_id() + "')"),
                 2LL);
        // Bob wanted two of category 2: one is free, so he waits (now first in line).
        const auto waiting = entry(bob, b.id());
        QCOMPARE(waiting.status(), v1::WAITLIST_WAITING);
        QCOMPARE(waiting.position(), 1U);
        // Carol wanted two of category 1: seats 0 and 9 are at both ends of the front row.
        const auto apart = entry(carol, c.id());
        QCOMPARE(apart.status(), v1::WAITLIST_OFFERED);
        QVERIFY(apart.seats_apart());
        QCOMPARE(heldSeats(apart.hold_id()), (std::vector<std::string>{seatIds[0], seatIds[9]}));
        // Each offer is mailed to its user.
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM mail_outbox WHERE kind = 'waitlist_offer'"), 2LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM mail_outbox WHERE recipient = 'alice@example.org'"), 1LL);
        // A second pass finds nothing new to offer.
        QCOMPARE(offer(), std::size_t{0});
    }

    void anyCategoryAndGeneralAdmission() {
        sellOut();
        const auto standing = join(alice, 3, "pc3").waitlist_entry();
        const auto any = join(bob, 1).waitlist_entry();
        f->exec("UPDATE seat_ga_counters SET taken = capacity - 4");
        QCOMPARE(offer(), std::size_t{2});
        const auto ga = entry(alice, standing.id());
        QCOMPARE(ga.status(), v1::WAITLIST_OFFERED);
        QCOMPARE(ga.offered_seat_labels_size(), 3);
        QCOMPARE(ga.offered_seat_labels(0), std::string("Standing"));
        QCOMPARE(scalar(*f->conn, "SELECT ga_count FROM seat_holds WHERE id = '" + ga.hold_id() + "'"), 3LL);
        // Bob's "any category, one seat" got the last standing place.
        QCOMPARE(entry(bob, any.id()).status(), v1::WAITLIST_OFFERED);
        QCOMPARE(scalar(*f->conn, "SELECT taken - capacity FROM seat_ga_counters"), 0LL);
    }

    void aLapsedOfferExpiresAndTheSeatsGoToTheNextInLine() {
        sellOut();
        const auto a = join(alice, 2, "pc1").waitlist_entry();
        const auto b = join(bob, 2, "pc1").waitlist_entry();
        giveBack({seatIds[14], seatIds[15]});
        QCOMPARE(offer(), std::size_t{1});
        const auto hold = entry(alice, a.id()).hold_id();
        QVERIFY(!hold.empty());
        // Not lapsed yet: settling changes nothing.
        auto settled = server::waitlist::settleOffers(*f->conn);
        QCOMPARE(settled.expired + settled.accepted, std::size_t{0});

        lapse(hold);
        settled = server::waitlist::settleOffers(*f->conn);
        QCOMPARE(settled.expired, std::size_t{1});
        QCOMPARE(settled.eventsWithLapsedOffers, std::vector<std::string>{eventId});
        QCOMPARE(entry(alice, a.id()).status(), v1::WAITLIST_EXPIRED);
        // The sweeper has not run: the offer pass takes over the lapsed hold's seats itself.
        QCOMPARE(offer(), std::size_t{1});
        const auto next = entry(bob, b.id());
        QCOMPARE(next.status(), v1::WAITLIST_OFFERED);
        QCOMPARE(heldSeats(next.hold_id()), (std::vector<std::string>{seatIds[14], seatIds[15]}));
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_holds"), 1LL);
        // An offer released by its user (declined) expires as well.
        v1::ReleaseHold release;
        release.set_hold_id(next.hold_id());
        server::detail::releaseHold(*f->conn, bob, release);
        QCOMPARE(server::waitlist::settleOffers(*f->conn).expired, std::size_t{1});
        QCOMPARE(entry(bob, b.id()).status(), v1::WAITLIST_EXPIRED);
    }

    void anOrderFromTheOfferAcceptsIt() {
        sellOut();
        const auto a = join(alice, 2, "pc1").waitlist_entry();
        const auto b = join(bob, 1, "pc1").waitlist_entry();
        giveBack({seatIds[30], seatIds[31], seatIds[40]});
        QCOMPARE(offer(), std::size_t{2});
        const auto aliceHold = entry(alice, a.id()).hold_id();
        const auto bobHold = entry(bob, b.id()).hold_id();

        // Alice buys her offer (a card order through the saga): the confirming transaction
        // accepts her entry at once, no worker pass needed.
        auto registry = server::orders::PaymentRegistry::withCash();
        registry->add(v1::PAYMENT_CARD_ONLINE, std::make_shared<test::ScriptedCardProvider>());
        v1::CreateOrder buy;
        buy.set_idempotency_key(newKey());
        buy.set_hold_id(aliceHold);
        buy.set_buyer_name("Alice");
        buy.set_buyer_email("alice@example.org");
        buy.set_method(v1::PAYMENT_CARD_ONLINE);
        buy.set_card_payment_method("pm_card_visa");
        const auto order = server::detail::createOrder(*f->conn, *registry, alice, {}, buy);
        QCOMPARE(order.status(), v1::ORDER_CONFIRMED);
        QCOMPARE(entry(alice, a.id()).status(), v1::WAITLIST_ACCEPTED);
        // Her client learns it from the change log (the sequencer is not running here).
        server::workers::Sequencer::stampPending(*f->conn);
        const auto logged = changeLogEntries(alice);
        QVERIFY(!logged.empty());
        QCOMPARE(logged.back().id(), a.id());
        QCOMPARE(logged.back().status(), v1::WAITLIST_ACCEPTED);
        QCOMPARE(server::waitlist::settleOffers(*f->conn).accepted, std::size_t{0}); // nothing left to settle
        {
            pqxx::work tx(*f->conn);
            QVERIFY(!server::waitlist::markAccepted(tx, aliceHold)); // once only
            QVERIFY(!server::waitlist::markAccepted(tx, "99999999-9999-4999-8999-999999999999"));
            tx.commit();
        }

        // Without the call, the worker sees the confirmed order once the hold is gone.
        f->exec("INSERT INTO orders (code, event_id, user_id, idempotency_key, request_hash, hold_id, status, "
             "saga_step, currency, subtotal_minor, fees_minor, tax_minor, total_minor, payment_method, buyer_email) "
             "VALUES ('MQ-TEST01', '" + eventId + "', " + std::to_string(bob.userId) + ", 'k', '\\x00', '" + bobHold +
             "', 'pending', 'held', 'EUR', 2500, 0, 0, 2500, 'cash', 'bob@example.org')");
        f->exec("UPDATE seat_claims SET kind = 'sold', hold_id = NULL, expires_at = NULL WHERE hold_id = '" + bobHold +
             "'");
        f->exec("DELETE FROM seat_holds WHERE id = '" + bobHold + "'");
        // Pending: the saga decides, the entry stays offered.
        QCOMPARE(server::waitlist::settleOffers(*f->conn).expired, std::size_t{0});
        QCOMPARE(entry(bob, b.id()).status(), v1::WAITLIST_OFFERED);
        f->exec("UPDATE orders SET status = 'confirmed'");
        QCOMPARE(server::waitlist::settleOffers(*f->conn).accepted, std::size_t{1});
        QCOMPARE(entry(bob, b.id()).status(), v1::WAITLIST_ACCEPTED);
    }

    void leaveIsTheOwnersAndGivesAnOffersSeatsBack() {
        sellOut();
        const auto a = join(alice, 2, "pc1").waitlist_entry();
        const auto b = join(bob, 2, "pc1").waitlist_entry();
        QCOMPARE(leave(bob, a.id()).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(entry(alice, a.id()).status(), v1::WAITLIST_WAITING);

        giveBack({seatIds[22], seatIds[23]});
        QCOMPARE(offer(), std::size_t{1});
        const auto hold = entry(alice, a.id()).hold_id();
        const auto left = leave(alice, a.id());
        QVERIFY2(left.has_waitlist_entry(), left.error().message().c_str());
        QCOMPARE(left.waitlist_entry().status(), v1::WAITLIST_LEFT);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_holds WHERE id = '" + hold + "'"), 0LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims WHERE kind = 'held'"), 0LL);
        // Leaving again changes nothing; the seats go to Bob.
        QCOMPARE(leave(alice, a.id()).waitlist_entry().status(), v1::WAITLIST_LEFT);
        QCOMPARE(offer(), std::size_t{1});
        QCOMPARE(entry(bob, b.id()).status(), v1::WAITLIST_OFFERED);
        // A waiting entry leaves without touching holds; the list shows only one's own entries.
        const auto c = join(carol, 1, "pc2").waitlist_entry();
        QCOMPARE(leave(carol, c.id()).waitlist_entry().status(), v1::WAITLIST_LEFT);
        QCOMPARE(list(carol).waitlist_list().entries_size(), 1);
        QCOMPARE(list(alice).waitlist_list().entries_size(), 1);
        QCOMPARE(list(server::Principal{}).error().code(), v1::UNAUTHENTICATED);
    }

    void aHoldLeftByACrashedPassIsReleasedAndOfferedAgain() {
        sellOut();
        const auto a = join(alice, 2, "pc1").waitlist_entry();
        giveBack({seatIds[3], seatIds[4]});
        // A pass held the seats with the entry's key and died before recording the offer.
        v1::HoldSeats orphan;
        {
            pqxx::read_transaction tx(*f->conn);
            orphan.set_idempotency_key(server::waitlist::offerHoldKey(tx, a.id()));
        }
        orphan.set_event_id(eventId);
        orphan.mutable_seats()->add_ids(seatIds[3]);
        orphan.mutable_seats()->add_ids(seatIds[4]);
        const auto orphanHold = server::detail::holdSeats(*f->conn, alice, orphan).hold_id();
        QCOMPARE(offer(), std::size_t{1});
        const auto offered = entry(alice, a.id());
        QCOMPARE(offered.status(), v1::WAITLIST_OFFERED);
        QVERIFY(offered.hold_id() != orphanHold);
        QCOMPARE(heldSeats(offered.hold_id()), (std::vector<std::string>{seatIds[3], seatIds[4]}));
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_holds"), 1LL);
    }

    void everyEntryChangeReachesItsUsersChangeLog() {
        sellOut();
        const auto a = join(alice, 1, "pc1").waitlist_entry();
        giveBack({seatIds[5]});
        QCOMPARE(offer(), std::size_t{1});
        QVERIFY(leave(alice, a.id()).has_waitlist_entry());
        // The sequencer is not running here: stamp the log the way it does.
        server::workers::Sequencer::stampPending(*f->conn);
        const auto changes = changeLogEntries(alice);
        QCOMPARE(changes.size(), std::size_t{3});
        QCOMPARE(changes[0].status(), v1::WAITLIST_WAITING);
        QCOMPARE(changes[1].status(), v1::WAITLIST_OFFERED);
        QVERIFY(!changes[1].hold_id().empty());
        QCOMPARE(changes[1].offered_seat_labels_size(), 1);
        QCOMPARE(changes[2].status(), v1::WAITLIST_LEFT);
        QVERIFY(changeLogEntries(bob).empty()); // scoped to Alice
    }

    void twoWorkersNeverOfferASeatTwice() {
        sellOut();
        // 40 users want 1-3 seats each; 45 seats come free at once.
        pqxx::work tx(*f->conn);
        const auto users = tx.exec("INSERT INTO users (email, password_hash, role) SELECT 'w' || g || "
                                   "'@example.org', 'x', 'attendee' FROM generate_series(1, 40) g RETURNING id");
        tx.commit();
        int i = 0;
        for (const auto& row : users) {
            server::Principal who;
            who.userId = row[0].as<std::int64_t>();
            who.role = core::Role::Attendee;
            const auto joined = join(who, static_cast<std::uint32_t>(1 + i % 3), i % 2 ? "pc1" : "pc2");
            ++i;
            QVERIFY2(joined.has_waitlist_entry(), joined.error().message().c_str());
        }
        std::vector<std::string> freed;
        for (std::size_t s = 0; s < 100; s += 2) freed.push_back(seatIds[s]);
        freed.resize(45);
        giveBack(freed);

        std::barrier start(2);
        std::atomic<std::size_t> offers{0};
        std::atomic<int> failures{0};
        std::vector<std::thread> workers;
        for (int w = 0; w < 2; ++w)
            workers.emplace_back([&] {
                try {
                    const auto conn = f->db.connect();
                    start.arrive_and_wait();
                    for (int pass = 0; pass < 5; ++pass) offers += server::waitlist::offerSeats(*conn, eventId);
                } catch (const std::exception& e) {
                    qWarning("worker failed: %s", e.what());
                    ++failures;
                }
            });
        for (auto& t : workers) t.join();
        QCOMPARE(failures.load(), 0);
        QVERIFY(offers.load() > 0);
        const auto offered = scalar(*f->conn, "SELECT count(*) FROM waitlist_entries WHERE status = 'offered'");
        QCOMPARE(static_cast<long long>(offers.load()), offered);
        // One hold per offer, each the entry's user's, no seat in two holds, and exactly the
        // seats each entry wanted.
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_holds"), offered);
        QCOMPARE(scalar(*f->conn, "SELECT count(DISTINCT hold_id) FROM waitlist_entries WHERE status = 'offered'"),
                 offered);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM waitlist_entries w JOIN seat_holds h ON h.id = w.hold_id "
                                  "WHERE h.holder_user_id <> w.user_id"),
                 0LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM (SELECT seat_id FROM seat_claims GROUP BY event_id, seat_id "
                                  "HAVING count(*) > 1) d"),
                 0LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM waitlist_entries w WHERE status = 'offered' AND seats <> "
                                  "(SELECT count(*) FROM seat_claims c WHERE c.hold_id = w.hold_id)"),
                 0LL);
        QCOMPARE(scalar(*f->conn, "SELECT sum(seats) FROM waitlist_entries WHERE status = 'offered'"),
                 scalar(*f->conn, "SELECT count(*) FROM seat_claims WHERE kind = 'held'"));
        // Whatever is still free could not serve any waiting wish of its category.
        QCOMPARE(server::waitlist::offerSeats(*f->conn, eventId), std::size_t{0});
    }
};

QTEST_GUILESS_MAIN(TestWaitlist)
#include "test_waitlist.moc"
