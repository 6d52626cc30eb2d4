// The card variant of the saga crash test: the REAL marquee-server, selling through the REAL
// payment sandbox (online cards over the Stripe-style API, and a card terminal) and mailing
// through a real SMTP server, kills itself with SIGKILL at a named failpoint
// (MARQUEE_FAILPOINTS) at each step boundary of a card order — authorize, confirm, capture,
// refund, and a declined card's compensation — and is restarted without failpoints. After
// the restart the saga resumes, and the sandbox's own audit shows each order authorized and
// captured (or refunded) exactly once with one PaymentIntent; the seat is sold once, one valid
// ticket is issued, and the SMTP server received exactly one confirmation. A declined card
// leaves the order failed with its hold (and seat) still held for another card.
#include "sandbox_process.hpp"
#include "seated_event_server.hpp"
#include "smtp_test_server.hpp"

#include <QtTest>

#include <algorithm>
#include <map>

using marquee::test::SeatedEventServer;
using marquee::test::WsClient;
using marquee::testing::SandboxProcess;
namespace v1 = marquee::v1;

namespace {

// Long enough for a loaded CI machine to restart the server and the runner to finish a saga.
constexpr int kSettleTimeoutMs = 60'000;
constexpr std::int64_t kSeatPriceMinor = 2500; // smallHall's category

} // namespace

class TestSagaCrashCard : public QObject {
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    marquee::test::SmtpTestServer m_smtp;
    SeatedEventServer m_event;
    std::string m_attendeeToken;
    std::string m_staffToken;
    std::vector<std::string> m_seats;
    std::size_t m_nextSeat = 0;
    int m_buyers = 0;

    struct Sale {
        std::string seatId;
        std::string holdId;
        std::string buyerEmail; // one per sale: its mails are counted by recipient
        v1::Envelope createOrder;
        std::optional<v1::Envelope> answer; // nullopt: the server died answering
    };

    // Holds the next seat and pays for it: online with `card` (tokenised at the sandbox with
    // the publishable key, as the client does), or at the terminal when `card` is empty.
    Sale sell(const std::string& card) {
        Sale sale;
        const bool online = !card.empty();
        const auto client = m_event.open(online ? m_attendeeToken : m_staffToken);
        if (!client) return sale;
        sale.seatId = m_seats.at(m_nextSeat++);
        const auto held = m_event.hold(*client, {sale.seatId});
        if (!held || !held->has_hold_result()) return sale;
        sale.holdId = held->hold_result().hold_id();
        sale.buyerEmail = "card-crash-" + std::to_string(++m_buyers) + "@example.org";
        auto* create = sale.createOrder.mutable_create_order();
        create->set_idempotency_key(m_event.newKey());
        create->set_hold_id(sale.holdId);
        create->set_buyer_name("Card Crash");
        create->set_buyer_email(sale.buyerEmail);
        if (online) {
            create->set_method(v1::PAYMENT_CARD_ONLINE);
            create->set_card_payment_method(m_sandbox.tokenise(card));
        } else {
            create->set_method(v1::PAYMENT_CARD_TERMINAL);
            create->set_terminal_id(SandboxProcess::kReader);
        }
        sale.answer = client->call(sale.createOrder);
        return sale;
    }

    QString orderOfHold(const std::string& holdId) {
        return m_event.one(QStringLiteral("SELECT id FROM orders WHERE hold_id = '%1' ORDER BY created_at LIMIT 1")
                               .arg(QString::fromStdString(holdId)));
    }
    QString one(const QString& sql) { return m_event.one(sql); }

    // Waits until the order is finished: confirmed with its mail queued (no refund open), or
    // compensated.
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
    QString stateOf(const QString& orderId) {
        return one(QStringLiteral("SELECT status || ' ' || saga_step || ' ' || last_error FROM orders WHERE id = '%1'")
                       .arg(orderId));
    }

    nlohmann::json audit(const QString& orderId) {
        return m_sandbox.control("GET", "/_sandbox/audit", {{"order_id", orderId.toStdString()}}).body;
    }
    // Copies the SMTP server received for this buyer, per Message-ID.
    std::map<std::string, int> mailsTo(const std::string& email) {
        std::map<std::string, int> copies;
        for (const auto& mail : m_smtp.messages()) {
            const auto& rcpts = mail.envelope.value("rcpt_tos", nlohmann::json::array());
            if (std::find(rcpts.begin(), rcpts.end(), email) != rcpts.end()) ++copies[mail.messageId()];
        }
        return copies;
    }
    // `count` different mails reached the buyer, each once — or twice with the same Message-ID
    // when the kill came after the SMTP server accepted it and before the outbox recorded it
    // (the outbox's documented at-most-one duplicate) — and nothing more is queued for them.
    bool mailedExactly(const std::string& email, std::size_t count) {
        const bool outboxDone = QTest::qWaitFor(
            [&] {
                return one(QStringLiteral("SELECT count(*) FROM mail_outbox WHERE recipient = '%1' AND status <> 'sent'")
                               .arg(QString::fromStdString(email))) == QLatin1String("0") &&
                       mailsTo(email).size() >= count;
            },
            kSettleTimeoutMs);
        const auto copies = mailsTo(email);
        for (const auto& [messageId, n] : copies)
            if (n > 2) qWarning("%d copies of %s", n, messageId.c_str());
        return outboxDone && copies.size() == count &&
               std::all_of(copies.begin(), copies.end(), [](const auto& entry) { return entry.second <= 2; });
    }
    // The killed server may have claimed a mail (status 'sending') it never finished; its claim
    // lapses after 5 minutes in production. Moved to now here instead of waiting for it.
    void lapseMailClaimsOfTheKilledServer() {
        m_event.server().query(QStringLiteral("UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'sending'"));
    }

    // Confirmed: sold once, charged once, one ticket, one confirmation mail.
    void checkConfirmed(const Sale& sale, const QString& orderId) {
        const auto seat = QString::fromStdString(sale.seatId);
        QCOMPARE(one(QStringLiteral("SELECT status FROM orders WHERE id = '%1'").arg(orderId)), QStringLiteral("confirmed"));
        QCOMPARE(one(QStringLiteral("SELECT kind || '/' || order_id FROM seat_claims WHERE seat_id = '%1'").arg(seat)),
                 QStringLiteral("sold/") + orderId);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM (SELECT seat_id FROM seat_claims GROUP BY event_id, seat_id "
                                    "HAVING count(*) > 1) d")),
                 QStringLiteral("0"));
        QCOMPARE(one(QStringLiteral("SELECT string_agg(kind || ':' || status, ',' ORDER BY kind) FROM payment_operations "
                                    "WHERE order_id = '%1'")
                         .arg(orderId)),
                 QStringLiteral("authorize:succeeded,capture:succeeded"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM saga_steps WHERE order_id = '%1' AND completed_at IS NULL")
                         .arg(orderId)),
                 QStringLiteral("0"));
        // The provider's own records: one authorization, captured once, in full.
        const auto record = audit(orderId);
        QCOMPARE(record.value("authorizations", -1), 1);
        QCOMPARE(record.value("captured_minor", std::int64_t{-1}), kSeatPriceMinor);
        QCOMPARE(record.value("refunded_minor", std::int64_t{-1}), std::int64_t{0});
        QCOMPARE(record["payment_intents"].size() + record["terminal_transactions"].size(), std::size_t{1});
        // One valid ticket for the one line.
        QCOMPARE(one(QStringLiteral("SELECT count(*) FILTER (WHERE voided_at IS NULL) || '/' || count(*) FROM tickets "
                                    "WHERE order_id = '%1'")
                         .arg(orderId)),
                 QStringLiteral("1/1"));
        // One confirmation, received once by the real SMTP server.
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM mail_outbox WHERE dedup_key = 'order-confirmation:%1'").arg(orderId)),
                 QStringLiteral("1"));
        QVERIFY2(mailedExactly(sale.buyerEmail, 1), qPrintable(QString::number(mailsTo(sale.buyerEmail).size())));
    }

    // The client reconnects after the crash and replays CreateOrder with the same key.
    void replayAnswersWithTheSameOrder(const Sale& sale, const QString& orderId) {
        const bool online = sale.createOrder.create_order().method() == v1::PAYMENT_CARD_ONLINE;
        const auto client = m_event.open(online ? m_attendeeToken : m_staffToken);
        QVERIFY(client);
        const auto replay = client->call(sale.createOrder);
        QVERIFY(replay);
        QVERIFY2(replay->has_order(), replay->error().message().c_str());
        QCOMPARE(QString::fromStdString(replay->order().id()), orderId);
    }

    // Kills the server at `point` during a card sale, restarts it, returns the order.
    QString crashDuringSale(const QByteArray& point, const std::string& card, Sale* sale) {
        if (!m_event.restartWith(point)) return {};
        *sale = sell(card);
        if (sale->holdId.empty()) {
            qWarning("the hold before the sale failed");
            return {};
        }
        // The saga runner may be the one driving the order (it claims due orders too): then the
        // request answered with the order still pending, and the runner hits the point.
        if (sale->answer && !QTest::qWaitFor([&] { return !m_event.server().isRunning(); }, kSettleTimeoutMs)) {
            qWarning("the server never reached the failpoint");
            return {};
        }
        if (!m_event.diedAt(point)) {
            qWarning("%s", qPrintable(m_event.server().serverLog().right(2000)));
            return {};
        }
        const auto orderId = orderOfHold(sale->holdId);
        if (orderId.isEmpty() || !m_event.restartWith({})) return {};
        lapseMailClaimsOfTheKilledServer();
        return orderId;
    }

private slots:
    void initTestCase() {
        if (marquee::testing::TestServer::clusterUrl().isEmpty())
            QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        QString error;
        QVERIFY2(m_sandbox.start(&error), qPrintable(error));
        QVERIFY2(m_smtp.start(&error), qPrintable(error));
        SeatedEventServer::Options options;
        options.venueId = "77777777-7777-4777-8777-777777777777";
        options.title = "Card crash concert";
        options.rows = 4;
        options.organizerEmail = "card-crash-organizer@example.org";
        options.serveArgs = {QStringLiteral("--payment-url"), QString::fromStdString(m_sandbox.url()),
                             QStringLiteral("--payment-secret-key"), QString::fromLatin1(SandboxProcess::kSecretKey),
                             QStringLiteral("--payment-publishable-key"), QString::fromLatin1(SandboxProcess::kPublishableKey),
                             QStringLiteral("--payment-webhook-secret"), QString::fromLatin1(SandboxProcess::kWebhookSecret),
                             QStringLiteral("--terminal-ids"), QString::fromLatin1(SandboxProcess::kReader),
                             QStringLiteral("--smtp-url"), QString::fromStdString(m_smtp.url()),
                             QStringLiteral("--mail-from"), QStringLiteral("Marquee <tickets@marquee.test>")};
        QVERIFY2(m_event.start(options, &error), qPrintable(error));
        // The sandbox's webhooks reach the server (and find it down during the crashes: retried).
        QCOMPARE(m_sandbox.control("POST", "/_sandbox/webhooks",
                                   {{"url", "http://127.0.0.1:" + std::to_string(m_event.port()) + "/webhooks/payments"}})
                     .status,
                 200L);
        m_attendeeToken = m_event.registerAttendee("card-crash-fan@example.org");
        m_staffToken = m_event.createUser("card-crash-staff@example.org", "staff");
        QVERIFY(!m_attendeeToken.empty() && !m_staffToken.empty());
        m_seats = m_event.seatIds();
    }

    // An online card sale that succeeds, killed at each step boundary of the card order.
    void crashDuringACardSale_data() {
        QTest::addColumn<QByteArray>("point");
        for (const char* where : {"started", "called", "after"})
            QTest::newRow(qPrintable(QStringLiteral("authorize.%1").arg(QLatin1String(where))))
                << QByteArray("saga.authorize.") + where;
        for (const char* where : {"inside", "after"})
            QTest::newRow(qPrintable(QStringLiteral("confirm.%1").arg(QLatin1String(where))))
                << QByteArray("saga.confirm.") + where;
        for (const char* where : {"before", "started", "called", "after"})
            QTest::newRow(qPrintable(QStringLiteral("capture.%1").arg(QLatin1String(where))))
                << QByteArray("saga.capture.") + where;
        QTest::newRow("mail.inside") << QByteArray("saga.mail.inside");
    }
    void crashDuringACardSale() {
        QFETCH(QByteArray, point);
        Sale sale;
        const auto orderId = crashDuringSale(point, "4242424242424242", &sale);
        QVERIFY(!orderId.isEmpty());
        QVERIFY2(settled(orderId), qPrintable(stateOf(orderId)));
        checkConfirmed(sale, orderId);
        replayAnswersWithTheSameOrder(sale, orderId);
    }

    // A box-office sale at the card terminal (authorized and captured at once by the reader).
    void crashDuringATerminalSale_data() {
        QTest::addColumn<QByteArray>("point");
        QTest::newRow("authorize.started") << QByteArray("saga.authorize.started");
        QTest::newRow("authorize.called") << QByteArray("saga.authorize.called");
        QTest::newRow("capture.called") << QByteArray("saga.capture.called");
    }
    void crashDuringATerminalSale() {
        QFETCH(QByteArray, point);
        Sale sale;
        const auto orderId = crashDuringSale(point, {}, &sale);
        QVERIFY(!orderId.isEmpty());
        QVERIFY2(settled(orderId), qPrintable(stateOf(orderId)));
        checkConfirmed(sale, orderId);
        replayAnswersWithTheSameOrder(sale, orderId);
    }

    // A declined card: the order fails and keeps its hold for another card, whatever the crash.
    void crashDuringADeclinedCard_data() {
        QTest::addColumn<QByteArray>("point");
        QTest::newRow("authorize.called") << QByteArray("saga.authorize.called");
        QTest::newRow("authorize.after") << QByteArray("saga.authorize.after");
        QTest::newRow("release_seats.inside") << QByteArray("saga.release_seats.inside");
        QTest::newRow("compensate.before") << QByteArray("saga.compensate.before");
    }
    void crashDuringADeclinedCard() {
        QFETCH(QByteArray, point);
        Sale sale;
        const auto orderId = crashDuringSale(point, "4000000000000002", &sale);
        QVERIFY(!orderId.isEmpty());
        QVERIFY2(settled(orderId), qPrintable(stateOf(orderId)));
        QCOMPARE(one(QStringLiteral("SELECT status || '/' || failure_reason FROM orders WHERE id = '%1'").arg(orderId)),
                 QStringLiteral("failed/payment_declined"));
        QCOMPARE(one(QStringLiteral("SELECT string_agg(kind || ':' || status || ':' || decline_code, ',') FROM "
                                    "payment_operations WHERE order_id = '%1'")
                         .arg(orderId)),
                 QStringLiteral("authorize:declined:card_declined"));
        QCOMPARE(audit(orderId).value("authorizations", -1), 0);
        // The hold and its seat stay the buyer's; nothing was issued or mailed.
        QCOMPARE(one(QStringLiteral("SELECT kind || '/' || hold_id FROM seat_claims WHERE seat_id = '%1'")
                         .arg(QString::fromStdString(sale.seatId))),
                 QStringLiteral("held/") + QString::fromStdString(sale.holdId));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_holds WHERE id = '%1' AND expires_at > now()")
                         .arg(QString::fromStdString(sale.holdId))),
                 QStringLiteral("1"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM tickets WHERE order_id = '%1'").arg(orderId)), QStringLiteral("0"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM mail_outbox WHERE recipient = '%1'")
                         .arg(QString::fromStdString(sale.buyerEmail))),
                 QStringLiteral("0"));
        replayAnswersWithTheSameOrder(sale, orderId);
        // Another card on the same hold buys the seat.
        const auto client = m_event.open(m_attendeeToken);
        QVERIFY(client);
        auto retry = sale.createOrder;
        retry.mutable_create_order()->set_idempotency_key(m_event.newKey());
        retry.mutable_create_order()->set_card_payment_method(m_sandbox.tokenise("5555555555554444"));
        const auto answer = client->call(retry);
        QVERIFY(answer);
        QVERIFY2(answer->has_order(), answer->error().message().c_str());
        const auto retryId = QString::fromStdString(answer->order().id());
        QVERIFY(retryId != orderId);
        QVERIFY2(settled(retryId), qPrintable(stateOf(retryId)));
        checkConfirmed(sale, retryId);
    }

    // The buyer cancels a confirmed card order; killed during the refund.
    void crashDuringACardRefund_data() {
        QTest::addColumn<QByteArray>("point");
        for (const char* where : {"started", "called", "after"}) QTest::newRow(where) << QByteArray("saga.refund.") + where;
    }
    void crashDuringACardRefund() {
        QFETCH(QByteArray, point);
        QVERIFY(m_event.restartWith({}));
        const auto sale = sell("4242424242424242");
        QVERIFY(sale.answer && sale.answer->has_order());
        const auto orderId = QString::fromStdString(sale.answer->order().id());
        QVERIFY2(settled(orderId), qPrintable(stateOf(orderId)));
        checkConfirmed(sale, orderId);

        QVERIFY(m_event.restartWith(point));
        v1::Envelope cancel;
        cancel.mutable_cancel_order()->set_idempotency_key(m_event.newKey());
        cancel.mutable_cancel_order()->set_order_id(orderId.toStdString());
        {
            const auto client = m_event.open(m_attendeeToken);
            QVERIFY(client);
            // Answered only when the saga runner drove the refund instead: then it hits the point.
            if (client->call(cancel))
                QVERIFY2(QTest::qWaitFor([&] { return !m_event.server().isRunning(); }, kSettleTimeoutMs),
                         "the server never reached the failpoint");
        }
        QVERIFY(m_event.diedAt(point));
        QVERIFY(m_event.restartWith({}));
        lapseMailClaimsOfTheKilledServer();
        QVERIFY2(settled(orderId), qPrintable(stateOf(orderId)));
        QCOMPARE(one(QStringLiteral("SELECT status FROM orders WHERE id = '%1'").arg(orderId)), QStringLiteral("cancelled"));
        // Refunded once, in full, at the provider; the seat is back on sale, the ticket void.
        const auto record = audit(orderId);
        QCOMPARE(record.value("authorizations", -1), 1);
        QCOMPARE(record.value("captured_minor", std::int64_t{-1}), kSeatPriceMinor);
        QCOMPARE(record.value("refunded_minor", std::int64_t{-1}), kSeatPriceMinor);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM payment_operations WHERE order_id = '%1' AND kind = 'refund' "
                                    "AND status = 'succeeded'")
                         .arg(orderId)),
                 QStringLiteral("1"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM seat_claims WHERE seat_id = '%1'")
                         .arg(QString::fromStdString(sale.seatId))),
                 QStringLiteral("0"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM tickets WHERE order_id = '%1' AND voided_at IS NULL").arg(orderId)),
                 QStringLiteral("0"));
        // The confirmation and one cancellation mail, each received once.
        QVERIFY2(mailedExactly(sale.buyerEmail, 2), qPrintable(QString::number(mailsTo(sale.buyerEmail).size())));
        // The replayed cancellation answers with the cancelled order and refunds nothing more.
        const auto client = m_event.open(m_attendeeToken);
        QVERIFY(client);
        const auto replay = client->call(cancel);
        QVERIFY(replay && replay->has_order());
        QCOMPARE(replay->order().status(), v1::ORDER_CANCELLED);
        QCOMPARE(audit(orderId).value("refunded_minor", std::int64_t{-1}), kSeatPriceMinor);
    }

    void cleanupTestCase() {
        m_event.server().stop();
        m_smtp.stop();
    }
};

QTEST_GUILESS_MAIN(TestSagaCrashCard)
#include "test_saga_crash_card.moc"
