// Form encoding (the Stripe-style request format) and webhook signatures: signing, and every
// way verification must refuse (wrong secret, altered body, stale or future timestamp,
// malformed headers), plus several v1 entries while a secret is rolled.
#include "payments/form_encoding.hpp"
#include "payments/webhook_signature.hpp"

#include <QtTest>

using namespace marquee::server::payments;

class TestPaymentEncoding : public QObject {
    Q_OBJECT

private slots:
    void formRoundTrip() {
        const FormParams params{{"metadata[order_id]", "a b&c=d"}, {"description", "MQ-7K3F9X · Jazz Night"}, {"empty", ""}};
        const auto encoded = formEncode(params);
        QCOMPARE(encoded, std::string("metadata%5Border_id%5D=a%20b%26c%3Dd&description=MQ-7K3F9X%20%C2%B7%20Jazz%20Night&empty="));
        const auto decoded = parseForm(encoded);
        QVERIFY(decoded);
        QCOMPARE(decoded->size(), 3u);
        QCOMPARE(decoded->at("metadata[order_id]"), "a b&c=d");
        QCOMPARE(decoded->at("description"), "MQ-7K3F9X · Jazz Night");
        QCOMPARE(parseForm("a=1+2&b")->at("a"), "1 2");
        QCOMPARE(parseForm("a=1+2&b")->at("b"), "");
    }

    void formRefusesMalformedEscapes() {
        QVERIFY(!parseForm("a=%"));
        QVERIFY(!parseForm("a=%4"));
        QVERIFY(!parseForm("a=%zz"));
        QVERIFY(!parseForm("=value"));
        QVERIFY(parseForm("")->empty());
    }

    void signatureMatchesStripesDefinition() {
        // HMAC-SHA256("whsec_test", "1700000000.{}") computed with openssl dgst -sha256 -hmac.
        QCOMPARE(webhookSignature("whsec_test", 1700000000, "{}"),
                 std::string("35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91"));
        const auto header = signWebhook("whsec_test", 1700000000, R"({"id":"evt_1"})");
        QVERIFY(header.rfind("t=1700000000,v1=", 0) == 0);
        QCOMPARE(verifyWebhookSignature(header, R"({"id":"evt_1"})", "whsec_test", 1700000000), SignatureCheck::Valid);
    }

    void verificationRefuses() {
        const std::string body = R"({"id":"evt_1","type":"payment_intent.succeeded"})";
        const std::int64_t t = 1700000000;
        const auto header = signWebhook("whsec_right", t, body);
        QCOMPARE(verifyWebhookSignature(header, body, "whsec_wrong", t), SignatureCheck::Mismatch);
        QCOMPARE(verifyWebhookSignature(header, body + " ", "whsec_right", t), SignatureCheck::Mismatch);
        // The timestamp is signed: changing it breaks the signature.
        auto moved = header;
        moved.replace(2, 10, "1700000001");
        QCOMPARE(verifyWebhookSignature(moved, body, "whsec_right", t), SignatureCheck::Mismatch);
        // 300 s tolerance, either way.
        QCOMPARE(verifyWebhookSignature(header, body, "whsec_right", t + 300), SignatureCheck::Valid);
        QCOMPARE(verifyWebhookSignature(header, body, "whsec_right", t + 301), SignatureCheck::Stale);
        QCOMPARE(verifyWebhookSignature(header, body, "whsec_right", t - 301), SignatureCheck::Stale);
        // Malformed headers.
        QCOMPARE(verifyWebhookSignature("", body, "whsec_right", t), SignatureCheck::Malformed);
        QCOMPARE(verifyWebhookSignature("v1=abc", body, "whsec_right", t), SignatureCheck::Malformed);
        QCOMPARE(verifyWebhookSignature("t=1700000000", body, "whsec_right", t), SignatureCheck::Malformed);
        QCOMPARE(verifyWebhookSignature("t=17x,v1=ab", body, "whsec_right", t), SignatureCheck::Malformed);
        QCOMPARE(verifyWebhookSignature("t=1,t=2,v1=ab", body, "whsec_right", t), SignatureCheck::Malformed);
        // A v0 (test-mode) signature alone is not accepted.
        QCOMPARE(verifyWebhookSignature("t=1700000000,v0=" + webhookSignature("whsec_right", t, body), body, "whsec_right", t),
                 SignatureCheck::Malformed);
    }

    void anyOfSeveralV1EntriesMayMatch() {
        const std::string body = "{}";
        const std::int64_t t = 1700000000;
        const auto header = "t=1700000000,v1=" + webhookSignature("whsec_old", t, body) + ",v1=" +
                            webhookSignature("whsec_new", t, body);
        QCOMPARE(verifyWebhookSignature(header, body, "whsec_new", t), SignatureCheck::Valid);
        QCOMPARE(verifyWebhookSignature(header, body, "whsec_old", t), SignatureCheck::Valid);
        QCOMPARE(verifyWebhookSignature(header, body, "whsec_other", t), SignatureCheck::Mismatch);
    }
};

QTEST_GUILESS_MAIN(TestPaymentEncoding)
#include "test_payment_encoding.moc"
