// The payment sandbox's model: a Stripe-style API (PaymentMethods, PaymentIntents, Refunds,
// Events, card-terminal readers) with Stripe's idempotency rules, test cards, scripted
// faults and terminal outcomes, and the audit that crash tests read. The HTTP layer
// (sandbox_http.hpp) turns requests into ApiCalls and carries out the answer's wire effect.
// Thread-safe: one mutex around the state (the HTTP thread and the webhook thread share it).
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace marquee::server::payments {}

namespace marquee::sandbox {

namespace payments = marquee::server::payments;
using Json = nlohmann::json;
using Params = std::map<std::string, std::string>;

struct SandboxConfig {
    std::string secretKey = "sk_test_marquee_sandbox";
    std::string publishableKey = "pk_test_marquee_sandbox";
    std::string webhookUrl;                    // empty: events are recorded, not delivered
    std::string webhookSecret = "whsec_marquee_sandbox";
    std::vector<std::string> readers{"tmr_box_office_1", "tmr_box_office_2"};
    std::chrono::milliseconds webhookRetryBase{500}; // doubles per failed attempt
    int webhookMaxAttempts = 8;
};

// One /v1/ request after the HTTP layer parsed it.
struct ApiCall {
    std::string method;          // GET, POST, DELETE
    std::string path;            // "/v1/payment_intents/pi_123/capture"
    Params params;               // form body (POST) or query string (GET)
    std::string authorization;   // the Authorization header
    std::string idempotencyKey;  // "" when none was sent
};

// What the HTTP layer does with a call.
struct ApiAnswer {
    unsigned status = 200;
    Json body = Json::object();
    std::map<std::string, std::string> headers;
    enum class Wire {
        Respond,     // send the answer
        Hang,        // processed, but never answer (a terminal that times out): hold the connection
        DropAfter,   // processed (and stored for replays), then the connection is closed unanswered
        DropBefore,  // closed unanswered, nothing processed
    };
    Wire wire = Wire::Respond;
    std::chrono::milliseconds delay{0}; // wait this long before processing (the key is in flight meanwhile)
    // Stripe keeps the answer of an executed request for replays, but not of one refused
    // before it ran (bad parameters, authentication, rate limit, a concurrent key).
    bool storable = true;
};

// Scripted failure of the next matching /v1/ calls (POST /_sandbox/faults).
struct Fault {
    std::string kind;            // http_500, http_503, http_429, delay, drop_before, drop_after
    int remaining = 1;
    std::chrono::milliseconds delay{0};
    std::string pathPrefix = "/v1/";
};

// A webhook to send: which event, and how to sign it.
struct Delivery {
    std::string eventId;
    std::string signature = "valid"; // valid, bad (wrong secret), stale (10 minutes old)
    int attempt = 1;
    bool retry = true;               // automatic deliveries retry on failure; manual ones don't
};

struct DeliveryRecord {
    std::int64_t at = 0;
    std::string signature;
    long status = 0;                 // 0: no HTTP answer
    std::string error;
};

// Where events go: the webhook dispatcher (webhook_dispatcher.hpp). Called with the
// sandbox's mutex held, so implementations only queue and never call back synchronously.
class WebhookOutbox {
public:
    virtual ~WebhookOutbox() = default;
    virtual void enqueue(Delivery delivery) = 0;                 // automatic delivery, with retries
    // One attempt, ahead of the queue; `done` gets the receiver's answer (dispatcher thread).
    virtual void deliverNow(Delivery delivery, std::function<void(const DeliveryRecord&)> done) = 0;
    // Paused: automatic deliveries wait. Resuming sends what waited, newest first if `reverse`
    // (out-of-order delivery).
    virtual void setPaused(bool paused, bool reverse) = 0;
    virtual void setUrl(std::string url) = 0;
};

class Sandbox {
public:
    explicit Sandbox(SandboxConfig config);

    const SandboxConfig& config() const { return m_config; }
    void setWebhookOutbox(WebhookOutbox* outbox) { m_outbox = outbox; }

    // A /v1/ call: authentication, faults, idempotency, then the endpoint. An answer with a
    // delay has not been processed yet: the HTTP layer waits, then calls finishDelayed().
    ApiAnswer begin(const ApiCall& call);
    ApiAnswer finishDelayed(const ApiCall& call);
    // /_sandbox/ control endpoints (no authentication: a local test double). `respond` is
    // called once, synchronously or later from the dispatcher thread.
    void control(const std::string& method, const std::string& path, const Params& params,
                 const std::function<void(ApiAnswer)>& respond);

    // The dispatcher's side.
    std::optional<std::string> eventBody(const std::string& eventId) const;
    void recordDelivery(const std::string& eventId, const DeliveryRecord& record);

private:
    struct Card {
        std::string number;
        std::string brand;
        std::string last4;
        std::string funding;
        int expMonth = 0;
        int expYear = 0;
    };
    struct PaymentMethod {
        std::string id;
        Card card;
        std::int64_t created = 0;
    };
    struct Charge {
        std::string id;
        std::string paymentIntent;
        std::string paymentMethod;
        std::int64_t amount = 0;
        std::int64_t amountCaptured = 0;
        std::int64_t amountRefunded = 0;
        std::string currency;
        std::string status;          // succeeded, failed
        bool captured = false;
        std::string failureCode;
        std::string failureMessage;
        std::int64_t created = 0;
    };
    struct PaymentIntent {
        std::string id;
        std::int64_t amount = 0;
        std::int64_t amountCapturable = 0;
        std::int64_t amountReceived = 0;
        std::string currency;
        std::string status;
        std::string captureMethod;
        std::string paymentMethod;
        std::string description;
        Params metadata;
        std::string latestCharge;
        std::string cancellationReason;
        std::int64_t canceledAt = 0;
        Json lastPaymentError;       // null when none
        std::int64_t created = 0;
        bool authorized = false;     // reached requires_capture or succeeded (the audit counts these)
    };
    struct Refund {
        std::string id;
        std::int64_t amount = 0;
        std::string charge;
        std::string paymentIntent;
        std::string currency;
        std::string reason;
        Params metadata;
        std::int64_t created = 0;
    };
    struct TerminalTransaction {
        std::string id;
        std::string reader;
        std::int64_t amount = 0;
        std::int64_t amountRefunded = 0;
        std::string currency;
        std::string status;          // approved, declined, expired, cancelled
        std::string declineCode;
        std::string idempotencyKey;
        std::string description;
        Params metadata;
        std::int64_t created = 0;
    };
    struct TerminalScript {
        std::string outcome;         // approve, decline, insufficient_funds, timeout, offline, cancel
        std::string timeoutResult;   // timeout: approved, declined or expired
    };
    struct Event {
        std::string id;
        std::string type;
        std::int64_t created = 0;
        std::string body;            // serialised once: every delivery signs the same bytes
        std::vector<DeliveryRecord> deliveries;
    };
    struct StoredAnswer {
        std::string fingerprint;
        ApiAnswer answer;
        bool inFlight = false;
    };

    // Endpoints; the mutex is held.
    ApiAnswer execute(const ApiCall& call);
    ApiAnswer createPaymentMethod(const ApiCall& call);
    ApiAnswer createPaymentIntent(const ApiCall& call);
    ApiAnswer confirmPaymentIntent(PaymentIntent& intent, const ApiCall& call);
    ApiAnswer capturePaymentIntent(PaymentIntent& intent, const ApiCall& call);
    ApiAnswer cancelPaymentIntent(PaymentIntent& intent, const ApiCall& call);
    ApiAnswer createRefund(const ApiCall& call);
    ApiAnswer processTerminalPayment(const std::string& reader, const ApiCall& call);
    ApiAnswer refundTerminalTransaction(TerminalTransaction& transaction, const ApiCall& call);
    ApiAnswer listEvents(const ApiCall& call) const;
    ApiAnswer listTerminalTransactions(const ApiCall& call) const;
    // Charges the intent's payment method: requires_capture / succeeded, or a card error.
    ApiAnswer charge(PaymentIntent& intent, const ApiCall& call);

    std::optional<ApiAnswer> authenticate(const ApiCall& call) const;
    std::optional<Fault> takeFault(const std::string& path);
    ApiAnswer controlLocked(const std::string& method, const std::string& path, const Params& params);
    ApiAnswer audit(const Params& params) const;

    Json paymentIntentJson(const PaymentIntent& intent, bool expandCharge) const;
    Json chargeJson(const Charge& charge) const;
    Json refundJson(const Refund& refund) const;
    Json paymentMethodJson(const PaymentMethod& method) const;
    Json terminalTransactionJson(const TerminalTransaction& transaction) const;
    void emitEvent(const std::string& type, Json object, const ApiCall& call);

    std::string newId(const std::string& prefix);
    static std::int64_t now();

    SandboxConfig m_config;
    mutable std::mutex m_mutex;
    std::mt19937_64 m_random;
    std::map<std::string, PaymentMethod> m_paymentMethods;
    std::map<std::string, PaymentIntent> m_intents;
    std::vector<std::string> m_intentOrder;
    std::map<std::string, Charge> m_charges;
    std::map<std::string, Refund> m_refunds;
    std::map<std::string, TerminalTransaction> m_terminalTransactions;
    std::vector<std::string> m_terminalOrder;
    std::map<std::string, std::deque<TerminalScript>> m_terminalScripts;
    std::map<std::string, Event> m_events;
    std::vector<std::string> m_eventOrder;
    std::deque<Fault> m_faults;
    std::map<std::string, StoredAnswer> m_idempotency; // "<api key>\n<idempotency key>"
    WebhookOutbox* m_outbox = nullptr;
    std::map<std::string, int> m_requestCounts; // "POST /v1/payment_intents" → calls (faults included)
};

} // namespace marquee::sandbox
