// Order records (see order_record.hpp).
#include "orders/order_record.hpp"

#include "orders/payment_registry.hpp"
#include "services/api_internal.hpp"
#include "tickets/ticket_issuer.hpp"

#include <stdexcept>

namespace marquee::server::orders {

namespace {

using detail::exec;
using detail::Statement;

// Times travel as ms since the epoch (0: none).
#define MQ_MS(expr) "coalesce((extract(epoch FROM " expr ") * 1000)::bigint, 0)"

constexpr Statement kOrderRow{
    "orders_record_row",
    "SELECT o.id::text, o.code, o.event_id::text, o.user_id, o.status, o.saga_step, o.failure_reason, o.currency, "
    "o.subtotal_minor, o.fees_minor, o.tax_minor, o.total_minor, o.payment_method, o.buyer_name, o.buyer_email, "
    "coalesce(o.hold_id::text, ''), " MQ_MS("o.hold_expires_at") ", " MQ_MS("o.created_at") ", "
    MQ_MS("o.updated_at") ", e.title, " MQ_MS("e.starts_at") ", e.time_zone, coalesce(v.name, ''), "
    "coalesce(concat_ws(', ', NULLIF(v.address, ''), NULLIF(v.city, '')), ''), "
    "CASE WHEN e.attendee_cancellation THEN " MQ_MS("e.starts_at - e.cancel_deadline_hours * interval '1 hour'")
    " ELSE 0 END, coalesce(o.sold_by_user_id, 0), o.device_id, o.cash_tendered_minor, o.language "
    "FROM orders o JOIN events e ON e.id = o.event_id LEFT JOIN venues v ON v.id = e.venue_id "
    "WHERE o.id = $1::uuid"};
constexpr Statement kOrderLines{
    "orders_record_lines",
    "SELECT line_no, coalesce(seat_id, ''), coalesce(ga_area_id, ''), label, price_category_id, price_category_name, "
    "price_minor, fee_minor, tax_minor, total_minor FROM order_lines WHERE order_id = $1::uuid ORDER BY line_no"};
constexpr Statement kOrderOperations{
    "orders_record_operations",
    "SELECT kind, status, amount_minor, provider_reference, decline_code, decline_message, card_brand, card_last4, "
    "tendered_minor, change_due_minor FROM payment_operations WHERE order_id = $1::uuid ORDER BY created_at, "
    "idempotency_key"};
#undef MQ_MS

// The payment as its provider calls left it.
void fillPayment(pqxx::transaction_base& tx, const std::string& orderId, v1::Payment& payment) {
    payment.set_status(v1::PAYMENT_PENDING);
    std::int64_t refunded = 0;
    bool captured = false;
    bool voided = false;
    for (const auto& row : exec(tx, kOrderOperations, orderId)) {
        const auto kind = row[0].as<std::string>();
        const auto status = row[1].as<std::string>();
        if (kind == "authorize") {
            payment.set_provider_reference(row[3].as<std::string>());
            payment.set_decline_code(row[4].as<std::string>());
            payment.set_decline_message(row[5].as<std::string>());
            payment.set_card_brand(row[6].as<std::string>());
            payment.set_card_last4(row[7].as<std::string>());
            payment.set_change_due_minor(row[9].as<std::int64_t>());
            if (status == "succeeded") payment.set_status(v1::PAYMENT_AUTHORIZED);
            else if (status == "declined") payment.set_status(v1::PAYMENT_DECLINED);
        } else if (status == "succeeded") {
            if (kind == "capture") captured = true;
            else if (kind == "void") voided = true;
            else if (kind == "refund") refunded += row[2].as<std::int64_t>();
        }
    }
    if (captured) payment.set_status(v1::PAYMENT_CAPTURED);
    if (voided) payment.set_status(v1::PAYMENT_VOIDED);
    payment.set_refunded_minor(refunded);
    if (refunded > 0)
        payment.set_status(refunded >= payment.amount_minor() ? v1::PAYMENT_REFUNDED : v1::PAYMENT_PARTIALLY_REFUNDED);
}

} // namespace

v1::OrderStatus orderStatusFromName(const std::string& name) {
    if (name == "pending") return v1::ORDER_PENDING;
    if (name == "confirmed") return v1::ORDER_CONFIRMED;
    if (name == "failed") return v1::ORDER_FAILED;
    if (name == "cancelled") return v1::ORDER_CANCELLED;
    return v1::ORDER_STATUS_UNSPECIFIED;
}

v1::SagaStep sagaStepFromName(const std::string& name) {
    if (name == "held") return v1::SAGA_HELD;
    if (name == "payment_authorized") return v1::SAGA_PAYMENT_AUTHORIZED;
    if (name == "confirmed") return v1::SAGA_CONFIRMED;
    if (name == "tickets_issued") return v1::SAGA_TICKETS_ISSUED;
    if (name == "mailed") return v1::SAGA_MAILED;
    // "compensating": the last step completed is still the one before it; the wire has no
    // separate value, and status (failed/cancelled) says where it is going.
    if (name == "compensated") return v1::SAGA_COMPENSATED;
    return v1::SAGA_STEP_UNSPECIFIED;
}

std::optional<v1::Order> loadOrder(pqxx::transaction_base& tx, const std::string& orderId) {
    const auto rows = exec(tx, kOrderRow, orderId);
    if (rows.empty()) return std::nullopt;
    const auto& r = rows[0];
    v1::Order order;
    order.set_id(r[0].as<std::string>());
    order.set_code(r[1].as<std::string>());
    order.set_event_id(r[2].as<std::string>());
    order.set_user_id(r[3].as<std::int64_t>());
    order.set_status(orderStatusFromName(r[4].as<std::string>()));
    order.set_step(sagaStepFromName(r[5].as<std::string>()));
    order.set_failure_reason(r[6].as<std::string>());
    order.set_currency(r[7].as<std::string>());
    order.set_subtotal_minor(r[8].as<std::int64_t>());
    order.set_fees_minor(r[9].as<std::int64_t>());
    order.set_tax_minor(r[10].as<std::int64_t>());
    order.set_total_minor(r[11].as<std::int64_t>());
    auto* payment = order.mutable_payment();
    payment->set_method(methodFromName(r[12].as<std::string>()));
    payment->set_amount_minor(order.total_minor());
    payment->set_tendered_minor(r[27].as<std::int64_t>());
    order.set_buyer_name(r[13].as<std::string>());
    order.set_buyer_email(r[14].as<std::string>());
    order.set_hold_id(r[15].as<std::string>());
    order.set_hold_expires_at_ms(r[16].as<std::int64_t>());
    order.set_created_at_ms(r[17].as<std::int64_t>());
    order.set_updated_at_ms(r[18].as<std::int64_t>());
    order.set_event_title(r[19].as<std::string>());
    order.set_event_starts_at_ms(r[20].as<std::int64_t>());
    order.set_event_time_zone(r[21].as<std::string>());
    order.set_venue_name(r[22].as<std::string>());
    order.set_venue_address(r[23].as<std::string>());
    order.set_attendee_cancel_until_ms(r[24].as<std::int64_t>());
    order.set_sold_by_user_id(r[25].as<std::int64_t>());
    order.set_device_id(r[26].as<std::string>());
    order.set_language(r[28].as<std::string>());
    for (const auto& row : exec(tx, kOrderLines, orderId)) {
        auto* line = order.add_lines();
        line->set_line_no(row[0].as<std::uint32_t>());
        line->set_seat_id(row[1].as<std::string>());
        line->set_ga_area_id(row[2].as<std::string>());
        line->set_label(row[3].as<std::string>());
        line->set_price_category_id(row[4].as<std::string>());
        line->set_price_category_name(row[5].as<std::string>());
        line->set_price_minor(row[6].as<std::int64_t>());
        line->set_fee_minor(row[7].as<std::int64_t>());
        line->set_tax_minor(row[8].as<std::int64_t>());
        line->set_total_minor(row[9].as<std::int64_t>());
    }
    fillPayment(tx, orderId, *payment);
    for (auto& ticket : tickets::ticketsOfOrder(tx, orderId)) *order.add_tickets() = std::move(ticket);
    return order;
}

v1::Order publishOrder(pqxx::transaction_base& tx, const std::string& orderId) {
    auto order = loadOrder(tx, orderId);
    if (!order) throw std::logic_error("publishOrder: no such order");
    detail::appendChange(tx, kOrderAggregate, order->id(), detail::ChangeOp::Upsert, order->user_id(),
                         order->SerializeAsString());
    return std::move(*order);
}

} // namespace marquee::server::orders
