// Booking cache: change-log rows "order", "waitlist_entry" and "ticket_key" decoded from real
// ChangeBatch protobufs and applied to SQLite (upserts, tombstones, per-user scope, logout,
// reset), the CreateOrder requests kept until answered, and the upgrade from the schema before.
#include "net/bookingcodec.h"
#include "net/changedecoder.h"
#include "store/localstore.h"

#include "marquee/v1/order.pb.h"
#include "marquee/v1/sync.pb.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace marquee;
using namespace marquee::client;

namespace {

constexpr qint64 kUser = 42;

v1::Order makeOrder(const std::string& id, v1::OrderStatus status, std::int64_t createdAtMs)
{
    v1::Order o;
    o.set_id(id);
    o.set_code("MQ-" + id.substr(0, 6));
    o.set_event_id("e1");
    o.set_user_id(kUser);
    o.set_status(status);
    o.set_currency("EUR");
    auto* line = o.add_lines();
    line->set_line_no(1);
    line->set_seat_id("s-1");
    line->set_label("Stalls · Row B · 12");
    line->set_price_category_name("Premium");
    line->set_price_minor(4500);
    line->set_fee_minor(150);
    line->set_tax_minor(742);
    line->set_total_minor(4650);
    o.set_subtotal_minor(4500);
    o.set_fees_minor(150);
    o.set_tax_minor(742);
    o.set_total_minor(4650);
    o.mutable_payment()->set_method(v1::PAYMENT_CARD_ONLINE);
    o.mutable_payment()->set_status(v1::PAYMENT_CAPTURED);
    o.mutable_payment()->set_card_last4("4242");
    auto* ticket = o.add_tickets();
    ticket->set_id("t-" + id);
    ticket->set_order_id(id);
    ticket->set_label("Stalls · Row B · 12");
    ticket->set_code("MQT1.signed-code");
    o.set_created_at_ms(createdAtMs);
    o.set_updated_at_ms(createdAtMs + 10);
    o.set_event_title("Hamlet");
    o.set_venue_name("Theater des Westens");
    o.set_attendee_cancel_until_ms(createdAtMs + 86'400'000);
    return o;
}

void addChange(v1::ChangeBatch& batch, std::uint64_t seq, const std::string& type, const std::string& id,
               const google::protobuf::MessageLite* payload)
{
    auto* c = batch.add_changes();
    c->set_seq(seq);
    c->set_aggregate_type(type);
    c->set_aggregate_id(id);
    c->set_op(payload ? v1::CHANGE_OP_UPSERT : v1::CHANGE_OP_DELETE);
    if (payload)
        c->set_payload(payload->SerializeAsString());
}

v1::ChangeBatch batchFrom(std::uint64_t from, std::uint64_t next)
{
    v1::ChangeBatch b;
    b.set_from_cursor(from);
    b.set_next_cursor(next);
    b.set_head(next);
    return b;
}

} // namespace

class TestBookingStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void ordersWaitlistAndKeysApply()
    {
        LocalStore store(m_dir.filePath(QStringLiteral("apply.sqlite")));
        QVERIFY(store.open());
        v1::ChangeBatch batch = batchFrom(0, 4);
        const v1::Order older = makeOrder("0000-older", v1::ORDER_CONFIRMED, 1'000);
        const v1::Order newer = makeOrder("0000-newer", v1::ORDER_PENDING, 2'000);
        addChange(batch, 1, "order", older.id(), &older);
        addChange(batch, 2, "order", newer.id(), &newer);
        v1::WaitlistEntry entry;
        entry.set_id("w1");
        entry.set_event_id("e1");
        entry.set_seats(2);
        entry.set_status(v1::WAITLIST_WAITING);
        entry.set_position(3);
        addChange(batch, 3, "waitlist_entry", "w1", &entry);
        v1::TicketKey key;
        key.set_key_id("k1");
        key.set_public_key(std::string(32, '\x07'));
        key.set_valid_from_ms(500);
        addChange(batch, 4, "ticket_key", "k1", &key);

        const BatchResult result = store.applyBatch(decodeChangeBatch(batch), kUser);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.ordersChanged && result.waitlistChanged && result.ticketKeysChanged);
        QCOMPARE(result.appliedRows, 4);

        const QList<QByteArray> payloads = store.orderPayloads(kUser);
        QCOMPARE(payloads.size(), 2);
        const auto first = decodeOrderPayload(payloads.at(0));
        QVERIFY(first);
        QCOMPARE(first->id, QStringLiteral("0000-newer")); // newest first
        QCOMPARE(first->status, OrderStatus::Pending);
        const auto confirmed = decodeOrderPayload(*store.orderPayload(kUser, QStringLiteral("0000-older")));
        QVERIFY(confirmed);
        QCOMPARE(confirmed->status, OrderStatus::Confirmed);
        QCOMPARE(confirmed->lines.size(), 1);
        QCOMPARE(confirmed->lines.first().label, QStringLiteral("Stalls · Row B · 12"));
        QCOMPARE(confirmed->totalMinor, 4650);
        QCOMPARE(confirmed->payment.cardLast4, QStringLiteral("4242"));
        QCOMPARE(confirmed->tickets.size(), 1);
        QCOMPARE(confirmed->tickets.first().code, QStringLiteral("MQT1.signed-code"));
        QCOMPARE(confirmed->attendeeCancelUntilMs, 86'401'000);

        const auto entries = store.waitlistPayloads(kUser);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(decodeWaitlistEntryPayload(entries.first())->position, 3U);
        const QList<TicketKeyInfo> keys = store.ticketKeys();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys.first().publicKey, QByteArray(32, '\x07'));
        QCOMPARE(store.ticketKey(QStringLiteral("k1"))->validFromMs, 500);
        QVERIFY(!store.ticketKey(QStringLiteral("unknown")));
        QCOMPARE(decodeOrderPayload(payloads.at(0))->encoded, payloads.at(0)); // for the ticket widgets

        // Another user sees none of them; a later state replaces the row; tombstones delete.
        QVERIFY(store.orderPayloads(kUser + 1).isEmpty());
        v1::ChangeBatch later = batchFrom(4, 7);
        v1::Order confirmedNow = newer;
        confirmedNow.set_status(v1::ORDER_CONFIRMED);
        confirmedNow.set_updated_at_ms(3'000);
        addChange(later, 5, "order", newer.id(), &confirmedNow);
        addChange(later, 6, "waitlist_entry", "w1", nullptr);
        addChange(later, 7, "ticket_key", "k1", nullptr);
        QVERIFY(store.applyBatch(decodeChangeBatch(later), kUser).error.isEmpty());
        QCOMPARE(decodeOrderPayload(*store.orderPayload(kUser, QStringLiteral("0000-newer")))->status, OrderStatus::Confirmed);
        QVERIFY(store.waitlistPayloads(kUser).isEmpty());
        QVERIFY(store.ticketKeys().isEmpty());

        // Logout forgets the user's orders; a snapshot reset wipes them too.
        QVERIFY(store.clearUserData(kUser));
        QVERIFY(store.orderPayloads(kUser).isEmpty());
    }

    void brokenPayloadsAreSkipped()
    {
        LocalStore store(m_dir.filePath(QStringLiteral("broken.sqlite")));
        QVERIFY(store.open());
        v1::ChangeBatch batch = batchFrom(0, 2);
        auto* c = batch.add_changes();
        c->set_seq(1);
        c->set_aggregate_type("order");
        c->set_aggregate_id("bad");
        c->set_payload("\xff\xff\xff not a protobuf");
        v1::TicketKey shortKey; // 3 bytes: not an Ed25519 key
        shortKey.set_key_id("k2");
        shortKey.set_public_key("abc");
        addChange(batch, 2, "ticket_key", "k2", &shortKey);
        const BatchResult result = store.applyBatch(decodeChangeBatch(batch), kUser);
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.appliedRows, 0);
        QCOMPARE(store.syncState().cursor, 2U); // the cursor still advances
        QVERIFY(store.orderPayloads(kUser).isEmpty());
        QVERIFY(store.ticketKeys().isEmpty());
    }

    void anonymousGetsNoUserRows()
    {
        LocalStore store(m_dir.filePath(QStringLiteral("anon.sqlite")));
        QVERIFY(store.open());
        v1::ChangeBatch batch = batchFrom(0, 1);
        const v1::Order o = makeOrder("0000-anon", v1::ORDER_CONFIRMED, 1'000);
        addChange(batch, 1, "order", o.id(), &o);
        QVERIFY(store.applyBatch(decodeChangeBatch(batch), 0).error.isEmpty());
        QVERIFY(store.orderPayloads(0).isEmpty());
    }

    void orderRequestsSurviveRestart()
    {
        const QString path = m_dir.filePath(QStringLiteral("requests.sqlite"));
        OrderRequest request;
        request.idempotencyKey = QStringLiteral("6f1c1f8e-0000-4000-8000-000000000001");
        request.userId = kUser;
        request.holdId = QStringLiteral("hold-1");
        request.buyerName = QStringLiteral("Ada Lovelace");
        request.buyerEmail = QStringLiteral("ada@example.org");
        request.method = PaymentMethod::CardOnline;
        request.cardPaymentMethod = QStringLiteral("pm_123");
        {
            LocalStore store(path);
            QVERIFY(store.open());
            QVERIFY(store.saveOrderRequest(request));
        }
        LocalStore store(path);
        QVERIFY(store.open());
        const auto again = store.orderRequest(kUser, QStringLiteral("hold-1"));
        QVERIFY(again);
        QCOMPARE(again->idempotencyKey, request.idempotencyKey);
        QCOMPARE(again->cardPaymentMethod, QStringLiteral("pm_123"));
        QCOMPARE(again->method, PaymentMethod::CardOnline);
        QVERIFY(!store.orderRequest(kUser + 1, QStringLiteral("hold-1")));
        QVERIFY(store.removeOrderRequest(request.idempotencyKey));
        QVERIFY(!store.orderRequest(kUser, QStringLiteral("hold-1")));
    }

    void upgradeKeepsTheCache()
    {
        const QString path = m_dir.filePath(QStringLiteral("upgrade.sqlite"));
        {
            LocalStore old(path, LocalStore::kSchemaVersion - 1);
            QVERIFY(old.open());
            QCOMPARE(old.schemaVersion(), LocalStore::kSchemaVersion - 1);
            QSqlQuery q(old.database());
            QVERIFY(q.exec(QStringLiteral("UPDATE sync_state SET cursor=77 WHERE id=1")));
        }
        LocalStore store(path);
        QVERIFY(store.open());
        QCOMPARE(store.schemaVersion(), LocalStore::kSchemaVersion);
        QCOMPARE(store.syncState().cursor, 77U);
        QVERIFY(store.orderPayloads(kUser).isEmpty());
        QVERIFY(store.saveOrderRequest(OrderRequest{QStringLiteral("k"), kUser, QStringLiteral("h"), {}, {},
                                                    PaymentMethod::Cash, {}, {}, 2000}));
    }
};

QTEST_GUILESS_MAIN(TestBookingStore)
#include "test_booking_store.moc"
