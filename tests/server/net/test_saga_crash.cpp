// The order saga survives crashes: the REAL marquee-server is killed (SIGKILL, raised by the
// process itself at a named failpoint: MARQUEE_FAILPOINTS) before, inside and after each saga
// step while it sells over a real WebSocket, then restarted without failpoints. Whatever the
// point, every order ends either confirmed (seats sold once, payment captured) or fully
// compensated (seats available, hold gone, an authorization voided; a declined payment keeps
// its hold for another try), with at most one authorization per order, and the client's
// replay of CreateOrder returns the same order. The card variant: test_saga_crash_card.
#include "seated_event_server.hpp"

#include <QtTest>

using marquee::test::SeatedEventServer;
using marquee::test::WsClient;
using marquee::testing::TestServer;
namespace v1 = marquee::v1;

namespace {

// Long enough for a loaded CI machine to restart the server and the runner to finish a saga.
constexpr int kSettleTimeoutMs = 60'000;

} // namespace

class TestSagaCrash : public QObject {
    Q_OBJECT

private:
    SeatedEventServer m_event;
    TestServer& m_server = m_event.server();
    std::string m_staffToken;
    std::vector<std::string> m_seats;
    std::size_t m_nextSeat = 0;

    std::unique_ptr<WsClient> open(const std::string& token) { return m_event.open(token); }
    QString one(const QString& sql) { return m_event.one(sql); }
    bool restartWith(const QByteArray& failpoints) { return m_event.restartWith(failpoints); }

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
        const auto held = m_event.hold(*client, {sale.seatId});
        if (!held || !held->has_hold_result()) return sale;
        sale.holdId = held->hold_result().hold_id();
        auto* create = sale.createOrder.mutable_create_order();
        create->set_idempotency_key(m_event.newKey());
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
    void checkOutcome(const QString& orderId, const Sale& sale, const QString& expectedStatus) {
        const auto seat = QString::fromStdString(sale.seatId);
        const auto hold = QString::fromStdString(sale.holdId);
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
        } else if (one(QStringLiteral("SELECT failure_reason FROM orders WHERE id = '%1'").arg(orderId)) ==
                   QLatin1String("payment_declined")) {
            // Declined: nothing to void, and the hold stays (with its seat) for another try.
            QCOMPARE(one(QStringLiteral("SELECT string_agg(kind || ':' || status, ',' ORDER BY kind) FROM "
                                        "payment_operations WHERE order_id = '%1'")
                             .arg(orderId)),
                     QStringLiteral("authorize:declined"));
            QCOMPARE(one(QStringLiteral("SELECT kind || '/' || hold_id FROM seat_claims WHERE seat_id = '%1'").arg(seat)),
                     QStringLiteral("held/") + hold);
            QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_holds WHERE id = '%1' AND expires_at > now()").arg(hold)),
                     QStringLiteral("1"));
        } else {
            QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_claims WHERE seat_id = '%1'").arg(seat)),
                     QStringLiteral("0"));
            QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_holds WHERE id = '%1'").arg(hold)), QStringLiteral("0"));
            // The authorization is voided.
            QCOMPARE(one(QStringLiteral("SELECT string_agg(kind || ':' || status, ',' ORDER BY kind) FROM "
                                        "payment_operations WHERE order_id = '%1'")
                             .arg(orderId)),
                     QStringLiteral("authorize:succeeded,void:succeeded"));
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
        // Answered only when the saga runner drove the order instead (it claims due orders
        // too): then the runner hits the point.
        if (sale.answer)
            QVERIFY2(QTest::qWaitFor([&] { return !m_server.isRunning(); }, kSettleTimeoutMs),
                     "the server never reached the failpoint");
        m_server.kill(); // reaps the process (it is gone already)
        QVERIFY2(m_server.serverLog().contains(QStringLiteral("failpoint ") + QString::fromLatin1(point)),
                 qPrintable(m_server.serverLog().right(2000)));
        const auto orderId = orderOfHold(sale.holdId);
        QVERIFY2(!orderId.isEmpty(), "the order was not stored before the first step");

        QVERIFY(restartWith({}));
        QVERIFY2(settled(orderId), qPrintable(one(QStringLiteral("SELECT status || ' ' || saga_step || ' ' || "
                                                                 "last_error FROM orders WHERE id = '%1'")
                                                      .arg(orderId))));
        checkOutcome(orderId, sale, expectedStatus);
        replayAnswersWithTheSameOrder(sale, orderId);
    }

private slots:
    void initTestCase() {
        if (TestServer::clusterUrl().isEmpty()) QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        QString error;
        SeatedEventServer::Options options;
        options.title = "Crash concert";
        options.rows = 6;
        options.organizerEmail = "crash-organizer@example.org";
        QVERIFY2(m_event.start(options, &error), qPrintable(error));
        m_staffToken = m_event.createUser("crash-staff@example.org", "staff");
        QVERIFY(!m_staffToken.empty());
        m_seats = m_event.seatIds();
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
        QVERIFY(!sale.holdId.empty());
        if (sale.answer) // the runner drove the order: it hits the point
            QVERIFY(QTest::qWaitFor([&] { return !m_server.isRunning(); }, kSettleTimeoutMs));
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
        checkOutcome(orderId, sale, QStringLiteral("failed"));
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
        cancel.mutable_cancel_order()->set_idempotency_key(m_event.newKey());
        cancel.mutable_cancel_order()->set_order_id(orderId.toStdString());
        {
            const auto client = open(m_staffToken);
            QVERIFY(client);
            // Answered only when the saga runner drove the refund instead: then it hits the point.
            if (client->call(cancel))
                QVERIFY2(QTest::qWaitFor([&] { return !m_server.isRunning(); }, kSettleTimeoutMs),
                         "the server never reached the failpoint");
        }
        m_server.kill();
        QVERIFY(m_server.serverLog().contains(QStringLiteral("failpoint ") + QString::fromLatin1(point)));
        QVERIFY(restartWith({}));
        QVERIFY(settled(orderId));
        checkOutcome(orderId, sale, QStringLiteral("cancelled"));
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
