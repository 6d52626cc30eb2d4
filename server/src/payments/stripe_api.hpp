// One Stripe-style API call (form-encoded request, Bearer secret key, Idempotency-Key, JSON
// answer) and the mapping of its answer onto a provider Outcome, shared by the Stripe
// provider and the card-terminal provider (whose device API speaks the same dialect).
#pragma once

#include "payments/form_encoding.hpp"
#include "payments/http_client.hpp"
#include "payments/payment_provider.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace marquee::server::payments {

struct ApiReply {
    Outcome outcome = Outcome::RetryLater;
    long status = 0;                 // HTTP status; 0 when no answer came
    HttpResponse::Transport transport = HttpResponse::Transport::Failed;
    nlohmann::json body;             // the parsed answer (object or {"error":…}); null if none
    std::string errorType;           // card_error, invalid_request_error, idempotency_error, api_error …
    std::string errorCode;           // Stripe's error code
    std::string declineCode;         // Marquee's vocabulary (order.proto Payment.decline_code) when Declined
    std::string message;
    bool replayed = false;           // Idempotent-Replayed: true

    const nlohmann::json& object() const { return body; }
};

class StripeApi {
public:
    StripeApi(std::string baseUrl, std::string secretKey, HttpClient::Options options);

    // POST with form parameters; idempotencyKey is sent as Idempotency-Key (required).
    ApiReply post(const std::string& path, const FormParams& params, const std::string& idempotencyKey) const;
    ApiReply get(const std::string& path) const;
    const std::string& baseUrl() const { return m_baseUrl; }

private:
    ApiReply call(HttpRequest request) const;

    std::string m_baseUrl; // without a trailing slash
    std::string m_secretKey;
    HttpClient m_http;
};

// Stripe-style APIs take ISO 4217 codes in lower case ("EUR" → "eur").
std::string currencyParam(std::string currency);

// Maps a card or terminal error onto Marquee's decline vocabulary (order.proto Payment).
std::string marqueeDeclineCode(const std::string& stripeCode, const std::string& stripeDeclineCode);

} // namespace marquee::server::payments
