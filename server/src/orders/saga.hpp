// The order saga (DESIGN.md §6, docs/architecture.md "Order saga"): held → payment authorized
// → confirmed → (captured) → tickets issued → mailed, persisted in orders.saga_step and one
// saga_steps row per step with the key "<order id>:<step>". Compensations are steps too:
// release_seats, void_payment, refund:<n>. Every provider call is recorded in
// payment_operations (status 'started') before it is made and updated after it, so a saga
// resumed after a crash repeats the call with the same Idempotency-Key. No transaction is
// ever open across a provider call.
#pragma once

#include "orders/payment_registry.hpp"

#include <pqxx/pqxx>

#include <cstddef>
#include <cstdint>
#include <string>

namespace marquee::server::orders {

// Refunds are numbered per order: step "refund:<n>", provider key "<order id>:refund:<n>".
std::string refundStep(int refundNo);

// Provider calls are recorded before they are made and after they answered (payment_operations):
// the saga's steps and the box office's exchanges (services/exchange_service.cpp) both do so.
struct PaymentOperation {
    std::string orderId;
    std::string kind;           // authorize, capture, void, refund, exchange_charge, exchange_refund
    std::string provider;       // PaymentProvider::name()
    std::string idempotencyKey; // the provider call's Idempotency-Key; repeated with it after a crash
    std::int64_t amountMinor = 0;
    std::string currency;
    std::int64_t tenderedMinor = 0;
    std::string terminalId;
};
// Inserts the operation as 'started' (nothing when its key is recorded already).
void startPaymentOperation(pqxx::transaction_base& tx, const PaymentOperation& operation);
// Records a final answer (Succeeded or Declined) of the call made with `idempotencyKey`.
void finishPaymentOperation(pqxx::transaction_base& tx, const std::string& idempotencyKey,
                            const payments::Result& result);

class Saga {
public:
    explicit Saga(const PaymentRegistry& registry) : m_registry(registry) {}

    // Drives one order as far as it can go now: forward steps, compensations and open refunds,
    // until it is finished, waits for a retry (provider unavailable: next_attempt_at), or has
    // nothing to do. Takes the order's session advisory lock first (db/lock_keys.hpp); returns
    // false without doing anything when another connection is driving the order. Call it with
    // no transaction open on `conn`. Throws on database errors (the runner retries later).
    bool advance(pqxx::connection& conn, const std::string& orderId) const;

private:
    const PaymentRegistry& m_registry;
};

// The saga runner's pass (a workers/periodic_worker): claims up to `maxOrders` due unfinished orders
// (FOR UPDATE SKIP LOCKED, so every instance may run it) and advances each. An order whose
// advance throws gets a back-off. Returns how many orders were advanced.
std::size_t runDueSagas(pqxx::connection& conn, const PaymentRegistry& registry, std::size_t maxOrders);

// What a verified, deduplicated provider webhook says about a payment (payments helper:
// server/src/payments webhook handler).
enum class PaymentEvent {
    Authorized,          // payment_intent.amount_capturable_updated, terminal approval
    AuthorizationFailed, // payment_intent.payment_failed, terminal decline/timeout
    Captured,            // payment_intent.succeeded
    Voided,              // payment_intent.canceled
    Refunded,            // charge.refunded / refund.updated succeeded
};

// Advances or compensates the saga of the order whose payment has `providerReference` ("pi_…",
// a terminal transaction id), inside the webhook handler's transaction `tx`:
//  - the order is woken (next_attempt_at = now, NOTIFY "marquee_saga"), so the runner repeats
//    its pending provider call with the same key and records the provider's answer (the
//    saga never takes a webhook's word for money it has not confirmed with a call);
//  - Authorized/Captured for an order that failed with that payment recorded as declined (a
//    late approval, e.g. after 3-D Secure) records the authorization as succeeded and reopens
//    the compensation, so the payment is voided.
// Returns false when no payment operation carries that reference (unknown to Marquee).
bool onPaymentEvent(pqxx::transaction_base& tx, const std::string& providerReference, PaymentEvent event);

} // namespace marquee::server::orders
