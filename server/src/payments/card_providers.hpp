// The card providers a server runs with, from its --payment-* / --terminal-ids options:
// the Stripe-style provider for online cards and the card-terminal provider for the box
// office, both at the same provider URL (Stripe or the payment sandbox).
#pragma once

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

    bool onlineCards() const { return !apiUrl.empty() && !publishableKey.empty(); }
    bool terminals() const { return !apiUrl.empty() && !terminalIds.empty(); }
};

// Why these options cannot work together (for a usage error), or nullopt when they can.
std::optional<std::string> checkCardProviderOptions(const CardProviderOptions& options);

// Adds the providers the options enable to `registry` (with the client-facing config).
void registerCardProviders(orders::PaymentRegistry& registry, const CardProviderOptions& options);

} // namespace marquee::server::payments
