// Check-in at the doors over real WebSockets against the real marquee-server (two instances on
// one database for the live feed): valid, duplicate, forged, wrong event, void, concurrent
// doors, offline uploads (earliest admission counts, the later one flagged), replays, a
// ticket sold offline with a certified device key, hostile codes, and WatchCheckIns pushes.
#include "seated_event_server.hpp"

#include "db/lock_keys.hpp"
#include "marquee/core/tickets/ticket_code.hpp"

#include <QtTest>

#include <pqxx/pqxx>

#include <atomic>
#include <future>
#include <thread>

using marquee::test::SeatedEventServer;
using marquee::test::WsClient;
using marquee::testing::TestServer;
namespace v1 = marquee::v1;
namespace tickets = marquee::core::tickets;

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

} // namespace

class TestCheckInNet : public QObject {
    Q_OBJECT

private:
    SeatedEventServer m_event;
    TestServer m_second; // another instance on the same database
    std::string m_staffToken;
    std::string m_otherEventId;
    std::vector<v1::Ticket> m_tickets; // confirmed, one per seat, in seat order
    std::size_t m_nextSeat = 0;

    std::unique_ptr<WsClient> door(const std::string& deviceId, const TestServer* instance = nullptr) {
        auto client = std::make_unique<WsClient>();
        const auto port = instance ? instance->port() : m_event.port();
        if (!client->connect(port, m_staffToken) || !client->hello(1, deviceId)) return nullptr;
        return client;
    }

    // Sells `count` seats for cash in one order; its tickets (the saga issues them inline).
    std::vector<v1::Ticket> sell(int count, std::string* orderId = nullptr) {
        const auto client = door("till-1");
        std::vector<std::string> seats;
        for (int i = 0; i < count; ++i) seats.push_back(m_event.seatIds().at(m_nextSeat++));
        const auto held = m_event.hold(*client, seats);
        if (!held || !held->has_hold_result()) return {};
        v1::Envelope create;
        auto* order = create.mutable_create_order();
        order->set_idempotency_key(m_event.newKey());
        order->set_hold_id(held->hold_result().hold_id());
        order->set_buyer_name("Door Test");
        order->set_buyer_email("door@example.org");
        order->set_method(v1::PAYMENT_CASH);
        order->set_cash_tendered_minor(1'000'000);
        const auto answer = client->call(create);
        if (!answer || !answer->has_order()) return {};
        if (orderId) *orderId = answer->order().id();
        v1::Envelope get;
        get.mutable_get_order()->set_order_id(answer->order().id());
        std::vector<v1::Ticket> out;
        const bool issued = QTest::qWaitFor(
            [&] {
                const auto read = client->call(get);
                if (!read || !read->has_order() || read->order().tickets_size() != count) return false;
                out.assign(read->order().tickets().begin(), read->order().tickets().end());
                return true;
            },
            30000);
        return issued ? out : std::vector<v1::Ticket>{};
    }

    v1::CheckInResult checkIn(WsClient& client, const std::string& code, const std::string& eventId = {},
                              const std::string& gate = "North door", std::string key = {}) {
        v1::Envelope request;
        auto* check = request.mutable_check_in();
        check->set_idempotency_key(key.empty() ? m_event.newKey() : key);
        check->set_event_id(eventId.empty() ? m_event.eventId() : eventId);
        check->set_ticket_code(code);
        check->set_gate(gate);
        const auto answer = client.call(request);
        if (!answer || !answer->has_check_in_result()) {
            qWarning("CheckIn answered %s", answer ? answer->DebugString().c_str() : "nothing");
            return {};
        }
        return answer->check_in_result();
    }

    v1::OfflineCheckIn offline(const std::string& code, std::int64_t atMs, const std::string& gate) {
        v1::OfflineCheckIn item;
        item.set_idempotency_key(m_event.newKey());
        item.set_event_id(m_event.eventId());
        item.set_ticket_code(code);
        item.set_gate(gate);
        item.set_checked_in_at_ms(atMs);
        return item;
    }

    std::optional<v1::CheckInResults> upload(WsClient& client, const std::vector<v1::OfflineCheckIn>& items) {
        v1::Envelope request;
        for (const auto& item : items) *request.mutable_upload_check_ins()->add_check_ins() = item;
        const auto answer = client.call(request);
        if (!answer || !answer->has_check_in_results()) return std::nullopt;
        return answer->check_in_results();
    }

    int rowCount(const QString& sql) { return m_event.one(sql).toInt(); }
    int checkInRows() { return rowCount(QStringLiteral("SELECT count(*) FROM check_ins")); }

    // Reads pushes (request_id 0) until a CheckInBatch record or void satisfies `match`.
    static bool waitForPush(WsClient& client, const std::function<bool(const v1::CheckInBatch&)>& match) {
        while (const auto frame = client.read(std::chrono::seconds(20))) {
            if (frame->request_id() == 0 && frame->has_check_in_batch() && match(frame->check_in_batch())) return true;
        }
        return false;
    }

    static std::string tampered(std::string code, std::size_t at) {
        // Swap one base64url character of the signature for another valid one.
        code[at] = code[at] == 'A' ? 'B' : 'A';
        return code;
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_event.start({}, &error), qPrintable(error));
        QVERIFY2(m_second.startSharing(m_event.server(), &error), qPrintable(error));
        m_staffToken = m_event.createUser("door@example.org", "staff");
        QVERIFY(!m_staffToken.empty());
        m_tickets = sell(6);
        QCOMPARE(m_tickets.size(), std::size_t(6));
        // A second event (no seat map needed) for the wrong-event case.
        const auto organizer = m_event.open(m_event.organizerToken());
        v1::Envelope upsert;
        auto* event = upsert.mutable_upsert_event()->mutable_event();
        event->set_title("Other show");
        event->set_category_id("test");
        event->set_time_zone("Europe/Berlin");
        event->set_starts_at_ms(4102444800000);
        event->mutable_price()->set_currency("EUR");
        const auto created = organizer->call(upsert);
        QVERIFY(created && created->has_ack());
        m_otherEventId = created->ack().id();
    }

    void refusesAttendeesAndConnectionsWithoutDevice() {
        const auto attendee = m_event.open(m_event.registerAttendee("fan@example.org"), "fan-device");
        QVERIFY(attendee);
        v1::Envelope request;
        request.mutable_check_in()->set_idempotency_key(m_event.newKey());
        request.mutable_check_in()->set_event_id(m_event.eventId());
        request.mutable_check_in()->set_ticket_code(m_tickets[0].code());
        auto answer = attendee->call(request);
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->error().code(), v1::PERMISSION_DENIED);

        const auto noDevice = m_event.open(m_staffToken);
        answer = noDevice->call(request);
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(answer->error().details().at("reason"), std::string("no_device_id"));
        QCOMPARE(checkInRows(), 0);
    }

    void admitsOnceThenSaysWhenAndWhere() {
        const auto north = door("door-north");
        const auto south = door("door-south");
        const auto first = checkIn(*north, m_tickets[0].code());
        QCOMPARE(first.outcome(), v1::CHECK_IN_ADMITTED);
        QCOMPARE(first.ticket_id(), m_tickets[0].id());
        QCOMPARE(first.admitted().gate(), std::string("North door"));
        QCOMPARE(first.admitted().device_id(), std::string("door-north"));
        QCOMPARE(first.admitted().label(), m_tickets[0].label());
        QVERIFY(first.admitted().checked_in_at_ms() > 0);

        const auto again = checkIn(*south, m_tickets[0].code(), {}, "South door");
        QCOMPARE(again.outcome(), v1::CHECK_IN_ALREADY_ADMITTED);
        QCOMPARE(again.admitted().gate(), std::string("North door"));
        QCOMPARE(again.admitted().device_id(), std::string("door-north"));
        QCOMPARE(again.admitted().checked_in_at_ms(), first.admitted().checked_in_at_ms());
        QVERIFY(!again.duplicate_flagged());
        // The refused scan records nothing: one admission.
        QCOMPARE(rowCount(q("SELECT count(*) FROM check_ins WHERE ticket_id = '" + m_tickets[0].id() + "'")), 1);
    }

    void replayReturnsTheStoredAnswer() {
        const auto north = door("door-north");
        const auto key = m_event.newKey();
        const auto first = checkIn(*north, m_tickets[1].code(), {}, "North door", key);
        QCOMPARE(first.outcome(), v1::CHECK_IN_ADMITTED);
        const auto replay = checkIn(*north, m_tickets[1].code(), {}, "North door", key);
        QCOMPARE(replay.outcome(), v1::CHECK_IN_ADMITTED); // not ALREADY_ADMITTED: the same request
        QVERIFY(replay.replayed());
        QCOMPARE(replay.admitted().check_in_id(), first.admitted().check_in_id());
        QCOMPARE(rowCount(q("SELECT count(*) FROM check_ins WHERE ticket_id = '" + m_tickets[1].id() + "'")), 1);
        // The same key for another request is refused.
        v1::Envelope reuse;
        reuse.mutable_check_in()->set_idempotency_key(key);
        reuse.mutable_check_in()->set_event_id(m_event.eventId());
        reuse.mutable_check_in()->set_ticket_code(m_tickets[2].code());
        const auto refused = north->call(reuse);
        QVERIFY(refused && refused->has_error());
        QCOMPARE(refused->error().code(), v1::INVALID_ARGUMENT);
    }

    void forgedAndHostileCodesAreInvalidAndChangeNothing() {
        const auto north = door("door-north");
        const auto before = checkInRows();
        const auto answersBefore = rowCount(QStringLiteral("SELECT count(*) FROM check_in_answers"));
        const auto& code = m_tickets[3].code();
        // An altered byte in the signature, in the payload (ticket id), and in the key id.
        for (const std::size_t at : {code.size() - 5, std::size_t(10), std::size_t(5 + 60)}) {
            const auto result = checkIn(*north, tampered(code, at));
            QCOMPARE(result.outcome(), v1::CHECK_IN_INVALID);
            QVERIFY(!result.message().empty());
        }
        // A code signed by a key the server never published.
        tickets::TicketClaims claims{m_tickets[3].id(), m_event.eventId(), 1, 1700000000000, {}};
        const auto rogue = tickets::generateKeyPair();
        claims.keyId = rogue.keyId;
        QCOMPARE(checkIn(*north, tickets::signTicket(claims, rogue)).outcome(), v1::CHECK_IN_INVALID);
        // Hostile input.
        const std::string hostile[] = {std::string(10 * 1024, 'A'), std::string("MQT1.\0abc", 9),
                                       "\xF0\x9F\x8E\x9F ticket", "", "MQT1..", code + code};
        for (const auto& text : hostile) QCOMPARE(checkIn(*north, text).outcome(), v1::CHECK_IN_INVALID);
        QCOMPARE(checkInRows(), before);
        QCOMPARE(rowCount(QStringLiteral("SELECT count(*) FROM check_in_answers")), answersBefore);
        // A hostile gate is a clear error, not a crash.
        v1::Envelope badGate;
        badGate.mutable_check_in()->set_idempotency_key(m_event.newKey());
        badGate.mutable_check_in()->set_event_id(m_event.eventId());
        badGate.mutable_check_in()->set_ticket_code(code);
        badGate.mutable_check_in()->set_gate(std::string("gate\0x", 6));
        const auto refused = north->call(badGate);
        QVERIFY(refused && refused->has_error());
        QCOMPARE(refused->error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(checkInRows(), before);
    }

    void wrongEventNamesTheTicketsEvent() {
        const auto north = door("door-north");
        const auto result = checkIn(*north, m_tickets[3].code(), m_otherEventId);
        QCOMPARE(result.outcome(), v1::CHECK_IN_WRONG_EVENT);
        QCOMPARE(result.ticket_event_id(), m_event.eventId());
        QCOMPARE(result.ticket_event_title(), std::string("Seated concert"));
        QVERIFY(result.message().find("Seated concert") != std::string::npos);
    }

    void voidTicketOfRefundedOrder() {
        std::string orderId;
        const auto sold = sell(1, &orderId);
        QCOMPARE(sold.size(), std::size_t(1));
        const auto till = door("till-1");
        v1::Envelope cancel;
        cancel.mutable_cancel_order()->set_idempotency_key(m_event.newKey());
        cancel.mutable_cancel_order()->set_order_id(orderId);
        cancel.mutable_cancel_order()->set_reason("requested_by_customer");
        const auto cancelled = till->call(cancel);
        QVERIFY2(cancelled && cancelled->has_order(), cancelled ? cancelled->DebugString().c_str() : "no answer");
        QVERIFY(QTest::qWaitFor(
            [&] { return rowCount(q("SELECT count(*) FROM tickets WHERE voided_at IS NOT NULL AND id = '" + sold[0].id() + "'")) == 1; },
            30000));
        const auto north = door("door-north");
        const auto result = checkIn(*north, sold[0].code());
        QCOMPARE(result.outcome(), v1::CHECK_IN_VOID);
        QCOMPARE(rowCount(q("SELECT count(*) FROM check_ins WHERE ticket_id = '" + sold[0].id() + "'")), 0);
        // Door devices learn of it through the watch answer.
        v1::Envelope watch;
        watch.mutable_watch_check_ins()->set_event_id(m_event.eventId());
        const auto batch = north->call(watch);
        QVERIFY(batch && batch->has_check_in_batch());
        const auto& voided = batch->check_in_batch().voided_ticket_ids();
        QVERIFY(std::find(voided.begin(), voided.end(), sold[0].id()) != voided.end());
    }

    void concurrentDoorsAdmitExactlyOnce() {
        const auto sold = sell(1);
        QCOMPARE(sold.size(), std::size_t(1));
        constexpr int kDoors = 8;
        std::vector<std::unique_ptr<WsClient>> doors;
        for (int i = 0; i < kDoors; ++i) {
            // Half on each instance.
            doors.push_back(door("door-" + std::to_string(i), i % 2 == 0 ? nullptr : &m_second));
            QVERIFY(doors.back());
        }
        std::vector<v1::CheckInResult> results(kDoors);
        std::atomic<int> ready{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < kDoors; ++i)
            threads.emplace_back([&, i] {
                ready.fetch_add(1);
                while (ready.load() < kDoors) std::this_thread::yield();
                results[static_cast<std::size_t>(i)] = checkIn(*doors[static_cast<std::size_t>(i)], sold[0].code(), {},
                                                               "Door " + std::to_string(i));
            });
        for (auto& thread : threads) thread.join();
        int admitted = 0;
        int already = 0;
        for (const auto& result : results) {
            if (result.outcome() == v1::CHECK_IN_ADMITTED) ++admitted;
            if (result.outcome() == v1::CHECK_IN_ALREADY_ADMITTED) ++already;
        }
        QCOMPARE(admitted, 1);
        QCOMPARE(already, kDoors - 1);
        QCOMPARE(rowCount(q("SELECT count(*) FROM check_ins WHERE ticket_id = '" + sold[0].id() + "'")), 1);
    }

    void offlineDuplicateFoundOnSyncFlagsTheLaterOne() {
        const auto& code = m_tickets[4].code();
        const auto early = door("door-east");
        const auto late = door("door-west");
        // Both doors offline ten minutes ago, a minute apart.
        const std::int64_t at = QDateTime::currentMSecsSinceEpoch() - 600'000;
        // The later admission reaches the server first; the earlier one takes its place.
        const auto lateItem = offline(code, at + 60'000, "West door");
        const auto lateResults = upload(*late, {lateItem});
        QVERIFY(lateResults);
        QCOMPARE(lateResults->results(0).outcome(), v1::CHECK_IN_ADMITTED);

        // East watches the event on the second instance: the flag comes as a live push.
        const auto watcher = door("door-watch", &m_second);
        v1::Envelope watch;
        watch.mutable_watch_check_ins()->set_event_id(m_event.eventId());
        const auto answer = watcher->call(watch);
        QVERIFY(answer && answer->has_check_in_batch());

        const auto earlyResults = upload(*early, {offline(code, at, "East door")});
        QVERIFY(earlyResults);
        QCOMPARE(earlyResults->results(0).outcome(), v1::CHECK_IN_ADMITTED);
        QCOMPARE(earlyResults->results(0).admitted().gate(), std::string("East door"));
        QVERIFY(earlyResults->results(0).admitted().offline());

        QVERIFY(waitForPush(*watcher, [&](const v1::CheckInBatch& batch) {
            for (const auto& record : batch.records())
                if (record.ticket_id() == m_tickets[4].id() && record.gate() == "West door" && record.duplicate_flagged() &&
                    !record.counted())
                    return true;
            return false;
        }));
        QCOMPARE(rowCount(q("SELECT count(*) FROM check_ins WHERE ticket_id = '" + m_tickets[4].id() +
                            "' AND counted AND gate = 'East door'")),
                 1);
        QCOMPARE(rowCount(q("SELECT count(*) FROM check_ins WHERE ticket_id = '" + m_tickets[4].id() +
                            "' AND duplicate_flagged AND gate = 'West door'")),
                 1);

        // A third, later offline admission comes back ALREADY_ADMITTED and flagged.
        const auto third = upload(*late, {offline(code, at + 120'000, "West door")});
        QVERIFY(third);
        QCOMPARE(third->results(0).outcome(), v1::CHECK_IN_ALREADY_ADMITTED);
        QVERIFY(third->results(0).duplicate_flagged());
        QCOMPARE(third->results(0).admitted().gate(), std::string("East door"));

        // The whole upload replayed: the stored answers, nothing new.
        const auto rows = checkInRows();
        const auto replay = upload(*late, {lateItem});
        QVERIFY(replay);
        QVERIFY(replay->results(0).replayed());
        QCOMPARE(replay->results(0).outcome(), v1::CHECK_IN_ADMITTED);
        QCOMPARE(checkInRows(), rows);
    }

    void liveFeedReachesDoorsOnBothInstances() {
        const auto watcherHere = door("door-watch-1");
        const auto watcherThere = door("door-watch-2", &m_second);
        v1::Envelope watch;
        watch.mutable_watch_check_ins()->set_event_id(m_event.eventId());
        const auto here = watcherHere->call(watch);
        const auto there = watcherThere->call(watch);
        QVERIFY(here && here->has_check_in_batch() && there && there->has_check_in_batch());
        QVERIFY(here->check_in_batch().records_size() >= 3);
        const auto cursor = here->check_in_batch().cursor();

        const auto north = door("door-north");
        QCOMPARE(checkIn(*north, m_tickets[5].code(), {}, "Side door").outcome(), v1::CHECK_IN_ADMITTED);
        const auto seen = [&](const v1::CheckInBatch& batch) {
            if (batch.cursor() <= cursor) return false;
            for (const auto& record : batch.records())
                if (record.ticket_id() == m_tickets[5].id() && record.gate() == "Side door" && record.counted())
                    return true;
            return false;
        };
        QVERIFY(waitForPush(*watcherHere, seen));
        QVERIFY(waitForPush(*watcherThere, seen));

        // Resuming from the cursor gives exactly what came after it.
        watch.mutable_watch_check_ins()->set_after_cursor(cursor);
        const auto resumed = north->call(watch);
        QVERIFY(resumed && resumed->has_check_in_batch());
        QVERIFY(resumed->check_in_batch().records_size() >= 1);
        for (const auto& record : resumed->check_in_batch().records()) QVERIFY(record.cursor() > cursor);
    }

    void ticketSoldOfflineWithCertifiedDeviceKeyIsAdmitted() {
        // The server's current key certifies a device key, published as lease7's RegisterDevice
        // does (change log "ticket_key" with device_id and certificate).
        const auto secretHex = m_event.one(QStringLiteral(
            "SELECT encode(secret_key, 'hex') FROM ticket_signing_keys WHERE retired_at IS NULL AND secret_key IS NOT NULL"));
        QCOMPARE(secretHex.size(), 128);
        tickets::SecretKey secret{};
        const auto bytes = QByteArray::fromHex(secretHex.toLatin1());
        std::copy(bytes.begin(), bytes.end(), secret.begin());
        const auto server = tickets::keyPairFromSecretKey(secret);
        const auto device = tickets::generateKeyPair();
        const std::int64_t validUntil = 4'000'000'000'000;
        const auto certificate = tickets::signDeviceCertificate({"kiosk-7", device.publicKey, validUntil}, server);
        v1::TicketKey published;
        published.set_key_id(device.keyId);
        published.set_public_key(std::string(device.publicKey.begin(), device.publicKey.end()));
        published.set_device_id("kiosk-7");
        published.set_certified_by_key_id(server.keyId);
        published.set_certificate(std::string(certificate.begin(), certificate.end()));
        published.set_valid_until_ms(validUntil);
        const auto payload = QByteArray::fromStdString(published.SerializeAsString()).toHex();
        QString error;
        m_event.server().query(QStringLiteral("INSERT INTO change_log (aggregatetype, aggregateid, type, payload) "
                                              "VALUES ('ticket_key', '%1', 'upsert', '\\x%2')")
                                   .arg(q(device.keyId), QString::fromLatin1(payload)),
                               &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        tickets::TicketClaims claims{"7e1b0c4e-9a55-4c1e-8f00-0000000000aa", m_event.eventId(), 1, 1'800'000'000'000,
                                     device.keyId};
        const auto north = door("door-north");
        const auto result = checkIn(*north, tickets::signTicket(claims, device));
        QCOMPARE(result.outcome(), v1::CHECK_IN_ADMITTED);
        QVERIFY(result.sold_offline());
        QVERIFY(result.message().find("kiosk-7") != std::string::npos);
        QCOMPARE(checkIn(*north, tickets::signTicket(claims, device)).outcome(), v1::CHECK_IN_ALREADY_ADMITTED);

        // Issued after the certificate ran out: refused.
        claims.ticketId = "7e1b0c4e-9a55-4c1e-8f00-0000000000ab";
        claims.issuedAtMs = validUntil + 1;
        QCOMPARE(checkIn(*north, tickets::signTicket(claims, device)).outcome(), v1::CHECK_IN_INVALID);
        // A device key whose certificate does not check out (signed by the device itself).
        const auto rogue = tickets::generateKeyPair();
        const auto selfSigned = tickets::signDeviceCertificate({"kiosk-8", rogue.publicKey, validUntil}, rogue);
        published.set_key_id(rogue.keyId);
        published.set_public_key(std::string(rogue.publicKey.begin(), rogue.publicKey.end()));
        published.set_device_id("kiosk-8");
        published.set_certificate(std::string(selfSigned.begin(), selfSigned.end()));
        m_event.server().query(QStringLiteral("INSERT INTO change_log (aggregatetype, aggregateid, type, payload) "
                                              "VALUES ('ticket_key', '%1', 'upsert', '\\x%2')")
                                   .arg(q(rogue.keyId),
                                        QString::fromLatin1(QByteArray::fromStdString(published.SerializeAsString()).toHex())),
                               &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        claims.ticketId = "7e1b0c4e-9a55-4c1e-8f00-0000000000ac";
        claims.issuedAtMs = 1'800'000'000'000;
        claims.keyId = rogue.keyId;
        QCOMPARE(checkIn(*north, tickets::signTicket(claims, rogue)).outcome(), v1::CHECK_IN_INVALID);
    }

    // A revocation that commits while a door's upload is under way stops the rest of the
    // upload (review finding: the device was checked once, before the items): the item in
    // flight commits first, every later one is refused device_revoked. The upload's first item
    // is made to wait on its event's check-in lock, held here, so the revocation arrives mid-batch.
    void revocationDuringAnUploadStopsTheRestOfIt() {
        const auto sold = sell(3);
        QCOMPARE(sold.size(), std::size_t(3));
        const std::string deviceId = "door-stolen";
        auto stolen = door(deviceId);
        QVERIFY(stolen);
        const auto key = tickets::generateKeyPair();
        v1::Envelope registration;
        registration.mutable_register_device()->set_public_key(std::string(key.publicKey.begin(), key.publicKey.end()));
        const auto certificate = stolen->call(registration);
        QVERIFY2(certificate && certificate->has_device_certificate(), certificate ? certificate->DebugString().c_str() : "");
        const auto admin = m_event.open(m_event.createUser("door-admin@example.org", "admin"), "admin-desk");
        QVERIFY(admin);

        const auto waitingLocks = [&] {
            return rowCount(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                                           // Other tests' databases share the cluster's pg_locks.
                                           "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
        };
        pqxx::connection blockerConnection(m_event.server().databaseUrl().toStdString());
        pqxx::work blocker(blockerConnection);
        blocker.exec_params("SELECT pg_advisory_xact_lock($1, hashtext($2))", marquee::server::db::lockkey::kCheckInEventClass,
                            m_event.eventId());

        const auto now = QDateTime::currentMSecsSinceEpoch();
        std::vector<v1::OfflineCheckIn> items;
        for (std::size_t i = 0; i < sold.size(); ++i)
            items.push_back(offline(sold[i].code(), now - 60'000 + static_cast<std::int64_t>(i), "Side door"));
        auto uploaded = std::async(std::launch::async, [&] {
            v1::Envelope request;
            for (const auto& item : items) *request.mutable_upload_check_ins()->add_check_ins() = item;
            return stolen->call(request);
        });
        QVERIFY(QTest::qWaitFor([&] { return waitingLocks() == 1; }, 30000)); // item 1 waits for the event
        auto revoked = std::async(std::launch::async, [&] {
            v1::Envelope request;
            request.mutable_revoke_device()->set_device_id(deviceId);
            request.mutable_revoke_device()->set_reason("Stolen from the side door");
            return admin->call(request);
        });
        // The revocation either waits for the item in flight or (without the lock) is done.
        QVERIFY(QTest::qWaitFor(
            [&] { return waitingLocks() == 2 || revoked.wait_for(std::chrono::seconds(0)) == std::future_status::ready; },
            30000));
        blocker.abort();

        const auto revocation = revoked.get();
        QVERIFY2(revocation && revocation->has_device_info(), revocation ? revocation->DebugString().c_str() : "");
        const auto upload = uploaded.get();
        QVERIFY(upload);
        QVERIFY2(upload->has_error(), upload->DebugString().c_str());
        QCOMPARE(upload->error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(upload->error().details().at("reason"), std::string("device_revoked"));
        // Only the item that was in flight when the revocation began was recorded.
        QCOMPARE(rowCount(q("SELECT count(*) FROM check_ins WHERE device_id = '" + deviceId + "'")), 1);
        QCOMPARE(rowCount(q("SELECT count(*) FROM check_ins WHERE ticket_id = '" + sold[0].id() + "'")), 1);
    }

    void cleanupTestCase() { m_second.stop(); }
};

QTEST_GUILESS_MAIN(TestCheckInNet)
#include "test_checkin_net.moc"
