// Stripe-style webhook signatures: header "Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]"
// where each v1 is HMAC-SHA256 over "<t>.<raw body>" keyed with the endpoint's whsec_ secret.
// The sandbox signs with signWebhook(); the server checks with verifyWebhookSignature().
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace marquee::server::payments {

inline constexpr std::chrono::seconds kWebhookTolerance{300};

// Lower-case hex HMAC-SHA256 of "<timestamp>.<body>" with `secret`.
std::string webhookSignature(std::string_view secret, std::int64_t timestamp, std::string_view body);
// The whole header value: "t=<timestamp>,v1=<signature>".
std::string signWebhook(std::string_view secret, std::int64_t timestamp, std::string_view body);

enum class SignatureCheck {
    Valid,
    Malformed,    // no header, no t=, a bad number, or no v1= entry
    Mismatch,     // no v1 entry matches (wrong secret, altered body or timestamp)
    Stale,        // signed more than the tolerance before (or after) now: a replay
};

// Any one matching v1 entry is enough (several are sent while a secret is rolled); compared
// in constant time. The timestamp must lie within `tolerance` of `now` (unix seconds).
SignatureCheck verifyWebhookSignature(std::string_view header, std::string_view body, std::string_view secret,
                                      std::int64_t now, std::chrono::seconds tolerance = kWebhookTolerance);

std::string_view signatureCheckName(SignatureCheck check);

} // namespace marquee::server::payments
