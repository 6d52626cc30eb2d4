// One interface for every way Marquee takes money (DESIGN.md §6): cash and the card terminal
// at the box office, a Stripe-style REST provider online. Card numbers never reach Marquee:
// online cards arrive as the provider's token, terminals read cards themselves.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace marquee::server::payments {

// The result of one provider call.
enum class Outcome {
    Succeeded,  // done; providerReference names the provider's object
    Declined,   // a final refusal (card declined, insufficient cash, terminal timeout): don't retry
    RetryLater, // the outcome is unknown or the provider is unavailable (network error, 5xx,
                // 429, timeout after sending): repeat the SAME call with the SAME idempotency
                // key later; the provider answers a repeated key with the original result
};

struct Result {
    Outcome outcome = Outcome::RetryLater;
    std::string providerReference; // "pi_…", "re_…", terminal transaction id, cash receipt no.
    std::string declineCode;       // order.proto Payment.decline_code vocabulary
    std::string message;           // the provider's text (logs, staff); never shown raw to buyers
    std::string cardBrand;         // "visa", from the provider
    std::string cardLast4;
    std::int64_t changeDueMinor = 0; // cash
};

struct AuthorizeRequest {
    std::string idempotencyKey;    // "<order id>:authorize"
    std::string orderId;
    std::string orderCode;
    std::int64_t amountMinor = 0;
    std::string currency;          // ISO 4217, upper case
    std::string description;       // "MQ-7K3F9X · Jazz Night"
    std::string cardPaymentMethod; // card online: the provider's token ("pm_…")
    std::string terminalId;        // card terminal
    std::int64_t cashTenderedMinor = 0; // cash
};

// capture / void / refund act on an earlier authorization (its providerReference).
struct FollowUpRequest {
    std::string idempotencyKey;    // "<order id>:capture", "<order id>:void", "<order id>:refund:<n>"
    std::string orderId;
    std::string providerReference;
    std::int64_t amountMinor = 0;  // capture/refund amount (refund may be partial)
    std::string currency;
    std::string reason;            // refund reason: requested_by_customer, event_cancelled, ...
};

// Implementations are thread-safe: the saga runner and request handlers call them from
// several threads. Calls block (bounded by each provider's timeout) and never throw for
// provider-side failures: those are Declined or RetryLater results.
class PaymentProvider {
public:
    virtual ~PaymentProvider() = default;
    // "cash", "card_terminal", "stripe": stored in payment_operations.provider.
    virtual std::string_view name() const = 0;
    // Reserve the amount (a terminal or cash payment is authorized and captured at once;
    // capture() then succeeds without moving money).
    virtual Result authorize(const AuthorizeRequest& request) = 0;
    virtual Result capture(const FollowUpRequest& request) = 0;
    // Release an authorization that was never captured.
    virtual Result voidAuthorization(const FollowUpRequest& request) = 0;
    virtual Result refund(const FollowUpRequest& request) = 0;
};

} // namespace marquee::server::payments
