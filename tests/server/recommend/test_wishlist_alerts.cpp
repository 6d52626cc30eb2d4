// Wishlist alerts and the weekly digest (issue 8) against real PostgreSQL and a real SMTP server
// (tests/smtp/smtp_server.py, one of the test's own so every received message is counted):
// each alert kind mails exactly once per change through the real catalog, booking and
// cancellation paths, reruns / a restarted or second instance send nothing more, a second
// change mails again, settings switched off mail nothing; the digest goes once per ISO week to
// opted-in users with the expected events. The workers are driven pass by pass, never slept on.
#include "booking_rules.hpp"
#include "db/lock_keys.hpp"
#include "ingest/ingest.hpp"
#include "mail/mail_language.hpp"
#include "mail/mail_worker.hpp"
#include "mail/notifications.hpp"
#include "mail/mail_outbox.hpp"
#include "mail/unsubscribe.hpp"
#include "marquee/protocol/seating_conversions.hpp"
#include "orders/payment_registry.hpp"
#include "recommend/engine.hpp"
#include "recommend/weekly_digest.hpp"
#include "recommend/wishlist_alerts.hpp"
#include "seating_test_layouts.hpp"
#include "service_helpers.hpp"
#include "smtp_test_server.hpp"
#include "workers/wishlist_alert_worker.hpp"

#include <QtTest>

#include <date/date.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

using namespace marquee;
using namespace marquee::test;
namespace rec = marquee::server::recommend;
namespace seating = marquee::core::seating;

namespace {

constexpr const char* kClubId = "33333333-3333-4333-8333-333333333333";

std::int64_t wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string stripCr(std::string text) {
    text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
    return text;
}

// The text/plain part of a received message, parsed by Python's email package.
std::string textOf(const ReceivedMail& mail) {
    const auto parsed = inspectMail(mail.path);
    for (const auto& part : parsed["parts"])
        if (part["content_type"] == "text/plain") return stripCr(part["text"].get<std::string>());
    return {};
}

// The one-click unsubscribe token of a mail: List-Unsubscribe is exactly "<URL>" with the
// RFC 8058 companion header, and the text body carries the same URL.
std::string unsubscribeTokenOf(const ReceivedMail& mail) {
    const auto header = mail.header("List-Unsubscribe");
    const std::string prefix = "<https://tickets.example.org/unsubscribe?t=";
    if (header.rfind(prefix, 0) != 0 || header.back() != '>') return {};
    if (mail.header("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click") return {};
    if (textOf(mail).find(header.substr(1, header.size() - 2)) == std::string::npos) return {};
    return header.substr(prefix.size(), header.size() - prefix.size() - 1);
}

std::string recipientOf(const ReceivedMail& mail) { return mail.envelope["rcpt_tos"][0].get<std::string>(); }

// A club's event page as a feed publishes it (JSON-LD), `daysAhead` from today at 19:00 UTC.
std::string clubPage(int daysAhead, const std::string& price, const std::string& status) {
    const auto day = date::floor<date::days>(std::chrono::system_clock::now()) + date::days(daysAhead);
    return "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
           "\"@type\":\"MusicEvent\",\"@id\":\"https://club.example/events/77\",\"name\":\"Harbour Blues\","
           "\"startDate\":\"" + date::format("%Y-%m-%dT19:00:00Z", day) + "\","
           "\"eventStatus\":\"https://schema.org/" + status + "\","
           "\"location\":{\"@type\":\"Place\",\"name\":\"Harbour Club\",\"address\":{\"@type\":\"PostalAddress\","
           "\"addressLocality\":\"Hamburg\",\"addressCountry\":\"DE\"}},"
           "\"offers\":{\"@type\":\"Offer\",\"price\":\"" + price + "\",\"priceCurrency\":\"EUR\"}}"
           "</script></head></html>";
}

} // namespace

class TestWishlistAlerts : public QObject {
    Q_OBJECT

    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<pqxx::connection> conn;
    std::unique_ptr<server::Api> api;
    std::unique_ptr<SmtpTestServer> smtp;
    server::Principal organizer, staff, alice, bob, carol;

    v1::Envelope handle(const server::Principal& who, const std::function<void(v1::Envelope&)>& fill) {
        return call(*api, *conn, who, fill);
    }
    void sql(const std::string& statement) {
        pqxx::work tx(*conn);
        tx.exec0(statement);
        tx.commit();
    }
    void wish(const server::Principal& who, const std::string& eventId) {
        const auto answer = handle(who, [&](v1::Envelope& r) {
            auto* w = r.mutable_wishlist_mutation();
            w->set_idempotency_key(newKey());
            w->set_event_id(eventId);
            w->set_add(true);
        });
        QVERIFY2(answer.has_ack(), answer.DebugString().c_str());
    }
    void settings(const server::Principal& who, const std::function<void(v1::RecommendationSettings&)>& edit) {
        auto current = handle(who, [](v1::Envelope& r) { r.mutable_get_recommendation_settings(); });
        QVERIFY2(current.has_recommendation_settings(), current.DebugString().c_str());
        auto s = current.recommendation_settings();
        edit(s);
        const auto answer = handle(who, [&](v1::Envelope& r) { *r.mutable_set_recommendation_settings()->mutable_settings() = s; });
        QVERIFY2(answer.has_recommendation_settings(), answer.DebugString().c_str());
    }
    void editEvent(const std::string& eventId, const std::function<void(v1::Event&)>& edit) {
        auto event = validEvent();
        {
            pqxx::read_transaction tx(*conn);
            const auto row = tx.exec_params1(
                "SELECT (extract(epoch FROM starts_at) * 1000)::bigint, coalesce(venue_id::text, ''), price_min_minor "
                "FROM events WHERE id = $1::uuid",
                eventId);
            event.set_starts_at_ms(row[0].as<std::int64_t>());
            event.set_ends_at_ms(row[0].as<std::int64_t>() + 7'200'000);
            event.set_venue_id(row[1].as<std::string>());
            event.mutable_price()->set_min_minor(row[2].as<std::int64_t>());
        }
        event.set_id(eventId);
        edit(event);
        const auto answer = upsert(*api, *conn, organizer, event);
        QVERIFY2(answer.has_ack(), answer.DebugString().c_str());
    }
    // An event a month from now.
    static v1::Event futureEvent(const std::string& title) {
        auto event = validEvent(title);
        event.set_starts_at_ms(wallMs() + 30LL * 86'400'000);
        event.set_ends_at_ms(event.starts_at_ms() + 7'200'000);
        return event;
    }
    std::string createEvent(const std::string& title) {
        const auto answer = upsert(*api, *conn, organizer, futureEvent(title));
        if (!answer.has_ack()) qWarning("upsert failed: %s", answer.DebugString().c_str());
        return answer.ack().id();
    }
    std::int64_t startsAtMs(const std::string& eventId) {
        return scalar(*conn, "SELECT (extract(epoch FROM starts_at) * 1000)::bigint FROM events WHERE id = '" + eventId + "'");
    }

    // Saves `layout`, creates an event on it with a booking fee of 1.50 (19 % tax included).
    std::string seatedEvent(const seating::Layout& layout, const std::string& title) {
        const auto seated = createSeatedEvent(*api, *conn, organizer, layout, futureEvent(title));
        if (!seated.error.empty()) qWarning("%s", seated.error.c_str());
        const auto& eventId = seated.eventId;
        const auto ruled = handle(organizer, [&](v1::Envelope& r) {
            auto* rules = r.mutable_set_booking_rules()->mutable_rules();
            *rules = test::bookingRules(eventId);
            *rules->add_charges() = test::charge("*", 150, 1900, true);
        });
        if (!seated.error.empty() || !ruled.has_booking_rules()) return {};
        return eventId;
    }
    std::string hold(const std::string& eventId, const std::function<void(v1::HoldSeats&)>& what) {
        const auto answer = handle(staff, [&](v1::Envelope& r) {
            auto* h = r.mutable_hold_seats();
            h->set_idempotency_key(newKey());
            h->set_event_id(eventId);
            what(*h);
        });
        if (!answer.has_hold_result()) qWarning("hold failed: %s", answer.DebugString().c_str());
        return answer.hold_result().hold_id();
    }
    std::string holdSeats(const std::string& eventId, const std::vector<std::string>& seatIds) {
        return hold(eventId, [&](v1::HoldSeats& h) {
            for (const auto& id : seatIds) h.mutable_seats()->add_ids(id);
        });
    }
    // A cash sale at the box office of what `holdId` holds.
    void sell(const std::string& holdId) {
        const auto answer = handle(staff, [&](v1::Envelope& r) {
            auto* o = r.mutable_create_order();
            o->set_idempotency_key(newKey());
            o->set_hold_id(holdId);
            o->set_buyer_name("Walk-up Buyer");
            o->set_buyer_email("walkup@example.org");
            o->set_method(v1::PAYMENT_CASH);
            o->set_cash_tendered_minor(1'000'000);
        });
        if (!answer.has_order() || answer.order().status() != v1::ORDER_CONFIRMED)
            qWarning("sale failed: %s", answer.DebugString().c_str());
    }

    // One pass of a worker of its own (a fresh instance each time) on `connection`.
    rec::AlertPassReport pass(pqxx::connection& connection) {
        server::workers::WishlistAlertWorker worker(db->connectionString(), {});
        const auto result = worker.runOnce(connection, false);
        if (!result.led) qWarning("the worker did not get the lock");
        return result.alerts;
    }
    rec::AlertPassReport pass() { return pass(*conn); }

    // Sends the outbox to the SMTP server; returns the messages it has received so far.
    std::vector<ReceivedMail> deliver() {
        server::mail::SmtpSettings settings;
        settings.url = smtp->url();
        server::mail::MailWorker worker(db->connectionString(), settings);
        std::size_t sent = 0;
        for (;;) {
            const auto counts = worker.deliverDue(*conn);
            if (counts.attempted() == 0) break;
            sent += counts.sent;
        }
        const auto outbox = static_cast<std::size_t>(scalar(*conn, "SELECT count(*) FROM mail_outbox WHERE status = 'sent'"));
        smtp->waitFor([&](const auto& mails) { return mails.size() >= outbox; });
        return smtp->messages();
    }
    // How often server_secrets has been read: PostgreSQL's own table statistics. This
    // connection's backend reports its counts at once (pg_stat_force_next_flush, PostgreSQL 15:
    // they go out when the backend is idle again, before it answers).
    std::int64_t secretReads() {
        pqxx::nontransaction(*conn).exec("SELECT pg_stat_force_next_flush()");
        return scalar(*conn, "SELECT seq_scan + coalesce(idx_scan, 0) FROM pg_stat_user_tables "
                             "WHERE relname = 'server_secrets'");
    }
    // A jazz event `startsIn` ("20 days") from now at the test venue, straight into the catalog.
    void insertEvent(const char* id, const char* title, const char* category, const char* startsIn,
                     const char* status = "scheduled", std::int64_t priceMinMinor = 1900) {
        pqxx::work tx(*conn);
        tx.exec_params0("INSERT INTO events (id, title, category_id, tags, starts_at, time_zone, venue_id, currency, "
                        "status, price_min_minor, price_max_minor) VALUES ($1::uuid, $2, $3, '{}', "
                        "now() + $4::interval, 'Europe/Berlin', $5::uuid, 'EUR', $6, $7::bigint, $7::bigint + 2000)",
                        id, title, category, startsIn, kVenueId, status, priceMinMinor);
        tx.commit();
    }
    static std::vector<ReceivedMail> to(const std::vector<ReceivedMail>& mails, const std::string& address) {
        std::vector<ReceivedMail> out;
        for (const auto& m : mails)
            if (recipientOf(m) == address) out.push_back(m);
        return out;
    }

private slots:
    void init() {
        if (!TestDatabase::available()) QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        server::mail::setMailSender({"Marquee", "alerts@marquee.test"});
        server::mail::setPublicBaseUrl("https://tickets.example.org");
        db = std::make_unique<TestDatabase>();
        conn = db->connect();
        seedCatalog(*conn);
        sql(std::string("INSERT INTO venues (id, name, city, country, time_zone) VALUES ('") + kClubId +
            "', 'Jazz Club', 'Berlin', 'DE', 'Europe/Berlin')");
        server::Api::Options options;
        options.payments = server::orders::PaymentRegistry::withCash();
        api = std::make_unique<server::Api>(options);
        organizer = makeUser(*api, *conn, "organizer@example.org", core::Role::Organizer);
        staff = makeUser(*api, *conn, "staff@example.org", core::Role::Staff);
        alice = makeUser(*api, *conn, "alice@example.org", core::Role::Attendee);
        bob = makeUser(*api, *conn, "bob@example.org", core::Role::Attendee);
        carol = makeUser(*api, *conn, "carol@example.org", core::Role::Attendee);
        smtp = std::make_unique<SmtpTestServer>();
        QString error;
        QVERIFY2(smtp->start(&error), qPrintable(error));
    }
    void cleanup() {
        smtp.reset();
        api.reset();
        conn.reset();
        db.reset();
    }

    void pureRules() {
        QCOMPARE(rec::sellingOutThreshold(20), 2LL);
        QCOMPARE(rec::sellingOutThreshold(21), 3LL);
        QCOMPARE(rec::sellingOutThreshold(5), 1LL);
        rec::EventFacts e;
        e.capacity = 100;
        e.remaining = 11;
        QVERIFY(!rec::inSellingOutZone(e, false));
        e.remaining = 10;
        QVERIFY(rec::inSellingOutZone(e, false));
        e.remaining = 20; // back up a little: still in the zone once entered
        QVERIFY(rec::inSellingOutZone(e, true));
        QVERIFY(!rec::inSellingOutZone(e, false));
        e.remaining = 21;
        QVERIFY(!rec::inSellingOutZone(e, true));
        e.capacity.reset(); // no seat inventory: never
        e.remaining = 0;
        QVERIFY(!rec::inSellingOutZone(e, true));

        rec::EventFacts seen;
        seen.status = "scheduled";
        seen.startsAtMs = 1000;
        seen.venueId = kVenueId;
        seen.priceMinor = 3000;
        seen.currency = "EUR";
        auto now = seen;
        QVERIFY(rec::compareFacts(seen, false, now).empty());
        now.priceMinor = 3500; // dearer: no alert
        QVERIFY(rec::compareFacts(seen, false, now).empty());
        now.priceMinor = 2500;
        now.startsAtMs = 2000;
        auto changes = rec::compareFacts(seen, false, now);
        QCOMPARE(changes.size(), std::size_t{2});
        QVERIFY(changes[0].kind == rec::AlertKind::ScheduleChange);
        QVERIFY(changes[1].kind == rec::AlertKind::PriceDrop);
        now.status = "sold_out"; // cheaper but sold out: only the new date
        QCOMPARE(rec::compareFacts(seen, false, now).size(), std::size_t{1});
        now.status = "scheduled";
        now.currency = "USD"; // another currency is no drop
        QCOMPARE(rec::compareFacts(seen, false, now).size(), std::size_t{1});
        now.priceMinor.reset(); // price no longer known: no drop either
        now.currency = "EUR";
        QCOMPARE(rec::compareFacts(seen, false, now).size(), std::size_t{1});
        now.status = "cancelled"; // cancelled says it all
        changes = rec::compareFacts(seen, false, now);
        QCOMPARE(changes.size(), std::size_t{1});
        QVERIFY(changes[0].kind == rec::AlertKind::Cancelled);
        QVERIFY(rec::compareFacts(now, false, now).empty()); // cancelled again: nothing new

        QCOMPARE(rec::isoWeekOf(1'795'219'200'000), std::string("2026-W47")); // Sat 21 Nov 2026
        QCOMPARE(rec::isoWeekOf(1'609'632'000'000), std::string("2020-W53")); // Sun 3 Jan 2021
        QCOMPARE(rec::isoWeekStartMs(1'795'219'200'000), 1'794'787'200'000LL); // Mon 16 Nov 2026 00:00 UTC
    }

    // Price drops, date and venue changes (catalog edits), a postponement written straight to
    // the events table (as ingest does) and a cancellation (CancelEvent): one mail per change
    // and wishlister whose setting is on.
    void catalogChangesMailOncePerChange() {
        const auto eventId = createEvent("Late Night Jazz");
        QVERIFY(!eventId.empty());
        wish(alice, eventId);
        wish(bob, eventId);
        wish(carol, eventId);
        settings(carol, [](v1::RecommendationSettings& s) {
            s.set_alert_price_drop(false);
            s.set_alert_schedule_change(false);
            s.set_alert_cancelled(false);
            s.set_alert_selling_out(false);
        });
        // Saving recorded the baseline; nothing changed since.
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM wishlist_alert_state"), 1LL);
        auto report = pass();
        QCOMPARE(report.eventsWatched, std::size_t{1});
        QCOMPARE(report.baselines, std::size_t{0});
        QCOMPARE(report.changes, std::size_t{0});
        QCOMPARE(report.mails, std::size_t{0});

        editEvent(eventId, [](v1::Event& e) { e.mutable_price()->set_min_minor(1200); });
        report = pass();
        QCOMPARE(report.changes, std::size_t{1});
        QCOMPARE(report.mails, std::size_t{2});
        auto mails = deliver();
        QCOMPARE(mails.size(), std::size_t{2});
        QVERIFY(to(mails, "carol@example.org").empty());
        const auto aliceMails = to(mails, "alice@example.org");
        QCOMPARE(aliceMails.size(), std::size_t{1});
        QCOMPARE(aliceMails[0].header("Subject"), std::string("Price drop: Late Night Jazz now from EUR 12.00 (was EUR 15.00)"));
        const auto body = textOf(aliceMails[0]);
        for (const std::string& expected : std::vector<std::string>{"Hello,", "Lowest price: EUR 15.00 → EUR 12.00", "Where: Hall",
                                           "event reference " + eventId, "untick \"drop in price\" under \"E-mail me about events on my wishlist when they…\"",
                                           "Times are the event's local time (Europe/Berlin)."})
            QVERIFY2(body.find(expected) != std::string::npos, (expected + " not in:\n" + body).c_str());
        QVERIFY2(!unsubscribeTokenOf(aliceMails[0]).empty(), aliceMails[0].header("List-Unsubscribe").c_str());

        // Run again, as a restarted instance, and as a second instance on its own connection:
        // nothing new is recorded or mailed.
        QCOMPARE(pass().mails, std::size_t{0});
        auto second = db->connect();
        report = pass(*second);
        QCOMPARE(report.changes, std::size_t{0});
        QCOMPARE(report.mails, std::size_t{0});
        QCOMPARE(deliver().size(), std::size_t{2});

        // Dearer is no alert; cheaper again is; bob switched price drops off in between.
        editEvent(eventId, [](v1::Event& e) { e.mutable_price()->set_min_minor(2000); });
        QCOMPARE(pass().changes, std::size_t{0});
        settings(bob, [](v1::RecommendationSettings& s) { s.set_alert_price_drop(false); });
        editEvent(eventId, [](v1::Event& e) { e.mutable_price()->set_min_minor(1800); });
        report = pass();
        QCOMPARE(report.changes, std::size_t{1});
        QCOMPARE(report.mails, std::size_t{1});
        mails = deliver();
        QCOMPARE(to(mails, "alice@example.org").size(), std::size_t{2});
        QCOMPARE(to(mails, "bob@example.org").size(), std::size_t{1});

        // A new date: old → new in the event's zone.
        const auto oldStart = startsAtMs(eventId);
        const auto newStart = oldStart + 86'400'000 + 3'600'000;
        editEvent(eventId, [&](v1::Event& e) {
            e.set_starts_at_ms(newStart);
            e.set_ends_at_ms(newStart + 7'200'000);
        });
        QCOMPARE(pass().mails, std::size_t{2});
        QCOMPARE(pass().mails, std::size_t{0});
        mails = deliver();
        auto bobMails = to(mails, "bob@example.org");
        QCOMPARE(bobMails.size(), std::size_t{2});
        QCOMPARE(bobMails[1].header("Subject"), std::string("New date: Late Night Jazz"));
        const auto dateLine = "Date: " + server::mail::formatEventTime(oldStart, "Europe/Berlin") + " → " +
                              server::mail::formatEventTime(newStart, "Europe/Berlin");
        QVERIFY2(textOf(bobMails[1]).find(dateLine) != std::string::npos, textOf(bobMails[1]).c_str());

        // A new venue.
        editEvent(eventId, [](v1::Event& e) { e.set_venue_id(kClubId); });
        QCOMPARE(pass().mails, std::size_t{2});
        mails = deliver();
        bobMails = to(mails, "bob@example.org");
        QCOMPARE(bobMails.size(), std::size_t{3});
        QCOMPARE(bobMails[2].header("Subject"), std::string("New venue: Late Night Jazz"));
        QVERIFY2(textOf(bobMails[2]).find("Venue: Hall → Jazz Club") != std::string::npos, textOf(bobMails[2]).c_str());

        // Postponed by a feed (a plain UPDATE, like ingest's upsert), only alice saved this one.
        const auto feedEvent = createEvent("Open Air Swing");
        wish(alice, feedEvent);
        sql("UPDATE events SET status = 'postponed', updated_at = now() WHERE id = '" + feedEvent + "'");
        report = pass();
        QCOMPARE(report.changes, std::size_t{1});
        QCOMPARE(report.mails, std::size_t{1});

        // Cancelled by the organizer: one mail each; later edits of a cancelled event mail nothing.
        const auto cancelled = handle(organizer, [&](v1::Envelope& r) {
            auto* c = r.mutable_cancel_event();
            c->set_idempotency_key(newKey());
            c->set_event_id(eventId);
            c->set_reason("The band is ill");
        });
        QVERIFY2(cancelled.has_ack(), cancelled.DebugString().c_str());
        QCOMPARE(pass().mails, std::size_t{2});
        sql("UPDATE events SET starts_at = starts_at + interval '2 days' WHERE id = '" + eventId + "'");
        QCOMPARE(pass().changes, std::size_t{0});

        mails = deliver();
        const auto aliceAll = to(mails, "alice@example.org");
        const auto bobAll = to(mails, "bob@example.org");
        std::vector<std::string> aliceSubjects;
        for (const auto& m : aliceAll) aliceSubjects.push_back(m.header("Subject"));
        QCOMPARE(aliceSubjects, (std::vector<std::string>{"Price drop: Late Night Jazz now from EUR 12.00 (was EUR 15.00)",
                                                           "Price drop: Late Night Jazz now from EUR 18.00 (was EUR 20.00)",
                                                           "New date: Late Night Jazz", "New venue: Late Night Jazz",
                                                           "Postponed: Open Air Swing", "Cancelled: Late Night Jazz"}));
        QCOMPARE(bobAll.size(), std::size_t{4});
        QCOMPARE(bobAll.back().header("Subject"), std::string("Cancelled: Late Night Jazz"));
        QVERIFY(to(mails, "carol@example.org").empty());
        QCOMPARE(mails.size(), std::size_t{10});
        // Every message once: ten distinct Message-IDs for ten outbox rows.
        std::set<std::string> ids;
        for (const auto& m : mails) ids.insert(m.messageId());
        QCOMPARE(ids.size(), std::size_t{10});
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM mail_outbox"), 10LL);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM wishlist_alerts WHERE completed_at IS NULL"), 0LL);
    }

    // Events from a feed change through ingest's bulk upsert: a new date and a lower price in one
    // run are two alerts, a later EventCancelled one more.
    void ingestUpdatesAlertToo() {
        namespace ingest = server::ingest;
        const auto source = ingest::ensureSource(*conn, "club-page", ingest::Format::JsonLd);
        ingest::IngestOptions options;
        options.nowMs = wallMs();
        auto report = ingest::ingestPayload(*conn, source, clubPage(40, "18", "EventScheduled"), "https://club.example/", options);
        QCOMPARE(report.created, std::size_t{1});
        std::string eventId;
        {
            pqxx::read_transaction tx(*conn);
            eventId = tx.exec1("SELECT id::text FROM events WHERE title = 'Harbour Blues'")[0].as<std::string>();
        }
        wish(alice, eventId);
        QCOMPARE(pass().changes, std::size_t{0});

        report = ingest::ingestPayload(*conn, source, clubPage(41, "15", "EventRescheduled"), "https://club.example/", options);
        QCOMPARE(report.updated, std::size_t{1});
        auto result = pass();
        QCOMPARE(result.changes, std::size_t{2});
        QCOMPARE(result.mails, std::size_t{2});
        QCOMPARE(pass().mails, std::size_t{0});
        report = ingest::ingestPayload(*conn, source, clubPage(41, "15", "EventCancelled"), "https://club.example/", options);
        QCOMPARE(pass().mails, std::size_t{1});
        QCOMPARE(pass().mails, std::size_t{0});

        std::set<std::string> subjects;
        for (const auto& m : to(deliver(), "alice@example.org")) subjects.insert(m.header("Subject"));
        QCOMPARE(subjects, (std::set<std::string>{"New date: Harbour Blues",
                                                  "Price drop: Harbour Blues now from EUR 15.00 (was EUR 18.00)",
                                                  "Cancelled: Harbour Blues"}));
    }

    // A seated event with a seat inventory: holds do not count, sales do; the alert fires once
    // when a tenth or less is left, and again only after the event left the zone (above twice
    // that) and came back. The price shown is the cheapest category with its fee.
    void sellingOutOncePerCrossing() {
        auto layout = smallHall(kVenueId, 2); // 20 seats, 2500 each
        const auto eventId = seatedEvent(layout, "Chamber Strings");
        QVERIFY(!eventId.empty());
        std::vector<std::string> seats;
        for (const auto& row : layout.areas[0].rows)
            for (const auto& seat : row.seats) seats.push_back(seat.id);
        QCOMPARE(seats.size(), std::size_t{20});
        wish(alice, eventId);
        const auto holdRange = [&](std::size_t from, std::size_t count) {
            return holdSeats(eventId, std::vector<std::string>(seats.begin() + static_cast<std::ptrdiff_t>(from),
                                                               seats.begin() + static_cast<std::ptrdiff_t>(from + count)));
        };

        // 17 held: still 20 for sale as far as alerts go. Sold: 3 left, above the 2 of the zone.
        const auto first = holdRange(0, 17);
        QVERIFY(!first.empty());
        QCOMPARE(pass().changes, std::size_t{0});
        sell(first);
        QCOMPARE(pass().changes, std::size_t{0});
        sell(holdRange(17, 1));
        auto report = pass();
        QCOMPARE(report.changes, std::size_t{1});
        QCOMPARE(report.mails, std::size_t{1});
        QCOMPARE(pass().changes, std::size_t{0});
        // The outbox also has the walk-up buyer's order confirmations; alice has one alert.
        auto mails = to(deliver(), "alice@example.org");
        QCOMPARE(mails.size(), std::size_t{1});
        QCOMPARE(mails[0].header("Subject"), std::string("Almost sold out: Chamber Strings (2 places left)"));
        const auto body = textOf(mails[0]);
        for (const std::string expected : {"only 2 places of 20 are left", "Price: from EUR 26.50",
                                           "untick \"are about to sell out\""})
            QVERIFY2(body.find(expected) != std::string::npos, (expected + " not in:\n" + body).c_str());

        // Three seats come back (refunds): 5 left, out of the zone (above 4) without a mail.
        sql("DELETE FROM seat_claims WHERE id IN (SELECT id FROM seat_claims WHERE event_id = '" + eventId +
            "' AND kind = 'sold' ORDER BY id LIMIT 3)");
        QCOMPARE(pass().changes, std::size_t{0});
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM wishlist_alert_state WHERE selling_out"), 0LL);
        // Selling three of them again crosses into the zone again: a second mail.
        sell(holdRange(0, 3));
        QCOMPARE(pass().mails, std::size_t{1});
        QCOMPARE(pass().mails, std::size_t{0});
        QCOMPARE(to(deliver(), "alice@example.org").size(), std::size_t{2});
    }

    // Standing places count too: held places are still for sale, sold ones are gone.
    void standingPlacesCount() {
        auto layout = smallHall(kVenueId, 1); // 10 seats
        seating::Area standing;
        standing.id = layout.allocateId('a');
        standing.label = "Standing";
        standing.kind = seating::AreaKind::GeneralAdmission;
        standing.capacity = 10;
        standing.priceCategoryId = "pc1";
        standing.outline = {{100, 1800}, {400, 1800}, {400, 1950}, {100, 1950}};
        layout.areas.push_back(standing);
        const auto eventId = seatedEvent(layout, "Standing Room Only");
        QVERIFY(!eventId.empty());
        wish(bob, eventId);
        const auto places = hold(eventId, [&](v1::HoldSeats& h) {
            h.mutable_general_admission()->set_area_id(standing.id);
            h.mutable_general_admission()->set_count(10);
        });
        QVERIFY(!places.empty());
        QCOMPARE(pass().changes, std::size_t{0}); // 20 of 20 still for sale
        sell(places);
        std::vector<std::string> seats;
        for (const auto& seat : layout.areas[0].rows[0].seats) seats.push_back(seat.id);
        sell(holdSeats(eventId, std::vector<std::string>(seats.begin(), seats.begin() + 7)));
        QCOMPARE(pass().changes, std::size_t{0}); // 3 left
        sell(holdSeats(eventId, {seats[7]}));
        QCOMPARE(pass().mails, std::size_t{1}); // 2 left: a tenth of 20
        const auto mails = to(deliver(), "bob@example.org");
        QCOMPARE(mails.size(), std::size_t{1});
        QCOMPARE(mails[0].header("Subject"), std::string("Almost sold out: Standing Room Only (2 places left)"));
    }

    // Two instances passing at the same moment record a change once and mail each user once;
    // the worker lock keeps a second instance idle while the first holds it; an alert whose
    // fan-out bookkeeping was lost (crash) re-runs without a second mail.
    void concurrentInstancesMailOnce() {
        const auto eventId = createEvent("Late Night Jazz");
        wish(alice, eventId);
        wish(bob, eventId);
        editEvent(eventId, [](v1::Event& e) { e.mutable_price()->set_min_minor(900); });

        auto first = db->connect();
        auto second = db->connect();
        const auto now = wallMs();
        rec::AlertOptions oneAtATime;
        oneAtATime.recipientsPerTransaction = 1;
        rec::AlertPassReport a, b;
        std::thread t1([&] { a = rec::runWishlistAlerts(*first, now, oneAtATime); });
        std::thread t2([&] { b = rec::runWishlistAlerts(*second, now, oneAtATime); });
        t1.join();
        t2.join();
        QCOMPARE(a.changes + b.changes, std::size_t{1});
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM wishlist_alerts"), 1LL);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM mail_outbox"), 2LL);
        QCOMPARE(scalar(*conn, "SELECT recipients FROM wishlist_alerts"), 2LL);

        // The fan-out bookkeeping lost: it runs again, the outbox's dedup keys keep one mail each.
        sql("UPDATE wishlist_alerts SET completed_at = NULL, mailed_through = 0");
        pass();
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM mail_outbox"), 2LL);
        QCOMPARE(deliver().size(), std::size_t{2});

        // While another instance holds the lock, a worker's pass does nothing.
        pqxx::nontransaction holder(*first);
        holder.exec_params("SELECT pg_advisory_lock($1)", server::db::lockkey::kWishlistAlerts);
        editEvent(eventId, [](v1::Event& e) { e.mutable_price()->set_min_minor(800); });
        server::workers::WishlistAlertWorker worker(db->connectionString(), {});
        QVERIFY(!worker.runOnce(*second, true).led);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM wishlist_alerts"), 1LL);
        holder.exec_params("SELECT pg_advisory_unlock($1)", server::db::lockkey::kWishlistAlerts);
        const auto result = worker.runOnce(*second, false);
        QVERIFY(result.led);
        QCOMPARE(result.alerts.mails, std::size_t{2});
    }

    // Alerts in each wishlister's language (users.language, docs/mail.md "Languages"): German,
    // French, English unchanged; subjects RFC 2047-encoded; the unsubscribe pages in the
    // user's language, a link naming no user in the browser's.
    void alertsInTheRecipientsLanguage() {
        const auto eventId = createEvent("Late Night Jazz");
        QVERIFY(!eventId.empty());
        sql("UPDATE users SET language = 'de' WHERE id = " + std::to_string(alice.userId));
        sql("UPDATE users SET language = 'fr' WHERE id = " + std::to_string(bob.userId));
        wish(alice, eventId);
        wish(bob, eventId);
        wish(carol, eventId);
        editEvent(eventId, [](v1::Event& e) { e.mutable_price()->set_min_minor(1200); });
        QCOMPARE(pass().mails, std::size_t{3});
        const auto mails = deliver();
        const auto start = startsAtMs(eventId);

        const auto german = to(mails, "alice@example.org");
        QCOMPARE(german.size(), std::size_t{1});
        const std::string germanSubject = "Preissenkung: Late Night Jazz jetzt ab 12,00\u00a0€ (bisher 15,00\u00a0€)";
        auto parsed = inspectMail(german[0].path);
        QCOMPARE(parsed["headers"]["Subject"].get<std::string>(), germanSubject);
        const auto rawHead = parsed["raw_head"].get<std::string>();
        // The raw Subject (up to the next header) carries RFC 2047 encoded words for the non-ASCII part.
        const auto subjectStart = rawHead.find("Subject: ");
        const auto rawSubject = QString::fromStdString(rawHead.substr(subjectStart, rawHead.find("\r\nTo:") - subjectStart));
        QVERIFY2(subjectStart != std::string::npos && rawSubject.contains(QStringLiteral("=?utf-8?"), Qt::CaseInsensitive),
                 rawHead.c_str());
        QVERIFY(parsed["ascii_only"].get<bool>());
        auto body = textOf(german[0]);
        const auto& de = server::mail::MailLanguage::of("de");
        for (const std::string& expected : std::vector<std::string>{
                 "Guten Tag,", "Tickets für Late Night Jazz sind jetzt günstiger.", "Niedrigster Preis: 15,00\u00a0€ → 12,00\u00a0€",
                 "Wann: " + de.eventTime(start, "Europe/Berlin"), "Wo: Hall",
                 "Die Zeiten sind Ortszeit der Veranstaltung (Europe/Berlin).", "„Nur Merkliste“",
                 "Veranstaltungsreferenz " + eventId, "das Häkchen bei „im Preis sinken“",
                 "Oder schalten Sie sie mit einem Klick ab: https://tickets.example.org/unsubscribe?t="})
            QVERIFY2(body.find(expected) != std::string::npos, (expected + " not in:\n" + body).c_str());
        QVERIFY2(body.find(" Uhr ME") != std::string::npos, body.c_str()); // MEZ or MESZ, whichever applies

        const auto french = to(mails, "bob@example.org");
        QCOMPARE(french.size(), std::size_t{1});
        QCOMPARE(inspectMail(french[0].path)["headers"]["Subject"].get<std::string>(),
                 std::string("Baisse de prix : Late Night Jazz désormais à partir de 12,00\u00a0€ (avant 15,00\u00a0€)"));
        body = textOf(french[0]);
        for (const std::string& expected : std::vector<std::string>{
                 "Bonjour,", "Prix le plus bas : 15,00\u00a0€ → 12,00\u00a0€",
                 "Quand : " + server::mail::MailLanguage::of("fr").eventTime(start, "Europe/Berlin"),
                 "«\u00a0Favoris uniquement\u00a0»", "décochez «\u00a0baissent de prix\u00a0»"})
            QVERIFY2(body.find(expected) != std::string::npos, (expected + " not in:\n" + body).c_str());

        const auto english = to(mails, "carol@example.org");
        QCOMPARE(english.size(), std::size_t{1});
        QCOMPARE(english[0].header("Subject"), std::string("Price drop: Late Night Jazz now from EUR 12.00 (was EUR 15.00)"));
        QVERIFY(textOf(english[0]).find("Lowest price: EUR 15.00 → EUR 12.00") != std::string::npos);

        // The unsubscribe pages speak the account's language, whatever the browser says.
        auto page = server::mail::answerUnsubscribe(*conn, unsubscribeTokenOf(german[0]), false, "fr-CH,fr;q=0.9");
        QCOMPARE(page.status, 200u);
        for (const std::string expected :
             {"<html lang=\"de\">", "<title>Abmelden?</title>",
              "a***@example.org abmelden von: Benachrichtigungen zur Merkliste, wenn Veranstaltungen im Preis sinken?",
              "<button type=\"submit\">Abmelden</button>"})
            QVERIFY2(page.html.find(expected) != std::string::npos, (expected + " not in:\n" + page.html).c_str());
        page = server::mail::answerUnsubscribe(*conn, unsubscribeTokenOf(french[0]), true, "");
        QCOMPARE(page.status, 200u);
        for (const std::string expected :
             {"<html lang=\"fr\">", "Vous êtes désinscrit",
              "b***@example.org ne recevra plus les alertes de vos favoris lorsque des événements baissent de prix."})
            QVERIFY2(page.html.find(expected) != std::string::npos, (expected + " not in:\n" + page.html).c_str());
        page = server::mail::answerUnsubscribe(*conn, unsubscribeTokenOf(english[0]), false, "de");
        QVERIFY2(page.html.find("Stop sending wishlist alerts when events drop in price to c***@example.org?") !=
                     std::string::npos,
                 page.html.c_str());
        // A broken link names no user: the browser's first language.
        page = server::mail::answerUnsubscribe(*conn, "not-a-token", true, "fr-CH,fr;q=0.9,en;q=0.5");
        QCOMPARE(page.status, 400u);
        QVERIFY2(page.html.find("Ce lien ne fonctionne pas") != std::string::npos, page.html.c_str());
        page = server::mail::answerUnsubscribe(*conn, "not-a-token", true, "");
        QVERIFY2(page.html.find("This link does not work") != std::string::npos, page.html.c_str());
    }

    // The unsubscribe key is read once per alert pass and once per digest pass, not once per
    // mail (review finding), and rotating it still voids the links sent so far while the next
    // pass signs with the new key.
    void unsubscribeKeyReadOncePerPass() {
        const auto eventId = createEvent("Late Night Jazz");
        QVERIFY(!eventId.empty());
        for (const auto* who : {&alice, &bob, &carol}) wish(*who, eventId);
        editEvent(eventId, [](v1::Event& e) { e.mutable_price()->set_min_minor(1200); });
        rec::AlertOptions oneMailPerTransaction;
        oneMailPerTransaction.recipientsPerTransaction = 1;
        auto reads = secretReads();
        QCOMPARE(rec::runWishlistAlerts(*conn, wallMs(), oneMailPerTransaction).mails, std::size_t{3});
        QCOMPARE(secretReads() - reads, 1LL);
        auto mails = deliver();
        QCOMPARE(mails.size(), std::size_t{3});
        std::vector<std::string> firstLinks;
        for (const auto& mail : mails) firstLinks.push_back(unsubscribeTokenOf(mail));
        for (const auto& token : firstLinks) QVERIFY2(server::mail::checkUnsubscribe(*conn, token), token.c_str());

        sql("UPDATE server_secrets SET secret = decode(repeat('cd', 32), 'hex') WHERE name = 'mail_unsubscribe'");
        for (const auto& token : firstLinks) QVERIFY2(!server::mail::checkUnsubscribe(*conn, token), token.c_str());
        editEvent(eventId, [](v1::Event& e) { e.mutable_price()->set_min_minor(1000); });
        QCOMPARE(rec::runWishlistAlerts(*conn, wallMs(), oneMailPerTransaction).mails, std::size_t{3});
        mails = deliver();
        QCOMPARE(mails.size(), std::size_t{6});
        for (std::size_t i = 3; i < mails.size(); ++i) {
            const auto token = unsubscribeTokenOf(mails[i]);
            QVERIFY2(server::mail::checkUnsubscribe(*conn, token), token.c_str());
        }

        // The digest: three opted-in users, one transaction each, one read of the key.
        insertEvent("aaaaaaaa-0000-4000-8000-000000000021", "Blue Note Jazz Night", "music.jazz", "20 days");
        for (const auto* who : {&alice, &bob, &carol})
            settings(*who, [](v1::RecommendationSettings& s) {
                s.add_interest_categories("music.jazz");
                s.set_weekly_digest(true);
            });
        rec::Engine::instance().refresh(*conn);
        reads = secretReads();
        QCOMPARE(rec::runWeeklyDigests(*conn, rec::isoWeekStartMs(wallMs()) + 9 * 3'600'000).mailed, std::size_t{3});
        QCOMPARE(secretReads() - reads, 1LL);
        mails = deliver();
        QCOMPARE(mails.size(), std::size_t{9});
        for (std::size_t i = 6; i < mails.size(); ++i) {
            const auto target = server::mail::checkUnsubscribe(*conn, unsubscribeTokenOf(mails[i]));
            QVERIFY(target && target->setting == server::mail::MailSetting::WeeklyDigest);
        }
    }

    // The weekly digest in German: subject, dates, money and the reasons.
    void weeklyDigestInGerman() {
        insertEvent("aaaaaaaa-0000-4000-8000-000000000011", "Blue Note Jazz Night", "music.jazz", "20 days", "scheduled", 190050);
        insertEvent("aaaaaaaa-0000-4000-8000-000000000012", "Blue Note Saxophone Jazz", "music.jazz", "25 days", "scheduled",
                    190050);
        const auto fritz = makeUser(*api, *conn, "fritz@example.org", core::Role::Attendee);
        sql("UPDATE users SET display_name = 'Fritz', language = 'de' WHERE id = " + std::to_string(fritz.userId));
        settings(fritz, [](v1::RecommendationSettings& s) {
            s.add_interest_categories("music.jazz");
            s.set_weekly_digest(true);
        });
        rec::Engine::instance().refresh(*conn);
        const auto monday = rec::isoWeekStartMs(wallMs());
        QCOMPARE(rec::runWeeklyDigests(*conn, monday + 9 * 3'600'000).mailed, std::size_t{1});
        const auto mails = to(deliver(), "fritz@example.org");
        QCOMPARE(mails.size(), std::size_t{1});
        const auto& de = server::mail::MailLanguage::of("de");
        const auto subject = inspectMail(mails[0].path)["headers"]["Subject"].get<std::string>();
        QCOMPARE(subject, "Ihre Marquee-Empfehlungen für die Woche ab " + de.day(monday / 86'400'000));
        QVERIFY2(subject.find(". ") != std::string::npos, subject.c_str()); // "16. November"
        const auto body = textOf(mails[0]);
        for (const std::string& expected : std::vector<std::string>{
                 "Guten Tag Fritz,", "Hier sind 2 kommende Veranstaltungen, die Ihnen gefallen könnten:",
                 "Blue Note Jazz Night", "Warum: Passt zu Ihren Interessen", "Preis: ab 1.900,50\u00a0€",
                 "Veranstaltungsreferenz: aaaaaaaa-0000-4000-8000-000000000011", "„Für Sie“",
                 "„Mir außerdem wöchentlich eine Übersicht empfohlener Veranstaltungen senden“",
                 "Oder schalten Sie sie mit einem Klick ab:"})
            QVERIFY2(body.find(expected) != std::string::npos, (expected + " not in:\n" + body).c_str());
        QVERIFY2(body.find("Wann: ") != std::string::npos && body.find(" Uhr ME") != std::string::npos, body.c_str());
    }

    // The digest: once per ISO week per opted-in user, due from Monday 08:00 UTC, with their
    // top recommendations and the reason; switched off or never on: no mail.
    void weeklyDigestOncePerWeek() {
        sql("INSERT INTO categories (id, name, parent_id) VALUES ('sports', 'Sports', NULL), "
            "('sports.football', 'Football', 'sports')");
        const auto add = [&](const char* id, const char* title, const char* category, const char* starts,
                             const char* status) { insertEvent(id, title, category, starts, status); };
        const char* jazzNight = "aaaaaaaa-0000-4000-8000-000000000001";
        const char* saxJazz = "aaaaaaaa-0000-4000-8000-000000000002";
        add(jazzNight, "Blue Note Jazz Night", "music.jazz", "20 days", "scheduled");
        add(saxJazz, "Blue Note Saxophone Jazz", "music.jazz", "25 days", "scheduled");
        add("aaaaaaaa-0000-4000-8000-000000000003", "Derby Day Football", "sports.football", "22 days", "scheduled");
        add("aaaaaaaa-0000-4000-8000-000000000004", "Last Month's Jazz", "music.jazz", "-30 days", "scheduled");
        add("aaaaaaaa-0000-4000-8000-000000000005", "Cancelled Jazz Brunch", "music.jazz", "21 days", "cancelled");
        const auto dora = makeUser(*api, *conn, "dora@example.org", core::Role::Attendee);
        const auto eve = makeUser(*api, *conn, "eve@example.org", core::Role::Attendee);
        sql("UPDATE users SET display_name = 'Dora' WHERE id = " + std::to_string(dora.userId));
        settings(dora, [](v1::RecommendationSettings& s) {
            s.add_interest_categories("music.jazz");
            s.set_weekly_digest(true);
        });
        settings(eve, [](v1::RecommendationSettings& s) { s.set_weekly_digest(true); });
        settings(eve, [](v1::RecommendationSettings& s) { s.set_weekly_digest(false); }); // unsubscribed
        rec::Engine::instance().refresh(*conn);

        const auto monday = rec::isoWeekStartMs(wallMs());
        const auto week = rec::isoWeekOf(monday);
        QCOMPARE(rec::runWeeklyDigests(*conn, monday + 7 * 3'600'000).mailed, std::size_t{0}); // not due before 08:00
        auto clock = monday + 9 * 3'600'000;
        server::workers::WishlistAlertWorker::Options options;
        options.clockMs = [&clock] { return clock; };
        server::workers::WishlistAlertWorker worker(db->connectionString(), options);
        auto result = worker.runOnce(*conn, true);
        QVERIFY(result.led);
        QCOMPARE(result.digest.mailed, std::size_t{1});
        QCOMPARE(result.digest.nothingNew, std::size_t{0});
        // Again the same week (later, another instance): nothing.
        clock += 2 * 86'400'000;
        QCOMPARE(worker.runOnce(*conn, true).digest.mailed, std::size_t{0});
        auto other = db->connect();
        QCOMPARE(rec::runWeeklyDigests(*other, clock).mailed, std::size_t{0});

        auto mails = deliver();
        QCOMPARE(mails.size(), std::size_t{1});
        QCOMPARE(recipientOf(mails[0]), std::string("dora@example.org"));
        QVERIFY2(mails[0].header("Subject").rfind("Your Marquee picks for the week of ", 0) == 0,
                 mails[0].header("Subject").c_str());
        const auto body = textOf(mails[0]);
        for (const std::string& expected : std::vector<std::string>{"Hello Dora,", "Here are 2 upcoming events", "Blue Note Jazz Night",
                                           "Blue Note Saxophone Jazz", "Why: Matches your interests",
                                           "Price: from EUR 19.00", std::string("Event reference: ") + jazzNight,
                                           "untick \"Also send me a weekly digest of recommended events\""})
            QVERIFY2(body.find(expected) != std::string::npos, (expected + " not in:\n" + body).c_str());
        for (const std::string unexpected : {"Derby Day", "Last Month", "Cancelled Jazz"})
            QVERIFY2(body.find(unexpected) == std::string::npos, (unexpected + " in:\n" + body).c_str());
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM weekly_digests WHERE iso_week = '" + week + "' AND mail_id IS NOT NULL "
                               "AND event_ids @> ARRAY['" + std::string(jazzNight) + "', '" + saxJazz +
                               "']::uuid[] AND cardinality(event_ids) = 2"),
                 1LL);

        // The next week: one more digest for dora, still none for eve.
        clock = monday + 7 * 86'400'000 + 9 * 3'600'000;
        QCOMPARE(worker.runOnce(*conn, true).digest.mailed, std::size_t{1});
        QCOMPARE(worker.runOnce(*conn, true).digest.mailed, std::size_t{0});
        mails = deliver();
        QCOMPARE(mails.size(), std::size_t{2});
        QVERIFY(to(mails, "eve@example.org").empty());
        QCOMPARE(scalar(*conn, "SELECT count(DISTINCT iso_week) FROM weekly_digests WHERE user_id = " +
                               std::to_string(dora.userId)),
                 2LL);

        // Dora follows the digest's one-click link: the week after, nothing; her interests stay.
        const auto token = unsubscribeTokenOf(mails[1]);
        QVERIFY2(!token.empty(), mails[1].header("List-Unsubscribe").c_str());
        const auto target = server::mail::applyUnsubscribe(*conn, token);
        QVERIFY(target && target->userId == dora.userId);
        clock = monday + 14 * 86'400'000 + 9 * 3'600'000;
        QCOMPARE(worker.runOnce(*conn, true).digest.mailed, std::size_t{0});
        QCOMPARE(deliver().size(), std::size_t{2});
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM recommendation_settings WHERE user_id = " +
                               std::to_string(dora.userId) + " AND NOT weekly_digest AND interest_categories = '{music.jazz}'"),
                 1LL);
    }
};

QTEST_GUILESS_MAIN(TestWishlistAlerts)
#include "test_wishlist_alerts.moc"
