// Cash at the box office behind the PaymentProvider interface: authorizing takes the cash
// (tendered ≥ total, else Declined "insufficient_cash"), gives the change due and a receipt
// number as the reference; capture moves nothing; void and refund are cash paid back out,
// recorded as the payment_operations row the saga writes around every call.
#pragma once

#include "payments/payment_provider.hpp"

namespace marquee::server::orders {

class CashProvider final : public payments::PaymentProvider {
public:
    std::string_view name() const override { return "cash"; }
    payments::Result authorize(const payments::AuthorizeRequest& request) override;
    payments::Result capture(const payments::FollowUpRequest& request) override;
    payments::Result voidAuthorization(const payments::FollowUpRequest& request) override;
    payments::Result refund(const payments::FollowUpRequest& request) override;

    // The receipt number of a call: derived from its idempotency key, so a repeated call
    // (a saga resumed after a crash) answers with the same receipt, like any provider.
    static std::string receiptNumber(const std::string& idempotencyKey);
};

} // namespace marquee::server::orders
