// The box-office card terminal (name "card_terminal"): the reader takes the card itself and
// authorizes and captures at once (capture() moves no money). A call that times out while
// the customer is at the reader is resolved by looking the transaction up by its
// idempotency key; void and refund give money back through the terminal API.
#pragma once

#include "payments/payment_provider.hpp"
#include "payments/stripe_api.hpp"

#include <vector>

namespace marquee::server::payments {

struct CardTerminalOptions {
    std::string apiUrl;                         // the terminal service (the payment sandbox in tests/demo)
    std::string secretKey;
    std::vector<std::string> terminalIds;       // readers Marquee may use; others are refused
    std::chrono::milliseconds timeout{90'000};  // the customer's time at the reader
    std::chrono::milliseconds lookupTimeout{15'000}; // a lookup or refund does not wait for a customer
    std::chrono::milliseconds connectTimeout{3'000};
};

class CardTerminalProvider : public PaymentProvider {
public:
    explicit CardTerminalProvider(CardTerminalOptions options);

    std::string_view name() const override { return "card_terminal"; }
    const std::vector<std::string>& terminalIds() const { return m_terminalIds; }
    Result authorize(const AuthorizeRequest& request) override;
    Result capture(const FollowUpRequest& request) override;
    Result voidAuthorization(const FollowUpRequest& request) override;
    Result refund(const FollowUpRequest& request) override;

private:
    // After an answer that never came: what became of the transaction with this key?
    Result lookUp(const std::string& idempotencyKey, const std::string& why);
    Result refundTransaction(const FollowUpRequest& request, std::int64_t amountMinor);

    StripeApi m_api;
    StripeApi m_lookupApi; // short timeout: a lookup does not wait for a customer
    std::vector<std::string> m_terminalIds;
};

} // namespace marquee::server::payments
