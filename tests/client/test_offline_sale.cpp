// Offline selling on the device alone (no server): the real ClientSession, LocalStore and
// OfflineSaleService over a lease and a certified device key written to SQLite as the services
// would keep them. Refusals (no lease, a seat outside the lease, too little cash, no
// certificate), the one-transaction sale (order, outbox entry, seats sold here), tickets signed
// with the device key, never selling a seat twice, and applying upload results.
#include "boxoffice/devicekeyservice.h"
#include "boxoffice/leaseservice.h"
#include "boxoffice/offlinesaleservice.h"
#include "net/bookingcodec.h"
#include "net/changedecoder.h"
#include "services/clientsession.h"
#include "store/localstore.h"
#include "store/secretvault.h"

#include "marquee/core/tickets/ticket_code.hpp"
#include "marquee/v1/order.pb.h"
#include "marquee/v1/sync.pb.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <latch>
#include <memory>
#include <thread>

using namespace marquee;
using namespace marquee::client;

namespace {

const QString kEvent = QStringLiteral("0b5f3c2e-1111-4a4a-9c9c-000000000001");
const QString kOtherEvent = QStringLiteral("0b5f3c2e-1111-4a4a-9c9c-000000000002");
const QString kLease = QStringLiteral("9e1f0000-0000-4000-8000-000000000001");
constexpr qint64 kStaff = 42;
constexpr qint64 kNow = 1'790'000'000'000;

QByteArray lineBytes(const QString& seatId, const QString& label, qint64 price, qint64 fee)
{
    v1::OrderLine line;
    line.set_seat_id(seatId.toStdString());
    line.set_label(label.toStdString());
    line.set_price_category_id("pc1");
    line.set_price_category_name("Category 1");
    line.set_price_minor(price);
    line.set_fee_minor(fee);
    line.set_tax_minor((price + fee) * 19 / 119);
    line.set_total_minor(price + fee);
    const std::string bytes = line.SerializeAsString();
    return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

// A lease of seats s10..s15 (indices 10..15) at 25.00 + 1.50 fee, as LeaseService stores it.
LeaseInfo demoLease(const QString& deviceId)
{
    LeaseInfo lease;
    lease.id = kLease;
    lease.eventId = kEvent;
    lease.deviceId = deviceId;
    lease.staffUserId = kStaff;
    lease.status = LeaseStatus::Active;
    lease.currency = QStringLiteral("EUR");
    lease.createdAtMs = kNow - 3'600'000;
    lease.expiresAtMs = kNow + 86'400'000;
    lease.eventTitle = QStringLiteral("Die Zauberflöte");
    lease.eventStartsAtMs = kNow + 7'200'000;
    lease.eventTimeZone = QStringLiteral("Europe/Berlin");
    lease.venueName = QStringLiteral("Theater des Westens");
    for (std::uint32_t i = 10; i <= 15; ++i) {
        LeasedSeatInfo seat;
        seat.seatId = QStringLiteral("s%1").arg(i);
        seat.label = QStringLiteral("Stalls · Row B · %1").arg(i);
        seat.seatIndex = i;
        seat.priceCategoryId = QStringLiteral("pc1");
        seat.totalMinor = 2650;
        seat.line = lineBytes(seat.seatId, seat.label, 2500, 150);
        seat.state = LeasedSeatState::Available;
        lease.seats.append(seat);
    }
    return lease;
}

} // namespace

class TestOfflineSale : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ClientSession> m_session;
    core::tickets::KeyPair m_serverKey;

    LocalStore* store() const { return m_session->store(); }
    OfflineSaleService* sales() const { return m_session->offlineSales(); }

    // The device key as DeviceKeyService keeps it after RegisterDevice answered.
    void certifyDeviceKey(qint64 validUntilMs)
    {
        DeviceKeyInfo key = m_session->deviceKeys()->key();
        QVERIFY(key.isValid());
        core::tickets::DeviceCertificateClaims claims;
        claims.deviceId = m_session->leases()->deviceId().toStdString();
        std::copy_n(reinterpret_cast<const std::uint8_t*>(key.publicKey.constData()), 32, claims.devicePublicKey.begin());
        claims.validUntilMs = validUntilMs;
        const auto cert = core::tickets::signDeviceCertificate(claims, m_serverKey);
        key.certificate = QByteArray(reinterpret_cast<const char*>(cert.data()), static_cast<qsizetype>(cert.size()));
        key.certifiedByKeyId = QString::fromStdString(m_serverKey.keyId);
        key.issuedAtMs = kNow - 1000;
        key.validUntilMs = validUntilMs;
        QVERIFY(store()->saveDeviceKey(key));
    }

    int outboxCount() const
    {
        return static_cast<int>(store()->outbox(std::nullopt, QLatin1String(LocalStore::kOfflineSaleOutboxKind)).size());
    }

    OfflineSaleRequest cashSale(const QStringList& seats, qint64 tendered) const
    {
        OfflineSaleRequest r;
        r.eventId = kEvent;
        r.seatIds = seats;
        r.method = PaymentMethod::Cash;
        r.tenderedMinor = tendered;
        r.buyerName = QStringLiteral("Walk-up Buyer");
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
        {
            // A staff member signed in on this device earlier (the session outlives the network).
            LocalStore seed(LocalStore::defaultPath(m_dir.path()));
            QVERIFY(seed.open());
            QVERIFY(seed.saveSession(SessionInfo{QStringLiteral("token"), kStaff, core::Role::Staff,
                                                 QStringLiteral("clerk@example.org"), kNow + 86'400'000}));
        }
        ClientSession::Options options;
        options.dataDir = m_dir.path();
        options.serverUrl = QUrl(QStringLiteral("ws://127.0.0.1:9/v1/ws")); // never started: offline
        m_session = std::make_unique<ClientSession>(options);
        QString error;
        QVERIFY2(m_session->open(&error), qPrintable(error));
        m_session->deviceKeys()->setClock([] { return kNow; });
        sales()->setClock([] { return kNow; });
        m_session->leases()->setClock([] { return kNow; });
        m_serverKey = core::tickets::generateKeyPair();
    }

    void noLeaseIsRefusedWithTheReason()
    {
        certifyDeviceKey(kNow + 30LL * 86'400'000);
        QCOMPARE(sales()->refusal(kEvent, QStringLiteral("s10")), QStringLiteral("This device has no lease for this event."));
        const OfflineSaleOutcome outcome = sales()->sell(cashSale({QStringLiteral("s10")}, 5000));
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error, QStringLiteral("This device has no lease for this event."));
        QCOMPARE(outboxCount(), 0);
    }

    void seatOutsideTheLeaseIsRefused()
    {
        QVERIFY(store()->saveLease(demoLease(m_session->leases()->deviceId())));
        QCOMPARE(m_session->leases()->availableSeats(kEvent), 6);
        QCOMPARE(sales()->refusal(kEvent, QStringLiteral("B12")), QStringLiteral("Seat B12 is not in this device's lease."));
        const OfflineSaleOutcome outcome = sales()->sell(cashSale({QStringLiteral("s10"), QStringLiteral("B12")}, 10'000));
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error, QStringLiteral("Seat B12 is not in this device's lease."));
        QCOMPARE(sales()->refusal(kOtherEvent, QStringLiteral("s10")), QStringLiteral("This device has no lease for this event."));
        QCOMPARE(outboxCount(), 0);
        QCOMPARE(m_session->leases()->availableSeats(kEvent), 6); // nothing taken
    }

    void tooLittleCashSellsNothing()
    {
        const OfflineSaleOutcome outcome = sales()->sell(cashSale({QStringLiteral("s10"), QStringLiteral("s11")}, 5000));
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.startsWith(QStringLiteral("Not enough cash: €50.00 tendered, €53.00 due")), qPrintable(outcome.error));
        QCOMPARE(outboxCount(), 0);
        QCOMPARE(m_session->leases()->availableSeats(kEvent), 6);
    }

    void cashSaleIsOneTransactionWithSignedTickets()
    {
        const OfflineSaleOutcome outcome = sales()->sell(cashSale({}, 10'000)); // count-based below
        QVERIFY(!outcome.ok); // neither seats nor a count

        OfflineSaleRequest request = cashSale({}, 10'000);
        request.count = 3;
        QCOMPARE(sales()->pickSeats(kEvent, 3), (QStringList{QStringLiteral("s10"), QStringLiteral("s11"), QStringLiteral("s12")}));
        const OfflineSaleOutcome sold = sales()->sell(request);
        QVERIFY2(sold.ok, qPrintable(sold.error));
        QVERIFY(sold.sale.orderCode.startsWith(QStringLiteral("MQ-O")));
        QCOMPARE(sold.sale.orderCode.size(), 10);
        QCOMPARE(sold.order.totalMinor, 3 * 2650);
        QCOMPARE(sold.order.payment.tenderedMinor, 10'000);
        QCOMPARE(sold.order.payment.changeDueMinor, 10'000 - 3 * 2650);
        QCOMPARE(sold.order.lines.size(), 3);
        QCOMPARE(sold.order.lines.at(2).lineNo, 3u);
        QCOMPARE(sold.order.tickets.size(), 3);
        QCOMPARE(sold.order.eventTitle, QStringLiteral("Die Zauberflöte"));

        // Every ticket verifies with the device's certified key, and only with it.
        const DeviceKeyInfo key = m_session->deviceKeys()->key();
        core::tickets::PublicKey devicePublic{};
        std::copy_n(reinterpret_cast<const std::uint8_t*>(key.publicKey.constData()), 32, devicePublic.begin());
        for (const TicketInfo& t : sold.order.tickets) {
            const auto v = core::tickets::verifyTicket(t.code.toStdString(), [&](std::string_view id) -> std::optional<core::tickets::PublicKey> {
                if (id == key.keyId.toStdString())
                    return devicePublic;
                return std::nullopt;
            });
            QCOMPARE(v.verdict, core::tickets::Verdict::Valid);
            QCOMPARE(QString::fromStdString(v.claims.ticketId), t.id);
            QCOMPARE(QString::fromStdString(v.claims.eventId), kEvent);
        }

        // Written together: the sale, its outbox entry (the upload) and the seats sold here.
        QCOMPARE(outboxCount(), 1);
        const OutboxEntry entry = store()->outbox(std::nullopt, QLatin1String(LocalStore::kOfflineSaleOutboxKind)).first();
        QCOMPARE(entry.key, sold.sale.idempotencyKey);
        QCOMPARE(entry.entityId, sold.sale.orderId);
        QVERIFY(QUuid::fromString(entry.key).version() == QUuid::Random);
        const auto pending = store()->offlineSales(OfflineSaleStatus::Pending);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().orderCode, sold.sale.orderCode);
        QCOMPARE(m_session->leases()->availableSeats(kEvent), 3);
        QCOMPARE(sales()->pendingCount(), 1);
        QCOMPARE(store()->pragma(QStringLiteral("synchronous")), QStringLiteral("2")); // FULL
    }

    void aSeatIsNeverSoldTwice()
    {
        const OfflineSaleOutcome again = sales()->sell(cashSale({QStringLiteral("s11")}, 5000));
        QVERIFY(!again.ok);
        QCOMPARE(again.error, QStringLiteral("Seat Stalls · Row B · 11 was already sold from this device's lease."));
        // Straight at the store too (as a second window racing the first would): nothing written.
        OfflineSaleWrite write;
        write.sale.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        write.sale.orderId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        write.sale.orderCode = OfflineSaleService::newOfflineOrderCode();
        write.sale.leaseId = kLease;
        write.sale.eventId = kEvent;
        write.seatIds = {QStringLiteral("s13"), QStringLiteral("s12")}; // s13 free, s12 sold
        write.uploadPayload = "x";
        QString refused;
        QVERIFY(!store()->recordOfflineSale(write, &refused));
        QCOMPARE(refused, QStringLiteral("s12"));
        QCOMPARE(outboxCount(), 1);
        QCOMPARE(m_session->leases()->availableSeats(kEvent), 3); // s13 stayed available
    }

    void serverViewKeepsUnconfirmedSalesAndResultsApply()
    {
        // The server's lease still says Available for the seats sold here (it has not seen the
        // sale): they stay sold on this device.
        QVERIFY(store()->saveLease(demoLease(m_session->leases()->deviceId())));
        QCOMPARE(m_session->leases()->availableSeats(kEvent), 3);

        const OfflineSaleInfo sale = store()->offlineSales(OfflineSaleStatus::Pending).first();
        OfflineSaleResultInfo confirmed;
        confirmed.idempotencyKey = sale.idempotencyKey;
        confirmed.confirmed = true;
        confirmed.order = decodeOrderPayload(sale.orderPayload).value();
        confirmed.order.status = OrderStatus::Confirmed;
        QVERIFY(store()->applyOfflineSaleResults({confirmed}));
        QCOMPARE(outboxCount(), 0);
        QCOMPARE(store()->offlineSale(sale.orderId)->status, OfflineSaleStatus::Confirmed);
        const LeaseInfo lease = *store()->lease(kLease);
        QCOMPARE(lease.countIn(LeasedSeatState::Sold), 3);
        QCOMPARE(lease.countIn(LeasedSeatState::Available), 3);
        QVERIFY(store()->orderPayload(kStaff, sale.orderId).has_value());

        // A rejected sale leaves the outbox and stays listed for staff with the reason.
        OfflineSaleRequest request = cashSale({QStringLiteral("s15")}, 3000);
        const OfflineSaleOutcome sold = sales()->sell(request);
        QVERIFY2(sold.ok, qPrintable(sold.error));
        OfflineSaleResultInfo rejected;
        rejected.idempotencyKey = sold.sale.idempotencyKey;
        rejected.reason = QStringLiteral("seat_not_available.s15");
        QVERIFY(store()->applyOfflineSaleResults({rejected}));
        QCOMPARE(outboxCount(), 0);
        const auto flagged = sales()->rejectedSales();
        QCOMPARE(flagged.size(), 1);
        QCOMPARE(flagged.first().reason, QStringLiteral("seat_not_available.s15"));
    }

    void anExpiredCertificateStopsOfflineSales()
    {
        certifyDeviceKey(kNow - 1);
        const OfflineSaleOutcome outcome = sales()->sell(cashSale({QStringLiteral("s13")}, 3000));
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.contains(QStringLiteral("not certified")), qPrintable(outcome.error));
        QCOMPARE(outboxCount(), 0);
        certifyDeviceKey(kNow + 86'400'000);
    }

    void cardTerminalNeedsItsReference()
    {
        OfflineSaleRequest request = cashSale({QStringLiteral("s13")}, 0);
        request.method = PaymentMethod::CardTerminal;
        QCOMPARE(sales()->sell(request).error, QStringLiteral("Enter the card terminal's authorisation reference."));
        request.terminalReference = QStringLiteral("AUTH-0042");
        const OfflineSaleOutcome sold = sales()->sell(request);
        QVERIFY2(sold.ok, qPrintable(sold.error));
        v1::Order order;
        QVERIFY(order.ParseFromArray(sold.order.encoded.constData(), static_cast<int>(sold.order.encoded.size())));
        QCOMPARE(order.payment().provider_reference(), "AUTH-0042");
        QCOMPARE(order.payment().change_due_minor(), 0);
    }

    // The server refuses the whole upload for these, after the tickets were printed: sell()
    // refuses first and writes nothing.
    void badBuyerDataIsRefusedBeforeSelling()
    {
        const int available = m_session->leases()->availableSeats(kEvent);
        QCOMPARE(available, 1); // s14
        const int queued = outboxCount();
        OfflineSaleRequest request = cashSale({QStringLiteral("s14")}, 3000);
        request.buyerEmail = QStringLiteral("walk-up at example.org");
        QCOMPARE(sales()->sell(request).error,
                 QStringLiteral("The buyer's e-mail address \"walk-up at example.org\" is not valid: correct it or leave it empty."));
        request.buyerEmail = QStringLiteral(" walk-up@example.org ");
        request.buyerName = QString(101, QChar(0x00FC)); // "ü" x 101: 202 bytes of UTF-8
        QCOMPARE(sales()->sell(request).error,
                 QStringLiteral("The buyer's name is too long (at most 200 bytes; accented letters take two)."));
        request.buyerName = QString(100, QChar(0x00FC)); // 200 bytes: fine
        request.method = PaymentMethod::CardTerminal;
        request.terminalReference = QString(256, QLatin1Char('7'));
        QCOMPARE(sales()->sell(request).error,
                 QStringLiteral("The card terminal's reference is too long (at most 255 bytes; accented letters take two)."));
        QCOMPARE(outboxCount(), queued);
        QCOMPARE(m_session->leases()->availableSeats(kEvent), available);
        QCOMPARE(store()->offlineSales(OfflineSaleStatus::Pending).size(), 1); // s13's, from before
    }

    // ReturnLease always names its seats: only those Available here, marked Returning while the
    // request is in flight; never a seat of a sale the server rejected (its signed ticket exists).
    void aReturnNamesItsSeatsAndNeverARejectedSale()
    {
        // The server's view: s10..s12 sold (confirmed), s13 (pending here) and s15 (rejected
        // here) still AVAILABLE there, s14 available.
        LeaseInfo serverView = demoLease(m_session->leases()->deviceId());
        for (int i = 0; i < 3; ++i)
            serverView.seats[i].state = LeasedSeatState::Sold;
        QVERIFY(store()->saveLease(serverView));
        LeaseInfo lease = *store()->lease(kLease);
        QCOMPARE(lease.countIn(LeasedSeatState::SoldOffline), 2); // s13 pending, s15 rejected: kept
        QCOMPARE(lease.countIn(LeasedSeatState::Available), 1);

        QCOMPARE(store()->markSeatsReturning(kLease), QStringList{QStringLiteral("s14")});
        const OfflineSaleOutcome during = sales()->sell(cashSale({QStringLiteral("s14")}, 3000));
        QVERIFY(!during.ok);
        QCOMPARE(during.error, QStringLiteral("Seat Stalls · Row B · 14 is being returned to general sale and cannot be sold offline."));
        QVERIFY(store()->saveLease(serverView)); // a refresh meanwhile keeps it Returning
        QCOMPARE(store()->lease(kLease)->countIn(LeasedSeatState::Returning), 1);
        QVERIFY(store()->finishSeatsReturning(kLease, {QStringLiteral("s14")}, false)); // the request failed
        QCOMPARE(m_session->leases()->availableSeats(kEvent), 1);

        // Offline, LeaseService refuses the return at once and leaves every seat as it was.
        QSignalSpy finished(m_session->leases(), &LeaseService::returnFinished);
        QVERIFY(!m_session->leases()->returnLease(kLease));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toBool(), false);
        lease = *store()->lease(kLease);
        QCOMPARE(lease.countIn(LeasedSeatState::Available), 1);
        QCOMPARE(lease.countIn(LeasedSeatState::Returning), 0);

        QCOMPARE(store()->markSeatsReturning(kLease), QStringList{QStringLiteral("s14")});
        QVERIFY(store()->finishSeatsReturning(kLease, {QStringLiteral("s14")}, true));
        lease = *store()->lease(kLease);
        QCOMPARE(lease.countIn(LeasedSeatState::Returned), 1);
        QCOMPARE(lease.countIn(LeasedSeatState::SoldOffline), 2);
        QVERIFY(store()->markSeatsReturning(kLease).isEmpty()); // nothing left to give back
        QCOMPARE(store()->lease(kLease)->countIn(LeasedSeatState::SoldOffline), 2);
    }

    void anExpiredLeaseSellsNothing()
    {
        LeaseInfo fresh = demoLease(m_session->leases()->deviceId());
        fresh.id = QStringLiteral("9e1f0000-0000-4000-8000-000000000002");
        fresh.eventId = kOtherEvent;
        fresh.expiresAtMs = kNow + 60'000;
        QVERIFY(store()->saveLease(fresh));
        QCOMPARE(m_session->leases()->availableSeats(kOtherEvent), 6);

        const qint64 later = kNow + 120'000;
        m_session->leases()->setClock([later] { return later; });
        sales()->setClock([later] { return later; });
        m_session->deviceKeys()->setClock([later] { return later; });
        QVERIFY(m_session->leases()->activeLeases(kOtherEvent).isEmpty());
        OfflineSaleRequest request = cashSale({QStringLiteral("s10")}, 3000);
        request.eventId = kOtherEvent;
        const OfflineSaleOutcome outcome = sales()->sell(request);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.startsWith(QStringLiteral("This device's lease for this event expired on ")), qPrintable(outcome.error));
        QVERIFY(sales()->refusal(kOtherEvent, QStringLiteral("s10")).startsWith(QStringLiteral("This device's lease for this event expired")));

        // The store itself refuses a seat of an expired lease (a window that read the lease earlier).
        OfflineSaleWrite write;
        write.sale.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        write.sale.orderId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        write.sale.orderCode = OfflineSaleService::newOfflineOrderCode();
        write.sale.leaseId = fresh.id;
        write.sale.eventId = kOtherEvent;
        write.sale.soldAtMs = later;
        write.seatIds = {QStringLiteral("s10")};
        write.uploadPayload = "x";
        const int before = outboxCount();
        QString refused;
        QVERIFY(!store()->recordOfflineSale(write, &refused));
        QCOMPARE(refused, QStringLiteral("s10"));
        QCOMPARE(outboxCount(), before);
        write.sale.soldAtMs = kNow; // before it expired: taken
        QVERIFY(store()->recordOfflineSale(write, &refused));

        m_session->leases()->setClock([] { return kNow; });
        sales()->setClock([] { return kNow; });
        m_session->deviceKeys()->setClock([] { return kNow; });
    }

    // RegisterDevice's answer is kept only when it verifies with the server's cached ticket key.
    void aCertificateIsVerifiedBeforeItIsKept()
    {
        DeviceKeyService* keys = m_session->deviceKeys();
        DeviceKeyInfo key = keys->key();
        QVERIFY(key.isCertified()); // signed by m_serverKey in certifyDeviceKey
        QVERIFY2(keys->certificateProblem(key).contains(QStringLiteral("is not known here")), qPrintable(keys->certificateProblem(key)));

        // The server's ticket key arrives with a sync batch (as the change log brings it).
        v1::ChangeBatch batch;
        batch.set_from_cursor(0);
        batch.set_next_cursor(1);
        batch.set_head(1);
        v1::TicketKey serverKey;
        serverKey.set_key_id(m_serverKey.keyId);
        serverKey.set_public_key(std::string(reinterpret_cast<const char*>(m_serverKey.publicKey.data()), m_serverKey.publicKey.size()));
        serverKey.set_valid_from_ms(kNow - 86'400'000);
        auto* change = batch.add_changes();
        change->set_seq(1);
        change->set_aggregate_type("ticket_key");
        change->set_aggregate_id(m_serverKey.keyId);
        change->set_op(v1::CHANGE_OP_UPSERT);
        change->set_payload(serverKey.SerializeAsString());
        const BatchResult applied = store()->applyBatch(decodeChangeBatch(batch), kStaff);
        QVERIFY2(applied.error.isEmpty(), qPrintable(applied.error));
        QCOMPARE(keys->certificateProblem(key), QString());

        // Tampered: another validity, another device's key, or signed by another server key.
        DeviceKeyInfo longer = key;
        longer.validUntilMs += 86'400'000;
        QCOMPARE(keys->certificateProblem(longer), QStringLiteral("The server's certificate for this device does not verify: offline sales stay off."));
        DeviceKeyInfo otherDevice = key;
        const core::tickets::KeyPair stranger = core::tickets::generateKeyPair();
        otherDevice.publicKey = QByteArray(reinterpret_cast<const char*>(stranger.publicKey.data()), 32);
        QVERIFY(!keys->certificateProblem(otherDevice).isEmpty());
        DeviceKeyInfo shortCert = key;
        shortCert.certificate.chop(1);
        QCOMPARE(keys->certificateProblem(shortCert), QStringLiteral("The server sent a malformed certificate for this device."));
    }

    // Stores that make the vault's key file at the same moment (two windows of one client, a
    // kiosk and its staff tool on one data folder) all end up with the one key that was
    // published first: each seal opens with a vault made afterwards, none fails, the file is
    // whole and owner-only, and no temporary file is left (review finding: NewOnly raced).
    void vaultKeyFileRaceHasOneWinner()
    {
        constexpr int kRounds = 40;
        constexpr int kStores = 6;
        for (int round = 0; round < kRounds; ++round) {
            QTemporaryDir dir;
            const QString keyFile = dir.filePath(QStringLiteral("race.key"));
            std::vector<QByteArray> sealed(kStores);
            std::vector<QString> errors(kStores);
            std::latch start(kStores);
            std::vector<std::thread> stores;
            for (int i = 0; i < kStores; ++i)
                stores.emplace_back([&, i] {
                    SecretVault vault(keyFile);
                    start.arrive_and_wait();
                    sealed[static_cast<std::size_t>(i)] = vault.seal(QByteArray(64, static_cast<char>('a' + i)));
                    errors[static_cast<std::size_t>(i)] = vault.lastError();
                });
            for (auto& store : stores)
                store.join();
            SecretVault after(keyFile);
            for (int i = 0; i < kStores; ++i) {
                const auto& seal = sealed[static_cast<std::size_t>(i)];
                QVERIFY2(SecretVault::isSealed(seal), qPrintable(errors[static_cast<std::size_t>(i)]));
                QCOMPARE(after.open(seal).value_or(QByteArray()), QByteArray(64, static_cast<char>('a' + i)));
            }
            QCOMPARE(QFileInfo(keyFile).size(), 32);
            QCOMPARE(QFileInfo(keyFile).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("race.key")});
        }
    }

    // The device's secret key is sealed in SQLite (SecretVault) under a key in its own 0600
    // file: the database file alone does not give it away; an old plaintext row is sealed on
    // first read; a damaged seal gives no key rather than a wrong one.
    void theDeviceSecretIsSealedAtRest()
    {
        const DeviceKeyInfo key = m_session->deviceKeys()->key();
        QCOMPARE(key.secretKey.size(), 64);
        QSqlQuery q(store()->database());
        QVERIFY(q.exec(QStringLiteral("SELECT secret_key FROM device_keys WHERE key_id = '%1'").arg(key.keyId)) && q.next());
        const QByteArray atRest = q.value(0).toByteArray();
        QVERIFY(SecretVault::isSealed(atRest));
        QVERIFY(!atRest.contains(key.secretKey.left(32)));
        const QFileInfo keyFile(SecretVault::forDatabase(store()->path()).keyFile());
        QVERIFY(keyFile.exists());
        QCOMPARE(keyFile.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                          | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        // Under another key file (the database copied without it) the seal does not open.
        QTemporaryDir elsewhere;
        SecretVault stranger(elsewhere.filePath(QStringLiteral("other.key")));
        QVERIFY(!stranger.open(atRest));
        QCOMPARE(SecretVault::forDatabase(store()->path()).open(atRest).value_or(QByteArray()), key.secretKey);
        // A tampered seal opens to nothing.
        QByteArray tampered = atRest;
        tampered[tampered.size() - 1] = static_cast<char>(tampered.at(tampered.size() - 1) ^ 1);
        QVERIFY(!SecretVault::forDatabase(store()->path()).open(tampered));
        // A secret stored in the clear by an older version is sealed when it is first read.
        QSqlQuery legacy(store()->database());
        legacy.prepare(QStringLiteral("UPDATE device_keys SET secret_key = ? WHERE key_id = ?"));
        legacy.addBindValue(key.secretKey);
        legacy.addBindValue(key.keyId);
        QVERIFY(legacy.exec());
        QCOMPARE(store()->deviceKey()->secretKey, key.secretKey);
        QVERIFY(q.exec(QStringLiteral("SELECT secret_key FROM device_keys WHERE key_id = '%1'").arg(key.keyId)) && q.next());
        QVERIFY(SecretVault::isSealed(q.value(0).toByteArray()));
        QVERIFY(m_session->deviceKeys()->signingKey().has_value() == m_session->deviceKeys()->key().isCertified());
    }
};

QTEST_GUILESS_MAIN(TestOfflineSale)
#include "test_offline_sale.moc"
