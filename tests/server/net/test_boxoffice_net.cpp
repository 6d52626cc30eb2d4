// The box office's server side over real WebSockets against the real marquee-server and its
// PostgreSQL (issue 7; boxoffice.proto): device certificates (register, renew, replace), seat
// leases (they block holds, show as Leased, never overlap), offline sale upload (confirmed,
// replayed, every rejection changing nothing), returning and sweeping leases, permissions and
// hostile input, and revoking a stolen device (its leases returned, its connections ended on
// every instance and refused from then on, only its uploaded sales' tickets admitted at the
// doors).
#include "booking_rules.hpp"
#include "seated_event_server.hpp"
#include "test_uuid.hpp"

#include "marquee/core/seating/seat_index.hpp"
#include "marquee/core/tickets/ticket_code.hpp"
#include "marquee/v1/boxoffice.pb.h"

#include <QtTest>

#include <pqxx/pqxx>

#include <sodium.h>

#include <algorithm>
#include <set>

using marquee::test::SeatedEventServer;
using marquee::test::WsClient;
using marquee::testing::TestServer;
namespace v1 = marquee::v1;
namespace seating = marquee::core::seating;
namespace codes = marquee::core::tickets;

namespace {

std::string bytesOf(const auto& array) { return std::string(reinterpret_cast<const char*>(array.data()), array.size()); }

std::string randomUuid() {
    std::array<std::uint8_t, 16> b{};
    randombytes_buf(b.data(), b.size());
    return marquee::test::uuidV4(b);
}

std::string offlineCode() {
    static constexpr char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    std::string code = "MQ-O";
    for (int i = 0; i < 6; ++i) code += kAlphabet[randombytes_uniform(29)];
    return code;
}

std::string errorOf(const std::optional<v1::Envelope>& answer) {
    if (!answer) return "no answer";
    if (!answer->has_error()) return "not an error";
    std::string out = v1::ErrorCode_Name(answer->error().code()) + ": " + answer->error().message();
    for (const auto& [key, value] : answer->error().details()) out += " " + key + "=" + value;
    return out;
}

// A box-office device: its connection (staff token + Hello.device_id) and its own key.
struct Device {
    std::string id;
    std::unique_ptr<WsClient> client;
    codes::KeyPair key = codes::generateKeyPair();
};

} // namespace

class TestBoxOfficeNet : public QObject {
    Q_OBJECT

private:
    SeatedEventServer m_event;
    TestServer& m_server = m_event.server();
    std::string m_staffToken;
    std::string m_staff2Token;
    std::string m_adminToken;
    std::string m_attendeeToken;
    std::int64_t m_staffId = 0;
    std::vector<std::string> m_seats;

    std::uint32_t indexOf(const std::string& seatId) const {
        return *seating::SeatIndex(m_event.layout()).indexOf(seatId);
    }
    QString one(const QString& sql) const { return m_event.one(sql); }
    QString quoted(const std::string& text) const { return QStringLiteral("'%1'").arg(QString::fromStdString(text)); }

    // A connection naming a revoked device: its Hello is refused (device_revoked), and the
    // server closes it with 1008 "device revoked".
    void expectDeviceRefused(const std::string& deviceId, const std::string& token, const TestServer* instance = nullptr) {
        WsClient client;
        QVERIFY(client.connect(instance ? instance->port() : m_event.port(), token));
        const auto answer = client.hello(1, deviceId);
        QVERIFY2(answer && answer->has_error(), errorOf(answer).c_str());
        QCOMPARE(answer->error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(answer->error().details().at("reason"), std::string("device_revoked"));
        QCOMPARE(client.readUntilClosed(), 1008);
        QCOMPARE(client.closeReason(), std::string("device revoked"));
    }
    Device device(const std::string& id, const std::string& token = {}) {
        Device d;
        d.id = id;
        d.client = m_event.open(token.empty() ? m_staffToken : token, id);
        return d;
    }
    std::optional<v1::Envelope> registerKey(Device& d, const std::string& publicKey, const std::string& name = "Till") {
        v1::Envelope request;
        request.mutable_register_device()->set_public_key(publicKey);
        request.mutable_register_device()->set_device_name(name);
        return d.client->call(request);
    }
    std::optional<v1::Envelope> registerKey(Device& d) { return registerKey(d, bytesOf(d.key.publicKey)); }
    std::optional<v1::Envelope> leaseSeats(WsClient& client, const std::vector<std::string>& seats,
                                           const std::string& key = {}) {
        v1::Envelope request;
        request.mutable_lease_seats()->set_idempotency_key(key.empty() ? m_event.newKey() : key);
        request.mutable_lease_seats()->set_event_id(m_event.eventId());
        for (const auto& seat : seats) request.mutable_lease_seats()->mutable_seats()->add_ids(seat);
        return client.call(request);
    }
    std::optional<v1::Envelope> leaseByCategory(WsClient& client, std::uint32_t count) {
        v1::Envelope request;
        request.mutable_lease_seats()->set_idempotency_key(m_event.newKey());
        request.mutable_lease_seats()->set_event_id(m_event.eventId());
        auto* want = request.mutable_lease_seats()->mutable_by_category()->add_counts();
        want->set_price_category_id("pc1");
        want->set_count(count);
        return client.call(request);
    }
    std::optional<v1::Envelope> returnLease(WsClient& client, const std::string& leaseId,
                                            const std::vector<std::string>& seats = {}) {
        v1::Envelope request;
        request.mutable_return_lease()->set_idempotency_key(m_event.newKey());
        request.mutable_return_lease()->set_lease_id(leaseId);
        for (const auto& seat : seats) request.mutable_return_lease()->add_seat_ids(seat);
        return client.call(request);
    }
    // A cash sale of `seats` (each AVAILABLE in `lease`), tickets signed with `signer`.
    v1::OfflineSale sale(const v1::Lease& lease, const std::vector<std::string>& seats, const codes::KeyPair& signer,
                         std::int64_t tendered = 0) {
        v1::OfflineSale s;
        s.set_idempotency_key(randomUuid());
        s.set_lease_id(lease.id());
        s.set_order_id(randomUuid());
        s.set_order_code(offlineCode());
        s.set_method(v1::PAYMENT_CASH);
        s.set_buyer_name("Walk-up buyer");
        s.set_sold_at_ms(QDateTime::currentMSecsSinceEpoch());
        std::int64_t total = 0;
        std::uint32_t lineNo = 0;
        for (const auto& seatId : seats) {
            const auto it = std::find_if(lease.seats().begin(), lease.seats().end(),
                                         [&](const v1::LeasedSeat& seat) { return seat.seat_id() == seatId; });
            auto* line = s.add_lines();
            if (it != lease.seats().end()) *line = it->line();
            else {
                line->set_seat_id(seatId);
                line->set_price_category_id("pc1");
            }
            line->set_line_no(++lineNo);
            total += line->total_minor();
            codes::TicketClaims claims;
            claims.ticketId = randomUuid();
            claims.eventId = lease.event_id();
            claims.lineNo = lineNo;
            claims.issuedAtMs = QDateTime::currentMSecsSinceEpoch();
            claims.keyId = signer.keyId;
            auto* ticket = s.add_tickets();
            ticket->set_id(claims.ticketId);
            ticket->set_line_no(lineNo);
            ticket->set_seat_id(seatId);
            ticket->set_code(codes::signTicket(claims, signer));
        }
        s.mutable_payment()->set_method(v1::PAYMENT_CASH);
        s.mutable_payment()->set_amount_minor(total);
        s.mutable_payment()->set_tendered_minor(tendered == 0 ? total : tendered);
        return s;
    }
    std::optional<v1::Envelope> upload(WsClient& client, const std::vector<v1::OfflineSale>& sales) {
        v1::Envelope request;
        request.mutable_upload_offline_sales();
        for (const auto& s : sales) *request.mutable_upload_offline_sales()->add_sales() = s;
        return client.call(request);
    }
    // What a rejected sale must leave untouched: orders, tickets, claims by kind, lease seats by state.
    QString footprint() const {
        return one(QStringLiteral(
            "SELECT (SELECT count(*) FROM orders) || '/' || (SELECT count(*) FROM tickets) || '/' || "
            "(SELECT string_agg(kind || ':' || seat_id || ':' || coalesce(order_id::text, ''), ',' ORDER BY seat_id) "
            "FROM seat_claims) || '/' || (SELECT string_agg(seat_id || ':' || state, ',' ORDER BY lease_id, seat_id) "
            "FROM seat_lease_seats) || '/' || (SELECT count(*) FROM mail_outbox)"));
    }
    // Seats of the map's snapshot as the attendee sees them.
    std::string snapshot() {
        const auto client = m_event.open(m_attendeeToken);
        v1::Envelope subscribe;
        subscribe.mutable_subscribe_seats()->set_event_id(m_event.eventId());
        const auto answer = client->call(subscribe);
        return answer && answer->has_seat_snapshot() ? answer->seat_snapshot().status() : std::string();
    }
    v1::Lease leaseOf(WsClient& client, const std::vector<std::string>& seats) {
        const auto answer = leaseSeats(client, seats);
        if (!answer || !answer->has_lease()) qWarning("LeaseSeats: %s", errorOf(answer).c_str());
        return answer && answer->has_lease() ? answer->lease() : v1::Lease();
    }

    // The event's booking rules with a booking fee for pc1 (19 % tax included), set by the
    // organizer; false (logged) when refused.
    bool setBookingRules(std::int64_t feeMinor, bool attendeeCancellation) {
        const auto organizer = m_event.open(m_event.organizerToken());
        v1::Envelope rules;
        auto* r = rules.mutable_set_booking_rules()->mutable_rules();
        *r = marquee::test::bookingRules(m_event.eventId(), attendeeCancellation);
        *r->add_charges() = marquee::test::charge("pc1", feeMinor, 1900, true);
        const auto set = organizer->call(rules);
        if (!set || !set->has_booking_rules()) qWarning("SetBookingRules: %s", errorOf(set).c_str());
        return set && set->has_booking_rules();
    }
    // The event's booking fee for pc1; exchanges price new seats with it.
    void setFee(std::int64_t feeMinor) { QVERIFY(setBookingRules(feeMinor, true)); }
    // A walk-up cash sale at `d` of `seats` (hold + CreateOrder); the confirmed order.
    v1::Order cashSale(Device& d, const std::vector<std::string>& seats, std::int64_t tendered) {
        const auto held = m_event.hold(*d.client, seats);
        if (!held || !held->has_hold_result()) {
            qWarning("HoldSeats: %s", errorOf(held).c_str());
            return {};
        }
        v1::Envelope create;
        auto* c = create.mutable_create_order();
        c->set_idempotency_key(m_event.newKey());
        c->set_hold_id(held->hold_result().hold_id());
        c->set_buyer_name("Counter buyer");
        c->set_buyer_email("counter@example.org");
        c->set_method(v1::PAYMENT_CASH);
        c->set_cash_tendered_minor(tendered);
        const auto order = d.client->call(create);
        if (!order || !order->has_order()) qWarning("CreateOrder: %s", errorOf(order).c_str());
        return order && order->has_order() ? order->order() : v1::Order();
    }
    std::optional<v1::Envelope> exchange(Device& d, const std::string& orderId, const std::string& holdId,
                                         v1::PaymentMethodKind method, std::int64_t tendered,
                                         const std::string& key = {}) {
        v1::Envelope request;
        auto* x = request.mutable_exchange_seats();
        x->set_idempotency_key(key.empty() ? m_event.newKey() : key);
        x->set_order_id(orderId);
        x->add_line_nos(1);
        x->set_hold_id(holdId);
        x->set_difference_method(method);
        x->set_cash_tendered_minor(tendered);
        return d.client->call(request);
    }
    std::string holdId(Device& d, const std::vector<std::string>& seats) {
        const auto held = m_event.hold(*d.client, seats);
        return held && held->has_hold_result() ? held->hold_result().hold_id() : std::string();
    }
    QString today() const {
        return one(QStringLiteral("SELECT to_char(now() AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD')"));
    }
    std::optional<v1::Envelope> dayReport(Device& d, const std::string& deviceFilter) {
        v1::Envelope request;
        request.mutable_get_day_report()->set_day(today().toStdString());
        request.mutable_get_day_report()->set_time_zone("Europe/Berlin");
        request.mutable_get_day_report()->set_device_id(deviceFilter);
        return d.client->call(request);
    }

private slots:
    void initTestCase() {
        if (TestServer::clusterUrl().isEmpty()) QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        QVERIFY(sodium_init() >= 0);
        QString error;
        SeatedEventServer::Options options;
        options.title = "Box office concert";
        options.rows = 6; // 60 seats
        options.organizerEmail = "bo-organizer@example.org";
        QVERIFY2(m_event.start(options, &error), qPrintable(error));
        m_seats = m_event.seatIds();
        m_staffToken = m_event.createUser("bo-staff@example.org", "staff");
        m_staff2Token = m_event.createUser("bo-staff2@example.org", "staff");
        m_adminToken = m_event.createUser("bo-admin@example.org", "admin");
        m_attendeeToken = m_event.registerAttendee("bo-attendee@example.org");
        QVERIFY(!m_staffToken.empty() && !m_staff2Token.empty() && !m_adminToken.empty() && !m_attendeeToken.empty());
        m_staffId = one(QStringLiteral("SELECT id FROM users WHERE email = 'bo-staff@example.org'")).toLongLong();
        // A booking fee and 19 % tax included: 25.00 + 1.50, tax 4.23 of 26.50.
        QVERIFY(setBookingRules(150, false));
    }

    void registerRenewAndReplaceAKey() {
        auto d = device("till-register");
        QVERIFY(d.client);
        const auto first = registerKey(d, bytesOf(d.key.publicKey), "Box office 1");
        QVERIFY2(first && first->has_device_certificate(), errorOf(first).c_str());
        const auto& cert = first->device_certificate();
        QCOMPARE(cert.device_id(), d.id);
        QCOMPARE(cert.key_id(), d.key.keyId);
        QCOMPARE(cert.device_name(), std::string("Box office 1"));
        QCOMPARE(cert.valid_until_ms() - cert.issued_at_ms(), 30LL * 24 * 3600 * 1000);
        // The certificate verifies with core against the server key that signed it.
        const auto serverKeyHex = one(QStringLiteral("SELECT encode(public_key, 'hex') FROM ticket_signing_keys "
                                                     "WHERE key_id = %1 AND secret_key IS NOT NULL")
                                          .arg(quoted(cert.certified_by_key_id())));
        QCOMPARE(serverKeyHex.size(), 64);
        codes::PublicKey serverKey{};
        const auto serverBytes = QByteArray::fromHex(serverKeyHex.toLatin1());
        std::copy(serverBytes.begin(), serverBytes.end(), serverKey.begin());
        codes::DeviceCertificateClaims claims{d.id, d.key.publicKey, cert.valid_until_ms()};
        codes::Signature signature{};
        QCOMPARE(cert.certificate().size(), signature.size());
        std::copy(cert.certificate().begin(), cert.certificate().end(), signature.begin());
        QVERIFY(codes::verifyDeviceCertificate(claims, signature, serverKey));
        claims.deviceId = "another-till";
        QVERIFY(!codes::verifyDeviceCertificate(claims, signature, serverKey));
        // Published as a TicketKey with the certificate (public change log).
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM change_log WHERE aggregatetype = 'ticket_key' AND "
                                    "aggregateid = %1 AND scope_user_id IS NULL")
                         .arg(quoted(d.key.keyId))),
                 QStringLiteral("1"));
        const auto payload = one(QStringLiteral("SELECT encode(payload, 'hex') FROM change_log WHERE aggregateid = %1 "
                                                "ORDER BY id DESC LIMIT 1")
                                     .arg(quoted(d.key.keyId)));
        v1::TicketKey published;
        const auto payloadBytes = QByteArray::fromHex(payload.toLatin1());
        QVERIFY(published.ParseFromArray(payloadBytes.constData(), static_cast<int>(payloadBytes.size())));
        QCOMPARE(published.device_id(), d.id);
        QCOMPARE(published.certificate(), cert.certificate());
        QCOMPARE(published.certified_by_key_id(), cert.certified_by_key_id());
        QCOMPARE(published.valid_until_ms(), cert.valid_until_ms());

        // Same key again: the same certificate.
        const auto again = registerKey(d, bytesOf(d.key.publicKey), "Box office 1");
        QVERIFY2(again && again->has_device_certificate(), errorOf(again).c_str());
        QCOMPARE(again->device_certificate().certificate(), cert.certificate());
        QCOMPARE(again->device_certificate().valid_until_ms(), cert.valid_until_ms());

        // Close to expiry: registering renews it (a new 30 days, a new signature).
        m_server.query(QStringLiteral("UPDATE device_keys SET valid_until = now() + interval '3 days', issued_at = "
                                      "now() - interval '27 days' WHERE key_id = %1")
                           .arg(quoted(d.key.keyId)));
        const auto renewed = registerKey(d, bytesOf(d.key.publicKey), "Box office 1");
        QVERIFY2(renewed && renewed->has_device_certificate(), errorOf(renewed).c_str());
        QVERIFY(renewed->device_certificate().valid_until_ms() > cert.valid_until_ms() - 1000);
        QVERIFY(renewed->device_certificate().valid_until_ms() > QDateTime::currentMSecsSinceEpoch() + 29LL * 86400000);
        codes::DeviceCertificateClaims renewedClaims{d.id, d.key.publicKey, renewed->device_certificate().valid_until_ms()};
        std::copy(renewed->device_certificate().certificate().begin(), renewed->device_certificate().certificate().end(),
                  signature.begin());
        QVERIFY(codes::verifyDeviceCertificate(renewedClaims, signature, serverKey));

        // A new key replaces the old one for new tickets; the old one stays (retired, not gone).
        const auto oldKey = d.key;
        d.key = codes::generateKeyPair();
        const auto replaced = registerKey(d);
        QVERIFY2(replaced && replaced->has_device_certificate(), errorOf(replaced).c_str());
        QCOMPARE(replaced->device_certificate().key_id(), d.key.keyId);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM device_keys WHERE device_id = %1").arg(quoted(d.id))),
                 QStringLiteral("2"));
        QCOMPARE(one(QStringLiteral("SELECT replaced_at IS NOT NULL FROM device_keys WHERE key_id = %1")
                         .arg(quoted(oldKey.keyId))),
                 QStringLiteral("t"));
        QCOMPARE(one(QStringLiteral("SELECT retired_at IS NOT NULL FROM ticket_signing_keys WHERE key_id = %1")
                         .arg(quoted(oldKey.keyId))),
                 QStringLiteral("t"));
        // The replaced key cannot come back; another device cannot take a registered key.
        const auto back = registerKey(d, bytesOf(oldKey.publicKey));
        QVERIFY(back && back->has_error());
        QCOMPARE(back->error().details().at("reason"), std::string("key_replaced"));
        auto thief = device("till-thief");
        const auto stolen = registerKey(thief, bytesOf(d.key.publicKey));
        QVERIFY(stolen && stolen->has_error());
        QCOMPARE(stolen->error().code(), v1::ALREADY_EXISTS);
    }

    void permissions() {
        // Attendees are refused; staff need a device id; leasing needs a certificate.
        const auto attendee = m_event.open(m_attendeeToken, "attendee-phone");
        const auto refused = leaseSeats(*attendee, {m_seats[0]});
        QVERIFY(refused && refused->has_error());
        QCOMPARE(refused->error().code(), v1::PERMISSION_DENIED);
        const auto anonymous = m_event.open({}, "anon-device");
        v1::Envelope reg;
        reg.mutable_register_device()->set_public_key(std::string(32, 'k'));
        const auto anonAnswer = anonymous->call(reg);
        QVERIFY(anonAnswer && anonAnswer->has_error());
        QCOMPARE(anonAnswer->error().code(), v1::UNAUTHENTICATED);
        const auto noDevice = m_event.open(m_staffToken);
        const auto noId = leaseSeats(*noDevice, {m_seats[0]});
        QVERIFY(noId && noId->has_error());
        QCOMPARE(noId->error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(noId->error().details().at("reason"), std::string("no_device_id"));
        auto unregistered = device("till-unregistered");
        const auto noCert = leaseSeats(*unregistered.client, {m_seats[0]});
        QVERIFY(noCert && noCert->has_error());
        QCOMPARE(noCert->error().details().at("reason"), std::string("no_device_certificate"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_leases")), QStringLiteral("0"));

        // Another device's lease: not returnable, not listed, not sellable; an admin may return it.
        auto mine = device("till-perm-a");
        auto theirs = device("till-perm-b", m_staff2Token);
        QVERIFY(registerKey(mine)->has_device_certificate() && registerKey(theirs)->has_device_certificate());
        const auto lease = leaseOf(*theirs.client, {m_seats[50]});
        QCOMPARE(lease.seats_size(), 1);
        const auto notMine = returnLease(*mine.client, lease.id());
        QVERIFY(notMine && notMine->has_error());
        QCOMPARE(notMine->error().code(), v1::PERMISSION_DENIED);
        v1::Envelope list;
        list.mutable_list_leases();
        const auto listed = mine.client->call(list);
        QVERIFY(listed && listed->has_lease_list());
        QCOMPARE(listed->lease_list().leases_size(), 0);
        list.mutable_list_leases()->set_all_devices(true);
        const auto notAdmin = mine.client->call(list);
        QVERIFY(notAdmin && notAdmin->has_error());
        const auto before = footprint();
        const auto sold = upload(*mine.client, {sale(lease, {m_seats[50]}, mine.key)});
        QVERIFY(sold && sold->has_offline_sale_results());
        QCOMPARE(sold->offline_sale_results().results(0).outcome(), v1::OFFLINE_SALE_REJECTED);
        QCOMPARE(sold->offline_sale_results().results(0).reason(), std::string("lease_of_other_device"));
        QCOMPARE(footprint(), before);
        auto admin = device("admin-console", m_adminToken);
        const auto allListed = admin.client->call(list);
        QVERIFY(allListed && allListed->has_lease_list());
        QVERIFY(allListed->lease_list().leases_size() >= 1);
        const auto returned = returnLease(*admin.client, lease.id());
        QVERIFY2(returned && returned->has_lease(), errorOf(returned).c_str());
        QCOMPARE(returned->lease().status(), v1::LEASE_CLOSED);
    }

    void leasesBlockHoldsShowAsLeasedAndNeverOverlap() {
        auto one_ = device("till-overlap-1");
        auto two = device("till-overlap-2", m_staff2Token);
        QVERIFY(registerKey(one_)->has_device_certificate() && registerKey(two)->has_device_certificate());
        const std::vector<std::string> named{m_seats[0], m_seats[1], m_seats[2], m_seats[3]};
        const auto key = m_event.newKey();
        const auto leased = leaseSeats(*one_.client, named, key);
        QVERIFY2(leased && leased->has_lease(), errorOf(leased).c_str());
        const auto& lease = leased->lease();
        QCOMPARE(lease.status(), v1::LEASE_ACTIVE);
        QCOMPARE(lease.device_id(), one_.id);
        QCOMPARE(lease.seats_size(), 4);
        QCOMPARE(lease.currency(), std::string("EUR"));
        QCOMPARE(lease.event_title(), std::string("Box office concert"));
        QCOMPARE(lease.expires_at_ms(), lease.event_starts_at_ms() + 6LL * 3600 * 1000);
        for (const auto& seat : lease.seats()) {
            QCOMPARE(seat.state(), v1::LEASED_SEAT_AVAILABLE);
            QCOMPARE(seat.line().price_minor(), 2500);
            QCOMPARE(seat.line().fee_minor(), 150);
            QCOMPARE(seat.line().tax_minor(), 423); // round(2650 * 1900 / 11900)
            QCOMPARE(seat.line().total_minor(), 2650);
            QCOMPARE(seat.line().price_category_id(), std::string("pc1"));
            QVERIFY(!seat.label().empty());
        }
        // A replay answers with the same lease.
        const auto replay = leaseSeats(*one_.client, named, key);
        QVERIFY(replay && replay->has_lease());
        QCOMPARE(replay->lease().id(), lease.id());

        // Every seat map shows them Leased; nobody can hold them.
        QTRY_VERIFY_WITH_TIMEOUT(snapshot().size() == m_seats.size() &&
                                     static_cast<seating::SeatStatus>(snapshot()[indexOf(m_seats[0])]) ==
                                         seating::SeatStatus::Leased,
                                 15000);
        const auto status = snapshot();
        for (const auto& seat : named)
            QCOMPARE(static_cast<seating::SeatStatus>(status[indexOf(seat)]), seating::SeatStatus::Leased);
        const auto attendee = m_event.open(m_attendeeToken);
        const auto held = m_event.hold(*attendee, {m_seats[1]});
        QVERIFY(held && held->has_error());
        QCOMPARE(held->error().code(), v1::ALREADY_EXISTS);
        QCOMPARE(held->error().details().at("taken." + m_seats[1]), std::string("leased"));

        // A second device by category gets other seats; leasing a taken seat leases nothing.
        const auto byCategory = leaseByCategory(*two.client, 6);
        QVERIFY2(byCategory && byCategory->has_lease(), errorOf(byCategory).c_str());
        QCOMPARE(byCategory->lease().seats_size(), 6);
        std::set<std::string> seen(named.begin(), named.end());
        for (const auto& seat : byCategory->lease().seats()) QVERIFY(seen.insert(seat.seat_id()).second);
        const auto hold = m_event.hold(*attendee, {m_seats[20]});
        QVERIFY(hold && hold->has_hold_result());
        const auto leasesBefore = one(QStringLiteral("SELECT count(*) FROM seat_leases"));
        const auto clash = leaseSeats(*two.client, {m_seats[21], m_seats[20], m_seats[0]});
        QVERIFY(clash && clash->has_error());
        QCOMPARE(clash->error().code(), v1::ALREADY_EXISTS);
        QCOMPARE(clash->error().details().at("taken." + m_seats[20]), std::string("held"));
        QCOMPARE(clash->error().details().at("taken." + m_seats[0]), std::string("leased"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_leases")), leasesBefore);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_claims WHERE seat_id = %1").arg(quoted(m_seats[21]))),
                 QStringLiteral("0"));
        // No seat carries two claims, and the two leases are disjoint in the database too.
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM (SELECT seat_id FROM seat_lease_seats s JOIN seat_leases l "
                                    "ON l.id = s.lease_id WHERE l.status = 'active' GROUP BY seat_id "
                                    "HAVING count(*) > 1) d")),
                 QStringLiteral("0"));
        QVERIFY(returnLease(*one_.client, lease.id())->has_lease());
        QVERIFY(returnLease(*two.client, byCategory->lease().id())->has_lease());
        v1::Envelope release;
        release.mutable_release_hold()->set_hold_id(hold->hold_result().hold_id());
        QVERIFY(attendee->call(release)->has_ack());
    }

    void uploadConfirmsReplaysAndReturnsOnlyUnsoldSeats() {
        auto d = device("till-upload");
        QVERIFY(registerKey(d)->has_device_certificate());
        const auto lease = leaseOf(*d.client, {m_seats[30], m_seats[31], m_seats[32], m_seats[33]});
        QCOMPARE(lease.seats_size(), 4);
        auto first = sale(lease, {m_seats[30], m_seats[31]}, d.key, 6000);
        first.set_buyer_email("walkup@example.org");
        const auto second = sale(lease, {m_seats[32]}, d.key);
        const auto uploaded = upload(*d.client, {first, second});
        QVERIFY2(uploaded && uploaded->has_offline_sale_results(), errorOf(uploaded).c_str());
        QCOMPARE(uploaded->offline_sale_results().results_size(), 2);
        const auto& result = uploaded->offline_sale_results().results(0);
        QVERIFY2(result.outcome() == v1::OFFLINE_SALE_CONFIRMED, (result.reason() + " " + result.message()).c_str());
        QCOMPARE(result.idempotency_key(), first.idempotency_key());
        QVERIFY(!result.replayed());
        const auto& order = result.order();
        QCOMPARE(order.id(), first.order_id());
        QCOMPARE(order.code(), first.order_code());
        QCOMPARE(order.status(), v1::ORDER_CONFIRMED);
        QCOMPARE(order.total_minor(), 5300);
        QCOMPARE(order.tax_minor(), 846);
        QCOMPARE(order.payment().status(), v1::PAYMENT_CAPTURED);
        QCOMPARE(order.payment().tendered_minor(), 6000);
        QCOMPARE(order.payment().change_due_minor(), 700);
        QCOMPARE(order.sold_by_user_id(), m_staffId);
        QCOMPARE(order.user_id(), m_staffId);
        QCOMPARE(order.device_id(), d.id);
        QCOMPARE(order.tickets_size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(order.tickets(i).code(), first.tickets(i).code()); // exactly the uploaded codes
            QCOMPARE(order.tickets(i).id(), first.tickets(i).id());
            QVERIFY(!order.tickets(i).voided());
            // They verify with the device's key, as every door will.
            const auto verified = codes::verifyTicket(order.tickets(i).code(), [&](std::string_view keyId) {
                return keyId == d.key.keyId ? std::optional<codes::PublicKey>(d.key.publicKey) : std::nullopt;
            });
            QCOMPARE(verified.verdict, codes::Verdict::Valid);
        }
        QCOMPARE(uploaded->offline_sale_results().results(1).outcome(), v1::OFFLINE_SALE_CONFIRMED);
        QCOMPARE(one(QStringLiteral("SELECT string_agg(kind, ',' ORDER BY seat_id) FROM seat_claims WHERE seat_id IN "
                                    "(%1, %2, %3, %4)")
                         .arg(quoted(m_seats[30]), quoted(m_seats[31]), quoted(m_seats[32]), quoted(m_seats[33]))),
                 QStringLiteral("sold,sold,sold,leased"));
        // The confirmation is in the mail outbox; the order in the staff member's change log.
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM mail_outbox WHERE recipient = 'walkup@example.org'")),
                 QStringLiteral("1"));
        QVERIFY(one(QStringLiteral("SELECT count(*) FROM change_log WHERE aggregatetype = 'order' AND aggregateid = %1 "
                                   "AND scope_user_id = %2")
                        .arg(quoted(first.order_id()))
                        .arg(m_staffId))
                    .toInt() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(static_cast<seating::SeatStatus>(snapshot()[indexOf(m_seats[30])]) ==
                                     seating::SeatStatus::Sold,
                                 15000);

        // A replay (the device's outbox sends again) returns the stored result, changes nothing.
        const auto before = footprint();
        const auto replayed = upload(*d.client, {first});
        QVERIFY(replayed && replayed->has_offline_sale_results());
        QCOMPARE(replayed->offline_sale_results().results(0).outcome(), v1::OFFLINE_SALE_CONFIRMED);
        QVERIFY(replayed->offline_sale_results().results(0).replayed());
        QCOMPARE(replayed->offline_sale_results().results(0).order().id(), first.order_id());
        QCOMPARE(footprint(), before);

        // Returning a sold seat by name is refused; returning the rest frees only the unsold one.
        const auto soldBack = returnLease(*d.client, lease.id(), {m_seats[30]});
        QVERIFY(soldBack && soldBack->has_error());
        QCOMPARE(soldBack->error().details().at("reason"), "not_leased." + m_seats[30]);
        const auto returned = returnLease(*d.client, lease.id());
        QVERIFY2(returned && returned->has_lease(), errorOf(returned).c_str());
        QCOMPARE(returned->lease().status(), v1::LEASE_CLOSED);
        std::map<std::string, v1::LeasedSeatState> states;
        for (const auto& seat : returned->lease().seats()) states[seat.seat_id()] = seat.state();
        QCOMPARE(states[m_seats[30]], v1::LEASED_SEAT_SOLD);
        QCOMPARE(states[m_seats[32]], v1::LEASED_SEAT_SOLD);
        QCOMPARE(states[m_seats[33]], v1::LEASED_SEAT_RETURNED);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_claims WHERE seat_id = %1").arg(quoted(m_seats[33]))),
                 QStringLiteral("0"));
        QCOMPARE(one(QStringLiteral("SELECT kind FROM seat_claims WHERE seat_id = %1").arg(quoted(m_seats[31]))),
                 QStringLiteral("sold"));
        // A sale of the returned seat arriving late is rejected.
        const auto late = upload(*d.client, {sale(lease, {m_seats[33]}, d.key)});
        QCOMPARE(late->offline_sale_results().results(0).outcome(), v1::OFFLINE_SALE_REJECTED);
        QCOMPARE(late->offline_sale_results().results(0).reason(), "seat_not_available." + m_seats[33]);
    }

    void rejectedSalesChangeNothing() {
        auto d = device("till-reject");
        auto other = device("till-reject-other", m_staff2Token);
        QVERIFY(registerKey(d)->has_device_certificate() && registerKey(other)->has_device_certificate());
        const auto lease = leaseOf(*d.client, {m_seats[40], m_seats[41], m_seats[42]});
        const auto otherLease = leaseOf(*other.client, {m_seats[43]});
        QCOMPARE(lease.seats_size(), 3);
        QCOMPARE(otherLease.seats_size(), 1);
        const auto before = footprint();
        const auto expectRejected = [&](const v1::OfflineSale& s, const std::string& reason) {
            const auto answer = upload(*d.client, {s});
            QVERIFY2(answer && answer->has_offline_sale_results(), errorOf(answer).c_str());
            const auto& result = answer->offline_sale_results().results(0);
            QCOMPARE(result.outcome(), v1::OFFLINE_SALE_REJECTED);
            QCOMPARE(result.reason(), reason);
            QVERIFY(!result.message().empty());
            QVERIFY(!result.has_order());
            QCOMPARE(footprint(), before);
        };
        // A seat not in the lease, and a seat of another device's lease named in mine.
        expectRejected(sale(lease, {m_seats[40], m_seats[5]}, d.key), "not_in_lease." + m_seats[5]);
        expectRejected(sale(lease, {m_seats[43]}, d.key), "not_in_lease." + m_seats[43]);
        // A forged or altered signature; a key that is not the lease device's.
        auto forged = sale(lease, {m_seats[40]}, d.key);
        auto code = forged.tickets(0).code();
        code[code.size() - 3] = code[code.size() - 3] == 'A' ? 'B' : 'A';
        forged.mutable_tickets(0)->set_code(code);
        expectRejected(forged, "bad_ticket_signature");
        expectRejected(sale(lease, {m_seats[40]}, codes::generateKeyPair()), "bad_ticket_signature");
        expectRejected(sale(lease, {m_seats[40]}, other.key), "bad_ticket_signature");
        // A code signed for another ticket of the sale (swapped codes).
        auto swapped = sale(lease, {m_seats[40], m_seats[41]}, d.key);
        const auto firstCode = swapped.tickets(0).code();
        swapped.mutable_tickets(0)->set_code(swapped.tickets(1).code());
        swapped.mutable_tickets(1)->set_code(firstCode);
        expectRejected(swapped, "bad_ticket_signature");
        // Prices that are not the lease's, and a payment that does not add up.
        auto cheap = sale(lease, {m_seats[40]}, d.key);
        cheap.mutable_lines(0)->set_price_minor(100);
        expectRejected(cheap, "price_mismatch");
        auto underpaid = sale(lease, {m_seats[40]}, d.key);
        underpaid.mutable_payment()->set_amount_minor(100);
        expectRejected(underpaid, "price_mismatch");
        auto shortCash = sale(lease, {m_seats[40]}, d.key);
        shortCash.mutable_payment()->set_tendered_minor(1000);
        expectRejected(shortCash, "invalid_sale");
        // A lease that does not exist; garbage everywhere.
        auto noLease = sale(lease, {m_seats[40]}, d.key);
        noLease.set_lease_id(randomUuid());
        expectRejected(noLease, "lease_not_found");
        auto garbage = sale(lease, {m_seats[40]}, d.key);
        garbage.set_order_id("not a uuid");
        expectRejected(garbage, "invalid_sale");
        auto badCode = sale(lease, {m_seats[40]}, d.key);
        badCode.set_order_code("MQ-ABCDEF");
        expectRejected(badCode, "invalid_sale");
        // (Strings on the wire are UTF-8; a frame that is not valid protobuf closes the connection.)
        for (const auto& junk : std::vector<std::string>{"MQT1.garbage.more", "MQT1.", "☃ not a ticket", std::string(600, 'A')}) {
            auto junkTicket = sale(lease, {m_seats[40]}, d.key);
            junkTicket.mutable_tickets(0)->set_code(junk);
            expectRejected(junkTicket, "bad_ticket_signature");
        }
        // One good sale in a batch with a bad one: the good one stands, the bad one changes nothing.
        const auto good = sale(lease, {m_seats[41]}, d.key);
        const auto mixed = upload(*d.client, {cheap, good});
        QCOMPARE(mixed->offline_sale_results().results(0).outcome(), v1::OFFLINE_SALE_REJECTED);
        QCOMPARE(mixed->offline_sale_results().results(1).outcome(), v1::OFFLINE_SALE_CONFIRMED);
        // The same order id again under a new key: refused, nothing changes.
        const auto afterGood = footprint();
        auto reusedId = sale(lease, {m_seats[42]}, d.key);
        reusedId.set_order_id(good.order_id());
        const auto reused = upload(*d.client, {reusedId});
        QCOMPARE(reused->offline_sale_results().results(0).outcome(), v1::OFFLINE_SALE_REJECTED);
        QCOMPARE(footprint(), afterGood);
        QVERIFY(returnLease(*d.client, lease.id())->has_lease());
        QVERIFY(returnLease(*other.client, otherLease.id())->has_lease());
    }

    void expiredLeasesAreSwept() {
        auto d = device("till-expiry");
        QVERIFY(registerKey(d)->has_device_certificate());
        const auto lease = leaseOf(*d.client, {m_seats[55], m_seats[56]});
        QCOMPARE(lease.seats_size(), 2);
        const auto sold = upload(*d.client, {sale(lease, {m_seats[55]}, d.key)});
        QCOMPARE(sold->offline_sale_results().results(0).outcome(), v1::OFFLINE_SALE_CONFIRMED);
        // The event started more than 6 hours ago, as far as this lease knows.
        m_server.query(QStringLiteral("UPDATE seat_leases SET expires_at = now() - interval '1 second' WHERE id = %1")
                           .arg(quoted(lease.id())));
        QTRY_COMPARE_WITH_TIMEOUT(
            one(QStringLiteral("SELECT status FROM seat_leases WHERE id = %1").arg(quoted(lease.id()))),
            QStringLiteral("closed"), 20000);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_claims WHERE seat_id = %1").arg(quoted(m_seats[56]))),
                 QStringLiteral("0"));
        QCOMPARE(one(QStringLiteral("SELECT kind FROM seat_claims WHERE seat_id = %1").arg(quoted(m_seats[55]))),
                 QStringLiteral("sold"));
        QTRY_VERIFY_WITH_TIMEOUT(static_cast<seating::SeatStatus>(snapshot()[indexOf(m_seats[56])]) ==
                                     seating::SeatStatus::Available,
                                 15000);
    }

    void hostileInput() {
        auto d = device("till-hostile");
        QVERIFY(registerKey(d)->has_device_certificate());
        const auto expectInvalid = [&](const std::optional<v1::Envelope>& answer) {
            QVERIFY2(answer && answer->has_error(), "expected an error");
            QVERIFY2(answer->error().code() == v1::INVALID_ARGUMENT, errorOf(answer).c_str());
        };
        // Keys: wrong sizes, garbage bytes.
        expectInvalid(registerKey(d, std::string(31, '\x01')));
        expectInvalid(registerKey(d, std::string(33, '\xff')));
        expectInvalid(registerKey(d, ""));
        expectInvalid(registerKey(d, bytesOf(d.key.publicKey), std::string(101, 'n')));
        // Leases: too many seats, unknown seats, bad ids, nothing selected, bad counts.
        std::vector<std::string> many;
        for (int i = 0; i < 501; ++i) many.push_back("seat-" + std::to_string(i));
        expectInvalid(leaseSeats(*d.client, many));
        expectInvalid(leaseSeats(*d.client, {"no-such-seat"}));
        expectInvalid(leaseSeats(*d.client, {m_seats[0], m_seats[0]}));
        expectInvalid(leaseSeats(*d.client, {std::string(65, 's')}));
        expectInvalid(leaseSeats(*d.client, {""}));
        expectInvalid(leaseByCategory(*d.client, 0));
        expectInvalid(leaseByCategory(*d.client, 501));
        v1::Envelope bad;
        bad.mutable_lease_seats()->set_idempotency_key(m_event.newKey());
        bad.mutable_lease_seats()->set_event_id("not-a-uuid");
        bad.mutable_lease_seats()->mutable_seats()->add_ids(m_seats[0]);
        expectInvalid(d.client->call(bad));
        bad.mutable_lease_seats()->set_event_id(m_event.eventId());
        bad.mutable_lease_seats()->set_idempotency_key("\x01\x02");
        expectInvalid(d.client->call(bad));
        v1::Envelope none;
        none.mutable_lease_seats()->set_idempotency_key(m_event.newKey());
        none.mutable_lease_seats()->set_event_id(m_event.eventId());
        expectInvalid(d.client->call(none));
        v1::Envelope unknownCategory;
        unknownCategory.mutable_lease_seats()->set_idempotency_key(m_event.newKey());
        unknownCategory.mutable_lease_seats()->set_event_id(m_event.eventId());
        auto* want = unknownCategory.mutable_lease_seats()->mutable_by_category()->add_counts();
        want->set_price_category_id("no-such-category");
        want->set_count(2);
        expectInvalid(d.client->call(unknownCategory));
        // More seats of a category than are free: sold out, nothing leased.
        const auto tooMany = leaseByCategory(*d.client, 500);
        QVERIFY(tooMany && tooMany->has_error());
        QCOMPARE(tooMany->error().details().at("reason"), std::string("sold_out"));
        expectInvalid(returnLease(*d.client, "not-a-lease"));
        const auto unknownLease = returnLease(*d.client, randomUuid());
        QVERIFY(unknownLease && unknownLease->has_error());
        QCOMPARE(unknownLease->error().code(), v1::NOT_FOUND);
        // Uploads: empty, more than 500 sales.
        expectInvalid(upload(*d.client, {}));
        const auto lease = leaseOf(*d.client, {m_seats[57]});
        std::vector<v1::OfflineSale> flood(501, sale(lease, {m_seats[57]}, d.key));
        expectInvalid(upload(*d.client, flood));
        QCOMPARE(one(QStringLiteral("SELECT kind FROM seat_claims WHERE seat_id = %1").arg(quoted(m_seats[57]))),
                 QStringLiteral("leased"));
        // The server is still fine.
        QVERIFY(returnLease(*d.client, lease.id())->has_lease());
    }
    void exchangeCollectsAndRefundsTheDifference() {
        auto d = device("till-exchange");
        setFee(150);
        const auto order = cashSale(d, {m_seats[10]}, 2650);
        QCOMPARE(order.status(), v1::ORDER_CONFIRMED);
        QCOMPARE(order.total_minor(), 2650);
        QCOMPARE(order.tickets_size(), 1);
        const auto oldCode = order.tickets(0).code();

        // Dearer now (fee 6.50): the difference of 5.00 is collected in cash, 10.00 tendered.
        setFee(650);
        const auto dearer = exchange(d, order.id(), holdId(d, {m_seats[11]}), v1::PAYMENT_CASH, 1000);
        QVERIFY2(dearer && dearer->has_order(), (errorOf(dearer) + m_server.serverLog().toStdString()).c_str());
        const auto& moved = dearer->order();
        QCOMPARE(moved.id(), order.id());
        QCOMPARE(moved.lines_size(), 1);
        QCOMPARE(moved.lines(0).seat_id(), m_seats[11]);
        QCOMPARE(moved.lines(0).fee_minor(), 650);
        QCOMPARE(moved.total_minor(), 3150);
        QCOMPARE(moved.tax_minor(), 503); // round(3150 * 1900 / 11900)
        QCOMPARE(moved.tickets_size(), 2);
        QVERIFY(moved.tickets(0).voided() != moved.tickets(1).voided());
        for (const auto& ticket : moved.tickets()) {
            if (ticket.voided()) QCOMPARE(ticket.code(), oldCode);
            else {
                QCOMPARE(ticket.seat_id(), m_seats[11]);
                QVERIFY(ticket.code() != oldCode);
            }
        }
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_claims WHERE seat_id = %1").arg(quoted(m_seats[10]))),
                 QStringLiteral("0"));
        QCOMPARE(one(QStringLiteral("SELECT kind || ':' || order_id FROM seat_claims WHERE seat_id = %1")
                         .arg(quoted(m_seats[11]))),
                 QString::fromStdString("sold:" + order.id()));
        QCOMPARE(one(QStringLiteral("SELECT status || ':' || amount_minor || ':' || tendered_minor || ':' || "
                                    "change_due_minor FROM payment_operations WHERE order_id = %1 AND kind = "
                                    "'exchange_charge'")
                         .arg(quoted(order.id()))),
                 QStringLiteral("succeeded:500:1000:500"));

        // Cheaper now (no fee): 6.50 paid back in cash; a replay changes nothing.
        setFee(0);
        const auto key = m_event.newKey();
        const auto cheaperHold = holdId(d, {m_seats[12]});
        const auto cheaper = exchange(d, order.id(), cheaperHold, v1::PAYMENT_CASH, 0, key);
        QVERIFY2(cheaper && cheaper->has_order(), errorOf(cheaper).c_str());
        QCOMPARE(cheaper->order().total_minor(), 2500);
        QCOMPARE(cheaper->order().lines(0).seat_id(), m_seats[12]);
        QCOMPARE(one(QStringLiteral("SELECT status || ':' || amount_minor FROM payment_operations WHERE order_id = %1 "
                                    "AND kind = 'exchange_refund'")
                         .arg(quoted(order.id()))),
                 QStringLiteral("succeeded:650"));
        const auto before = footprint();
        const auto replay = exchange(d, order.id(), cheaperHold, v1::PAYMENT_CASH, 0, key);
        QVERIFY2(replay && replay->has_order(), errorOf(replay).c_str());
        QCOMPARE(replay->order().total_minor(), 2500);
        QCOMPARE(footprint(), before);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM payment_operations WHERE order_id = %1").arg(quoted(order.id()))),
                 QStringLiteral("4")); // authorize, capture, exchange_charge, exchange_refund
        QTRY_VERIFY_WITH_TIMEOUT(static_cast<seating::SeatStatus>(snapshot()[indexOf(m_seats[11])]) ==
                                     seating::SeatStatus::Available,
                                 15000);

        // Refusals change nothing: seat count, a lapsed hold, short cash.
        const auto two = holdId(d, {m_seats[13], m_seats[14]});
        const auto mismatch = exchange(d, order.id(), two, v1::PAYMENT_CASH, 0);
        QVERIFY(mismatch && mismatch->has_error());
        QCOMPARE(mismatch->error().details().at("reason"), std::string("count_mismatch"));
        v1::Envelope release;
        release.mutable_release_hold()->set_hold_id(two);
        QVERIFY(d.client->call(release)->has_ack());
        const auto gone = exchange(d, order.id(), two, v1::PAYMENT_CASH, 0);
        QVERIFY(gone && gone->has_error());
        QCOMPARE(gone->error().details().at("reason"), std::string("hold_expired"));
        setFee(650);
        const auto shortHold = holdId(d, {m_seats[15]});
        const auto shortCash = exchange(d, order.id(), shortHold, v1::PAYMENT_CASH, 100);
        QVERIFY(shortCash && shortCash->has_error());
        QCOMPARE(shortCash->error().details().at("reason"), std::string("insufficient_cash"));
        QCOMPARE(one(QStringLiteral("SELECT seat_id FROM order_lines WHERE order_id = %1").arg(quoted(order.id()))),
                 QString::fromStdString(m_seats[12]));
        release.mutable_release_hold()->set_hold_id(shortHold);
        QVERIFY(d.client->call(release)->has_ack());

        // The day at this till: the sale and the collected difference in, the difference paid back out.
        const auto report = dayReport(d, d.id);
        QVERIFY2(report && report->has_day_report(), errorOf(report).c_str());
        QCOMPARE(report->day_report().rows_size(), 1);
        const auto& row = report->day_report().rows(0);
        QCOMPARE(row.device_id(), d.id);
        QCOMPARE(row.staff_user_id(), m_staffId);
        QCOMPARE(row.totals_size(), 1);
        QCOMPARE(row.totals(0).method(), v1::PAYMENT_CASH);
        QCOMPARE(row.totals(0).sales(), 2U);
        QCOMPARE(row.totals(0).sales_minor(), 3150);
        QCOMPARE(row.totals(0).refunds(), 1U);
        QCOMPARE(row.totals(0).refunds_minor(), 650);
        QCOMPARE(row.tickets_sold(), 1U);
        QCOMPARE(row.cash_expected_minor(), 2500);
        QVERIFY(!row.cash_counted_recorded());
        setFee(150);
    }

    void dayReportWithExactFigures() {
        setFee(150);
        auto d = device("till-report", m_staff2Token);
        QVERIFY(registerKey(d, bytesOf(d.key.publicKey), "Box office 2")->has_device_certificate());
        const auto staff2 = one(QStringLiteral("SELECT id FROM users WHERE email = 'bo-staff2@example.org'")).toLongLong();
        // Online: two seats in cash (53.00, 60.00 tendered).
        const auto online = cashSale(d, {m_seats[16], m_seats[17]}, 6000);
        QCOMPARE(online.status(), v1::ORDER_CONFIRMED);
        QCOMPARE(online.total_minor(), 5300);
        // Offline: one seat from a lease (26.50).
        const auto lease = leaseOf(*d.client, {m_seats[18], m_seats[19]});
        QCOMPARE(lease.seats_size(), 2);
        const auto offline = upload(*d.client, {sale(lease, {m_seats[18]}, d.key)});
        QCOMPARE(offline->offline_sale_results().results(0).outcome(), v1::OFFLINE_SALE_CONFIRMED);
        QVERIFY(returnLease(*d.client, lease.id())->has_lease());
        // One line of the online order refunded at the counter (26.50 back in cash).
        v1::Envelope cancel;
        cancel.mutable_cancel_order()->set_idempotency_key(m_event.newKey());
        cancel.mutable_cancel_order()->set_order_id(online.id());
        cancel.mutable_cancel_order()->add_line_nos(1);
        const auto cancelled = d.client->call(cancel);
        QVERIFY2(cancelled && cancelled->has_order(), errorOf(cancelled).c_str());
        QTRY_COMPARE_WITH_TIMEOUT(one(QStringLiteral("SELECT count(*) FROM payment_operations WHERE order_id = %1 AND "
                                                     "kind = 'refund' AND status = 'succeeded'")
                                          .arg(quoted(online.id()))),
                                  QStringLiteral("1"), 20000);
        // The drawer holds 50.00: 3.00 short.
        v1::Envelope count;
        count.mutable_record_cash_count()->set_day(today().toStdString());
        count.mutable_record_cash_count()->set_time_zone("Europe/Berlin");
        count.mutable_record_cash_count()->set_counted_minor(4000);
        count.mutable_record_cash_count()->set_currency("EUR");
        QVERIFY(d.client->call(count)->has_ack());
        count.mutable_record_cash_count()->set_counted_minor(5000); // re-recording replaces it
        QVERIFY(d.client->call(count)->has_ack());

        const auto report = dayReport(d, d.id);
        QVERIFY2(report && report->has_day_report(), errorOf(report).c_str());
        const auto& r = report->day_report();
        QCOMPARE(r.currency(), std::string("EUR"));
        QCOMPARE(r.time_zone(), std::string("Europe/Berlin"));
        QCOMPARE(r.rows_size(), 1);
        const auto& row = r.rows(0);
        QCOMPARE(row.device_id(), d.id);
        QCOMPARE(row.device_name(), std::string("Box office 2"));
        QCOMPARE(row.staff_user_id(), staff2);
        QCOMPARE(row.staff_name(), std::string("bo-staff2@example.org"));
        QCOMPARE(row.totals_size(), 1);
        QCOMPARE(row.totals(0).method(), v1::PAYMENT_CASH);
        QCOMPARE(row.totals(0).sales(), 2U);
        QCOMPARE(row.totals(0).sales_minor(), 7950);
        QCOMPARE(row.totals(0).refunds(), 1U);
        QCOMPARE(row.totals(0).refunds_minor(), 2650);
        QCOMPARE(row.tickets_sold(), 3U);
        QCOMPARE(row.cash_expected_minor(), 5300);
        QVERIFY(row.cash_counted_recorded());
        QCOMPARE(row.cash_counted_minor(), 5000);
        QCOMPARE(row.cash_difference_minor(), -300);

        // Another day has nothing; a bad day or zone is refused.
        v1::Envelope other;
        other.mutable_get_day_report()->set_day("2001-01-01");
        other.mutable_get_day_report()->set_time_zone("Europe/Berlin");
        const auto empty = d.client->call(other);
        QVERIFY(empty && empty->has_day_report());
        QCOMPARE(empty->day_report().rows_size(), 0);
        other.mutable_get_day_report()->set_day("2026-02-30");
        QCOMPARE(d.client->call(other)->error().code(), v1::INVALID_ARGUMENT);
        other.mutable_get_day_report()->set_day("2026-02-03");
        other.mutable_get_day_report()->set_time_zone("Mars/Olympus");
        QCOMPARE(d.client->call(other)->error().code(), v1::INVALID_ARGUMENT);
        other.mutable_get_day_report()->set_time_zone("Europe/Berlin'; DROP TABLE orders; --");
        QCOMPARE(d.client->call(other)->error().code(), v1::INVALID_ARGUMENT);
    }

    // A till that lost an upload's answer sends it again at once, on a new connection, while the
    // first is still being stored: the second waits for the first (the lease's row lock) and
    // answers with the stored sale, never rejecting it as "sold by another sale".
    void aConcurrentReplayAnswersWithTheStoredSale() {
        auto d = device("till-race");
        QVERIFY(registerKey(d)->has_device_certificate());
        auto again = device("till-race");
        const auto leased = leaseByCategory(*d.client, 1);
        QVERIFY2(leased && leased->has_lease(), errorOf(leased).c_str());
        const auto& lease = leased->lease();
        const auto s = sale(lease, {lease.seats(0).seat_id()}, d.key);

        // Both uploads queue behind a transaction that holds the lease row.
        pqxx::connection blockerConn(m_server.databaseUrl().toStdString());
        pqxx::work blocker(blockerConn);
        blocker.exec_params("SELECT 1 FROM seat_leases WHERE id = $1::uuid FOR UPDATE", lease.id());
        v1::Envelope request;
        *request.mutable_upload_offline_sales()->add_sales() = s;
        request.set_request_id(d.client->nextId());
        QVERIFY(d.client->send(request));
        request.set_request_id(again.client->nextId());
        QVERIFY(again.client->send(request));
        const auto waiting = QStringLiteral(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        QTRY_VERIFY_WITH_TIMEOUT(one(waiting).toInt() >= 2, 30000);
        blocker.commit();

        std::vector<v1::OfflineSaleResult> results;
        for (WsClient* client : {d.client.get(), again.client.get()}) {
            std::optional<v1::Envelope> answer;
            while ((answer = client->read()) && !answer->has_offline_sale_results() && !answer->has_error()) {
            }
            QVERIFY2(answer && answer->has_offline_sale_results(), errorOf(answer).c_str());
            results.push_back(answer->offline_sale_results().results(0));
        }
        for (const auto& result : results) {
            QVERIFY2(result.outcome() == v1::OFFLINE_SALE_CONFIRMED, (result.reason() + " " + result.message()).c_str());
            QCOMPARE(result.order().id(), s.order_id());
        }
        QCOMPARE(int(results[0].replayed()) + int(results[1].replayed()), 1);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM orders WHERE id = %1").arg(quoted(s.order_id()))),
                 QStringLiteral("1"));
    }

    // Device revocation (RevokeDevice; docs/boxoffice.md "Device revocation"): a stolen till is
    // revoked by an organizer; its unsold leased seats go back on sale, everything it sends
    // afterwards is refused with device_revoked, its keys are republished as revoked, and at the
    // doors only the tickets of sales it uploaded before the revocation still admit.
    // Revoking a device ends its open connections on every instance (the revocation listener,
    // NOTIFY marquee_device_revoked) with 1008 "device revoked", lets nothing else through and
    // refuses its next connection; other devices of the same staff member stay connected.
    void revokingADeviceEndsItsConnectionsOnEveryInstance() {
        TestServer second;
        QString error;
        QVERIFY2(second.startSharing(m_event.server(), &error), qPrintable(error));
        auto till = device("till-lost");
        QVERIFY(registerKey(till)->has_device_certificate());
        WsClient onSecond; // the same till, connected to the other instance too
        QVERIFY(onSecond.connect(second.port(), m_staffToken));
        QVERIFY(onSecond.hello(1, "till-lost")->has_hello_ok());
        auto neighbour = device("till-kept");
        QVERIFY(neighbour.client);

        v1::Envelope revoke;
        revoke.mutable_revoke_device()->set_device_id("till-lost");
        revoke.mutable_revoke_device()->set_reason("Lost in transit");
        const auto revoked = m_event.open(m_adminToken, "admin-desk")->call(revoke);
        QVERIFY2(revoked && revoked->has_device_info(), errorOf(revoked).c_str());
        for (auto* client : {till.client.get(), &onSecond}) {
            QCOMPARE(client->readUntilClosed(), 1008);
            QCOMPARE(client->closeReason(), std::string("device revoked"));
        }
        v1::Envelope list;
        list.mutable_list_leases();
        const auto stillThere = neighbour.client->call(list);
        QVERIFY2(stillThere && stillThere->has_lease_list(), errorOf(stillThere).c_str());
        expectDeviceRefused("till-lost", m_staffToken);
        expectDeviceRefused("till-lost", m_adminToken, &second);
        second.stop();
    }

    void revokingADeviceReturnsItsLeasesAndRefusesItsKey() {
        auto till = device("till-stolen");
        QVERIFY(registerKey(till, bytesOf(till.key.publicKey), "North box office")->has_device_certificate());
        const auto leased = leaseByCategory(*till.client, 6);
        QVERIFY2(leased && leased->has_lease(), errorOf(leased).c_str());
        const auto lease = leased->lease();
        QCOMPARE(lease.seats_size(), 6);
        // Sold offline and uploaded before the theft: these tickets stay good.
        const auto uploaded = sale(lease, {lease.seats(0).seat_id(), lease.seats(1).seat_id()}, till.key);
        const auto confirmed = upload(*till.client, {uploaded});
        QVERIFY2(confirmed && confirmed->has_offline_sale_results(), errorOf(confirmed).c_str());
        QCOMPARE(confirmed->offline_sale_results().results(0).outcome(), v1::OFFLINE_SALE_CONFIRMED);
        // Sold offline but never uploaded, and a ticket the thief signs later, backdated.
        const auto pending = sale(lease, {lease.seats(2).seat_id()}, till.key);
        codes::TicketClaims forgedClaims{randomUuid(), m_event.eventId(), 1, 1'700'000'000'000, till.key.keyId};
        const auto forged = codes::signTicket(forgedClaims, till.key);

        // At a door before the revocation: a certified device's ticket whose sale is not
        // uploaded yet is admitted as sold offline (the device key is not taken for a server key).
        const auto door = m_event.open(m_staffToken, "door-revocation");
        const auto checkIn = [&](const std::string& code) {
            v1::Envelope request;
            request.mutable_check_in()->set_idempotency_key(m_event.newKey());
            request.mutable_check_in()->set_event_id(m_event.eventId());
            request.mutable_check_in()->set_ticket_code(code);
            request.mutable_check_in()->set_gate("Main door");
            return door->call(request);
        };
        codes::TicketClaims earlyClaims{randomUuid(), m_event.eventId(), 1, QDateTime::currentMSecsSinceEpoch(),
                                        till.key.keyId};
        const auto early = checkIn(codes::signTicket(earlyClaims, till.key));
        QVERIFY2(early && early->has_check_in_result(), errorOf(early).c_str());
        QCOMPARE(early->check_in_result().outcome(), v1::CHECK_IN_ADMITTED);
        QVERIFY(early->check_in_result().sold_offline());

        // Who may see and revoke devices: admins only (devices serve every organizer's events).
        v1::Envelope list;
        list.mutable_list_devices();
        QCOMPARE(till.client->call(list)->error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(m_event.open(m_attendeeToken)->call(list)->error().code(), v1::PERMISSION_DENIED);
        const auto admin = m_event.open(m_adminToken);
        const auto listed = admin->call(list);
        QVERIFY2(listed && listed->has_device_list(), errorOf(listed).c_str());
        const auto find = [](const v1::DeviceList& devices, const std::string& id) -> std::optional<v1::DeviceInfo> {
            for (const auto& d : devices.devices())
                if (d.device_id() == id) return d;
            return std::nullopt;
        };
        const auto before = find(listed->device_list(), "till-stolen");
        QVERIFY(before);
        QCOMPARE(before->device_name(), std::string("North box office"));
        QCOMPARE(before->key_id(), till.key.keyId);
        QCOMPARE(before->registered_by_user_id(), m_staffId);
        QVERIFY(before->valid_until_ms() > QDateTime::currentMSecsSinceEpoch() + 29LL * 24 * 3600 * 1000);
        QCOMPARE(before->leases(), 1u);
        QCOMPARE(before->active_leases(), 1u);
        QVERIFY(before->last_upload_ms() > 0);
        QVERIFY(before->last_seen_ms() >= before->last_upload_ms());
        QCOMPARE(before->revoked_at_ms(), 0);

        // Bad requests change nothing.
        const auto organizer = m_event.open(m_event.organizerToken());
        QCOMPARE(organizer->call(list)->error().code(), v1::PERMISSION_DENIED);
        const auto revoke = [&](WsClient& client, const std::string& deviceId, const std::string& reason) {
            v1::Envelope request;
            request.mutable_revoke_device()->set_device_id(deviceId);
            request.mutable_revoke_device()->set_reason(reason);
            return client.call(request);
        };
        const auto untouched = footprint();
        QCOMPARE(revoke(*organizer, "till-stolen", "Stolen")->error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(revoke(*admin, "till-stolen", "")->error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(revoke(*admin, "till-stolen", std::string(501, 'x'))->error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(revoke(*admin, "no-such-till", "Stolen")->error().code(), v1::NOT_FOUND);
        QCOMPARE(revoke(*till.client, "till-stolen", "Stolen")->error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(footprint(), untouched);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM device_revocations WHERE device_id = 'till-stolen'")), QStringLiteral("0"));

        // The revocation: 4 unsold seats back on sale, the lease closed.
        const auto revoked = revoke(*admin, "till-stolen", "Stolen from the North box office");
        QVERIFY2(revoked && revoked->has_device_info(), errorOf(revoked).c_str());
        QCOMPARE(revoked->device_info().seats_returned(), 4u);
        QVERIFY(revoked->device_info().revoked_at_ms() > 0);
        QCOMPARE(revoked->device_info().revocation_reason(), std::string("Stolen from the North box office"));
        QCOMPARE(revoked->device_info().active_leases(), 0u);
        QCOMPARE(one(QStringLiteral("SELECT status FROM seat_leases WHERE id = %1").arg(quoted(lease.id()))),
                 QStringLiteral("closed"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_claims WHERE lease_id = %1").arg(quoted(lease.id()))),
                 QStringLiteral("2")); // the two sold seats
        QCOMPARE(one(QStringLiteral("SELECT string_agg(state, ',' ORDER BY state) FROM seat_lease_seats WHERE "
                                    "lease_id = %1").arg(quoted(lease.id()))),
                 QStringLiteral("returned,returned,returned,returned,sold,sold"));
        const auto statusOf = [&](const std::string& seatId) {
            const auto map = snapshot();
            return map.size() == m_seats.size() ? static_cast<seating::SeatStatus>(map[indexOf(seatId)])
                                                : seating::SeatStatus::Blocked;
        };
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(lease.seats(2).seat_id()) == seating::SeatStatus::Available, 30000);
        QVERIFY(statusOf(lease.seats(0).seat_id()) == seating::SeatStatus::Sold);
        // A returned seat can be held by anyone again.
        const auto held = m_event.hold(*m_event.open(m_attendeeToken), {lease.seats(5).seat_id()});
        QVERIFY2(held && held->has_hold_result(), errorOf(held).c_str());

        // Every client learns it from the change log: the key republished with revoked_at_ms.
        v1::TicketKey published;
        const auto payload = QByteArray::fromHex(
            one(QStringLiteral("SELECT encode(payload, 'hex') FROM change_log WHERE aggregatetype = 'ticket_key' AND "
                               "aggregateid = %1 ORDER BY id DESC LIMIT 1")
                    .arg(quoted(till.key.keyId)))
                .toLatin1());
        QVERIFY(published.ParseFromArray(payload.constData(), int(payload.size())));
        QCOMPARE(published.revoked_at_ms(), revoked->device_info().revoked_at_ms());
        QCOMPARE(published.device_id(), std::string("till-stolen"));

        // The device's open connection is ended, and it is not let back in.
        QCOMPARE(till.client->readUntilClosed(), 1008);
        QCOMPARE(till.client->closeReason(), std::string("device revoked"));
        expectDeviceRefused("till-stolen", m_staffToken);
        // Its sales reach the server no other way: an admin uploading its lease is refused too.
        const auto beforeUpload = footprint();
        const auto adminDesk = m_event.open(m_adminToken, "admin-desk"); // admins may upload any lease
        const auto refusedUpload = upload(*adminDesk, {pending});
        QVERIFY2(refusedUpload && refusedUpload->has_offline_sale_results(), errorOf(refusedUpload).c_str());
        QCOMPARE(refusedUpload->offline_sale_results().results(0).outcome(), v1::OFFLINE_SALE_REJECTED);
        QCOMPARE(refusedUpload->offline_sale_results().results(0).reason(), std::string("device_revoked"));
        QCOMPARE(footprint(), beforeUpload);

        // At the doors (online): the uploaded sale's tickets admit; the unuploaded sale and the
        // backdated forgery do not.
        const auto admitted = checkIn(uploaded.tickets(0).code());
        QVERIFY2(admitted && admitted->has_check_in_result(), errorOf(admitted).c_str());
        QCOMPARE(admitted->check_in_result().outcome(), v1::CHECK_IN_ADMITTED);
        QVERIFY(!admitted->check_in_result().sold_offline());
        for (const auto& code : {pending.tickets(0).code(), forged}) {
            const auto refused = checkIn(code);
            QVERIFY2(refused && refused->has_check_in_result(), errorOf(refused).c_str());
            QCOMPARE(refused->check_in_result().outcome(), v1::CHECK_IN_INVALID);
            QVERIFY(refused->check_in_result().message().find("revoked") != std::string::npos);
        }
        // A copy of an uploaded ticket with another signature (same id, re-signed) is not the
        // confirmed code.
        codes::TicketClaims copyClaims;
        QVERIFY(codes::verifyTicket(uploaded.tickets(1).code(), [&](std::string_view) {
                    return std::optional<codes::PublicKey>(till.key.publicKey);
                }).verdict == codes::Verdict::Valid);
        copyClaims = codes::verifyTicket(uploaded.tickets(1).code(), [&](std::string_view) {
                         return std::optional<codes::PublicKey>(till.key.publicKey);
                     }).claims;
        copyClaims.issuedAtMs -= 1;
        QCOMPARE(checkIn(codes::signTicket(copyClaims, till.key))->check_in_result().outcome(), v1::CHECK_IN_INVALID);

        // Door devices get the catalog of confirmed codes with the check-in feed.
        v1::Envelope watch;
        watch.mutable_watch_check_ins()->set_event_id(m_event.eventId());
        const auto batch = door->call(watch);
        QVERIFY2(batch && batch->has_check_in_batch(), errorOf(batch).c_str());
        std::set<std::string> digests(batch->check_in_batch().confirmed_revoked_key_codes().begin(),
                                      batch->check_in_batch().confirmed_revoked_key_codes().end());
        const auto digestOf = [](const std::string& code) {
            std::string out(crypto_hash_sha256_BYTES, '\0');
            crypto_hash_sha256(reinterpret_cast<unsigned char*>(out.data()),
                               reinterpret_cast<const unsigned char*>(code.data()), code.size());
            return out;
        };
        QCOMPARE(digests, (std::set<std::string>{digestOf(uploaded.tickets(0).code()),
                                                 digestOf(uploaded.tickets(1).code())}));
        // Resuming after the revocation's cursor brings nothing again.
        watch.mutable_watch_check_ins()->set_after_cursor(batch->check_in_batch().cursor());
        QCOMPARE(door->call(watch)->check_in_batch().confirmed_revoked_key_codes_size(), 0);

        // Revoking again changes nothing; the list leaves revoked devices out unless asked.
        const auto again = revoke(*admin, "till-stolen", "Stolen again");
        QVERIFY2(again && again->has_device_info(), errorOf(again).c_str());
        QCOMPARE(again->device_info().seats_returned(), 0u);
        QCOMPARE(again->device_info().revocation_reason(), std::string("Stolen from the North box office"));
        QVERIFY(!find(admin->call(list)->device_list(), "till-stolen"));
        list.mutable_list_devices()->set_include_revoked(true);
        const auto withRevoked = find(admin->call(list)->device_list(), "till-stolen");
        QVERIFY(withRevoked);
        QCOMPARE(withRevoked->revoked_at_ms(), revoked->device_info().revoked_at_ms());
        QCOMPARE(withRevoked->revoked_by_user_id(),
                 one(QStringLiteral("SELECT id FROM users WHERE email = 'bo-admin@example.org'")).toLongLong());
    }
};

QTEST_GUILESS_MAIN(TestBoxOfficeNet)
#include "test_boxoffice_net.moc"
