// Card provider set-up from the server options.
#include "payments/card_providers.hpp"

#include "common/log.hpp"
#include "orders/payment_registry.hpp"
#include "payments/card_terminal_provider.hpp"
#include "payments/stripe_provider.hpp"

namespace marquee::server::payments {

std::optional<std::string> checkCardProviderOptions(const CardProviderOptions& o) {
    const bool anyKey = !o.secretKey.empty() || !o.publishableKey.empty() || !o.terminalIds.empty();
    if (o.apiUrl.empty() && anyKey) return "--payment-url is needed with the payment keys and --terminal-ids";
    if (o.apiUrl.empty() && !o.webhookSecret.empty()) return "--payment-webhook-secret needs --payment-url";
    if (o.apiUrl.empty()) return std::nullopt;
    if (o.apiUrl.rfind("http://", 0) != 0 && o.apiUrl.rfind("https://", 0) != 0)
        return "--payment-url must be an http:// or https:// URL, not '" + o.apiUrl + "'";
    if (o.secretKey.empty()) return "--payment-url needs --payment-secret-key";
    if (o.secretKey.rfind("sk_", 0) != 0) return "--payment-secret-key must start with sk_";
    if (!o.publishableKey.empty() && o.publishableKey.rfind("pk_", 0) != 0)
        return "--payment-publishable-key must start with pk_";
    if (!o.webhookSecret.empty() && o.webhookSecret.rfind("whsec_", 0) != 0)
        return "--payment-webhook-secret must start with whsec_";
    if (o.publishableKey.empty() && o.terminalIds.empty())
        return "--payment-url needs --payment-publishable-key (online cards) or --terminal-ids (card terminals)";
    using std::chrono::milliseconds;
    if (o.callTimeout < milliseconds(kMinCallTimeoutMs) || o.callTimeout > milliseconds(kMaxCallTimeoutMs))
        return "--payment-timeout-ms must be from " + std::to_string(kMinCallTimeoutMs) + " to " +
               std::to_string(kMaxCallTimeoutMs);
    if (o.terminalTimeout < milliseconds(kMinCallTimeoutMs) || o.terminalTimeout > milliseconds(kMaxCallTimeoutMs))
        return "--terminal-timeout-ms must be from " + std::to_string(kMinCallTimeoutMs) + " to " +
               std::to_string(kMaxCallTimeoutMs);
    // A connect timeout longer than a call's own is harmless: the call's bounds the whole exchange.
    if (o.connectTimeout < milliseconds(kMinConnectTimeoutMs) || o.connectTimeout > milliseconds(kMaxCallTimeoutMs))
        return "--payment-connect-timeout-ms must be from " + std::to_string(kMinConnectTimeoutMs) + " to " +
               std::to_string(kMaxCallTimeoutMs);
    for (const auto& id : o.terminalIds)
        if (id.empty() || id.size() > 64 || id.find_first_of("/?#% ") != std::string::npos)
            return "--terminal-ids: '" + id + "' is not a terminal id";
    return std::nullopt;
}

void registerCardProviders(orders::PaymentRegistry& registry, const CardProviderOptions& options) {
    if (options.onlineCards()) {
        registry.add(v1::PAYMENT_CARD_ONLINE,
                     std::make_shared<StripeProvider>(StripeOptions{options.apiUrl, options.secretKey,
                                                                    options.callTimeout, options.connectTimeout}));
        registry.setOnlineConfig({options.apiUrl, options.publishableKey});
        log::info("online card payments enabled", {{"provider_url", options.apiUrl}});
    }
    if (options.terminals()) {
        CardTerminalOptions terminal;
        terminal.apiUrl = options.apiUrl;
        terminal.secretKey = options.secretKey;
        terminal.terminalIds = options.terminalIds;
        terminal.timeout = options.terminalTimeout;
        terminal.lookupTimeout = options.callTimeout;
        terminal.connectTimeout = options.connectTimeout;
        registry.add(v1::PAYMENT_CARD_TERMINAL, std::make_shared<CardTerminalProvider>(std::move(terminal)));
        registry.setTerminalIds(options.terminalIds);
        log::info("card terminals enabled", {{"terminals", options.terminalIds}});
    }
}

} // namespace marquee::server::payments
