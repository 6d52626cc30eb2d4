// Stripe-style calls and the error mapping every provider shares: card errors are final
// declines, 409/429/5xx/network/timeouts are RetryLater (same key again), and other 4xx are
// programming or configuration errors, declined as processing_error and logged.
#include "payments/stripe_api.hpp"

#include "common/log.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace marquee::server::payments {

std::string currencyParam(std::string currency) {
    std::transform(currency.begin(), currency.end(), currency.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return currency;
}

std::string marqueeDeclineCode(const std::string& stripeCode, const std::string& stripeDeclineCode) {
    static const std::set<std::string> vocabulary{"card_declined",      "insufficient_funds", "expired_card",
                                                  "incorrect_cvc",      "processing_error",   "authentication_required",
                                                  "terminal_timeout",   "terminal_cancelled", "terminal_offline"};
    if (vocabulary.count(stripeDeclineCode)) return stripeDeclineCode;
    if (stripeCode == "payment_intent_authentication_failure") return "authentication_required";
    if (stripeCode == "terminal_reader_offline") return "terminal_offline";
    if (vocabulary.count(stripeCode)) return stripeCode;
    return "card_declined";
}

StripeApi::StripeApi(std::string baseUrl, std::string secretKey, HttpClient::Options options)
    : m_baseUrl(std::move(baseUrl)), m_secretKey(std::move(secretKey)), m_http(std::move(options)) {
    while (!m_baseUrl.empty() && m_baseUrl.back() == '/') m_baseUrl.pop_back();
}

ApiReply StripeApi::post(const std::string& path, const FormParams& params, const std::string& idempotencyKey) const {
    HttpRequest request;
    request.method = "POST";
    request.url = m_baseUrl + path;
    request.body = formEncode(params);
    request.headers = {"Content-Type: application/x-www-form-urlencoded", "Idempotency-Key: " + idempotencyKey};
    return call(std::move(request));
}

ApiReply StripeApi::get(const std::string& path) const {
    HttpRequest request;
    request.url = m_baseUrl + path;
    return call(std::move(request));
}

ApiReply StripeApi::call(HttpRequest request) const {
    request.headers.push_back("Authorization: Bearer " + m_secretKey);
    request.headers.push_back("Accept: application/json");
    const auto response = m_http.send(request);
    ApiReply reply;
    reply.transport = response.transport;
    if (!response.completed()) {
        reply.outcome = Outcome::RetryLater;
        reply.message = response.error;
        return reply;
    }
    reply.status = response.status;
    reply.replayed = response.header("idempotent-replayed") == "true";
    reply.body = nlohmann::json::parse(response.body, nullptr, false);
    if (reply.body.is_discarded() || !reply.body.is_object()) {
        // A garbled answer tells nothing about what happened: ask again with the same key.
        reply.body = nullptr;
        reply.outcome = Outcome::RetryLater;
        reply.message = "unreadable answer (HTTP " + std::to_string(response.status) + ")";
        log::warn("payment provider sent an unreadable answer", {{"url", request.url}, {"status", response.status}});
        return reply;
    }
    if (response.status >= 200 && response.status < 300) {
        reply.outcome = Outcome::Succeeded;
        return reply;
    }
    if (const auto error = reply.body.find("error"); error != reply.body.end() && error->is_object()) {
        reply.errorType = error->value("type", "");
        reply.errorCode = error->value("code", "");
        reply.message = error->value("message", "");
        const auto decline = error->value("decline_code", "");
        if (reply.errorType == "card_error" || response.status == 402) {
            reply.outcome = Outcome::Declined;
            reply.declineCode = marqueeDeclineCode(reply.errorCode, decline);
            return reply;
        }
    }
    if (response.status == 409 || response.status == 429 || response.status >= 500) {
        reply.outcome = Outcome::RetryLater;
        if (reply.message.empty()) reply.message = "HTTP " + std::to_string(response.status);
        return reply;
    }
    // 400/401/403/404: Marquee asked for something the provider refuses; retrying cannot help.
    reply.outcome = Outcome::Declined;
    reply.declineCode = reply.errorCode == "terminal_reader_offline" ? "terminal_offline" : "processing_error";
    if (reply.message.empty()) reply.message = "HTTP " + std::to_string(response.status);
    if (reply.declineCode == "processing_error")
        log::error("payment provider refused a request",
                   {{"url", request.url}, {"status", response.status}, {"type", reply.errorType},
                    {"code", reply.errorCode}, {"message", reply.message}});
    return reply;
}

} // namespace marquee::server::payments
