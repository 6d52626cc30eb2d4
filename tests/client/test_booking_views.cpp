// "My Orders & Tickets" offscreen without any server: orders and tickets that the change log
// brought earlier (applied here from real ChangeBatch protobufs) are listed from the SQLite
// cache, the window says it is offline, tickets are shown, and cancelling waits for a
// connection. Also the CheckoutDialog's cash change-due for box-office roles.
#include "booking/bookingservice.h"
#include "booking/myorderswindow.h"
#include "booking/orderlistmodel.h"
#include "booking/ticketviews.h"
#include "net/changedecoder.h"
#include "services/clientsession.h"
#include "store/localstore.h"

#include "marquee/v1/order.pb.h"
#include "marquee/v1/sync.pb.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace marquee;
using namespace marquee::client;

namespace {

constexpr qint64 kUser = 7;

v1::Order order(const std::string& id, v1::OrderStatus status, std::int64_t createdAtMs, std::int64_t cancelUntilMs)
{
    v1::Order o;
    o.set_id(id);
    o.set_code("MQ-" + id);
    o.set_event_id("0b8f7c1e-0000-4000-8000-000000000001");
    o.set_user_id(kUser);
    o.set_status(status);
    o.set_currency("EUR");
    for (int i = 1; i <= 2; ++i) {
        auto* line = o.add_lines();
        line->set_line_no(static_cast<std::uint32_t>(i));
        line->set_label("Stalls · F · " + std::to_string(18 + i));
        line->set_price_category_name("Category 1");
        line->set_price_minor(8900);
        line->set_fee_minor(200);
        line->set_tax_minor(1453);
        line->set_total_minor(9100);
        if (status == v1::ORDER_CONFIRMED) {
            auto* t = o.add_tickets();
            t->set_id(id + "-t" + std::to_string(i));
            t->set_order_id(id);
            t->set_line_no(static_cast<std::uint32_t>(i));
            t->set_label(line->label());
            t->set_holder_name("Ada Lovelace");
            t->set_code("MQT1.test-code-" + std::to_string(i));
        }
    }
    o.set_subtotal_minor(17800);
    o.set_fees_minor(400);
    o.set_tax_minor(2906);
    o.set_total_minor(18200);
    o.mutable_payment()->set_method(v1::PAYMENT_CARD_ONLINE);
    o.set_buyer_name("Ada Lovelace");
    o.set_created_at_ms(createdAtMs);
    o.set_updated_at_ms(createdAtMs);
    o.set_event_title("Spreeperlen – Das Berlin-Musical");
    o.set_event_starts_at_ms(1'900'000'000'000);
    o.set_event_time_zone("Europe/Berlin");
    o.set_venue_name("Theater des Westens");
    o.set_venue_address("Kantstraße 12, Berlin");
    o.set_attendee_cancel_until_ms(cancelUntilMs);
    return o;
}

} // namespace

class TestBookingViews : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
        // What an earlier online session left in the cache: the login and two orders.
        LocalStore store(LocalStore::defaultPath(m_dir.path()));
        QVERIFY(store.open());
        QVERIFY(store.saveSession(SessionInfo{QStringLiteral("token"), kUser, core::Role::Attendee,
                                              QStringLiteral("ada@example.org"), 0}));
        v1::ChangeBatch batch;
        batch.set_next_cursor(2);
        batch.set_head(2);
        const std::int64_t future = QDateTime::currentMSecsSinceEpoch() + 86'400'000;
        int seq = 0;
        for (const v1::Order& o : {order("A1B2C3", v1::ORDER_CONFIRMED, 2'000, future), order("D4E5F6", v1::ORDER_FAILED, 1'000, 0)}) {
            auto* c = batch.add_changes();
            c->set_seq(static_cast<std::uint64_t>(++seq));
            c->set_aggregate_type("order");
            c->set_aggregate_id(o.id());
            c->set_payload(o.SerializeAsString());
        }
        QVERIFY(store.applyBatch(decodeChangeBatch(batch), kUser).error.isEmpty());
    }

    void myOrdersWorksOffline()
    {
        ClientSession::Options options;
        options.dataDir = m_dir.path();
        options.serverUrl = QUrl(QStringLiteral("ws://127.0.0.1:1/v1/ws")); // nothing listens: offline
        ClientSession session(options);
        QVERIFY(session.open());
        MyOrdersWindow window(&session);
        QAbstractItemModelTester tester(window.model());
        window.show();
        QCOMPARE(window.model()->rowCount(), 2);
        QCOMPARE(window.model()->orderAt(0).code, QStringLiteral("MQ-A1B2C3")); // newest first
        QCOMPARE(window.model()->data(window.model()->index(0, OrderListModel::StatusColumn)).toString(),
                 QStringLiteral("Confirmed"));
        QCOMPARE(window.model()->data(window.model()->index(0, OrderListModel::TotalColumn)).toString(),
                 QStringLiteral("€182.00"));
        QVERIFY2(window.noticeText().startsWith(QStringLiteral("Offline")), qPrintable(window.noticeText()));
        window.selectOrder(QStringLiteral("A1B2C3"));
        QCOMPARE(window.ticketCount(), 2);
        QVERIFY(window.detailText().contains(QStringLiteral("Theater des Westens")));
        // Within the attendee's cancellation window, but cancelling needs the server.
        QVERIFY(window.cancelButton()->isVisible());
        QVERIFY(!window.cancelButton()->isEnabled());
        const QString shots = qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            window.grab().save(shots + QStringLiteral("/myorders-offline-cache.png"));
        // The tickets export to PDF from the cache (one A6 page each).
        QVERIFY(window.exportPdfButton()->isVisible());
        const QString pdf = m_dir.filePath(QStringLiteral("tickets.pdf"));
        QString error;
        QVERIFY2(exportOrderTicketsPdf(window.model()->orderAt(0), pdf, &error), qPrintable(error));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QCOMPARE(bytes.count("/Type /Page") - bytes.count("/Type /Pages"), 2);
        // A failed order has no tickets and cannot be cancelled.
        window.selectOrder(QStringLiteral("D4E5F6"));
        QCOMPARE(window.ticketCount(), 0);
        QVERIFY(!window.cancelButton()->isVisible());
    }
};

QTEST_MAIN(TestBookingViews)
#include "test_booking_views.moc"
