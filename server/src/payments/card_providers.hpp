// The card providers a server runs with, from its --payment-* / --terminal-ids options:
// the Stripe-style provider for online cards and the card-terminal provider for the box
// office, both at the same provider URL (Stripe or the payment sandbox).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace marquee::server::orders {
class PaymentRegistry;
}

namespace marquee::server::payments {

struct CardProviderOptions {
    std::string apiUrl;                   // --payment-url ("https://api.stripe.com", the sandbox)
    std::string secretKey;                // --payment-secret-key (sk_…)
    std::string publishableKey;           // --payment-publishable-key (pk_…): enables online cards
    std::string webhookSecret;            // --payment-webhook-secret (whsec_…): enables /webhooks/payments
    std::vector<std::string> terminalIds; // --terminal-ids: enables the card terminal
    // How long a call may take before its outcome counts as unknown (RetryLater, or for the
    // terminal a lookup by idempotency key); docs/payments.md "Timeouts".
    std::chrono::milliseconds callTimeout{15'000};     // --payment-timeout-ms: API calls, terminal lookups
    std::chrono::milliseconds terminalTimeout{90'000}; // --terminal-timeout-ms: the customer at the reader
    std::chrono::milliseconds connectTimeout{3'000};   // --payment-connect-timeout-ms

    bool onlineCards() const { return !apiUrl.empty() && !publishableKey.empty(); }
    bool terminals() const { return !apiUrl.empty() && !terminalIds.empty(); }
};

// Bounds of the timeout options (milliseconds).
inline constexpr long kMinCallTimeoutMs = 1'000;
inline constexpr long kMaxCallTimeoutMs = 600'000;
inline constexpr long kMinConnectTimeoutMs = 100;

// Why these options cannot work together (for a usage error), or nullopt when they can.
std::optional<std::string> checkCardProviderOptions(const CardProviderOptions& options);

// Adds the providers the options enable to `registry` (with the client-facing config).
void registerCardProviders(orders::PaymentRegistry& registry, const CardProviderOptions& options);

} // namespace marquee::server::payments
