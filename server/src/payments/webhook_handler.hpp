// POST /webhooks/payments (net/http_session.cpp): a Stripe-style event is verified
// (Stripe-Signature, 300 s tolerance), deduplicated on its event id, filtered so the payment's
// state only moves forward, and handed to the order saga (orders::onPaymentEvent) in the same
// transaction that records it. A 2xx answer means the event is durably recorded.
#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <string>
#include <string_view>

namespace marquee::server::payments {

struct WebhookReply {
    unsigned status = 200;
    std::string body; // JSON
};

// `conn`: a pool connection with no transaction open. Bad or stale signatures and malformed
// events get 400 and change nothing; a database failure throws (the route answers 500 and
// the provider delivers again).
WebhookReply handleWebhook(pqxx::connection& conn, std::string_view signatureHeader, std::string_view body,
                           std::string_view webhookSecret, std::int64_t nowUnix);

} // namespace marquee::server::payments
