// StripeProvider and CardTerminalProvider against the real payment sandbox process: every
// test card, capture/void/refund rules, Idempotency-Key replays and conflicts, injected faults
// (RetryLater, then success with the same key and a single authorization), wrong keys, and
// terminal approve/decline/offline/cancel/timeout (a real timeout resolved by lookup).
#include "sandbox_process.hpp"

#include "payments/card_terminal_provider.hpp"
#include "payments/stripe_provider.hpp"

#include <QtTest>

#include <atomic>
#include <future>

using namespace marquee;
using marquee::testing::SandboxProcess;
namespace payments = marquee::server::payments;
using payments::Outcome;

namespace {

std::atomic<int> counter{0};
std::string uniqueOrder() { return "00000000-0000-4000-8000-" + std::to_string(100000000000 + ++counter); }

const char* outcomeName(Outcome outcome) {
    switch (outcome) {
    case Outcome::Succeeded: return "Succeeded";
    case Outcome::Declined: return "Declined";
    case Outcome::RetryLater: return "RetryLater";
    }
    return "?";
}

} // namespace

class TestPaymentProviders : public QObject {
    Q_OBJECT

private:
    SandboxProcess sandbox;

    payments::StripeProvider stripe(std::chrono::milliseconds timeout = std::chrono::seconds(10),
                                    const std::string& key = SandboxProcess::kSecretKey) const {
        return payments::StripeProvider(payments::StripeOptions{sandbox.url(), key, timeout, std::chrono::seconds(3)});
    }
    payments::CardTerminalProvider terminal(std::chrono::milliseconds timeout = std::chrono::seconds(10)) const {
        return payments::CardTerminalProvider(payments::CardTerminalOptions{
            sandbox.url(), SandboxProcess::kSecretKey, {"tmr_test_1", "tmr_test_2"}, timeout, std::chrono::seconds(3)});
    }
    static payments::AuthorizeRequest cardRequest(const std::string& orderId, const std::string& pm,
                                                  std::int64_t amount = 4200) {
        payments::AuthorizeRequest r;
        r.idempotencyKey = orderId + ":authorize";
        r.orderId = orderId;
        r.orderCode = "MQ-TEST01";
        r.amountMinor = amount;
        r.currency = "EUR";
        r.description = "MQ-TEST01 · Jazz Night";
        r.cardPaymentMethod = pm;
        return r;
    }
    static payments::FollowUpRequest followUp(const std::string& orderId, const std::string& step,
                                              const std::string& reference, std::int64_t amount = 0) {
        payments::FollowUpRequest r;
        r.idempotencyKey = orderId + ":" + step;
        r.orderId = orderId;
        r.providerReference = reference;
        r.amountMinor = amount;
        r.currency = "EUR";
        return r;
    }
    nlohmann::json intent(const std::string& id) const {
        return sandbox.call("GET", "/v1/payment_intents/" + id, {}, std::string("Bearer ") + SandboxProcess::kSecretKey).body;
    }
    void fault(const std::string& kind, const std::vector<std::pair<std::string, std::string>>& extra = {}) {
        std::vector<std::pair<std::string, std::string>> params{{"kind", kind}};
        params.insert(params.end(), extra.begin(), extra.end());
        QCOMPARE(sandbox.control("POST", "/_sandbox/faults", params).status, 200L);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
    }
    void cleanup() { sandbox.control("POST", "/_sandbox/reset"); }

    void everyTestCard_data() {
        QTest::addColumn<QString>("number");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("declineCode");
        QTest::addColumn<QString>("brand");
        QTest::newRow("visa ok") << "4242424242424242" << int(Outcome::Succeeded) << "" << "visa";
        QTest::newRow("mastercard ok") << "5555555555554444" << int(Outcome::Succeeded) << "" << "mastercard";
        QTest::newRow("amex ok") << "378282246310005" << int(Outcome::Succeeded) << "" << "amex";
        QTest::newRow("declined") << "4000000000000002" << int(Outcome::Declined) << "card_declined" << "";
        QTest::newRow("insufficient funds") << "4000000000009995" << int(Outcome::Declined) << "insufficient_funds" << "";
        QTest::newRow("expired") << "4000000000000069" << int(Outcome::Declined) << "expired_card" << "";
        QTest::newRow("incorrect cvc") << "4000000000000127" << int(Outcome::Declined) << "incorrect_cvc" << "";
        QTest::newRow("processing error") << "4000000000000119" << int(Outcome::Declined) << "processing_error" << "";
        QTest::newRow("3-D Secure") << "4000002500003155" << int(Outcome::Declined) << "authentication_required" << "";
        QTest::newRow("not a test card") << "4111111111111111" << int(Outcome::Declined) << "card_declined" << "";
    }
    void everyTestCard() {
        QFETCH(QString, number);
        QFETCH(int, outcome);
        QFETCH(QString, declineCode);
        QFETCH(QString, brand);
        const auto cvc = number.startsWith(QLatin1String("37")) ? "1234" : "123";
        const auto pm = sandbox.tokenise(number.toStdString(), cvc);
        QVERIFY2(pm.rfind("pm_", 0) == 0, pm.c_str());
        const auto order = uniqueOrder();
        auto provider = stripe();
        const auto result = provider.authorize(cardRequest(order, pm));
        QCOMPARE(outcomeName(result.outcome), outcomeName(Outcome(outcome)));
        QCOMPARE(QString::fromStdString(result.declineCode), declineCode);
        QVERIFY2(result.providerReference.rfind("pi_", 0) == 0, result.providerReference.c_str());
        const auto state = intent(result.providerReference);
        if (result.outcome == Outcome::Succeeded) {
            QCOMPARE(QString::fromStdString(result.cardBrand), brand);
            QCOMPARE(result.cardLast4, number.right(4).toStdString());
            QCOMPARE(state["status"], "requires_capture");
            QCOMPARE(state["amount_capturable"], 4200);
            QCOMPARE(state["metadata"]["order_id"], order);
            QCOMPARE(sandbox.authorizations(order), 1);
        } else {
            QVERIFY(!result.message.empty());
            // Nothing stays reserved: a decline leaves the intent unpaid, 3-D Secure is cancelled.
            QVERIFY(state["status"] == "requires_payment_method" || state["status"] == "canceled");
            QCOMPARE(sandbox.authorizations(order), 0);
        }
    }

    void tokenisationRefusesBadCards() {
        const auto pk = std::string("Bearer ") + SandboxProcess::kPublishableKey;
        const auto make = [&](const std::string& number, const std::string& month, const std::string& year,
                              const std::string& cvc) {
            return sandbox.call("POST", "/v1/payment_methods",
                                {{"type", "card"}, {"card[number]", number}, {"card[exp_month]", month},
                                 {"card[exp_year]", year}, {"card[cvc]", cvc}},
                                pk);
        };
        auto r = make("4242424242424241", "12", "2034", "123"); // Luhn fails
        QCOMPARE(r.status, 402L);
        QCOMPARE(r.body["error"]["code"], "incorrect_number");
        QCOMPARE(r.body["error"]["type"], "card_error");
        r = make("4242424242424242", "13", "2034", "123");
        QCOMPARE(r.body["error"]["code"], "invalid_expiry_month");
        r = make("4242424242424242", "12", "2001", "123");
        QCOMPARE(r.body["error"]["code"], "invalid_expiry_year");
        r = make("4242424242424242", "12", "2034", "12");
        QCOMPARE(r.body["error"]["code"], "invalid_cvc");
        r = sandbox.call("POST", "/v1/payment_methods", {{"type", "card"}, {"card[number]", "4242424242424242"}}, pk);
        QCOMPARE(r.status, 400L);
        QCOMPARE(r.body["error"]["code"], "parameter_missing");
        // The publishable key may tokenise, nothing else; a wrong key gets 401 like Stripe.
        r = sandbox.call("GET", "/v1/payment_intents", {}, pk);
        QCOMPARE(r.status, 401L);
        r = sandbox.call("POST", "/v1/payment_intents", {{"amount", "100"}}, "Bearer sk_test_wrong_wrong_wrong");
        QCOMPARE(r.status, 401L);
        QVERIFY(r.body["error"]["message"].get<std::string>().find("Invalid API Key provided") == 0);
        r = sandbox.call("POST", "/v1/payment_intents", {{"amount", "100"}});
        QCOMPARE(r.status, 401L);
        // Unknown parameters are refused, as Stripe does.
        r = sandbox.call("POST", "/v1/payment_intents", {{"amount", "100"}, {"currency", "eur"}, {"colour", "red"}},
                         std::string("Bearer ") + SandboxProcess::kSecretKey);
        QCOMPARE(r.status, 400L);
        QCOMPARE(r.body["error"]["param"], "colour");
    }

    void wrongSecretKeyIsAFinalProcessingError() {
        auto provider = stripe(std::chrono::seconds(10), "sk_test_not_the_key_at_all");
        const auto order = uniqueOrder();
        const auto result = provider.authorize(cardRequest(order, sandbox.tokenise("4242424242424242")));
        QCOMPARE(outcomeName(result.outcome), "Declined");
        QCOMPARE(result.declineCode, "processing_error");
        QVERIFY(result.message.find("Invalid API Key") != std::string::npos);
        QCOMPARE(sandbox.authorizations(order), 0);
    }

    void unreachableProviderIsRetryLater() {
        payments::StripeProvider provider(
            payments::StripeOptions{"http://127.0.0.1:1", SandboxProcess::kSecretKey, std::chrono::seconds(2), std::chrono::seconds(2)});
        const auto result = provider.authorize(cardRequest(uniqueOrder(), "pm_whatever"));
        QCOMPARE(outcomeName(result.outcome), "RetryLater");
    }

    void captureVoidAndRefundRules() {
        auto provider = stripe();
        const auto pm = sandbox.tokenise("4242424242424242");
        // Capture at most what was authorized; a partial capture releases the rest.
        const auto a = uniqueOrder();
        const auto auth = provider.authorize(cardRequest(a, pm, 5000));
        QCOMPARE(outcomeName(auth.outcome), "Succeeded");
        auto tooMuch = provider.capture(followUp(a, "capture-too-much", auth.providerReference, 5001));
        QCOMPARE(outcomeName(tooMuch.outcome), "Declined");
        QCOMPARE(tooMuch.declineCode, "processing_error");
        QCOMPARE(intent(auth.providerReference)["status"], "requires_capture");
        const auto captured = provider.capture(followUp(a, "capture", auth.providerReference, 4500));
        QCOMPARE(outcomeName(captured.outcome), "Succeeded");
        auto state = intent(auth.providerReference);
        QCOMPARE(state["status"], "succeeded");
        QCOMPARE(state["amount_received"], 4500);
        // A second capture with a new key: the intent is already captured, which is what was wanted.
        const auto again = provider.capture(followUp(a, "capture-again", auth.providerReference, 4500));
        QCOMPARE(outcomeName(again.outcome), "Succeeded");
        // A captured payment cannot be voided; it must be refunded.
        const auto voidCaptured = provider.voidAuthorization(followUp(a, "void", auth.providerReference));
        QCOMPARE(outcomeName(voidCaptured.outcome), "Declined");
        // Partial refund, the rest, then nothing is left to refund.
        auto refund = followUp(a, "refund:1", auth.providerReference, 1000);
        refund.reason = "event_cancelled"; // not a Stripe reason: travels as metadata
        const auto r1 = provider.refund(refund);
        QCOMPARE(outcomeName(r1.outcome), "Succeeded");
        QVERIFY(r1.providerReference.rfind("re_", 0) == 0);
        const auto over = provider.refund(followUp(a, "refund:2", auth.providerReference, 3501));
        QCOMPARE(outcomeName(over.outcome), "Declined");
        const auto r2 = provider.refund(followUp(a, "refund:3", auth.providerReference, 3500));
        QCOMPARE(outcomeName(r2.outcome), "Succeeded");
        const auto r3 = provider.refund(followUp(a, "refund:4", auth.providerReference, 1));
        QCOMPARE(outcomeName(r3.outcome), "Declined");
        const auto audit = sandbox.control("GET", "/_sandbox/audit", {{"order_id", a}}).body;
        QCOMPARE(audit["captured_minor"], 4500);
        QCOMPARE(audit["refunded_minor"], 4500);

        // Void an uncaptured authorization; voiding again (new key) finds it already canceled.
        const auto b = uniqueOrder();
        const auto authB = provider.authorize(cardRequest(b, pm, 3000));
        QCOMPARE(outcomeName(provider.voidAuthorization(followUp(b, "void", authB.providerReference)).outcome), "Succeeded");
        QCOMPARE(intent(authB.providerReference)["status"], "canceled");
        QCOMPARE(outcomeName(provider.voidAuthorization(followUp(b, "void-2", authB.providerReference)).outcome), "Succeeded");
        // Nothing to capture or refund after a void.
        QCOMPARE(outcomeName(provider.capture(followUp(b, "capture", authB.providerReference, 3000)).outcome), "Declined");
        QCOMPARE(outcomeName(provider.refund(followUp(b, "refund:1", authB.providerReference, 100)).outcome), "Declined");
    }

    void sameKeyReplaysTheStoredAnswer() {
        auto provider = stripe();
        const auto pm = sandbox.tokenise("4242424242424242");
        const auto order = uniqueOrder();
        const auto first = provider.authorize(cardRequest(order, pm));
        const auto second = provider.authorize(cardRequest(order, pm));
        QCOMPARE(outcomeName(second.outcome), "Succeeded");
        QCOMPARE(second.providerReference, first.providerReference);
        QCOMPARE(sandbox.authorizations(order), 1);
        // The raw answer says it was replayed.
        const auto raw = sandbox.call("POST", "/v1/payment_intents/" + first.providerReference + "/cancel", {},
                                      std::string("Bearer ") + SandboxProcess::kSecretKey, order + ":raw-cancel");
        const auto replay = sandbox.call("POST", "/v1/payment_intents/" + first.providerReference + "/cancel", {},
                                         std::string("Bearer ") + SandboxProcess::kSecretKey, order + ":raw-cancel");
        QCOMPARE(raw.status, 200L);
        QCOMPARE(replay.status, 200L);
        QCOMPARE(replay.headers.at("idempotent-replayed"), "true");
        QCOMPARE(replay.body["id"], raw.body["id"]);
        // A declined answer is stored too: the same key declines again without a new attempt.
        const auto declinedOrder = uniqueOrder();
        const auto declinePm = sandbox.tokenise("4000000000000002");
        QCOMPARE(provider.authorize(cardRequest(declinedOrder, declinePm)).declineCode, "card_declined");
        QCOMPARE(provider.authorize(cardRequest(declinedOrder, declinePm)).declineCode, "card_declined");
        const auto audit = sandbox.control("GET", "/_sandbox/audit", {{"order_id", declinedOrder}}).body;
        QCOMPARE(audit["payment_intents"].size(), 1u);
    }

    void sameKeyWithOtherParametersIsRefused() {
        auto provider = stripe();
        const auto pm = sandbox.tokenise("4242424242424242");
        const auto order = uniqueOrder();
        QCOMPARE(outcomeName(provider.authorize(cardRequest(order, pm, 4200)).outcome), "Succeeded");
        const auto other = provider.authorize(cardRequest(order, pm, 9900));
        QCOMPARE(outcomeName(other.outcome), "Declined");
        QCOMPARE(other.declineCode, "processing_error");
        QVERIFY(other.message.find("same parameters") != std::string::npos);
        QCOMPARE(sandbox.authorizations(order), 1);
    }

    void concurrentSameKeyIsAConflict() {
        // The first call is held in flight (delay fault); the second with the same key gets 409.
        fault("delay", {{"delay_ms", "3000"}, {"path_prefix", "/v1/payment_intents"}});
        auto provider = stripe(std::chrono::seconds(20));
        const auto pm = sandbox.tokenise("4242424242424242");
        const auto order = uniqueOrder();
        auto first = std::async(std::launch::async, [&] { return provider.authorize(cardRequest(order, pm)); });
        // Wait until the sandbox has the first call.
        QTRY_VERIFY_WITH_TIMEOUT(sandbox.control("GET", "/_sandbox/requests").body["requests"].value("POST /v1/payment_intents", 0) > 0 &&
                                     sandbox.control("GET", "/_sandbox/faults").body["faults"].empty(),
                                 10'000);
        const auto raw = sandbox.call("POST", "/v1/payment_intents",
                                      {{"amount", "4200"}, {"currency", "eur"}}, std::string("Bearer ") + SandboxProcess::kSecretKey,
                                      order + ":authorize");
        QCOMPARE(raw.status, 409L);
        QCOMPARE(raw.body["error"]["type"], "idempotency_error");
        const auto second = provider.authorize(cardRequest(order, pm));
        QCOMPARE(outcomeName(second.outcome), "RetryLater");
        const auto done = first.get();
        QCOMPARE(outcomeName(done.outcome), "Succeeded");
        QCOMPARE(outcomeName(provider.authorize(cardRequest(order, pm)).outcome), "Succeeded");
        QCOMPARE(sandbox.authorizations(order), 1);
    }

    void faultsAreRetryLaterThenTheSameKeySucceeds_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("500") << "http_500";
        QTest::newRow("503") << "http_503";
        QTest::newRow("429") << "http_429";
        QTest::newRow("connection dropped before processing") << "drop_before";
        QTest::newRow("connection dropped after processing") << "drop_after";
    }
    void faultsAreRetryLaterThenTheSameKeySucceeds() {
        QFETCH(QString, kind);
        auto provider = stripe();
        const auto pm = sandbox.tokenise("4242424242424242");
        const auto order = uniqueOrder();
        fault(kind.toStdString());
        const auto failed = provider.authorize(cardRequest(order, pm));
        QCOMPARE(outcomeName(failed.outcome), "RetryLater");
        QCOMPARE(sandbox.authorizations(order), kind == QLatin1String("drop_after") ? 1 : 0);
        const auto retried = provider.authorize(cardRequest(order, pm));
        QCOMPARE(outcomeName(retried.outcome), "Succeeded");
        QCOMPARE(sandbox.authorizations(order), 1);
        // Follow-ups behave the same.
        fault(kind.toStdString());
        QCOMPARE(outcomeName(provider.capture(followUp(order, "capture", retried.providerReference, 4200)).outcome), "RetryLater");
        QCOMPARE(outcomeName(provider.capture(followUp(order, "capture", retried.providerReference, 4200)).outcome), "Succeeded");
        fault(kind.toStdString());
        QCOMPARE(outcomeName(provider.refund(followUp(order, "refund:1", retried.providerReference, 4200)).outcome), "RetryLater");
        QCOMPARE(outcomeName(provider.refund(followUp(order, "refund:1", retried.providerReference, 4200)).outcome), "Succeeded");
        const auto audit = sandbox.control("GET", "/_sandbox/audit", {{"order_id", order}}).body;
        QCOMPARE(audit["captured_minor"], 4200);
        QCOMPARE(audit["refunded_minor"], 4200);
    }

    void aTimedOutCallIsRetryLaterAndProcessedOnce() {
        // The provider gives up after 1 s; the sandbox processes the call after 2 s.
        const auto pm = sandbox.tokenise("4242424242424242");
        fault("delay", {{"delay_ms", "2000"}});
        auto provider = stripe(std::chrono::milliseconds(1000));
        const auto order = uniqueOrder();
        QCOMPARE(outcomeName(provider.authorize(cardRequest(order, pm)).outcome), "RetryLater");
        QTRY_COMPARE_WITH_TIMEOUT(sandbox.authorizations(order), 1, 10'000);
        const auto retried = provider.authorize(cardRequest(order, pm));
        QCOMPARE(outcomeName(retried.outcome), "Succeeded");
        QCOMPARE(sandbox.authorizations(order), 1);
    }

    void terminalOutcomes_data() {
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("declineCode");
        QTest::newRow("approve") << "approve" << int(Outcome::Succeeded) << "";
        QTest::newRow("decline") << "decline" << int(Outcome::Declined) << "card_declined";
        QTest::newRow("insufficient funds") << "insufficient_funds" << int(Outcome::Declined) << "insufficient_funds";
        QTest::newRow("cancelled on the reader") << "cancel" << int(Outcome::Declined) << "terminal_cancelled";
        QTest::newRow("offline") << "offline" << int(Outcome::Declined) << "terminal_offline";
    }
    void terminalOutcomes() {
        QFETCH(QString, script);
        QFETCH(int, outcome);
        QFETCH(QString, declineCode);
        QCOMPARE(sandbox.control("POST", "/_sandbox/terminals/tmr_test_1/next", {{"outcome", script.toStdString()}}).status, 200L);
        auto provider = terminal();
        const auto order = uniqueOrder();
        auto request = cardRequest(order, "");
        request.terminalId = "tmr_test_1";
        const auto result = provider.authorize(request);
        QCOMPARE(outcomeName(result.outcome), outcomeName(Outcome(outcome)));
        QCOMPARE(QString::fromStdString(result.declineCode), declineCode);
        QCOMPARE(sandbox.authorizations(order), result.outcome == Outcome::Succeeded ? 1 : 0);
        if (result.outcome == Outcome::Succeeded) {
            QVERIFY(result.providerReference.rfind("tmtx_", 0) == 0);
            QCOMPARE(result.cardBrand, "visa");
            QCOMPARE(outcomeName(provider.capture(followUp(order, "capture", result.providerReference, 4200)).outcome), "Succeeded");
        }
        if (script == QLatin1String("offline")) {
            // Offline refused before anything happened: the same key works once the reader is back.
            const auto again = provider.authorize(request);
            QCOMPARE(outcomeName(again.outcome), "Succeeded");
            QCOMPARE(sandbox.authorizations(order), 1);
        }
    }

    void terminalRefusesUnknownReaders() {
        auto provider = terminal();
        auto request = cardRequest(uniqueOrder(), "");
        request.terminalId = "tmr_somebody_elses";
        const auto result = provider.authorize(request);
        QCOMPARE(outcomeName(result.outcome), "Declined");
        QCOMPARE(result.declineCode, "processing_error");
    }

    void terminalTimeoutIsResolvedByLookup_data() {
        QTest::addColumn<QString>("result");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("declineCode");
        QTest::newRow("paid, answer lost") << "approve" << int(Outcome::Succeeded) << "";
        QTest::newRow("declined, answer lost") << "decline" << int(Outcome::Declined) << "card_declined";
        QTest::newRow("no card presented") << "expired" << int(Outcome::Declined) << "terminal_timeout";
    }
    void terminalTimeoutIsResolvedByLookup() {
        QFETCH(QString, result);
        QFETCH(int, outcome);
        QFETCH(QString, declineCode);
        QCOMPARE(sandbox.control("POST", "/_sandbox/terminals/tmr_test_2/next",
                                 {{"outcome", "timeout"}, {"result", result.toStdString()}})
                     .status,
                 200L);
        auto provider = terminal(std::chrono::milliseconds(1000)); // the call really times out
        const auto order = uniqueOrder();
        auto request = cardRequest(order, "");
        request.terminalId = "tmr_test_2";
        const auto first = provider.authorize(request);
        QCOMPARE(outcomeName(first.outcome), outcomeName(Outcome(outcome)));
        QCOMPARE(QString::fromStdString(first.declineCode), declineCode);
        // A repeat with the same key answers at once with the same transaction.
        const auto again = provider.authorize(request);
        QCOMPARE(outcomeName(again.outcome), outcomeName(Outcome(outcome)));
        QCOMPARE(again.providerReference, first.providerReference);
        QCOMPARE(sandbox.authorizations(order), first.outcome == Outcome::Succeeded ? 1 : 0);
    }

    void terminalVoidAndRefund() {
        auto provider = terminal();
        const auto order = uniqueOrder();
        auto request = cardRequest(order, "", 6000);
        request.terminalId = "tmr_test_1";
        const auto paid = provider.authorize(request);
        QCOMPARE(outcomeName(paid.outcome), "Succeeded");
        QCOMPARE(outcomeName(provider.refund(followUp(order, "refund:1", paid.providerReference, 2000)).outcome), "Succeeded");
        QCOMPARE(outcomeName(provider.refund(followUp(order, "refund:2", paid.providerReference, 4001)).outcome), "Declined");
        // Void gives back whatever is left.
        QCOMPARE(outcomeName(provider.voidAuthorization(followUp(order, "void", paid.providerReference)).outcome), "Succeeded");
        QCOMPARE(sandbox.control("GET", "/_sandbox/audit", {{"order_id", order}}).body["refunded_minor"], 6000);
    }

    void sandboxRefusesBadControlInput() {
        QCOMPARE(sandbox.control("POST", "/_sandbox/faults", {{"kind", "explode"}}).status, 400L);
        QCOMPARE(sandbox.control("POST", "/_sandbox/faults", {{"kind", "delay"}}).status, 400L);
        QCOMPARE(sandbox.control("POST", "/_sandbox/terminals/tmr_nope/next", {{"outcome", "approve"}}).status, 404L);
        QCOMPARE(sandbox.control("POST", "/_sandbox/terminals/tmr_test_1/next", {{"outcome", "maybe"}}).status, 400L);
        QCOMPARE(sandbox.control("GET", "/_sandbox/nothing-here").status, 404L);
        const auto unknown = sandbox.call("GET", "/v1/payment_intents/pi_missing", {}, std::string("Bearer ") + SandboxProcess::kSecretKey);
        QCOMPARE(unknown.status, 404L);
        QCOMPARE(unknown.body["error"]["code"], "resource_missing");
    }
};

QTEST_GUILESS_MAIN(TestPaymentProviders)
#include "test_payment_providers.moc"
