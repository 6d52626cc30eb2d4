// Orders over the API (order.proto, docs/protocol.md "Booking: orders"): CreateOrder prices a
// live hold and starts its saga (orders/saga.hpp), driving it inline as far as it goes;
// reading and finding orders with their authorisation; cancellations and event cancellation
// as refund work for the saga; booking rules and the payment configuration.
#include "services/api_internal.hpp"

#include "common/log.hpp"
#include "marquee/core/validation.hpp"
#include "orders/line_pricer.hpp"
#include "orders/order_code.hpp"
#include "orders/order_record.hpp"
#include "orders/payment_registry.hpp"
#include "orders/pricing.hpp"
#include "orders/saga.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <stdexcept>

namespace marquee::server::detail {

namespace {

constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxTokenLength = 255;
constexpr std::size_t kMaxReasonLength = 500;
constexpr std::size_t kMaxQueryLength = 200;
constexpr std::uint32_t kListDefault = 100;
constexpr std::uint32_t kListMax = 500;
constexpr std::uint32_t kFindDefault = 50;
constexpr std::uint32_t kFindMax = 200;
constexpr int kOrderCodeAttempts = 8;

constexpr Statement kOrderByKey{
    "orders_by_key",
    "SELECT id::text, request_hash = $3 FROM orders WHERE user_id = $1 AND idempotency_key = $2"};
constexpr Statement kPendingOrderOfHold{
    "orders_pending_of_hold", "SELECT id::text FROM orders WHERE hold_id = $1::uuid AND status = 'pending'"};
constexpr Statement kOrderEvent{
    "orders_event",
    "SELECT coalesce(layout_id::text, ''), coalesce(layout_version, 0), currency, status, "
    "coalesce(ends_at, starts_at) > clock_timestamp() FROM events WHERE id = $1::uuid FOR KEY SHARE"};
constexpr Statement kHoldContents{
    "orders_hold_contents",
    "SELECT coalesce(ga_area_id, ''), ga_count, expires_at FROM seat_holds WHERE id = $1::uuid"};
constexpr Statement kHoldSeatClaims{
    "orders_hold_seat_claims",
    "SELECT seat_id, seat_index FROM seat_claims WHERE hold_id = $1::uuid AND kind = 'held' ORDER BY seat_index"};
constexpr Statement kEventCharges{
    "orders_event_charges",
    "SELECT price_category_id, fee_minor, tax_basis_points, tax_included FROM event_charges WHERE event_id = $1::uuid "
    "ORDER BY price_category_id"};
constexpr Statement kInsertOrder{
    "orders_insert",
    "INSERT INTO orders (code, event_id, user_id, sold_by_user_id, idempotency_key, request_hash, hold_id, currency, "
    "subtotal_minor, fees_minor, tax_minor, total_minor, payment_method, buyer_name, buyer_email, payment_token, "
    "terminal_id, cash_tendered_minor, hold_expires_at, device_id) VALUES ($1, $2::uuid, $3, NULLIF($4::bigint, 0), "
    "$5, $6, $7::uuid, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::timestamptz, $20) "
    "ON CONFLICT DO NOTHING RETURNING id::text"};
constexpr Statement kInsertLines{
    "orders_insert_lines",
    "INSERT INTO order_lines (order_id, line_no, seat_id, ga_area_id, label, price_category_id, price_category_name, "
    "price_minor, fee_minor, tax_minor, total_minor) SELECT $1::uuid, l.line_no, NULLIF(l.seat_id, ''), "
    "NULLIF(l.ga_area_id, ''), l.label, l.category_id, l.category_name, l.price, l.fee, l.tax, l.total "
    "FROM jsonb_to_recordset($2::jsonb) AS l(line_no integer, seat_id text, ga_area_id text, label text, "
    "category_id text, category_name text, price bigint, fee bigint, tax bigint, total bigint)"};

constexpr Statement kOrderAccess{
    "orders_access",
    "SELECT o.id::text, o.user_id, coalesce(e.organizer_id, 0) FROM orders o JOIN events e ON e.id = o.event_id "
    "WHERE o.id = $1::uuid"};
constexpr Statement kOrderAccessByCode{
    "orders_access_by_code",
    "SELECT o.id::text, o.user_id, coalesce(e.organizer_id, 0) FROM orders o JOIN events e ON e.id = o.event_id "
    "WHERE o.code = $1"};
constexpr Statement kListOrders{
    "orders_list",
    "SELECT id::text FROM orders WHERE user_id = $1 AND ($2 = '' OR (created_at, id) < "
    "(SELECT created_at, id FROM orders WHERE id = NULLIF($2, '')::uuid AND user_id = $1)) "
    "ORDER BY created_at DESC, id DESC LIMIT $3"};
// Box office search: the exact code or e-mail, or part of the buyer's name or e-mail.
constexpr Statement kFindOrders{
    "orders_find",
    "SELECT o.id::text FROM orders o JOIN events e ON e.id = o.event_id "
    "WHERE (NULLIF($2, '') IS NULL OR o.event_id = NULLIF($2, '')::uuid) AND ($3 = 0 OR e.organizer_id = $3) "
    "AND (o.code = upper($1) OR lower(o.buyer_email) = lower($1) OR o.buyer_name ILIKE '%' || $4 || '%' "
    "OR lower(o.buyer_email) LIKE '%' || lower($4) || '%') ORDER BY o.created_at DESC, o.id DESC LIMIT $5"};

constexpr Statement kLockOrderForCancel{
    "orders_lock_for_cancel",
    "SELECT o.user_id, o.status, o.saga_step, coalesce(e.organizer_id, 0), e.attendee_cancellation, "
    "e.starts_at - e.cancel_deadline_hours * interval '1 hour' > clock_timestamp() "
    "FROM orders o JOIN events e ON e.id = o.event_id WHERE o.id = $1::uuid FOR UPDATE OF o"};
constexpr Statement kRefundByKey{
    "orders_refund_by_key",
    "SELECT order_id::text, request_hash = $3 FROM order_refunds WHERE requested_by = $1 AND idempotency_key = $2"};
constexpr Statement kRefundableLines{
    "orders_refundable_lines",
    "SELECT line_no, total_minor, refunded OR refund_no IS NOT NULL FROM order_lines WHERE order_id = $1::uuid "
    "ORDER BY line_no"};
constexpr Statement kInsertRefund{
    "orders_insert_refund",
    "INSERT INTO order_refunds (order_id, refund_no, reason, requested_by, idempotency_key, request_hash, amount_minor, "
    "device_id) SELECT $1::uuid, coalesce(max(refund_no), 0) + 1, $2, $3, $4, $5, $6, $7 FROM order_refunds "
    "WHERE order_id = $1::uuid RETURNING refund_no"};
constexpr Statement kMarkRefundLines{
    "orders_mark_refund_lines",
    "UPDATE order_lines SET refund_no = $2 WHERE order_id = $1::uuid AND line_no = ANY($3::integer[])"};
constexpr Statement kOpenRefund{
    "orders_open_refund",
    "UPDATE orders SET open_refunds = open_refunds + 1, next_attempt_at = clock_timestamp(), "
    "updated_at = clock_timestamp() WHERE id = $1::uuid"};

// CancelEvent: every confirmed order gets one refund of all its lines not refunded or being
// refunded; pending orders are woken (their next step sees the cancelled event).
constexpr Statement kLockConfirmedOrders{
    "orders_lock_confirmed_of_event",
    "SELECT id FROM orders WHERE event_id = $1::uuid AND status = 'confirmed' ORDER BY id FOR UPDATE"};
constexpr Statement kEventRefunds{
    "orders_event_refunds",
    "INSERT INTO order_refunds (order_id, refund_no, reason, requested_by, amount_minor) "
    "SELECT o.id, coalesce((SELECT max(r.refund_no) FROM order_refunds r WHERE r.order_id = o.id), 0) + 1, $2, $3, "
    "(SELECT sum(l.total_minor) FROM order_lines l WHERE l.order_id = o.id AND NOT l.refunded AND l.refund_no IS NULL) "
    "FROM orders o WHERE o.event_id = $1::uuid AND o.status = 'confirmed' AND EXISTS (SELECT 1 FROM order_lines l "
    "WHERE l.order_id = o.id AND NOT l.refunded AND l.refund_no IS NULL) RETURNING order_id::text, refund_no"};
constexpr Statement kEventRefundLines{
    "orders_event_refund_lines",
    "UPDATE order_lines l SET refund_no = x.n FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, n integer) "
    "WHERE l.order_id = x.id AND NOT l.refunded AND l.refund_no IS NULL"};
constexpr Statement kEventOpenRefunds{
    "orders_event_open_refunds",
    "UPDATE orders SET open_refunds = open_refunds + 1, next_attempt_at = clock_timestamp(), "
    "updated_at = clock_timestamp() WHERE id IN (SELECT (jsonb_array_elements($1::jsonb) ->> 'id')::uuid)"};
constexpr Statement kWakePendingOfEvent{
    "orders_wake_pending_of_event",
    "UPDATE orders SET next_attempt_at = clock_timestamp() WHERE event_id = $1::uuid AND status = 'pending'"};
constexpr Statement kCancelEventRow{
    "orders_cancel_event_row",
    "UPDATE events SET status = 'cancelled', updated_at = now() WHERE id = $1::uuid AND status <> 'cancelled' "
    "RETURNING 1"};
constexpr Statement kNotifySagaRunner{"orders_notify_saga_runner", "SELECT pg_notify('marquee_saga', $1)"};

constexpr Statement kBookingRules{
    "orders_booking_rules",
    "SELECT hold_seconds, hold_cap_seconds, attendee_cancellation, cancel_deadline_hours, waitlist_offer_seconds "
    "FROM events WHERE id = $1::uuid"};
constexpr Statement kSetBookingRules{
    "orders_set_booking_rules",
    "UPDATE events SET hold_seconds = $2, hold_cap_seconds = $3, attendee_cancellation = $4, "
    "cancel_deadline_hours = $5, waitlist_offer_seconds = $6 WHERE id = $1::uuid"};
constexpr Statement kDeleteCharges{"orders_delete_charges", "DELETE FROM event_charges WHERE event_id = $1::uuid"};
constexpr Statement kInsertCharges{
    "orders_insert_charges",
    "INSERT INTO event_charges (event_id, price_category_id, fee_minor, tax_basis_points, tax_included) "
    "SELECT $1::uuid, c.id, c.fee, c.bp, c.included FROM jsonb_to_recordset($2::jsonb) "
    "AS c(id text, fee bigint, bp integer, included boolean)"};

std::string upperAscii(std::string text) {
    for (auto& c : text)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return text;
}

std::string trimSpaces(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

void requireUser(const Principal& who) {
    if (!who.isAuthenticated()) fail(v1::UNAUTHENTICATED, "log in first");
}

bool isBoxOffice(const Principal& who) {
    return who.role == core::Role::Staff || who.role == core::Role::Organizer || who.role == core::Role::Admin;
}

void requireText(const std::string& value, std::size_t maxLength, const char* field) {
    if (value.size() > maxLength || !core::isValidUtf8(value))
        fail(v1::INVALID_ARGUMENT, std::string(field) + " must be valid UTF-8 of at most " + std::to_string(maxLength) +
                                       " bytes",
             {{"field", field}});
}

// The order's id after the caller may read it: the buyer, the event's organizer, staff, admins.
std::string requireReadableOrder(pqxx::transaction_base& tx, const Principal& who, const pqxx::result& rows) {
    if (rows.empty()) fail(v1::NOT_FOUND, "no such order");
    const auto buyer = rows[0][1].as<std::int64_t>();
    const auto organizer = rows[0][2].as<std::int64_t>();
    const bool allowed = who.userId == buyer || who.role == core::Role::Staff || who.role == core::Role::Admin ||
                         (who.role == core::Role::Organizer && organizer == who.userId);
    (void)tx;
    if (!allowed) fail(v1::PERMISSION_DENIED, "this order belongs to someone else");
    return rows[0][0].as<std::string>();
}

v1::Order readOrder(pqxx::connection& conn, const std::string& orderId) {
    pqxx::read_transaction tx(conn);
    auto order = orders::loadOrder(tx, orderId);
    if (!order) throw std::logic_error("the order vanished");
    return std::move(*order);
}

// Drives the order's saga inline. A failure here is not the request's: the order is stored
// and the saga runner carries on from where this stopped.
void driveSaga(pqxx::connection& conn, const orders::PaymentRegistry& registry, const std::string& orderId) {
    try {
        orders::Saga(registry).advance(conn, orderId);
    } catch (const pqxx::broken_connection&) {
        throw;
    } catch (const std::exception& e) {
        log::warn("driving the order saga inline failed; the saga runner will resume it",
                  {{"order", orderId}, {"error", e.what()}});
    }
}

using orders::PricedLine;

void validatePayment(const orders::PaymentRegistry& registry, const Principal& who, const v1::CreateOrder& request) {
    const auto method = request.method();
    if (orders::methodName(method).empty())
        fail(v1::INVALID_ARGUMENT, "method must be cash, card terminal or card online", {{"field", "method"}});
    if ((method == v1::PAYMENT_CASH || method == v1::PAYMENT_CARD_TERMINAL) && !isBoxOffice(who))
        fail(v1::PERMISSION_DENIED, "cash and card-terminal payments are for the box office",
             {{"reason", "payment_method_not_allowed"}});
    if (!registry.find(method))
        fail(v1::FAILED_PRECONDITION, "this payment method is not available on this server",
             {{"reason", "payment_method_not_allowed"}});
    if (method == v1::PAYMENT_CASH && request.cash_tendered_minor() < 0)
        fail(v1::INVALID_ARGUMENT, "cash_tendered_minor must not be negative", {{"field", "cash_tendered_minor"}});
    if (method == v1::PAYMENT_CARD_ONLINE &&
        (request.card_payment_method().empty() || request.card_payment_method().size() > kMaxTokenLength ||
         !core::isValidUtf8(request.card_payment_method())))
        fail(v1::INVALID_ARGUMENT, "card_payment_method must be the provider's token", {{"field", "card_payment_method"}});
    if (method == v1::PAYMENT_CARD_TERMINAL &&
        (request.terminal_id().empty() || request.terminal_id().size() > kMaxTokenLength ||
         !core::isValidUtf8(request.terminal_id())))
        fail(v1::INVALID_ARGUMENT, "terminal_id is required", {{"field", "terminal_id"}});
}

// Prices what the hold holds. FAILED_PRECONDITION when a seat has no price or the currencies differ.
std::vector<PricedLine> priceHold(pqxx::transaction_base& tx, const std::string& holdId, const std::string& eventId,
                                  const LoadedLayout& layout, std::string& currency) {
    orders::LinePricer pricer(tx, eventId, layout, currency);
    std::vector<PricedLine> lines;
    for (const auto& row : exec(tx, kHoldSeatClaims, holdId)) {
        const auto index = layout.index.indexOf(row[0].as<std::string>());
        if (!index) throw std::runtime_error("a held seat is not in the event's layout version");
        lines.push_back(pricer.seat(*index));
    }
    const auto hold = exec(tx, kHoldContents, holdId);
    if (!hold.empty() && hold[0][1].as<std::uint32_t>() > 0) {
        const auto areaId = hold[0][0].as<std::string>();
        const core::seating::Area* area = nullptr;
        for (const auto& candidate : layout.layout.areas)
            if (candidate.id == areaId) area = &candidate;
        if (!area) throw std::runtime_error("a held general-admission area is not in the event's layout version");
        for (std::uint32_t i = 0; i < hold[0][1].as<std::uint32_t>(); ++i) lines.push_back(pricer.place(*area));
    }
    if (lines.empty()) throw std::runtime_error("a live hold holds nothing");
    currency = pricer.currency();
    return lines;
}

} // namespace

v1::Order createOrder(pqxx::connection& conn, const orders::PaymentRegistry& registry, const Principal& who,
                      const std::string& deviceId, const v1::CreateOrder& request) {
    requireUser(who);
    requireIdempotencyKey(request.idempotency_key());
    const auto holdId = requireUuid(request.hold_id(), "hold_id");
    validatePayment(registry, who, request);
    // A walk-up sale at the box office may go without an address (the tickets are printed or
    // shown at the counter, nothing is mailed); every other order needs one to send them to.
    const bool counterSale = isBoxOffice(who) && request.method() != v1::PAYMENT_CARD_ONLINE;
    if (request.buyer_email().empty() && !counterSale)
        fail(v1::INVALID_ARGUMENT, "buyer_email is required (only a box-office sale at the counter may go without)",
             {{"field", "buyer_email"}});
    if (!request.buyer_email().empty() && !core::isValidEmail(request.buyer_email()))
        fail(v1::INVALID_ARGUMENT, "buyer_email is not a valid e-mail address", {{"field", "buyer_email"}});
    requireText(request.buyer_name(), kMaxNameLength, "buyer_name");
    const auto buyerEmail = request.buyer_email().empty() ? std::string() : core::normalizeEmail(request.buyer_email());
    std::string canonical;
    request.SerializeToString(&canonical);
    const auto requestHash = toBinary(sha256(canonical));

    std::string orderId;
    {
        pqxx::work tx(conn);
        if (const auto existing = exec(tx, kOrderByKey, who.userId, request.idempotency_key(), requestHash);
            !existing.empty()) {
            if (!existing[0][1].as<bool>())
                fail(v1::INVALID_ARGUMENT, "idempotency_key reused for a different request",
                     {{"field", "idempotency_key"}});
            orderId = existing[0][0].as<std::string>();
        } else {
            const auto live = lockLiveHold(tx, who, holdId);
            if (!live)
                fail(v1::FAILED_PRECONDITION, "the hold has expired or was released; hold the seats again",
                     {{"reason", "hold_expired"}, {"id", holdId}});
            if (const auto pending = exec(tx, kPendingOrderOfHold, holdId); !pending.empty())
                fail(v1::FAILED_PRECONDITION, "an order for this hold is already being paid",
                     {{"reason", "order_pending"}, {"order_id", pending[0][0].as<std::string>()}});
            const auto event = exec(tx, kOrderEvent, live->eventId);
            if (event.empty() || event[0][3].as<std::string>() == "cancelled" || !event[0][4].as<bool>())
                fail(v1::FAILED_PRECONDITION, "the event is not on sale", {{"reason", "event_not_on_sale"}});
            const auto layout = loadLayout(tx, event[0][0].as<std::string>(), event[0][1].as<std::uint32_t>());
            if (!layout) throw std::runtime_error("the event's layout version is missing");
            std::string currency = event[0][2].as<std::string>();
            const auto lines = priceHold(tx, holdId, live->eventId, *layout, currency);

            std::int64_t subtotal = 0, fees = 0, tax = 0, total = 0;
            auto json = nlohmann::json::array();
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const auto& l = lines[i];
                subtotal += l.price.priceMinor;
                fees += l.price.feeMinor;
                tax += l.price.taxMinor;
                total += l.price.totalMinor;
                json.push_back({{"line_no", i + 1}, {"seat_id", l.seatId}, {"ga_area_id", l.gaAreaId},
                                {"label", l.label}, {"category_id", l.category->id},
                                {"category_name", l.category->name}, {"price", l.price.priceMinor},
                                {"fee", l.price.feeMinor}, {"tax", l.price.taxMinor}, {"total", l.price.totalMinor}});
            }
            const auto holdRow = exec(tx, kHoldContents, holdId);
            const auto holdExpires = holdRow.empty() ? std::string() : holdRow[0][2].as<std::string>();
            const std::int64_t soldBy = counterSale ? who.userId : 0;
            for (int attempt = 0; attempt < kOrderCodeAttempts && orderId.empty(); ++attempt) {
                const auto inserted = exec(
                    tx, kInsertOrder, orders::newOrderCode(), live->eventId, who.userId, soldBy,
                    request.idempotency_key(), requestHash, holdId, currency, subtotal, fees, tax, total,
                    std::string(orders::methodName(request.method())), request.buyer_name(), buyerEmail,
                    request.card_payment_method(), request.terminal_id(),
                    request.method() == v1::PAYMENT_CASH ? request.cash_tendered_minor() : std::int64_t{0},
                    holdExpires, deviceId);
                if (!inserted.empty()) orderId = inserted[0][0].as<std::string>();
                // Otherwise the code was taken (the key cannot be: we hold the hold's lock and
                // a concurrent request with our key would have found the hold in an order).
            }
            if (orderId.empty()) throw std::runtime_error("no free order code after several draws");
            exec(tx, kInsertLines, orderId, json.dump());
            orders::publishOrder(tx, orderId);
        }
        tx.commit();
    }
    driveSaga(conn, registry, orderId);
    return readOrder(conn, orderId);
}

v1::Order getOrder(pqxx::connection& conn, const Principal& who, const v1::GetOrder& request) {
    requireUser(who);
    std::string orderId;
    {
        pqxx::read_transaction tx(conn);
        if (!request.order_id().empty()) {
            orderId = requireReadableOrder(tx, who, exec(tx, kOrderAccess, requireUuid(request.order_id(), "order_id")));
        } else {
            const auto code = upperAscii(request.order_code());
            if (!orders::isOrderCode(code))
                fail(v1::INVALID_ARGUMENT, "give order_id or an order code like MQ-7K3F9X", {{"field", "order_code"}});
            orderId = requireReadableOrder(tx, who, exec(tx, kOrderAccessByCode, code));
        }
    }
    return readOrder(conn, orderId);
}

v1::OrderList listOrders(pqxx::connection& conn, const Principal& who, const v1::ListOrders& request) {
    requireUser(who);
    const auto limit = request.limit() == 0 ? kListDefault : std::min(request.limit(), kListMax);
    const auto before = request.before_order_id().empty() ? std::string()
                                                           : requireUuid(request.before_order_id(), "before_order_id");
    pqxx::read_transaction tx(conn);
    v1::OrderList list;
    const auto rows = exec(tx, kListOrders, who.userId, before, static_cast<std::int64_t>(limit) + 1);
    for (const auto& row : rows) {
        if (static_cast<std::uint32_t>(list.orders_size()) == limit) {
            list.set_more(true);
            break;
        }
        if (auto order = orders::loadOrder(tx, row[0].as<std::string>())) *list.add_orders() = std::move(*order);
    }
    return list;
}

v1::OrderList findOrders(pqxx::connection& conn, const Principal& who, const v1::FindOrders& request) {
    requireUser(who);
    if (!isBoxOffice(who)) fail(v1::PERMISSION_DENIED, "finding orders is for the box office");
    const auto query = trimSpaces(request.query());
    if (query.empty() || query.size() > kMaxQueryLength || !core::isValidUtf8(query))
        fail(v1::INVALID_ARGUMENT, "query must have 1 to 200 bytes of UTF-8", {{"field", "query"}});
    const auto eventId = request.event_id().empty() ? std::string() : requireUuid(request.event_id(), "event_id");
    const auto limit = request.limit() == 0 ? kFindDefault : std::min(request.limit(), kFindMax);
    // LIKE wildcards in the query are plain text.
    std::string pattern;
    for (const char c : query) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    const std::int64_t organizerOnly = who.role == core::Role::Organizer ? who.userId : 0;
    pqxx::read_transaction tx(conn);
    v1::OrderList list;
    for (const auto& row : exec(tx, kFindOrders, query, eventId, organizerOnly, pattern, static_cast<std::int64_t>(limit)))
        if (auto order = orders::loadOrder(tx, row[0].as<std::string>())) *list.add_orders() = std::move(*order);
    return list;
}

v1::Order cancelOrder(pqxx::connection& conn, const orders::PaymentRegistry& registry, const Principal& who,
                      const std::string& deviceId, const v1::CancelOrder& request) {
    requireUser(who);
    requireIdempotencyKey(request.idempotency_key());
    const auto orderId = requireUuid(request.order_id(), "order_id");
    requireText(request.reason(), kMaxReasonLength, "reason");
    std::string canonical;
    request.SerializeToString(&canonical);
    const auto requestHash = toBinary(sha256(canonical));
    {
        pqxx::work tx(conn);
        if (const auto replay = exec(tx, kRefundByKey, who.userId, request.idempotency_key(), requestHash);
            !replay.empty()) {
            if (!replay[0][1].as<bool>() || replay[0][0].as<std::string>() != orderId)
                fail(v1::INVALID_ARGUMENT, "idempotency_key reused for a different request",
                     {{"field", "idempotency_key"}});
        } else {
            const auto rows = exec(tx, kLockOrderForCancel, orderId);
            if (rows.empty()) fail(v1::NOT_FOUND, "no such order");
            const auto& r = rows[0];
            const bool buyer = r[0].as<std::int64_t>() == who.userId;
            const bool organizer = who.role == core::Role::Organizer && r[3].as<std::int64_t>() == who.userId;
            const bool admin = who.role == core::Role::Admin;
            // Box-office staff refund at the counter for the organizer, whoever bought the order.
            const bool counter = who.role == core::Role::Staff;
            if (!buyer && !organizer && !admin && !counter)
                fail(v1::PERMISSION_DENIED, "this order belongs to someone else");
            if (!organizer && !admin && !counter && !(r[4].as<bool>() && r[5].as<bool>()))
                fail(v1::FAILED_PRECONDITION, "this order can no longer be cancelled by its buyer",
                     {{"reason", "cancellation_closed"}});
            const auto status = r[1].as<std::string>();
            const auto step = r[2].as<std::string>();
            if (status == "pending" || (status == "confirmed" && step != "tickets_issued" && step != "mailed"))
                fail(v1::FAILED_PRECONDITION, "the order is still being completed; try again shortly",
                     {{"reason", "pending"}});
            if (status != "confirmed")
                fail(v1::FAILED_PRECONDITION, "only a confirmed order can be cancelled", {{"reason", status}});

            const std::set<std::uint32_t> requested(request.line_nos().begin(), request.line_nos().end());
            auto missing = requested; // lines asked for that the order does not have
            std::vector<int> lineNos;
            std::int64_t amount = 0;
            for (const auto& row : exec(tx, kRefundableLines, orderId)) {
                const auto lineNo = row[0].as<std::uint32_t>();
                const bool taken = row[2].as<bool>();
                if (!requested.empty() && !requested.count(lineNo)) continue;
                missing.erase(lineNo);
                if (taken) {
                    if (!request.line_nos().empty())
                        fail(v1::FAILED_PRECONDITION, "line " + std::to_string(lineNo) + " is already refunded",
                             {{"reason", "already_refunded"}, {"line_no", std::to_string(lineNo)}});
                    continue;
                }
                lineNos.push_back(static_cast<int>(lineNo));
                amount += row[1].as<std::int64_t>();
            }
            if (!missing.empty())
                fail(v1::INVALID_ARGUMENT, "the order has no line " + std::to_string(*missing.begin()),
                     {{"field", "line_nos"}});
            if (lineNos.empty())
                fail(v1::FAILED_PRECONDITION, "nothing left to refund", {{"reason", "already_refunded"}});
            const auto reason = !request.reason().empty() ? request.reason()
                                : organizer || admin        ? std::string("cancelled_by_organizer")
                                : counter && !buyer         ? std::string("refunded_at_box_office")
                                                            : std::string("requested_by_customer");
            const auto refundNo = exec(tx, kInsertRefund, orderId, reason, who.userId, request.idempotency_key(),
                                       requestHash, amount, deviceId)[0][0]
                                      .as<int>();
            std::string array = "{";
            for (const auto n : lineNos) array += (array.size() > 1 ? "," : "") + std::to_string(n);
            exec(tx, kMarkRefundLines, orderId, refundNo, array + "}");
            exec(tx, kOpenRefund, orderId);
        }
        tx.commit();
    }
    driveSaga(conn, registry, orderId);
    return readOrder(conn, orderId);
}

v1::Ack cancelEvent(pqxx::connection& conn, const Principal& who, const v1::CancelEvent& request) {
    const bool isAdmin = requireEditor(who);
    requireIdempotencyKey(request.idempotency_key());
    const auto eventId = requireUuid(request.event_id(), "event_id");
    requireText(request.reason(), kMaxReasonLength, "reason");
    pqxx::work tx(conn);
    if (auto replay = claimIdempotencyKey(tx, who.userId, request.idempotency_key(),
                                          sha256("cancel_event:" + eventId + ":" + request.reason())))
        return *replay;
    requireEventOwner(tx, who, isAdmin, eventId);
    if (!exec(tx, kCancelEventRow, eventId).empty()) appendEventChange(tx, eventId);
    // Per-order work for the saga runner: each order is refunded, its seats released and its
    // buyer mailed in its own transactions, so a crash half-way resumes where it stopped.
    exec(tx, kLockConfirmedOrders, eventId);
    auto refunds = nlohmann::json::array();
    for (const auto& row : exec(tx, kEventRefunds, eventId, std::string("event_cancelled"), who.userId))
        refunds.push_back({{"id", row[0].as<std::string>()}, {"n", row[1].as<int>()}});
    exec(tx, kEventRefundLines, refunds.dump());
    exec(tx, kEventOpenRefunds, refunds.dump());
    exec(tx, kWakePendingOfEvent, eventId);
    exec(tx, kNotifySagaRunner, eventId);
    v1::Ack ack;
    ack.set_id(eventId);
    storeIdempotentAnswer(tx, who.userId, request.idempotency_key(), ack);
    tx.commit();
    log::info("event cancelled", {{"event", eventId}, {"orders_to_refund", refunds.size()}});
    return ack;
}

v1::BookingRules getBookingRules(pqxx::connection& conn, const Principal& who, const v1::GetBookingRules& request) {
    const bool isAdmin = requireEditor(who);
    const auto eventId = requireUuid(request.event_id(), "event_id");
    pqxx::work tx(conn);
    requireEventOwner(tx, who, isAdmin, eventId);
    const auto rows = exec(tx, kBookingRules, eventId);
    v1::BookingRules rules;
    rules.set_event_id(eventId);
    rules.set_hold_seconds(rows[0][0].as<std::uint32_t>());
    rules.set_hold_cap_seconds(rows[0][1].as<std::uint32_t>());
    rules.set_attendee_cancellation(rows[0][2].as<bool>());
    rules.set_cancel_deadline_hours(rows[0][3].as<std::uint32_t>());
    rules.set_waitlist_offer_seconds(rows[0][4].as<std::uint32_t>());
    for (const auto& row : exec(tx, kEventCharges, eventId)) {
        auto* c = rules.add_charges();
        c->set_price_category_id(row[0].as<std::string>());
        c->set_fee_minor(row[1].as<std::int64_t>());
        c->set_tax_basis_points(row[2].as<std::uint32_t>());
        c->set_tax_included(row[3].as<bool>());
    }
    tx.commit();
    return rules;
}

v1::BookingRules setBookingRules(pqxx::connection& conn, const Principal& who, const v1::SetBookingRules& request) {
    const bool isAdmin = requireEditor(who);
    const auto& rules = request.rules();
    const auto eventId = requireUuid(rules.event_id(), "rules.event_id");
    const auto range = [](std::uint64_t value, std::uint64_t low, std::uint64_t high, const char* field) {
        if (value < low || value > high)
            fail(v1::INVALID_ARGUMENT,
                 std::string(field) + " must be " + std::to_string(low) + " to " + std::to_string(high),
                 {{"field", field}});
    };
    range(rules.hold_seconds(), 60, 86400, "hold_seconds");
    range(rules.hold_cap_seconds(), 60, 86400, "hold_cap_seconds");
    if (rules.hold_cap_seconds() < rules.hold_seconds())
        fail(v1::INVALID_ARGUMENT, "hold_cap_seconds must be at least hold_seconds", {{"field", "hold_cap_seconds"}});
    range(rules.cancel_deadline_hours(), 0, 8760, "cancel_deadline_hours");
    range(rules.waitlist_offer_seconds(), 300, 604800, "waitlist_offer_seconds");
    if (rules.charges_size() > 100) fail(v1::INVALID_ARGUMENT, "at most 100 charges", {{"field", "charges"}});
    auto charges = nlohmann::json::array();
    std::set<std::string> seen;
    for (const auto& c : rules.charges()) {
        const auto& id = c.price_category_id();
        if (id.empty() || id.size() > 64 || !core::isValidUtf8(id))
            fail(v1::INVALID_ARGUMENT, "price_category_id must have 1 to 64 bytes", {{"field", "charges"}});
        if (!seen.insert(id).second)
            fail(v1::INVALID_ARGUMENT, "price category '" + id + "' is listed twice", {{"field", "charges"}});
        if (c.fee_minor() < 0 || c.fee_minor() > orders::kMaxLineMinor)
            fail(v1::INVALID_ARGUMENT, "fee_minor must be 0 to 10^12", {{"field", "fee_minor"}});
        range(c.tax_basis_points(), 0, orders::kMaxTaxBasisPoints, "tax_basis_points");
        charges.push_back(
            {{"id", id}, {"fee", c.fee_minor()}, {"bp", c.tax_basis_points()}, {"included", c.tax_included()}});
    }
    {
        pqxx::work tx(conn);
        requireEventOwner(tx, who, isAdmin, eventId);
        exec(tx, kSetBookingRules, eventId, rules.hold_seconds(), rules.hold_cap_seconds(),
             rules.attendee_cancellation(), rules.cancel_deadline_hours(), rules.waitlist_offer_seconds());
        exec(tx, kDeleteCharges, eventId);
        exec(tx, kInsertCharges, eventId, charges.dump());
        tx.commit();
    }
    v1::GetBookingRules get;
    get.set_event_id(eventId);
    return getBookingRules(conn, who, get);
}

v1::PaymentConfig getPaymentConfig(const orders::PaymentRegistry& registry, const Principal& who) {
    requireUser(who);
    return registry.config(isBoxOffice(who));
}

} // namespace marquee::server::detail
