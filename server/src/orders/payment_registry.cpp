// PaymentRegistry (see payment_registry.hpp).
#include "orders/payment_registry.hpp"

#include "orders/cash_provider.hpp"

namespace marquee::server::orders {

std::shared_ptr<PaymentRegistry> PaymentRegistry::withCash() {
    auto registry = std::make_shared<PaymentRegistry>();
    registry->add(v1::PAYMENT_CASH, std::make_shared<CashProvider>());
    return registry;
}

void PaymentRegistry::add(v1::PaymentMethodKind method, std::shared_ptr<payments::PaymentProvider> provider) {
    const std::lock_guard lock(m_mutex);
    m_providers[method] = std::move(provider);
}

void PaymentRegistry::setOnlineConfig(OnlineConfig config) {
    const std::lock_guard lock(m_mutex);
    m_online = std::move(config);
}

void PaymentRegistry::setTerminalIds(std::vector<std::string> terminalIds) {
    const std::lock_guard lock(m_mutex);
    m_terminalIds = std::move(terminalIds);
}

std::shared_ptr<payments::PaymentProvider> PaymentRegistry::find(v1::PaymentMethodKind method) const {
    const std::lock_guard lock(m_mutex);
    const auto it = m_providers.find(method);
    return it == m_providers.end() ? nullptr : it->second;
}

std::shared_ptr<payments::PaymentProvider> PaymentRegistry::byName(std::string_view name) const {
    const std::lock_guard lock(m_mutex);
    for (const auto& [method, provider] : m_providers)
        if (provider && provider->name() == name) return provider;
    return nullptr;
}

v1::PaymentConfig PaymentRegistry::config(bool boxOffice) const {
    const std::lock_guard lock(m_mutex);
    v1::PaymentConfig out;
    out.set_card_online(m_providers.count(v1::PAYMENT_CARD_ONLINE) != 0);
    if (out.card_online()) {
        out.set_provider_url(m_online.providerUrl);
        out.set_publishable_key(m_online.publishableKey);
    }
    if (boxOffice && m_providers.count(v1::PAYMENT_CARD_TERMINAL) != 0)
        for (const auto& id : m_terminalIds) out.add_terminal_ids(id);
    return out;
}

std::string_view methodName(v1::PaymentMethodKind method) {
    switch (method) {
    case v1::PAYMENT_CASH: return "cash";
    case v1::PAYMENT_CARD_TERMINAL: return "card_terminal";
    case v1::PAYMENT_CARD_ONLINE: return "card_online";
    default: return "";
    }
}

v1::PaymentMethodKind methodFromName(std::string_view name) {
    if (name == "cash") return v1::PAYMENT_CASH;
    if (name == "card_terminal") return v1::PAYMENT_CARD_TERMINAL;
    if (name == "card_online") return v1::PAYMENT_CARD_ONLINE;
    return v1::PAYMENT_METHOD_UNSPECIFIED;
}

} // namespace marquee::server::orders
