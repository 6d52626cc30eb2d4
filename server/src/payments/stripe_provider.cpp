// Stripe-style provider calls. Every call carries the saga's idempotency key, so repeating a
// call after RetryLater (crash, timeout, 5xx) can never authorize, capture or refund twice.
#include "payments/stripe_provider.hpp"

#include "common/log.hpp"


namespace marquee::server::payments {
namespace {

Result fromReply(const ApiReply& reply) {
    Result result;
    result.outcome = reply.outcome;
    result.declineCode = reply.declineCode;
    result.message = reply.message;
    return result;
}

// Brand and last four digits from an intent whose latest_charge was expanded.
void readCard(const nlohmann::json& intent, Result& result) {
    const auto charge = intent.find("latest_charge");
    if (charge == intent.end() || !charge->is_object()) return;
    const auto details = charge->find("payment_method_details");
    if (details == charge->end() || !details->is_object()) return;
    const auto card = details->find("card");
    if (card == details->end() || !card->is_object()) return;
    result.cardBrand = card->value("brand", "");
    result.cardLast4 = card->value("last4", "");
}

Result invalidRequest(const std::string& message) {
    Result result;
    result.outcome = Outcome::Declined;
    result.declineCode = "processing_error";
    result.message = message;
    log::error("payment request not sent", {{"reason", message}});
    return result;
}

} // namespace

StripeProvider::StripeProvider(StripeOptions options)
    : m_api(options.apiUrl, options.secretKey,
            HttpClient::Options{options.timeout, options.connectTimeout, 1024 * 1024, "marquee-server"}) {}

Result StripeProvider::authorize(const AuthorizeRequest& request) {
    if (request.cardPaymentMethod.empty()) return invalidRequest("no payment method token for a card payment");
    if (request.idempotencyKey.empty()) return invalidRequest("no idempotency key");
    FormParams params{{"amount", std::to_string(request.amountMinor)},
                      {"currency", currencyParam(request.currency)},
                      {"payment_method", request.cardPaymentMethod},
                      {"confirm", "true"},
                      {"capture_method", "manual"},
                      {"metadata[order_id]", request.orderId},
                      {"expand[0]", "latest_charge"}};
    if (!request.orderCode.empty()) params.emplace_back("metadata[order_code]", request.orderCode);
    if (!request.description.empty()) params.emplace_back("description", request.description);
    const auto reply = m_api.post("/v1/payment_intents", params, request.idempotencyKey);
    auto result = fromReply(reply);
    if (reply.outcome == Outcome::Declined) {
        // A declined confirmation still created an intent; keep its id for the staff's view.
        if (const auto error = reply.body.find("error"); error != reply.body.end() && error->is_object())
            if (const auto intent = error->find("payment_intent"); intent != error->end() && intent->is_object())
                result.providerReference = intent->value("id", "");
        return result;
    }
    if (reply.outcome != Outcome::Succeeded) return result;
    const auto status = reply.body.value("status", "");
    result.providerReference = reply.body.value("id", "");
    readCard(reply.body, result);
    if (status == "requires_capture" || status == "succeeded") return result;
    if (status == "requires_action") {
        // 3-D Secure needs the buyer's browser; Marquee's checkout cannot complete it. Release
        // the intent so nothing stays reserved, then decline.
        const auto cancel = m_api.post("/v1/payment_intents/" + result.providerReference + "/cancel",
                                       {{"cancellation_reason", "abandoned"}}, request.idempotencyKey + ":cancel-3ds");
        if (cancel.outcome == Outcome::RetryLater) {
            result.outcome = Outcome::RetryLater; // the repeated authorize replays, then cancels again
            result.message = "cancelling an intent that needs 3-D Secure failed: " + cancel.message;
            return result;
        }
        result.outcome = Outcome::Declined;
        result.declineCode = "authentication_required";
        result.message = "the card requires 3-D Secure authentication";
        return result;
    }
    result.outcome = Outcome::RetryLater;
    result.message = "unexpected PaymentIntent status '" + status + "'";
    log::warn("unexpected PaymentIntent status", {{"intent", result.providerReference}, {"status", status}});
    return result;
}

Result StripeProvider::capture(const FollowUpRequest& request) {
    FormParams params;
    if (request.amountMinor > 0) params.emplace_back("amount_to_capture", std::to_string(request.amountMinor));
    return changeIntent(request, "capture", params, "succeeded");
}

Result StripeProvider::voidAuthorization(const FollowUpRequest& request) {
    return changeIntent(request, "cancel", {{"cancellation_reason", "abandoned"}}, "canceled");
}

Result StripeProvider::changeIntent(const FollowUpRequest& request, const std::string& action, const FormParams& params,
                                    const std::string& wantedStatus) {
    if (request.providerReference.empty()) return invalidRequest(action + " without a PaymentIntent id");
    const auto reply = m_api.post("/v1/payment_intents/" + request.providerReference + "/" + action, params,
                                  request.idempotencyKey);
    if (reply.errorCode == "payment_intent_unexpected_state") return resolveUnexpectedState(reply, request, wantedStatus);
    auto result = fromReply(reply);
    if (reply.outcome == Outcome::Succeeded) result.providerReference = reply.body.value("id", "");
    return result;
}

Result StripeProvider::refund(const FollowUpRequest& request) {
    if (request.providerReference.empty()) return invalidRequest("refund without a PaymentIntent id");
    FormParams params{{"payment_intent", request.providerReference}, {"metadata[order_id]", request.orderId}};
    if (request.amountMinor > 0) params.emplace_back("amount", std::to_string(request.amountMinor));
    // Stripe knows three reasons; Marquee's own (event_cancelled, …) travel as metadata.
    const auto& reason = request.reason;
    if (reason == "duplicate" || reason == "fraudulent" || reason == "requested_by_customer") {
        params.emplace_back("reason", reason);
    } else if (!reason.empty()) {
        params.emplace_back("reason", "requested_by_customer");
        params.emplace_back("metadata[reason]", reason);
    }
    const auto reply = m_api.post("/v1/refunds", params, request.idempotencyKey);
    auto result = fromReply(reply);
    if (reply.outcome == Outcome::Succeeded) result.providerReference = reply.body.value("id", "");
    return result;
}

Result StripeProvider::resolveUnexpectedState(const ApiReply& reply, const FollowUpRequest& request,
                                              const std::string& wanted) {
    Result result = fromReply(reply);
    const auto current = m_api.get("/v1/payment_intents/" + request.providerReference);
    if (current.outcome != Outcome::Succeeded) {
        result.outcome = current.outcome == Outcome::RetryLater ? Outcome::RetryLater : Outcome::Declined;
        return result;
    }
    const auto status = current.body.value("status", "");
    if (status == wanted) {
        result.outcome = Outcome::Succeeded;
        result.providerReference = request.providerReference;
        result.declineCode.clear();
        result.message = "already " + status;
        return result;
    }
    result.outcome = Outcome::Declined;
    result.declineCode = "processing_error";
    result.message = reply.message;
    log::error("payment follow-up refused", {{"intent", request.providerReference}, {"status", status},
                                             {"wanted", wanted}, {"message", reply.message}});
    return result;
}

} // namespace marquee::server::payments
