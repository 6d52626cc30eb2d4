// Orders and their saga against a real PostgreSQL database: a cash sale confirmed at once with
// its lines, payment, sold seats and change-log record; pricing with fees and included/added
// tax; declines and retry-later with the same key; idempotent replay; authorisation (orders
// and holds of others, cash by attendees, box-office search, booking rules); the expiry race
// between confirming and the hold sweeper. Card payments go through ScriptedCardProvider (the
// card network cannot run here).
#include "booking_rules.hpp"
#include "scripted_card_provider.hpp"
#include "seating_test_layouts.hpp"
#include "service_helpers.hpp"

#include "marquee/protocol/seating_conversions.hpp"
#include "orders/cash_provider.hpp"
#include "orders/payment_registry.hpp"
#include "orders/saga.hpp"
#include "services/api_internal.hpp"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace marquee;
using marquee::test::call;
using marquee::test::charge;
using marquee::test::newKey;
using marquee::test::scalar;
namespace seating = marquee::core::seating;

class TestOrders : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::TestDatabase> db;
    std::unique_ptr<pqxx::connection> conn;
    std::shared_ptr<test::ScriptedCardProvider> card;
    std::shared_ptr<server::orders::PaymentRegistry> registry;
    std::unique_ptr<server::Api> api;
    server::Principal organizer, otherOrganizer, staff, admin, alice, bob;
    std::string eventId;
    seating::Layout layout;
    std::vector<std::string> seatIds; // SeatIndex order: row 0 (premium) first
    std::string gaArea;

    v1::Envelope handle(const server::Principal& who, const std::function<void(v1::Envelope&)>& fill) {
        return call(*api, *conn, who, fill);
    }
    void exec(const std::string& sql) {
        pqxx::work tx(*conn);
        tx.exec0(sql);
        tx.commit();
    }
    std::string holdSeats(const server::Principal& who, const std::vector<std::string>& seats) {
        const auto answer = handle(who, [&](v1::Envelope& r) {
            auto* hold = r.mutable_hold_seats();
            hold->set_idempotency_key(newKey());
            hold->set_event_id(eventId);
            for (const auto& s : seats) hold->mutable_seats()->add_ids(s);
        });
        if (!answer.has_hold_result()) qWarning("hold failed: %s", answer.error().message().c_str());
        return answer.hold_result().hold_id();
    }
    std::string holdPlaces(const server::Principal& who, std::uint32_t count) {
        const auto answer = handle(who, [&](v1::Envelope& r) {
            auto* hold = r.mutable_hold_seats();
            hold->set_idempotency_key(newKey());
            hold->set_event_id(eventId);
            hold->mutable_general_admission()->set_area_id(gaArea);
            hold->mutable_general_admission()->set_count(count);
        });
        return answer.hold_result().hold_id();
    }
    v1::CreateOrder cashOrder(const std::string& holdId, std::int64_t tendered, const std::string& key = newKey()) {
        v1::CreateOrder create;
        create.set_idempotency_key(key);
        create.set_hold_id(holdId);
        create.set_buyer_name("Walk-up Buyer");
        create.set_buyer_email("walkup@example.org");
        create.set_method(v1::PAYMENT_CASH);
        create.set_cash_tendered_minor(tendered);
        return create;
    }
    v1::CreateOrder cardOrder(const std::string& holdId, const std::string& key = newKey()) {
        v1::CreateOrder create;
        create.set_idempotency_key(key);
        create.set_hold_id(holdId);
        create.set_buyer_name("Alice Example");
        create.set_buyer_email("Alice@Example.org");
        create.set_method(v1::PAYMENT_CARD_ONLINE);
        create.set_card_payment_method("pm_card_visa");
        return create;
    }
    v1::Envelope create(const server::Principal& who, const v1::CreateOrder& request) {
        return handle(who, [&](v1::Envelope& r) { *r.mutable_create_order() = request; });
    }
    v1::Envelope getOrder(const server::Principal& who, const std::string& orderId) {
        return handle(who, [&](v1::Envelope& r) { r.mutable_get_order()->set_order_id(orderId); });
    }
    void setCharges(const std::vector<v1::CategoryCharges>& charges) {
        const auto answer = handle(organizer, [&](v1::Envelope& r) {
            auto* rules = r.mutable_set_booking_rules()->mutable_rules();
            *rules = test::bookingRules(eventId);
            for (const auto& c : charges) *rules->add_charges() = c;
        });
        QVERIFY2(answer.has_booking_rules(), answer.error().message().c_str());
    }
    long long claims(const std::string& kind) {
        return scalar(*conn, "SELECT count(*) FROM seat_claims WHERE kind = '" + kind + "'");
    }
    long long doubleClaims() {
        return scalar(*conn, "SELECT count(*) FROM (SELECT event_id, seat_id FROM seat_claims "
                             "GROUP BY 1, 2 HAVING count(*) > 1) d");
    }
    std::size_t runDue() { return server::orders::runDueSagas(*conn, *registry, 50); }

private slots:
    void init() {
        if (!test::TestDatabase::available()) QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        db = std::make_unique<test::TestDatabase>();
        conn = db->connect();
        test::seedCatalog(*conn);
        card = std::make_shared<test::ScriptedCardProvider>();
        registry = server::orders::PaymentRegistry::withCash();
        registry->add(v1::PAYMENT_CARD_ONLINE, card);
        registry->setOnlineConfig({"http://127.0.0.1:9/v1", "pk_test_123"});
        registry->add(v1::PAYMENT_CARD_TERMINAL, card);
        registry->setTerminalIds({"T1"});
        server::Api::Options options;
        options.payments = registry;
        api = std::make_unique<server::Api>(options);
        organizer = test::makeUser(*api, *conn, "organizer@example.org", core::Role::Organizer);
        otherOrganizer = test::makeUser(*api, *conn, "other@example.org", core::Role::Organizer);
        staff = test::makeUser(*api, *conn, "staff@example.org", core::Role::Staff);
        admin = test::makeUser(*api, *conn, "admin@example.org", core::Role::Admin);
        alice = test::makeUser(*api, *conn, "alice@example.org", core::Role::Attendee);
        bob = test::makeUser(*api, *conn, "bob@example.org", core::Role::Attendee);

        // 3 rows of 10; the front row is "Premium" (4000), the rest Category 1 (2500); a
        // standing area of 30 in Category 1.
        layout = test::smallHall(test::kVenueId, 3);
        layout.priceCategories.push_back({"pc2", "Premium", 4000, "EUR", 0xcc3366});
        for (auto& seat : layout.areas[0].rows[0].seats) seat.priceCategoryId = "pc2";
        gaArea = test::addStandingArea(layout, 30, "pc1");
        const auto seated = test::createSeatedEvent(*api, *conn, organizer, layout);
        QVERIFY2(seated.error.empty(), seated.error.c_str());
        layout.id = seated.layoutId;
        eventId = seated.eventId;
        seatIds = seated.seatIds;
    }
    void cleanup() {
        api.reset();
        conn.reset();
        db.reset();
    }

    void cashSaleIsConfirmedAtOnceWithLinesPaymentSoldSeatsAndChangeLog() {
        setCharges({charge("*", 150, 1900, true)});
        const auto holdId = holdSeats(staff, {seatIds[10], seatIds[11]});
        QVERIFY(!holdId.empty());
        const auto answer = create(staff, cashOrder(holdId, 10'000));
        QVERIFY2(answer.has_order(), answer.error().message().c_str());
        const auto& order = answer.order();
        QCOMPARE(order.status(), v1::ORDER_CONFIRMED);
        QCOMPARE(order.step(), v1::SAGA_MAILED);
        QCOMPARE(order.tickets_size(), 2);
        // The confirmation waits in the outbox for the mail worker, once.
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM mail_outbox WHERE dedup_key = 'order-confirmation:" + order.id() +
                                   "' AND recipient = 'walkup@example.org'"),
                 1LL);
        QVERIFY(!order.tickets(0).code().empty() && !order.tickets(0).voided());
        QVERIFY(order.code().rfind("MQ-", 0) == 0 && order.code().size() == 9);
        QCOMPARE(order.currency(), std::string("EUR"));
        QCOMPARE(order.lines_size(), 2);
        // 2500 + 150 fee, 19 % contained: 2650 * 1900 / 11900 = 423.1 -> 423.
        for (const auto& line : order.lines()) {
            QCOMPARE(line.price_minor(), 2500LL);
            QCOMPARE(line.fee_minor(), 150LL);
            QCOMPARE(line.tax_minor(), 423LL);
            QCOMPARE(line.total_minor(), 2650LL);
            QCOMPARE(line.price_category_name(), std::string("Category 1"));
            QVERIFY(line.label().find("Stalls") != std::string::npos);
        }
        QCOMPARE(order.subtotal_minor(), 5000LL);
        QCOMPARE(order.fees_minor(), 300LL);
        QCOMPARE(order.tax_minor(), 846LL);
        QCOMPARE(order.total_minor(), 5300LL);
        QCOMPARE(order.payment().method(), v1::PAYMENT_CASH);
        QCOMPARE(order.payment().status(), v1::PAYMENT_CAPTURED);
        QCOMPARE(order.payment().tendered_minor(), 10'000LL);
        QCOMPARE(order.payment().change_due_minor(), 4700LL);
        QVERIFY(order.payment().provider_reference().rfind("CR-", 0) == 0);
        QCOMPARE(order.sold_by_user_id(), staff.userId);
        QCOMPARE(order.buyer_email(), std::string("walkup@example.org"));

        // The seats are sold to this order through the same claim rows; the hold is gone.
        QCOMPARE(claims("sold"), 2LL);
        QCOMPARE(claims("held"), 0LL);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM seat_claims WHERE order_id = '" + order.id() + "'"), 2LL);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM seat_holds"), 0LL);
        api->stampSeatChanges(*conn); // seat-status seqs are numbered after commit; no stamper runs here
        const auto changes = api->seatChangesAfter(*conn, eventId, 0);
        QVERIFY(!changes.changes.empty());
        const auto& last = changes.changes.back().delta;
        QCOMPARE(last.status(), std::string(2, static_cast<char>(seating::SeatStatus::Sold)));

        // Steps and provider calls, each with its own key, all completed.
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM saga_steps WHERE order_id = '" + order.id() +
                                   "' AND completed_at IS NOT NULL AND idempotency_key = order_id || ':' || step "
                                   "AND step IN ('authorize', 'confirm', 'capture', 'issue_tickets', 'mail')"),
                 5LL);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM payment_operations WHERE order_id = '" + order.id() +
                                   "' AND status = 'succeeded' AND provider = 'cash'"),
                 2LL);

        // Every state change went to the buyer's change log; the newest is the confirmed order.
        QVERIFY(scalar(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'order' AND aggregateid = '" +
                                  order.id() + "' AND scope_user_id = " + std::to_string(staff.userId)) >= 3);
        pqxx::read_transaction tx(*conn);
        const auto payload = tx.exec1("SELECT payload FROM change_log WHERE aggregatetype = 'order' ORDER BY id DESC "
                                      "LIMIT 1")[0];
        std::string bytes;
        server::detail::appendBytea(payload, bytes);
        v1::Order logged;
        QVERIFY(logged.ParseFromString(bytes));
        QCOMPARE(logged.status(), v1::ORDER_CONFIRMED);
        QCOMPARE(logged.event_title(), std::string("Late Night Jazz"));
        QCOMPARE(logged.venue_name(), std::string("Hall"));
        QCOMPARE(logged.lines_size(), 2);
        QCOMPARE(logged.tickets_size(), 2);
    }

    void pricingUsesCategoryChargesWithDefaultAndAddedTax() {
        // Premium: 19 % contained, no fee. Everything else ('*'): fee 100, 7 % added.
        setCharges({charge("*", 100, 700, false), charge("pc2", 0, 1900, true)});
        const auto holdId = holdSeats(staff, {seatIds[0], seatIds[15]});
        const auto answer = create(staff, cashOrder(holdId, 100'000));
        QVERIFY2(answer.has_order(), answer.error().message().c_str());
        const auto& order = answer.order();
        QCOMPARE(order.lines_size(), 2);
        const auto& premium = order.lines(0);
        QCOMPARE(premium.price_category_id(), std::string("pc2"));
        QCOMPARE(premium.price_minor(), 4000LL);
        QCOMPARE(premium.tax_minor(), 639LL); // 4000 * 1900 / 11900 = 638.66 -> 639
        QCOMPARE(premium.total_minor(), 4000LL);
        const auto& standard = order.lines(1);
        QCOMPARE(standard.fee_minor(), 100LL);
        QCOMPARE(standard.tax_minor(), 182LL); // 2600 * 7 %
        QCOMPARE(standard.total_minor(), 2782LL);
        QCOMPARE(order.total_minor(), 6782LL);
        QCOMPARE(order.tax_minor(), 639LL + 182LL);

        // General admission: one line per place, priced by the area's category.
        const auto gaHold = holdPlaces(staff, 3);
        const auto ga = create(staff, cashOrder(gaHold, 100'000));
        QVERIFY2(ga.has_order(), ga.error().message().c_str());
        QCOMPARE(ga.order().status(), v1::ORDER_CONFIRMED);
        QCOMPARE(ga.order().lines_size(), 3);
        QCOMPARE(ga.order().lines(2).ga_area_id(), gaArea);
        QCOMPARE(ga.order().lines(2).label(), std::string("Standing"));
        QCOMPARE(ga.order().total_minor(), 3 * 2782LL);
        QCOMPARE(scalar(*conn, "SELECT taken FROM seat_ga_counters"), 3LL); // sold places stay counted
    }

    void shortCashIsDeclinedAndTheHoldStaysForARetry() {
        const auto holdId = holdSeats(staff, {seatIds[12]});
        const auto expiresBefore = scalar(*conn, "SELECT (extract(epoch FROM expires_at) * 1000)::bigint FROM seat_holds");
        const auto answer = create(staff, cashOrder(holdId, 100));
        QVERIFY2(answer.has_order(), answer.error().message().c_str());
        QCOMPARE(answer.order().status(), v1::ORDER_FAILED);
        QCOMPARE(answer.order().failure_reason(), std::string("payment_declined"));
        QCOMPARE(answer.order().payment().status(), v1::PAYMENT_DECLINED);
        QCOMPARE(answer.order().payment().decline_code(), std::string("insufficient_cash"));
        QCOMPARE(answer.order().step(), v1::SAGA_COMPENSATED);
        // The seat stays held by the same hold, with the hold's own expiry, for another try.
        QCOMPARE(claims("held"), 1LL);
        QCOMPARE(claims("sold"), 0LL);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM seat_holds WHERE id = '" + holdId + "'"), 1LL);
        QCOMPARE(scalar(*conn, "SELECT (extract(epoch FROM expires_at) * 1000)::bigint FROM seat_holds"), expiresBefore);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM saga_steps WHERE order_id = '" + answer.order().id() +
                                   "' AND step = 'release_seats' AND outcome = 'hold_kept'"),
                 1LL);
        // Nobody else can take it meanwhile.
        const auto other = handle(organizer, [&](v1::Envelope& r) {
            auto* hold = r.mutable_hold_seats();
            hold->set_idempotency_key(newKey());
            hold->set_event_id(eventId);
            hold->mutable_seats()->add_ids(seatIds[12]);
        });
        QVERIFY(other.has_error());
        // The retry with enough cash buys it with the same hold: a second order, confirmed.
        const auto again = create(staff, cashOrder(holdId, 10'000));
        QVERIFY2(again.has_order(), again.error().message().c_str());
        QVERIFY(again.order().id() != answer.order().id());
        QCOMPARE(again.order().status(), v1::ORDER_CONFIRMED);
        QCOMPARE(claims("sold"), 1LL);
        QCOMPARE(claims("held"), 0LL);
        QCOMPARE(doubleClaims(), 0LL);
        QCOMPARE(getOrder(staff, answer.order().id()).order().status(), v1::ORDER_FAILED);
    }

    void aDeclinedHoldLapsesOnItsOwn() {
        const auto holdId = holdSeats(staff, {seatIds[13]});
        QCOMPARE(create(staff, cashOrder(holdId, 100)).order().status(), v1::ORDER_FAILED);
        QCOMPARE(claims("held"), 1LL);
        // The hold runs out: the sweeper releases it like any hold, and a retry is refused.
        exec("UPDATE seat_holds SET expires_at = clock_timestamp() - interval '1 second', "
             "max_expires_at = clock_timestamp() WHERE id = '" + holdId + "'");
        QCOMPARE(server::detail::sweepExpiredHolds(*conn, 10), std::size_t{1});
        QCOMPARE(claims("held"), 0LL);
        const auto retry = create(staff, cashOrder(holdId, 10'000));
        QVERIFY(retry.has_error());
        QCOMPARE(retry.error().details().at("reason"), std::string("hold_expired"));
    }

    void replayReturnsTheSameOrderAndAReusedKeyIsRefused() {
        const auto holdId = holdSeats(alice, {seatIds[13], seatIds[14]});
        const auto request = cardOrder(holdId);
        const auto first = create(alice, request);
        QVERIFY2(first.has_order(), first.error().message().c_str());
        QCOMPARE(first.order().status(), v1::ORDER_CONFIRMED);
        QCOMPARE(first.order().buyer_email(), std::string("alice@example.org"));
        QCOMPARE(first.order().payment().card_last4(), std::string("4242"));
        QCOMPARE(first.order().sold_by_user_id(), 0LL);
        const auto again = create(alice, request);
        QVERIFY2(again.has_order(), again.error().message().c_str());
        QCOMPARE(again.order().id(), first.order().id());
        QCOMPARE(again.order().code(), first.order().code());
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM orders"), 1LL);
        QCOMPARE(card->authorizations(first.order().id()), 1);
        QCOMPARE(card->callsWithKey(first.order().id() + ":authorize"), 1);

        auto changed = request;
        changed.set_buyer_name("Someone Else");
        const auto reused = create(alice, changed);
        QCOMPARE(reused.error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(reused.error().details().at("field"), std::string("idempotency_key"));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM orders"), 1LL);
    }

    void ordersAndHoldsOfOthersAreRefused() {
        // Cash and terminal are for the box office.
        const auto holdId = holdSeats(alice, {seatIds[16]});
        const auto cash = create(alice, cashOrder(holdId, 10'000));
        QCOMPARE(cash.error().code(), v1::PERMISSION_DENIED);
        // Bob cannot buy (or extend) Alice's hold.
        const auto stolen = create(bob, cardOrder(holdId));
        QCOMPARE(stolen.error().code(), v1::PERMISSION_DENIED);
        const auto extended = handle(bob, [&](v1::Envelope& r) { r.mutable_extend_hold()->set_hold_id(holdId); });
        QCOMPARE(extended.error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM orders"), 0LL);

        const auto mine = create(alice, cardOrder(holdId));
        QVERIFY2(mine.has_order(), mine.error().message().c_str());
        const auto orderId = mine.order().id();
        QCOMPARE(getOrder(bob, orderId).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(getOrder(otherOrganizer, orderId).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(handle(bob, [&](v1::Envelope& r) { r.mutable_get_order()->set_order_code(mine.order().code()); })
                     .error()
                     .code(),
                 v1::PERMISSION_DENIED);
        QVERIFY(getOrder(alice, orderId).has_order());
        QVERIFY(getOrder(organizer, orderId).has_order());
        QVERIFY(getOrder(staff, orderId).has_order());
        QVERIFY(getOrder(admin, orderId).has_order());
        QCOMPARE(getOrder(alice, newKey()).error().code(), v1::NOT_FOUND);
        QCOMPARE(getOrder(server::Principal{}, orderId).error().code(), v1::UNAUTHENTICATED);

        // Lists: one's own orders only; the box-office search is for the box office.
        const auto bobs = handle(bob, [](v1::Envelope& r) { r.mutable_list_orders(); });
        QCOMPARE(bobs.order_list().orders_size(), 0);
        const auto alices = handle(alice, [](v1::Envelope& r) { r.mutable_list_orders(); });
        QCOMPARE(alices.order_list().orders_size(), 1);
        const auto find = [&](const server::Principal& who, const std::string& query) {
            return handle(who, [&](v1::Envelope& r) { r.mutable_find_orders()->set_query(query); });
        };
        QCOMPARE(find(bob, "alice").error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(find(staff, mine.order().code()).order_list().orders_size(), 1);
        QCOMPARE(find(staff, "ALICE@example.org").order_list().orders_size(), 1);
        QCOMPARE(find(staff, "Example").order_list().orders_size(), 1);
        QCOMPARE(find(staff, "%").order_list().orders_size(), 0); // wildcards are text
        QCOMPARE(find(organizer, "alice").order_list().orders_size(), 1);
        QCOMPARE(find(otherOrganizer, "alice").order_list().orders_size(), 0); // not their event
    }

    void expiredHoldIsRefusedAndAHoldLapsingDuringPaymentIsVoided() {
        // Lapsed before the order: refused, nothing stored.
        const auto lapsed = holdSeats(alice, {seatIds[20]});
        exec("UPDATE seat_holds SET expires_at = clock_timestamp() - interval '1 second', "
             "max_expires_at = clock_timestamp() WHERE id = '" + lapsed + "'");
        const auto refused = create(alice, cardOrder(lapsed));
        QCOMPARE(refused.error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(refused.error().details().at("reason"), std::string("hold_expired"));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM orders"), 0LL);

        // Lapses while the card is being authorized: confirm refuses it and the payment is voided.
        const auto holdId = holdSeats(alice, {seatIds[21]});
        const auto dbUrl = db->connectionString();
        card->duringNextAuthorize([&] {
            pqxx::connection other(dbUrl);
            pqxx::work tx(other);
            tx.exec_params0("UPDATE seat_holds SET expires_at = clock_timestamp(), max_expires_at = clock_timestamp() "
                            "WHERE id = $1::uuid",
                            holdId);
            tx.commit();
        });
        const auto answer = create(alice, cardOrder(holdId));
        QVERIFY2(answer.has_order(), answer.error().message().c_str());
        QCOMPARE(answer.order().status(), v1::ORDER_FAILED);
        QCOMPARE(answer.order().failure_reason(), std::string("hold_expired"));
        QCOMPARE(answer.order().step(), v1::SAGA_COMPENSATED);
        QCOMPARE(answer.order().payment().status(), v1::PAYMENT_VOIDED);
        QCOMPARE(card->authorizations(answer.order().id()), 1);
        QCOMPARE(card->followUps(), std::vector<std::string>{"voided:" + answer.order().payment().provider_reference()});
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM seat_claims WHERE seat_id = '" + seatIds[21] + "'"), 0LL);
        // The seat is free for Bob.
        const auto bobs = create(bob, cardOrder(holdSeats(bob, {seatIds[21]})));
        QCOMPARE(bobs.order().status(), v1::ORDER_CONFIRMED);
        QCOMPARE(doubleClaims(), 0LL);
    }

    // Confirming at the moment the hold expires, with the sweeper running: each round ends
    // either confirmed (seat sold, payment kept) or failed cleanly (seat free, payment voided),
    // never both, and a seat is never claimed twice.
    void confirmAtExpiryRacesTheSweeperCleanly() {
        const auto dbUrl = db->connectionString();
        int confirmed = 0, expired = 0;
        for (int round = 0; round < 20; ++round) {
            const auto seat = seatIds[static_cast<std::size_t>(20 + round % 10)];
            const auto holdId = holdSeats(alice, {seat});
            QVERIFY2(!holdId.empty(), "hold");
            // The hold runs out a few milliseconds after the authorization answers.
            card->duringNextAuthorize([&, holdId] {
                pqxx::connection other(dbUrl);
                pqxx::work tx(other);
                tx.exec_params0("UPDATE seat_holds SET expires_at = clock_timestamp() + interval '3 milliseconds', "
                                "max_expires_at = clock_timestamp() + interval '3 milliseconds' WHERE id = $1::uuid",
                                holdId);
                tx.commit();
            });
            std::atomic<bool> stop{false};
            std::thread sweeper([&] {
                pqxx::connection other(dbUrl);
                while (!stop) api->sweepExpiredHolds(other);
            });
            const auto answer = create(alice, cardOrder(holdId));
            stop = true;
            sweeper.join();
            QVERIFY2(answer.has_order(), answer.error().message().c_str());
            const auto& order = answer.order();
            const auto sold = scalar(*conn, "SELECT count(*) FROM seat_claims WHERE seat_id = '" + seat +
                                                "' AND kind = 'sold' AND order_id = '" + order.id() + "'");
            if (order.status() == v1::ORDER_CONFIRMED) {
                ++confirmed;
                QCOMPARE(sold, 1LL);
                QCOMPARE(order.payment().status(), v1::PAYMENT_CAPTURED);
                // Put the seat back for the next round (as a refund would).
                exec("DELETE FROM seat_claims WHERE order_id = '" + order.id() + "'");
            } else {
                ++expired;
                QCOMPARE(order.status(), v1::ORDER_FAILED);
                QCOMPARE(order.failure_reason(), std::string("hold_expired"));
                QCOMPARE(order.payment().status(), v1::PAYMENT_VOIDED);
                QCOMPARE(sold, 0LL);
            }
            QCOMPARE(doubleClaims(), 0LL);
            QCOMPARE(claims("held"), 0LL);
        }
        qInfo("confirm at expiry: %d confirmed, %d failed cleanly", confirmed, expired);
        QCOMPARE(confirmed + expired, 20);
    }

    void declinedCardFailsAndRetryLaterRepeatsTheSameKey() {
        card->scriptAuthorize(server::payments::Outcome::Declined, "insufficient_funds");
        const auto declined = create(alice, cardOrder(holdSeats(alice, {seatIds[22]})));
        QCOMPARE(declined.order().status(), v1::ORDER_FAILED);
        QCOMPARE(declined.order().failure_reason(), std::string("payment_declined"));
        QCOMPARE(declined.order().payment().decline_code(), std::string("insufficient_funds"));
        QCOMPARE(declined.order().step(), v1::SAGA_COMPENSATED);
        QCOMPARE(claims("held"), 1LL); // kept for another card
        QVERIFY(card->followUps().empty()); // nothing to void
        // Another card on the same hold goes through.
        card->scriptAuthorize(server::payments::Outcome::Succeeded);
        const auto retried = create(alice, cardOrder(declined.order().hold_id()));
        QVERIFY2(retried.has_order(), retried.error().message().c_str());
        QCOMPARE(retried.order().status(), v1::ORDER_CONFIRMED);
        QCOMPARE(claims("held"), 0LL);
        QCOMPARE(card->authorizations(retried.order().id()), 1);

        // The provider cannot say: the order waits with a back-off, then the runner repeats
        // the call with the same key and the saga finishes.
        card->scriptAuthorize(server::payments::Outcome::RetryLater);
        const auto waiting = create(alice, cardOrder(holdSeats(alice, {seatIds[23]})));
        QCOMPARE(waiting.order().status(), v1::ORDER_PENDING);
        QCOMPARE(waiting.order().payment().status(), v1::PAYMENT_PENDING);
        const auto id = waiting.order().id();
        QCOMPARE(scalar(*conn, "SELECT attempts FROM orders WHERE id = '" + id + "'"), 1LL);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM orders WHERE id = '" + id +
                                   "' AND next_attempt_at > clock_timestamp() AND last_error <> ''"),
                 1LL);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM payment_operations WHERE order_id = '" + id +
                                   "' AND kind = 'authorize' AND status = 'started'"),
                 1LL);
        QCOMPARE(runDue(), std::size_t{0}); // not due yet
        exec("UPDATE orders SET next_attempt_at = clock_timestamp() WHERE id = '" + id + "'");
        QCOMPARE(runDue(), std::size_t{1});
        const auto done = getOrder(alice, id);
        QCOMPARE(done.order().status(), v1::ORDER_CONFIRMED);
        QCOMPARE(card->callsWithKey(id + ":authorize"), 2);
        QCOMPARE(card->authorizations(id), 1);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM payment_operations WHERE order_id = '" + id +
                                   "' AND kind = 'authorize'"),
                 1LL);
    }

    v1::Envelope cancel(const server::Principal& who, const std::string& orderId, const std::vector<std::uint32_t>& lines,
                        const std::string& key = newKey()) {
        return handle(who, [&](v1::Envelope& r) {
            auto* c = r.mutable_cancel_order();
            c->set_idempotency_key(key);
            c->set_order_id(orderId);
            for (const auto line : lines) c->add_line_nos(line);
        });
    }

    void buyerCancelsPartlyThenWhollyWithinTheRules() {
        const auto bought = create(alice, cardOrder(holdSeats(alice, {seatIds[26], seatIds[27]})));
        QVERIFY2(bought.has_order(), bought.error().message().c_str());
        const auto& order = bought.order();
        QCOMPARE(order.step(), v1::SAGA_MAILED);
        QVERIFY(order.attendee_cancel_until_ms() > 0);
        QCOMPARE(cancel(bob, order.id(), {}).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(cancel(alice, order.id(), {7}).error().details().at("field"), std::string("line_nos"));

        // Line 1: refunded, its ticket void, its seat back on sale; the order stays confirmed.
        const auto key = newKey();
        const auto partial = cancel(alice, order.id(), {1}, key);
        QVERIFY2(partial.has_order(), partial.error().message().c_str());
        QCOMPARE(partial.order().status(), v1::ORDER_CONFIRMED);
        QCOMPARE(partial.order().payment().status(), v1::PAYMENT_PARTIALLY_REFUNDED);
        QCOMPARE(partial.order().payment().refunded_minor(), order.lines(0).total_minor());
        QVERIFY(partial.order().tickets(0).voided());
        QVERIFY(!partial.order().tickets(1).voided());
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM seat_claims WHERE seat_id = '" + seatIds[26] + "'"), 0LL);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM seat_claims WHERE seat_id = '" + seatIds[27] + "'"), 1LL);
        // A replay changes nothing; the same line again is refused.
        QVERIFY(cancel(alice, order.id(), {1}, key).has_order());
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM order_refunds"), 1LL);
        QCOMPARE(cancel(alice, order.id(), {1}).error().details().at("reason"), std::string("already_refunded"));

        // The rest: cancelled and refunded in full, once each at the provider.
        const auto rest = cancel(alice, order.id(), {});
        QCOMPARE(rest.order().status(), v1::ORDER_CANCELLED);
        QCOMPARE(rest.order().step(), v1::SAGA_COMPENSATED);
        QCOMPARE(rest.order().payment().status(), v1::PAYMENT_REFUNDED);
        QCOMPARE(rest.order().payment().refunded_minor(), order.total_minor());
        QVERIFY(rest.order().tickets(1).voided());
        QCOMPARE(card->followUps().size(), std::size_t{3}); // capture, refund, refund
        QCOMPARE(claims("sold"), 0LL);
        QCOMPARE(cancel(alice, order.id(), {}).error().details().at("reason"), std::string("cancelled"));
        // One mail per refund, to the buyer.
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM mail_outbox WHERE kind = 'order_cancelled' AND recipient = "
                               "'alice@example.org'"),
                 2LL);
    }

    // A walk-up buyer without an address: the counter sale goes through with no address on the
    // order (never the staff member's), nothing is mailed, not even its refund; every other
    // order still needs one, and the table refuses an order without both address and seller.
    void counterSaleWithoutAnAddressMailsNothing() {
        auto noAddress = cashOrder(holdSeats(staff, {seatIds[12], seatIds[13]}), 10'000);
        noAddress.set_buyer_email("");
        const auto sold = create(staff, noAddress);
        QVERIFY2(sold.has_order(), sold.error().message().c_str());
        const auto& order = sold.order();
        QCOMPARE(order.status(), v1::ORDER_CONFIRMED);
        QCOMPARE(order.step(), v1::SAGA_MAILED); // the saga is done: there was nothing to mail
        QCOMPARE(order.tickets_size(), 2);
        QCOMPARE(order.buyer_email(), std::string());
        QCOMPARE(order.sold_by_user_id(), staff.userId);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM orders WHERE id = '" + order.id() + "' AND buyer_email = ''"), 1LL);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM mail_outbox"), 0LL);
        QCOMPARE(getOrder(staff, order.id()).order().tickets_size(), 2);

        // A card terminal sale too; the line refunded at the counter mails nobody either.
        auto terminal = cashOrder(holdSeats(staff, {seatIds[14]}), 0);
        terminal.set_buyer_email("");
        terminal.set_method(v1::PAYMENT_CARD_TERMINAL);
        terminal.set_terminal_id("T1");
        QVERIFY2(create(staff, terminal).has_order(), "terminal sale without an address");
        const auto refunded = cancel(staff, order.id(), {1});
        QVERIFY2(refunded.has_order(), refunded.error().message().c_str());
        QCOMPARE(refunded.order().payment().status(), v1::PAYMENT_PARTIALLY_REFUNDED);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM mail_outbox"), 0LL);

        // Online card orders need the address: the buyer's, and staff's too; nothing changes.
        const long long ordersBefore = scalar(*conn, "SELECT count(*) FROM orders");
        auto online = cardOrder(holdSeats(alice, {seatIds[15]}));
        online.set_buyer_email("");
        const auto refused = create(alice, online);
        QCOMPARE(refused.error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(refused.error().details().at("field"), std::string("buyer_email"));
        auto staffOnline = cardOrder(holdSeats(staff, {seatIds[16]}));
        staffOnline.set_buyer_email("");
        QCOMPARE(create(staff, staffOnline).error().details().at("field"), std::string("buyer_email"));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM orders"), ordersBefore);
        QCOMPARE(claims("held"), 2LL);

        // The guard in the table: an order with neither an address nor a seller cannot exist.
        bool refusedByTable = false;
        try {
            exec("UPDATE orders SET sold_by_user_id = NULL WHERE id = '" + order.id() + "'");
        } catch (const pqxx::check_violation&) {
            refusedByTable = true;
        }
        QVERIFY(refusedByTable);
    }

    void buyerCancellationClosesAtTheDeadlineButNotForTheOrganizer() {
        const auto bought = create(alice, cardOrder(holdSeats(alice, {seatIds[28]})));
        QVERIFY(bought.has_order());
        // The event starts in an hour: inside the 24-hour deadline.
        exec("UPDATE events SET starts_at = now() + interval '1 hour'");
        const auto late = cancel(alice, bought.order().id(), {});
        QCOMPARE(late.error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(late.error().details().at("reason"), std::string("cancellation_closed"));
        QCOMPARE(cancel(otherOrganizer, bought.order().id(), {}).error().code(), v1::PERMISSION_DENIED);
        const auto byOrganizer = cancel(organizer, bought.order().id(), {});
        QCOMPARE(byOrganizer.order().status(), v1::ORDER_CANCELLED);
        QCOMPARE(byOrganizer.order().failure_reason(), std::string("cancelled_by_organizer"));
        // Attendee cancellation switched off: closed whatever the date.
        exec("UPDATE events SET starts_at = now() + interval '30 days', attendee_cancellation = false");
        const auto other = create(alice, cardOrder(holdSeats(alice, {seatIds[29]})));
        QCOMPARE(other.order().attendee_cancel_until_ms(), 0LL);
        QCOMPARE(cancel(alice, other.order().id(), {}).error().details().at("reason"),
                 std::string("cancellation_closed"));
        QVERIFY(cancel(admin, other.order().id(), {}).order().status() == v1::ORDER_CANCELLED);
    }

    // At the box-office counter, staff refund an order bought online by someone else, even
    // when the buyer could no longer cancel it; the refund says so.
    void staffRefundAnyOrderAtTheCounter() {
        exec("UPDATE events SET attendee_cancellation = false");
        const auto bought = create(alice, cardOrder(holdSeats(alice, {seatIds[25]})));
        QVERIFY2(bought.has_order(), bought.error().message().c_str());
        QCOMPARE(cancel(alice, bought.order().id(), {}).error().details().at("reason"),
                 std::string("cancellation_closed"));
        const auto refunded = cancel(staff, bought.order().id(), {});
        QVERIFY2(refunded.has_order(), refunded.error().message().c_str());
        QCOMPARE(refunded.order().status(), v1::ORDER_CANCELLED);
        QCOMPARE(refunded.order().payment().status(), v1::PAYMENT_REFUNDED);
        QVERIFY(refunded.order().tickets(0).voided());
        QCOMPARE(refunded.order().failure_reason(), std::string("refunded_at_box_office"));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM order_refunds WHERE reason = 'refunded_at_box_office' AND "
                               "requested_by = " + std::to_string(staff.userId)),
                 1LL);
        QCOMPARE(claims("sold"), 0LL);
    }

    void cancelledEventRefundsEveryOrderAsSagaWork() {
        const auto cardSale = create(alice, cardOrder(holdSeats(alice, {seatIds[1], seatIds[2]})));
        const auto cashSale = create(staff, cashOrder(holdSeats(staff, {seatIds[3]}), 10'000));
        card->scriptAuthorize(server::payments::Outcome::RetryLater);
        const auto pending = create(bob, cardOrder(holdSeats(bob, {seatIds[4]})));
        QCOMPARE(cardSale.order().status(), v1::ORDER_CONFIRMED);
        QCOMPARE(cashSale.order().status(), v1::ORDER_CONFIRMED);
        QCOMPARE(pending.order().status(), v1::ORDER_PENDING);

        const auto cancelEvent = [&](const server::Principal& who, const std::string& key) {
            return handle(who, [&](v1::Envelope& r) {
                r.mutable_cancel_event()->set_idempotency_key(key);
                r.mutable_cancel_event()->set_event_id(eventId);
                r.mutable_cancel_event()->set_reason("storm");
            });
        };
        QCOMPARE(cancelEvent(alice, newKey()).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(cancelEvent(otherOrganizer, newKey()).error().code(), v1::PERMISSION_DENIED);
        const auto key = newKey();
        const auto acked = cancelEvent(organizer, key);
        QVERIFY2(acked.has_ack(), acked.error().message().c_str());
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM events WHERE status = 'cancelled'"), 1LL);
        QCOMPARE(scalar(*conn, "SELECT open_refunds FROM orders WHERE id = '" + cardSale.order().id() + "'"), 1LL);
        // The catalog change log carries the cancelled event to every client.
        pqxx::read_transaction read(*conn);
        std::string bytes;
        server::detail::appendBytea(read.exec1("SELECT payload FROM change_log WHERE aggregatetype = 'event' "
                                               "ORDER BY id DESC LIMIT 1")[0],
                                    bytes);
        read.commit();
        v1::Event logged;
        QVERIFY(logged.ParseFromString(bytes));
        QCOMPARE(logged.status(), v1::EVENT_STATUS_CANCELLED);

        // The runner refunds each order in its own steps; the pending one is compensated.
        exec("UPDATE orders SET next_attempt_at = clock_timestamp()");
        QCOMPARE(runDue(), std::size_t{3});
        for (const auto* sale : {&cardSale, &cashSale}) {
            const auto now = getOrder(organizer, sale->order().id()).order();
            QCOMPARE(now.status(), v1::ORDER_CANCELLED);
            QCOMPARE(now.failure_reason(), std::string("event_cancelled"));
            QCOMPARE(now.payment().status(), v1::PAYMENT_REFUNDED);
            for (const auto& ticket : now.tickets()) QVERIFY(ticket.voided());
        }
        const auto compensated = getOrder(bob, pending.order().id()).order();
        QCOMPARE(compensated.status(), v1::ORDER_FAILED);
        QCOMPARE(compensated.failure_reason(), std::string("event_cancelled"));
        QCOMPARE(compensated.payment().status(), v1::PAYMENT_VOIDED);
        QCOMPARE(claims("sold") + claims("held"), 0LL);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM payment_operations WHERE kind = 'refund' AND provider = 'cash' "
                               "AND status = 'succeeded'"),
                 1LL);
        // Everyone who bought is mailed that the event is cancelled.
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM mail_outbox WHERE kind = 'event_cancelled'"), 2LL);
        // A replay answers the same; no new orders for a cancelled event.
        QVERIFY(cancelEvent(organizer, key).ack().replayed());
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM order_refunds"), 2LL);
        QCOMPARE(create(staff, cashOrder(holdSeats(staff, {seatIds[5]}), 10'000)).error().details().at("reason"),
                 std::string("event_not_on_sale"));
    }

    void badRequestsChangeNothing() {
        const auto holdId = holdSeats(staff, {seatIds[24]});
        auto noEmail = cashOrder(holdId, 10'000);
        noEmail.set_buyer_email("not an address");
        QCOMPARE(create(staff, noEmail).error().details().at("field"), std::string("buyer_email"));
        auto noMethod = cashOrder(holdId, 10'000);
        noMethod.set_method(v1::PAYMENT_METHOD_UNSPECIFIED);
        QCOMPARE(create(staff, noMethod).error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(create(staff, cashOrder(holdId, -5)).error().code(), v1::INVALID_ARGUMENT);
        auto badKey = cashOrder(holdId, 10'000);
        badKey.set_idempotency_key("not-a-uuid");
        QCOMPARE(create(staff, badKey).error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(create(staff, cashOrder("nonsense", 10'000)).error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(create(staff, cashOrder(newKey(), 10'000)).error().details().at("reason"),
                 std::string("hold_expired")); // no such hold
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM orders"), 0LL);
        QCOMPARE(claims("held"), 1LL);
        // An order already being paid for a hold blocks a second one.
        card->scriptAuthorize(server::payments::Outcome::RetryLater);
        const auto pending = create(alice, cardOrder(holdSeats(alice, {seatIds[25]})));
        QCOMPARE(pending.order().status(), v1::ORDER_PENDING);
        const auto second = create(alice, cardOrder(pending.order().hold_id()));
        QCOMPARE(second.error().details().at("reason"), std::string("order_pending"));
    }

    void bookingRulesAreTheOrganizersAndValidated() {
        const auto rules = [&](const server::Principal& who, std::uint32_t holdSeconds) {
            return handle(who, [&](v1::Envelope& r) {
                auto* set = r.mutable_set_booking_rules()->mutable_rules();
                set->set_event_id(eventId);
                set->set_hold_seconds(holdSeconds);
                set->set_hold_cap_seconds(3600);
                set->set_cancel_deadline_hours(48);
                set->set_waitlist_offer_seconds(600);
                *set->add_charges() = charge("pc1", 99, 700, false);
            });
        };
        QCOMPARE(rules(alice, 600).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(rules(otherOrganizer, 600).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(rules(organizer, 10).error().details().at("field"), std::string("hold_seconds"));
        QCOMPARE(rules(organizer, 7200).error().details().at("field"), std::string("hold_cap_seconds"));
        QCOMPARE(scalar(*conn, "SELECT hold_seconds FROM events"), 900LL);
        const auto stored = rules(organizer, 600);
        QVERIFY2(stored.has_booking_rules(), stored.error().message().c_str());
        QCOMPARE(stored.booking_rules().hold_seconds(), 600U);
        QCOMPARE(stored.booking_rules().attendee_cancellation(), false);
        QCOMPARE(stored.booking_rules().charges_size(), 1);
        QCOMPARE(stored.booking_rules().charges(0).fee_minor(), 99LL);
        QVERIFY(rules(admin, 300).has_booking_rules());
        const auto read = handle(organizer, [&](v1::Envelope& r) { r.mutable_get_booking_rules()->set_event_id(eventId); });
        QCOMPARE(read.booking_rules().hold_seconds(), 300U);
        QCOMPARE(read.booking_rules().cancel_deadline_hours(), 48U);
    }

    void paymentConfigShowsTerminalsToTheBoxOfficeOnly() {
        const auto forAlice = handle(alice, [](v1::Envelope& r) { r.mutable_get_payment_config(); });
        QVERIFY(forAlice.payment_config().card_online());
        QCOMPARE(forAlice.payment_config().publishable_key(), std::string("pk_test_123"));
        QCOMPARE(forAlice.payment_config().terminal_ids_size(), 0);
        const auto forStaff = handle(staff, [](v1::Envelope& r) { r.mutable_get_payment_config(); });
        QCOMPARE(forStaff.payment_config().terminal_ids_size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOrders)
#include "test_orders.moc"
