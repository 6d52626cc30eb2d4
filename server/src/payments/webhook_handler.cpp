// Webhook verification, deduplication and forward-only state (docs/payments.md "Webhooks").
#include "payments/webhook_handler.hpp"

#include "common/log.hpp"
#include "orders/saga.hpp"
#include "payments/webhook_signature.hpp"
#include "services/api_internal.hpp"

#include <nlohmann/json.hpp>

#include <optional>

namespace marquee::server::payments {
namespace {

using detail::exec;
using detail::Statement;
using Json = nlohmann::json;

constexpr std::size_t kMaxEventIdLength = 255;

constexpr Statement kRecordEvent{
    "webhook_record_event",
    "INSERT INTO payment_webhook_events (event_id, type, created_at, payload) "
    "VALUES ($1, $2, to_timestamp($3::bigint), $4::jsonb) ON CONFLICT (event_id) DO NOTHING RETURNING event_id"};
constexpr Statement kEnsureState{
    "webhook_ensure_state",
    "INSERT INTO payment_provider_states (provider_reference, status, status_rank, last_event_id) "
    "VALUES ($1, '', 0, '') ON CONFLICT (provider_reference) DO NOTHING"};
constexpr Statement kLockState{
    "webhook_lock_state",
    "SELECT status_rank, amount_refunded FROM payment_provider_states WHERE provider_reference = $1 FOR UPDATE"};
constexpr Statement kAdvanceStatus{
    "webhook_advance_status",
    "UPDATE payment_provider_states SET status = $2, status_rank = $3, last_event_id = $4, updated_at = now() "
    "WHERE provider_reference = $1"};
constexpr Statement kAdvanceRefunded{
    "webhook_advance_refunded",
    "UPDATE payment_provider_states SET amount_refunded = $2, last_event_id = $3, updated_at = now() "
    "WHERE provider_reference = $1"};
// An authorization whose answer never reached Marquee (timeout, crash) has no reference yet;
// the event names the call's Idempotency-Key, which is the operation's key. Recording the
// reference lets the saga be woken now; it still confirms the result by repeating its call.
constexpr Statement kLinkAuthorization{
    "webhook_link_authorization",
    "UPDATE payment_operations SET provider_reference = $1, updated_at = now() "
    "WHERE idempotency_key = $2 AND kind = 'authorize' AND status = 'started' AND provider_reference = ''"};
constexpr Statement kFinishEvent{
    "webhook_finish_event",
    "UPDATE payment_webhook_events SET processed_at = now(), provider_reference = $2, outcome = $3 WHERE event_id = $1"};

// What one event type means for a payment.
struct Meaning {
    orders::PaymentEvent event;
    int rank;          // status events: how far the payment has gone (0: a refund)
};

std::optional<Meaning> meaningOf(const std::string& type) {
    if (type == "payment_intent.payment_failed") return Meaning{orders::PaymentEvent::AuthorizationFailed, 1};
    if (type == "payment_intent.amount_capturable_updated") return Meaning{orders::PaymentEvent::Authorized, 2};
    if (type == "payment_intent.succeeded") return Meaning{orders::PaymentEvent::Captured, 3};
    if (type == "payment_intent.canceled") return Meaning{orders::PaymentEvent::Voided, 3};
    if (type == "charge.refunded") return Meaning{orders::PaymentEvent::Refunded, 0};
    return std::nullopt;
}

WebhookReply reply(unsigned status, Json body) { return WebhookReply{status, body.dump()}; }

WebhookReply refuse(const std::string& why) {
    return reply(400, Json{{"error", why}});
}

std::string stringField(const Json& object, const char* name) {
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

WebhookReply handleWebhook(pqxx::connection& conn, std::string_view signatureHeader, std::string_view body,
                           std::string_view webhookSecret, std::int64_t nowUnix) {
    const auto check = verifyWebhookSignature(signatureHeader, body, webhookSecret, nowUnix);
    if (check != SignatureCheck::Valid) {
        log::warn("payment webhook refused", {{"signature", signatureCheckName(check)}});
        return refuse(std::string("signature ") + std::string(signatureCheckName(check)));
    }
    const auto event = Json::parse(body, nullptr, false);
    if (event.is_discarded() || !event.is_object()) return refuse("the body is not a JSON object");
    const auto eventId = stringField(event, "id");
    const auto type = stringField(event, "type");
    const auto created = event.find("created");
    const auto data = event.find("data");
    if (eventId.rfind("evt_", 0) != 0 || eventId.size() > kMaxEventIdLength || type.empty() || created == event.end() ||
        !created->is_number_integer() || data == event.end() || !data->is_object() || !data->contains("object") ||
        !(*data)["object"].is_object())
        return refuse("not an event (id, type, created, data.object)");
    const auto& object = (*data)["object"];

    pqxx::work tx(conn);
    if (exec(tx, kRecordEvent, eventId, type, created->get<std::int64_t>(), std::string(body)).empty()) {
        tx.commit();
        return reply(200, Json{{"received", true}, {"event", eventId}, {"outcome", "duplicate"}});
    }
    const auto meaning = meaningOf(type);
    // charge.refunded carries the charge; its payment is the intent the saga knows.
    const auto reference = type == "charge.refunded" ? stringField(object, "payment_intent") : stringField(object, "id");
    std::string outcome = "ignored";
    if (meaning && !reference.empty()) {
        exec(tx, kEnsureState, reference);
        const auto state = exec(tx, kLockState, reference).at(0);
        const auto rank = state[0].as<int>();
        const auto refunded = state[1].as<std::int64_t>();
        bool forward = false;
        if (meaning->rank > 0) {
            forward = meaning->rank > rank;
            if (forward) exec(tx, kAdvanceStatus, reference, stringField(object, "status"), meaning->rank, eventId);
        } else {
            const auto amountRefunded = object.value("amount_refunded", std::int64_t{0});
            forward = amountRefunded > refunded;
            if (forward) exec(tx, kAdvanceRefunded, reference, amountRefunded, eventId);
        }
        if (forward && type.rfind("payment_intent.", 0) == 0)
            if (const auto request = event.find("request"); request != event.end() && request->is_object())
                if (const auto key = stringField(*request, "idempotency_key"); !key.empty())
                    exec(tx, kLinkAuthorization, reference, key);
        if (!forward) outcome = "superseded";
        else outcome = orders::onPaymentEvent(tx, reference, meaning->event) ? "applied" : "unknown_payment";
    }
    exec(tx, kFinishEvent, eventId, reference, outcome);
    tx.commit();
    if (outcome == "unknown_payment")
        log::info("payment webhook for a payment no order knows (yet)",
                  {{"event", eventId}, {"type", type}, {"reference", reference}});
    return reply(200, Json{{"received", true}, {"event", eventId}, {"outcome", outcome}});
}

} // namespace marquee::server::payments
