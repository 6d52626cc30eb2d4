// The Stripe-style REST provider (name "stripe"): manual-capture PaymentIntents confirmed with
// the buyer's payment-method token, capture, cancel (void) and refunds, each call with the
// caller's Idempotency-Key. Works against Stripe's API and the payment sandbox alike.
#pragma once

#include "payments/payment_provider.hpp"
#include "payments/stripe_api.hpp"

namespace marquee::server::payments {

struct StripeOptions {
    std::string apiUrl;                          // "https://api.stripe.com" or the sandbox's URL
    std::string secretKey;                       // "sk_…"
    std::chrono::milliseconds timeout{15'000};   // per call; a timeout is RetryLater
    std::chrono::milliseconds connectTimeout{3'000};
};

class StripeProvider : public PaymentProvider {
public:
    explicit StripeProvider(StripeOptions options);

    std::string_view name() const override { return "stripe"; }
    Result authorize(const AuthorizeRequest& request) override;
    Result capture(const FollowUpRequest& request) override;
    Result voidAuthorization(const FollowUpRequest& request) override;
    Result refund(const FollowUpRequest& request) override;

private:
    // POST /v1/payment_intents/{id}/{action} (capture, cancel) towards wantedStatus.
    Result changeIntent(const FollowUpRequest& request, const std::string& action, const FormParams& params,
                        const std::string& wantedStatus);
    // A follow-up refused because the intent is not in the state the call needs: look at the
    // intent, and succeed when it already is where the call wanted it (captured, canceled).
    Result resolveUnexpectedState(const ApiReply& reply, const FollowUpRequest& request, const std::string& wanted);

    StripeApi m_api;
};

} // namespace marquee::server::payments
