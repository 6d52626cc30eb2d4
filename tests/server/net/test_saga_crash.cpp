// The order saga survives crashes: the REAL marquee-server is killed (SIGKILL, raised by the
// process itself at a named failpoint: MARQUEE_FAILPOINTS) before, inside and after each saga
// step while it sells over a real WebSocket, then restarted without failpoints. Whatever the
// point, every order ends either confirmed (seats sold once, payment captured) or fully
// compensated (seats available, hold gone, an authorization voided), with at most one
// authorization per order, and the client's replay of CreateOrder returns the same order.
#include "seating_test_layouts.hpp"
#include "test_server.hpp"
#include "ws_test_client.hpp"

#include "marquee/protocol/seating_conversions.hpp"

#include <QtTest>

using marquee::test::WsClient;
using marquee::testing::TestServer;
namespace v1 = marquee::v1;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple");
constexpr const char* kVenueId = "55555555-5555-4555-8555-555555555555";
// Long enough for a loaded CI machine to restart the server and the runner to finish a saga.
constexpr int kSettleTimeoutMs = 60'000;

int keyCounter = 0;
std::string newKey() {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "00000000-0000-4000-a000-%012d", ++keyCounter);
    return buffer;
}

} // namespace

class TestSagaCrash : public QObject {
    Q_OBJECT

private:
    TestServer m_server;
    std::string m_staffToken;
    std::string m_eventId;
    std::vector<std::string> m_seats;
    std::size_t m_nextSeat = 0;

    std::optional<v1::Envelope> anonymousCall(v1::Envelope request) {
        WsClient client;
        if (!client.connect(m_server.port()) || !client.hello()) return std::nullopt;
        return client.call(std::move(request));
    }
    std::string login(const QString& email) {
        v1::Envelope request;
        request.mutable_login()->set_email(email.toStdString());
        request.mutable_login()->set_password(kPassword.toStdString());
        const auto answer = anonymousCall(request);
        return answer && answer->has_session() ? answer->session().token() : std::string();
    }
    std::unique_ptr<WsClient> open(const std::string& token) {
        auto client = std::make_unique<WsClient>();
        if (!client->connect(m_server.port(), token) || !client->hello()) return nullptr;
        return client;
    }
    QString one(const QString& sql) {
        QString error;
        const auto rows = m_server.query(sql, &error);
        if (!error.isEmpty()) qWarning("%s: %s", qPrintable(sql), qPrintable(error));
        return rows.isEmpty() ? QString() : rows.first();
    }

    // Restarts the server with `failpoints` armed (empty: none).
    bool restartWith(const QByteArray& failpoints) {
        if (failpoints.isEmpty()) qunsetenv("MARQUEE_FAILPOINTS");
        else qputenv("MARQUEE_FAILPOINTS", failpoints);
        QString error;
        const bool ok = m_server.restart(&error);
        qunsetenv("MARQUEE_FAILPOINTS");
        if (!ok) qWarning("restart failed: %s", qPrintable(error));
        return ok;
    }

    struct Sale {
        std::string holdId;
        std::string seatId;
        v1::Envelope createOrder;
        std::optional<v1::Envelope> answer; // nullopt: the server died answering
    };

    // Holds the next seat as staff and sells it for cash (`tendered` below the price: declined).
    Sale sell(std::int64_t tendered) {
        Sale sale;
        const auto client = open(m_staffToken);
        if (!client) return sale;
        sale.seatId = m_seats.at(m_nextSeat++);
        v1::Envelope hold;
        hold.mutable_hold_seats()->set_idempotency_key(newKey());
        hold.mutable_hold_seats()->set_event_id(m_eventId);
        hold.mutable_hold_seats()->mutable_seats()->add_ids(sale.seatId);
        const auto held = client->call(hold);
        if (!held || !held->has_hold_result()) return sale;
        sale.holdId = held->hold_result().hold_id();
        auto* create = sale.createOrder.mutable_create_order();
        create->set_idempotency_key(newKey());
        create->set_hold_id(sale.holdId);
        create->set_buyer_name("Crash Test");
        create->set_buyer_email("crash@example.org");
        create->set_method(v1::PAYMENT_CASH);
        create->set_cash_tendered_minor(tendered);
        sale.answer = client->call(sale.createOrder);
        return sale;
    }

    QString orderOfHold(const std::string& holdId) {
        return one(QStringLiteral("SELECT id FROM orders WHERE hold_id = '%1'").arg(QString::fromStdString(holdId)));
    }

    // Waits until the order is finished: confirmed with its tickets (and no refund open), or
    // compensated (failed, or cancelled and refunded).
    bool settled(const QString& orderId) {
        return QTest::qWaitFor(
            [&] {
                const auto state = one(QStringLiteral("SELECT status || '/' || saga_step || '/' || open_refunds "
                                                      "FROM orders WHERE id = '%1'")
                                           .arg(orderId));
                return state == QLatin1String("confirmed/mailed/0") || state.endsWith(QLatin1String("/compensated/0"));
            },
            kSettleTimeoutMs);
    }

    // The invariants after a crash and a restart, for one order of one seat.
    void checkOutcome(const QString& orderId, const std::string& seatId, const QString& expectedStatus) {
        const auto seat = QString::fromStdString(seatId);
        const auto status = one(QStringLiteral("SELECT status FROM orders WHERE id = '%1'").arg(orderId));
        QCOMPARE(status, expectedStatus);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM payment_operations WHERE order_id = '%1' AND kind = "
                                    "'authorize'")
                         .arg(orderId))
                     .toInt(),
                 1);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM payment_operations WHERE order_id = '%1' AND status = "
                                    "'started'")
                         .arg(orderId)),
                 QStringLiteral("0"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM (SELECT seat_id FROM seat_claims GROUP BY event_id, seat_id "
                                    "HAVING count(*) > 1) d")),
                 QStringLiteral("0"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM saga_steps WHERE order_id = '%1' AND completed_at IS NULL")
                         .arg(orderId)),
                 QStringLiteral("0"));
        if (status == QLatin1String("confirmed")) {
            QCOMPARE(one(QStringLiteral("SELECT kind || '/' || order_id FROM seat_claims WHERE seat_id = '%1'").arg(seat)),
                     QStringLiteral("sold/") + orderId);
            QCOMPARE(one(QStringLiteral("SELECT string_agg(kind || ':' || status, ',' ORDER BY kind) FROM "
                                        "payment_operations WHERE order_id = '%1'")
                             .arg(orderId)),
                     QStringLiteral("authorize:succeeded,capture:succeeded"));
            // One valid ticket per line.
            QCOMPARE(one(QStringLiteral("SELECT count(*) FILTER (WHERE voided_at IS NULL) || '/' || "
                                        "(SELECT count(*) FROM order_lines WHERE order_id = '%1') FROM tickets "
                                        "WHERE order_id = '%1'")
                             .arg(orderId)),
                     QStringLiteral("1/1"));
            QCOMPARE(one(QStringLiteral("SELECT count(*) FROM mail_outbox WHERE dedup_key = 'order-confirmation:%1'")
                             .arg(orderId)),
                     QStringLiteral("1"));
        } else if (status == QLatin1String("cancelled")) {
            QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_claims WHERE seat_id = '%1'").arg(seat)),
                     QStringLiteral("0"));
            QCOMPARE(one(QStringLiteral("SELECT string_agg(kind || ':' || status, ',' ORDER BY kind) FROM "
                                        "payment_operations WHERE order_id = '%1'")
                             .arg(orderId)),
                     QStringLiteral("authorize:succeeded,capture:succeeded,refund:succeeded"));
            QCOMPARE(one(QStringLiteral("SELECT count(*) FROM tickets WHERE order_id = '%1' AND voided_at IS NULL")
                             .arg(orderId)),
                     QStringLiteral("0"));
        } else {
            QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_claims WHERE seat_id = '%1'").arg(seat)),
                     QStringLiteral("0"));
            QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_holds")), QStringLiteral("0"));
            // A payment that was authorized is voided; a declined one needs nothing.
            const auto payment = one(QStringLiteral("SELECT string_agg(kind || ':' || status, ',' ORDER BY kind) FROM "
                                                    "payment_operations WHERE order_id = '%1'")
                                         .arg(orderId));
            QVERIFY2(payment == QLatin1String("authorize:declined") ||
                         payment == QLatin1String("authorize:succeeded,void:succeeded"),
                     qPrintable(payment));
        }
        // The order's latest change-log record says the same (the client's cache follows it).
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM change_log WHERE aggregatetype = 'order' AND aggregateid = "
                                    "'%1'")
                         .arg(orderId))
                     .toInt() >= 2,
                 true);
    }

    // The client reconnects after the crash and replays CreateOrder with the same key.
    void replayAnswersWithTheSameOrder(const Sale& sale, const QString& orderId) {
        const auto client = open(m_staffToken);
        QVERIFY(client);
        const auto replay = client->call(sale.createOrder);
        QVERIFY(replay);
        QVERIFY2(replay->has_order(), replay->error().message().c_str());
        QCOMPARE(QString::fromStdString(replay->order().id()), orderId);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM orders WHERE hold_id = '%1'")
                         .arg(QString::fromStdString(sale.holdId))),
                 QStringLiteral("1"));
    }

    // Kills the server at `point` during a cash sale, restarts it, checks the outcome.
    void crashAt(const QByteArray& point, std::int64_t tendered, const QString& expectedStatus) {
        QVERIFY(restartWith(point));
        const auto sale = sell(tendered);
        QVERIFY2(!sale.holdId.empty(), "the hold before the sale failed");
        QVERIFY2(!sale.answer, "the server answered although the failpoint should have killed it");
        m_server.kill(); // reaps the process (it is gone already)
        QVERIFY2(m_server.serverLog().contains(QStringLiteral("failpoint ") + QString::fromLatin1(point)),
                 qPrintable(m_server.serverLog().right(2000)));
        const auto orderId = orderOfHold(sale.holdId);
        QVERIFY2(!orderId.isEmpty(), "the order was not stored before the first step");

        QVERIFY(restartWith({}));
        QVERIFY2(settled(orderId), qPrintable(one(QStringLiteral("SELECT status || ' ' || saga_step || ' ' || "
                                                                 "last_error FROM orders WHERE id = '%1'")
                                                      .arg(orderId))));
        checkOutcome(orderId, sale.seatId, expectedStatus);
        replayAnswersWithTheSameOrder(sale, orderId);
    }

private slots:
    void initTestCase() {
        if (TestServer::clusterUrl().isEmpty()) QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY(m_server.createUser(QStringLiteral("crash-organizer@example.org"), kPassword,
                                    QStringLiteral("organizer")));
        QVERIFY(m_server.createUser(QStringLiteral("crash-staff@example.org"), kPassword, QStringLiteral("staff")));
        m_server.query(QStringLiteral("INSERT INTO categories (id, name) VALUES ('test', 'Test'); "
                                      "INSERT INTO venues (id, name, time_zone) VALUES ('%1', 'Hall', 'Europe/Berlin')")
                           .arg(QString::fromLatin1(kVenueId)),
                       &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto organizerToken = login(QStringLiteral("crash-organizer@example.org"));
        m_staffToken = login(QStringLiteral("crash-staff@example.org"));
        QVERIFY(!organizerToken.empty() && !m_staffToken.empty());

        const auto organizer = open(organizerToken);
        QVERIFY(organizer);
        auto layout = marquee::test::smallHall(kVenueId, 6);
        v1::Envelope save;
        save.mutable_save_layout()->set_idempotency_key(newKey());
        *save.mutable_save_layout()->mutable_layout() = marquee::protocol::toProto(layout, true);
        const auto saved = organizer->call(save);
        QVERIFY(saved && saved->has_ack());
        layout.id = saved->ack().id().substr(0, saved->ack().id().find('@'));
        v1::Envelope upsert;
        auto* event = upsert.mutable_upsert_event()->mutable_event();
        event->set_title("Crash concert");
        event->set_category_id("test");
        event->set_time_zone("Europe/Berlin");
        event->set_starts_at_ms(4102444800000);
        event->set_venue_id(kVenueId);
        event->mutable_price()->set_currency("EUR");
        const auto created = organizer->call(upsert);
        QVERIFY(created && created->has_ack());
        m_eventId = created->ack().id();
        v1::Envelope assign;
        assign.mutable_assign_event_layout()->set_idempotency_key(newKey());
        assign.mutable_assign_event_layout()->set_event_id(m_eventId);
        assign.mutable_assign_event_layout()->set_layout_id(layout.id);
        assign.mutable_assign_event_layout()->set_layout_version(1);
        const auto assigned = organizer->call(assign);
        QVERIFY(assigned && assigned->has_ack());
        for (const auto& row : layout.areas[0].rows)
            for (const auto& seat : row.seats) m_seats.push_back(seat.id);
    }

    // A cash sale that succeeds, killed at every point of its forward steps.
    void crashDuringASale_data() {
        QTest::addColumn<QByteArray>("point");
        for (const char* step : {"authorize", "capture"})
            for (const char* where : {"before", "started", "called", "after"})
                QTest::newRow(qPrintable(QStringLiteral("%1.%2").arg(QLatin1String(step), QLatin1String(where))))
                    << QByteArray("saga.") + step + "." + where;
        for (const char* step : {"confirm", "issue_tickets", "mail"})
            for (const char* where : {"before", "inside", "after"})
                QTest::newRow(qPrintable(QStringLiteral("%1.%2").arg(QLatin1String(step), QLatin1String(where))))
                    << QByteArray("saga.") + step + "." + where;
    }
    void crashDuringASale() {
        QFETCH(QByteArray, point);
        crashAt(point, 100'000, QStringLiteral("confirmed"));
    }

    // Too little cash: declined, the seats go back; killed at every point of the way back.
    void crashDuringACompensation_data() {
        QTest::addColumn<QByteArray>("point");
        QTest::newRow("authorize.called") << QByteArray("saga.authorize.called");
        QTest::newRow("authorize.after") << QByteArray("saga.authorize.after");
        for (const char* step : {"release_seats", "compensate"})
            for (const char* where : {"before", "inside", "after"})
                QTest::newRow(qPrintable(QStringLiteral("%1.%2").arg(QLatin1String(step), QLatin1String(where))))
                    << QByteArray("saga.") + step + "." + where;
    }
    void crashDuringACompensation() {
        QFETCH(QByteArray, point);
        crashAt(point, 1, QStringLiteral("failed"));
    }

    // The hold lapses while the server is down after authorizing: on restart the saga finds
    // the hold gone at confirm and voids the payment; killed once more inside the void.
    void holdLapsesDuringACrashAndThePaymentIsVoided_data() {
        QTest::addColumn<QByteArray>("voidPoint");
        for (const char* where : {"before", "started", "called", "after"})
            QTest::newRow(where) << QByteArray("saga.void_payment.") + where;
    }
    void holdLapsesDuringACrashAndThePaymentIsVoided() {
        QFETCH(QByteArray, voidPoint);
        QVERIFY(restartWith("saga.authorize.called"));
        const auto sale = sell(100'000);
        QVERIFY(!sale.holdId.empty() && !sale.answer);
        m_server.kill();
        const auto orderId = orderOfHold(sale.holdId);
        QVERIFY(!orderId.isEmpty());
        // While the server is down the hold runs out.
        m_server.query(QStringLiteral("UPDATE seat_holds SET expires_at = now() - interval '1 second', "
                                      "max_expires_at = now() WHERE id = '%1'")
                           .arg(QString::fromStdString(sale.holdId)));
        // The runner resumes: authorize again (same key), confirm finds the hold lapsed, void... killed.
        QVERIFY(restartWith(voidPoint));
        QVERIFY2(QTest::qWaitFor([&] { return !m_server.isRunning(); }, kSettleTimeoutMs),
                 "the runner never reached the void failpoint");
        m_server.kill();
        QVERIFY(m_server.serverLog().contains(QStringLiteral("failpoint ") + QString::fromLatin1(voidPoint)));
        QVERIFY(restartWith({}));
        QVERIFY(settled(orderId));
        checkOutcome(orderId, sale.seatId, QStringLiteral("failed"));
        QCOMPARE(one(QStringLiteral("SELECT failure_reason FROM orders WHERE id = '%1'").arg(orderId)),
                 QStringLiteral("hold_expired"));
        replayAnswersWithTheSameOrder(sale, orderId);
    }

    // The buyer cancels a confirmed sale; killed at every point of the refund.
    void crashDuringARefund_data() {
        QTest::addColumn<QByteArray>("point");
        for (const char* where : {"before", "started", "called", "after"})
            QTest::newRow(where) << QByteArray("saga.refund.") + where;
    }
    void crashDuringARefund() {
        QFETCH(QByteArray, point);
        QVERIFY(restartWith({}));
        const auto sale = sell(100'000);
        QVERIFY(sale.answer && sale.answer->has_order());
        const auto orderId = QString::fromStdString(sale.answer->order().id());
        QVERIFY(settled(orderId));
        QVERIFY(restartWith(point));
        v1::Envelope cancel;
        cancel.mutable_cancel_order()->set_idempotency_key(newKey());
        cancel.mutable_cancel_order()->set_order_id(orderId.toStdString());
        {
            const auto client = open(m_staffToken);
            QVERIFY(client);
            QVERIFY2(!client->call(cancel), "the server answered although the failpoint should have killed it");
        }
        m_server.kill();
        QVERIFY(m_server.serverLog().contains(QStringLiteral("failpoint ") + QString::fromLatin1(point)));
        QVERIFY(restartWith({}));
        QVERIFY(settled(orderId));
        checkOutcome(orderId, sale.seatId, QStringLiteral("cancelled"));
        // The replayed cancellation answers with the cancelled order and refunds nothing more.
        const auto client = open(m_staffToken);
        QVERIFY(client);
        const auto replay = client->call(cancel);
        QVERIFY(replay && replay->has_order());
        QCOMPARE(replay->order().status(), v1::ORDER_CANCELLED);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM payment_operations WHERE order_id = '%1' AND kind = 'refund'")
                         .arg(orderId)),
                 QStringLiteral("1"));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestSagaCrash)
#include "test_saga_crash.moc"
