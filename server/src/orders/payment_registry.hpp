// Which PaymentProvider takes which payment method, and what a client needs to pay online
// (GetPaymentConfig). Filled once at start-up (app/server.cpp: cash always; the card
// providers from the --payment-* options), read by request handlers and the saga runner.
//
// Registering a provider (payments helper, in app/server.cpp):
//     registry->add(v1::PAYMENT_CARD_ONLINE, std::make_shared<payments::StripeProvider>(...));
//     registry->setOnlineConfig({providerUrl, publishableKey});
//     registry->add(v1::PAYMENT_CARD_TERMINAL, terminalProvider);
//     registry->setTerminalIds({"T1", "T2"});
#pragma once

#include "marquee/v1/order.pb.h"
#include "payments/payment_provider.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace marquee::server::orders {

class PaymentRegistry {
public:
    struct OnlineConfig {
        std::string providerUrl;    // base URL of the provider's API, as the client reaches it
        std::string publishableKey; // "pk_…": may only tokenise cards
    };

    // A registry with the cash provider, which needs no configuration.
    static std::shared_ptr<PaymentRegistry> withCash();

    void add(v1::PaymentMethodKind method, std::shared_ptr<payments::PaymentProvider> provider);
    void setOnlineConfig(OnlineConfig config);
    void setTerminalIds(std::vector<std::string> terminalIds);

    // nullptr when the method has no provider here.
    std::shared_ptr<payments::PaymentProvider> find(v1::PaymentMethodKind method) const;
    // The provider whose name() is `name` (payment_operations.provider), or nullptr.
    std::shared_ptr<payments::PaymentProvider> byName(std::string_view name) const;
    // GetPaymentConfig's answer; terminal ids only for box-office roles.
    v1::PaymentConfig config(bool boxOffice) const;

private:
    mutable std::mutex m_mutex;
    std::map<v1::PaymentMethodKind, std::shared_ptr<payments::PaymentProvider>> m_providers;
    OnlineConfig m_online;
    std::vector<std::string> m_terminalIds;
};

// orders.payment_method values <-> the wire enum ("cash", "card_terminal", "card_online").
std::string_view methodName(v1::PaymentMethodKind method);
v1::PaymentMethodKind methodFromName(std::string_view name);

} // namespace marquee::server::orders
