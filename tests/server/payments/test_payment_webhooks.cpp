// POST /webhooks/payments on the real marquee-server (real PostgreSQL) fed by the real payment
// sandbox: signed deliveries are recorded once (duplicates change nothing), an older event
// after a newer one changes nothing, bad and stale signatures and malformed bodies are refused
// with 400 and leave no trace, failed deliveries are retried until recorded.
#include "sandbox_process.hpp"
#include "test_server.hpp"

#include "payments/webhook_signature.hpp"

#include <QtTest>

#include <ctime>

using marquee::testing::SandboxProcess;
using marquee::testing::TestServer;
namespace payments = marquee::server::payments;

class TestPaymentWebhooks : public QObject {
    Q_OBJECT

private:
    SandboxProcess sandbox;
    TestServer server;
    const std::string secretAuth = std::string("Bearer ") + SandboxProcess::kSecretKey;

    std::string webhookUrl() const { return "http://127.0.0.1:" + std::to_string(server.port()) + "/webhooks/payments"; }

    QString scalar(const QString& sql) const {
        QString error;
        const auto rows = server.query(sql, &error);
        return error.isEmpty() && !rows.isEmpty() ? rows.first() : QStringLiteral("<error: %1>").arg(error);
    }
    int recorded(const std::string& eventId) const {
        return scalar(QStringLiteral("SELECT count(*) FROM payment_webhook_events WHERE event_id = '%1'")
                          .arg(QString::fromStdString(eventId)))
            .toInt();
    }
    QString outcome(const std::string& eventId) const {
        return scalar(QStringLiteral("SELECT outcome FROM payment_webhook_events WHERE event_id = '%1'")
                          .arg(QString::fromStdString(eventId)));
    }
    // A manual-capture intent, authorized and captured: returns {intent, authorized event, captured event}.
    struct Payment {
        std::string intent;
        std::string authorizedEvent;
        std::string capturedEvent;
    };
    Payment authorizeAndCapture(const std::string& orderId) {
        const auto pm = sandbox.tokenise("4242424242424242");
        const auto created = sandbox.call("POST", "/v1/payment_intents",
                                          {{"amount", "2500"}, {"currency", "eur"}, {"payment_method", pm},
                                           {"confirm", "true"}, {"capture_method", "manual"},
                                           {"metadata[order_id]", orderId}},
                                          secretAuth, orderId + ":authorize");
        Payment p;
        p.intent = created.body.value("id", "");
        sandbox.call("POST", "/v1/payment_intents/" + p.intent + "/capture", {}, secretAuth, orderId + ":capture");
        const auto events = sandbox.control("GET", "/_sandbox/events").body;
        for (const auto& e : events["events"]) {
            if (e["object"].value("id", "") != p.intent) continue;
            if (e["type"] == "payment_intent.amount_capturable_updated") p.authorizedEvent = e["id"];
            if (e["type"] == "payment_intent.succeeded") p.capturedEvent = e["id"];
        }
        return p;
    }
    long deliver(const std::string& eventId, const std::string& signature = "valid") {
        const auto reply = sandbox.control("POST", "/_sandbox/events/" + eventId + "/deliver", {{"signature", signature}});
        return reply.status == 200 ? reply.body.value("status", 0L) : -reply.status;
    }
    long postRaw(const std::string& body, const std::string& signatureHeader, const std::string& method = "POST") {
        payments::HttpRequest request;
        request.method = method;
        request.url = webhookUrl();
        request.body = body;
        request.headers = {"Content-Type: application/json"};
        if (!signatureHeader.empty()) request.headers.push_back("Stripe-Signature: " + signatureHeader);
        const auto response = payments::HttpClient().send(request);
        return response.completed() ? response.status : 0;
    }
    static std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

private slots:
    void initTestCase() {
        if (TestServer::clusterUrl().isEmpty()) QSKIP("needs the CTest postgres fixture");
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        QVERIFY2(server.start(&error, {QStringLiteral("--payment-url"), QString::fromStdString(sandbox.url()),
                                      QStringLiteral("--payment-secret-key"), QString::fromLatin1(SandboxProcess::kSecretKey),
                                      QStringLiteral("--payment-publishable-key"),
                                      QString::fromLatin1(SandboxProcess::kPublishableKey),
                                      QStringLiteral("--payment-webhook-secret"),
                                      QString::fromLatin1(SandboxProcess::kWebhookSecret)}),
                 qPrintable(error));
        // Automatic delivery stays paused: each test delivers what it needs itself.
        QCOMPARE(sandbox.control("POST", "/_sandbox/webhooks", {{"url", webhookUrl()}, {"paused", "true"}}).status, 200L);
    }

    void paymentOptionsAreChecked_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("url without key") << QStringList{QStringLiteral("--payment-url"), QStringLiteral("http://127.0.0.1:9")}
                                         << QStringLiteral("--payment-url needs --payment-secret-key");
        QTest::newRow("key without url") << QStringList{QStringLiteral("--payment-secret-key"), QStringLiteral("sk_test_x")}
                                         << QStringLiteral("--payment-url is needed");
        QTest::newRow("not a secret key")
            << QStringList{QStringLiteral("--payment-url"), QStringLiteral("http://127.0.0.1:9"),
                           QStringLiteral("--payment-secret-key"), QStringLiteral("pk_test_x"),
                           QStringLiteral("--payment-publishable-key"), QStringLiteral("pk_test_x")}
            << QStringLiteral("--payment-secret-key must start with sk_");
        QTest::newRow("nothing to enable")
            << QStringList{QStringLiteral("--payment-url"), QStringLiteral("http://127.0.0.1:9"),
                           QStringLiteral("--payment-secret-key"), QStringLiteral("sk_test_x")}
            << QStringLiteral("--payment-publishable-key (online cards) or --terminal-ids");
        QTest::newRow("bad url") << QStringList{QStringLiteral("--payment-url"), QStringLiteral("ftp://x"),
                                                QStringLiteral("--payment-secret-key"), QStringLiteral("sk_test_x"),
                                                QStringLiteral("--terminal-ids"), QStringLiteral("t1")}
                                 << QStringLiteral("must be an http:// or https:// URL");
        QTest::newRow("bad webhook secret")
            << QStringList{QStringLiteral("--payment-url"), QStringLiteral("http://127.0.0.1:9"),
                           QStringLiteral("--payment-secret-key"), QStringLiteral("sk_test_x"),
                           QStringLiteral("--terminal-ids"), QStringLiteral("t1"),
                           QStringLiteral("--payment-webhook-secret"), QStringLiteral("secret")}
            << QStringLiteral("--payment-webhook-secret must start with whsec_");
    }
    void paymentOptionsAreChecked() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QProcess process;
        process.start(TestServer::serverBinary(), QStringList{QStringLiteral("serve")} + args);
        QVERIFY(process.waitForFinished(30'000));
        QCOMPARE(process.exitCode(), 2); // a usage error, before anything starts
        const auto err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }

    void badSignatureIsRefusedAndChangesNothing() {
        const auto p = authorizeAndCapture("00000000-0000-4000-8000-000000000001");
        QCOMPARE(deliver(p.authorizedEvent, "bad"), 400L);
        QCOMPARE(recorded(p.authorizedEvent), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM payment_provider_states WHERE provider_reference = '%1'")
                            .arg(QString::fromStdString(p.intent))),
                 QStringLiteral("0"));
    }

    void staleTimestampIsRefusedAndChangesNothing() {
        const auto p = authorizeAndCapture("00000000-0000-4000-8000-000000000002");
        QCOMPARE(deliver(p.capturedEvent, "stale"), 400L);
        QCOMPARE(recorded(p.capturedEvent), 0);
        // The same event properly signed is then accepted: the refusal left nothing behind.
        QCOMPARE(deliver(p.capturedEvent), 200L);
        QCOMPARE(recorded(p.capturedEvent), 1);
    }

    void malformedDeliveriesAreRefused() {
        const std::string event = R"({"id":"evt_handmade_1","object":"event","type":"payment_intent.succeeded","created":)" +
                                  std::to_string(now()) + R"(,"data":{"object":{"id":"pi_handmade","status":"succeeded"}}})";
        QCOMPARE(postRaw(event, ""), 400L);                                                           // no signature
        QCOMPARE(postRaw(event, "t=" + std::to_string(now()) + ",v1=00"), 400L);                      // wrong signature
        // Beyond the 300 s tolerance with a minute to spare: the server reads its clock a moment later.
        QCOMPARE(postRaw(event, payments::signWebhook(SandboxProcess::kWebhookSecret, now() - 360, event)), 400L); // stale
        QCOMPARE(postRaw(event, payments::signWebhook(SandboxProcess::kWebhookSecret, now() + 360, event)), 400L); // future
        const std::string notJson = "{not json";
        QCOMPARE(postRaw(notJson, payments::signWebhook(SandboxProcess::kWebhookSecret, now(), notJson)), 400L);
        const std::string notEvent = R"({"id":"cus_1","type":"x"})";
        QCOMPARE(postRaw(notEvent, payments::signWebhook(SandboxProcess::kWebhookSecret, now(), notEvent)), 400L);
        QCOMPARE(postRaw(event, "", "GET"), 405L);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM payment_webhook_events WHERE event_id LIKE 'evt_handmade%' "
                                       "OR payload->>'id' = 'cus_1'")),
                 QStringLiteral("0"));
        // Properly signed, the handmade event is taken (a payment no order knows).
        QCOMPARE(postRaw(event, payments::signWebhook(SandboxProcess::kWebhookSecret, now(), event)), 200L);
        QCOMPARE(outcome("evt_handmade_1"), QStringLiteral("unknown_payment"));
    }

    void duplicatesAreProcessedOnce() {
        const auto p = authorizeAndCapture("00000000-0000-4000-8000-000000000003");
        QCOMPARE(deliver(p.authorizedEvent), 200L);
        const auto processedAt = scalar(QStringLiteral("SELECT processed_at FROM payment_webhook_events WHERE event_id = '%1'")
                                            .arg(QString::fromStdString(p.authorizedEvent)));
        QCOMPARE(deliver(p.authorizedEvent), 200L); // acknowledged, so the provider stops sending it
        QCOMPARE(sandbox.control("POST", "/_sandbox/events/" + p.authorizedEvent + "/redeliver").status, 200L);
        QCOMPARE(sandbox.control("POST", "/_sandbox/webhooks", {{"paused", "false"}}).status, 200L);
        QTRY_VERIFY_WITH_TIMEOUT(sandbox.control("GET", "/_sandbox/events/" + p.authorizedEvent).body["deliveries"].size() >= 3, 20'000);
        QCOMPARE(sandbox.control("POST", "/_sandbox/webhooks", {{"paused", "true"}}).status, 200L);
        QCOMPARE(recorded(p.authorizedEvent), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT processed_at FROM payment_webhook_events WHERE event_id = '%1'")
                            .arg(QString::fromStdString(p.authorizedEvent))),
                 processedAt);
        // The queue also carried the capture; the repeated authorization did not undo it.
        QTRY_COMPARE_WITH_TIMEOUT(recorded(p.capturedEvent), 1, 20'000);
        QCOMPARE(scalar(QStringLiteral("SELECT status || '|' || status_rank || '|' || last_event_id FROM payment_provider_states "
                                       "WHERE provider_reference = '%1'")
                            .arg(QString::fromStdString(p.intent))),
                 QStringLiteral("succeeded|3|%1").arg(QString::fromStdString(p.capturedEvent)));
    }

    void anOlderEventAfterANewerOneChangesNothing() {
        const auto p = authorizeAndCapture("00000000-0000-4000-8000-000000000004");
        QCOMPARE(deliver(p.capturedEvent), 200L);   // newer first
        QCOMPARE(deliver(p.authorizedEvent), 200L); // then the older one
        QCOMPARE(outcome(p.capturedEvent), QStringLiteral("unknown_payment")); // no order has this test intent
        QCOMPARE(outcome(p.authorizedEvent), QStringLiteral("superseded"));
        QCOMPARE(scalar(QStringLiteral("SELECT status || '|' || last_event_id FROM payment_provider_states "
                                       "WHERE provider_reference = '%1'")
                            .arg(QString::fromStdString(p.intent))),
                 QStringLiteral("succeeded|%1").arg(QString::fromStdString(p.capturedEvent)));
    }

    void refundsOnlyCountUpwards() {
        const auto orderId = std::string("00000000-0000-4000-8000-000000000005");
        const auto p = authorizeAndCapture(orderId);
        sandbox.call("POST", "/v1/refunds", {{"payment_intent", p.intent}, {"amount", "1000"}}, secretAuth, orderId + ":refund:1");
        sandbox.call("POST", "/v1/refunds", {{"payment_intent", p.intent}, {"amount", "500"}}, secretAuth, orderId + ":refund:2");
        std::vector<std::string> refunds;
        const auto events = sandbox.control("GET", "/_sandbox/events", {{"type", "charge.refunded"}}).body;
        for (const auto& e : events["events"])
            if (e["object"].value("payment_intent", "") == p.intent) refunds.push_back(e["id"]);
        QCOMPARE(refunds.size(), 2u);
        QCOMPARE(deliver(refunds[1]), 200L); // amount_refunded 1500
        QCOMPARE(deliver(refunds[0]), 200L); // amount_refunded 1000: older
        QCOMPARE(outcome(refunds[0]), QStringLiteral("superseded"));
        QCOMPARE(scalar(QStringLiteral("SELECT amount_refunded FROM payment_provider_states WHERE provider_reference = '%1'")
                            .arg(QString::fromStdString(p.intent))),
                 QStringLiteral("1500"));
    }

    void outOfOrderAutomaticDeliveryAndRetries() {
        // Deliveries to a wrong path fail (4xx) and are retried; once the URL is right, every
        // event is recorded, even when the queue is released newest first.
        QCOMPARE(sandbox.control("POST", "/_sandbox/webhooks",
                                 {{"url", "http://127.0.0.1:" + std::to_string(server.port()) + "/webhooks/nowhere"},
                                  {"paused", "false"}})
                     .status,
                 200L);
        const auto p = authorizeAndCapture("00000000-0000-4000-8000-000000000006");
        QTRY_VERIFY_WITH_TIMEOUT(!sandbox.control("GET", "/_sandbox/events/" + p.capturedEvent).body["deliveries"].empty(), 20'000);
        const auto firstTry = sandbox.control("GET", "/_sandbox/events/" + p.capturedEvent).body;
        QVERIFY2(firstTry["deliveries"][0].value("status", 0) >= 400, firstTry.dump().c_str()); // the wrong path is refused
        QCOMPARE(sandbox.control("POST", "/_sandbox/webhooks", {{"paused", "true"}}).status, 200L);
        QCOMPARE(sandbox.control("POST", "/_sandbox/webhooks", {{"url", webhookUrl()}, {"paused", "false"}, {"order", "reverse"}}).status,
                 200L);
        QTRY_COMPARE_WITH_TIMEOUT(recorded(p.authorizedEvent) + recorded(p.capturedEvent), 2, 30'000);
        QCOMPARE(scalar(QStringLiteral("SELECT status FROM payment_provider_states WHERE provider_reference = '%1'")
                            .arg(QString::fromStdString(p.intent))),
                 QStringLiteral("succeeded"));
        QCOMPARE(sandbox.control("POST", "/_sandbox/webhooks", {{"paused", "true"}}).status, 200L);
    }
};

QTEST_GUILESS_MAIN(TestPaymentWebhooks)
#include "test_payment_webhooks.moc"
