// Seat exchange at the counter (ExchangeSeats, boxoffice.proto; docs/boxoffice.md): lines of a
// confirmed order move to the seats of a live hold of the caller. The old seats go back on
// sale, the lines are repriced (orders/line_pricer.hpp), their tickets voided and new ones
// issued on the same order (tickets/ticket_issuer.hpp). A price difference is settled through
// the payment providers the saga uses, recorded in payment_operations before and after each
// call ("<order id>:exchange:<n>") with no transaction open across it: collected before the
// seats move (and paid back if the hold lapsed meanwhile), paid back after they moved. A
// replay of the request resumes an exchange a crash or an unanswering provider left pending.
#include "services/boxoffice.hpp"

#include "common/log.hpp"
#include "marquee/core/seating/seat_index.hpp"
#include "marquee/core/validation.hpp"
#include "orders/line_pricer.hpp"
#include "orders/order_record.hpp"
#include "orders/payment_registry.hpp"
#include "orders/saga.hpp"
#include "services/seat_claims.hpp"
#include "tickets/ticket_issuer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <optional>

namespace marquee::server::detail {

namespace {

using core::seating::SeatStatus;

constexpr std::size_t kMaxExchangeLines = 50;
constexpr std::size_t kMaxTerminalIdLength = 255;

constexpr Statement kExchangeByKey{
    "exchange_by_key",
    "SELECT order_id::text, exchange_no, status, failure_reason, request_hash = $3 FROM order_exchanges "
    "WHERE requested_by = $1 AND idempotency_key = $2"};
constexpr Statement kLockOrder{
    "exchange_lock_order",
    "SELECT o.status, o.saga_step, o.open_refunds, o.event_id::text, o.currency, o.payment_method, o.code, e.title, "
    "coalesce(e.organizer_id, 0), coalesce(e.layout_id::text, ''), coalesce(e.layout_version, 0) "
    "FROM orders o JOIN events e ON e.id = o.event_id WHERE o.id = $1::uuid FOR UPDATE OF o"};
constexpr Statement kOrderLines{
    "exchange_order_lines",
    "SELECT line_no, coalesce(seat_id, ''), total_minor, refunded OR refund_no IS NOT NULL FROM order_lines "
    "WHERE order_id = $1::uuid AND line_no = ANY($2::integer[]) ORDER BY line_no"};
constexpr Statement kHoldSeats{
    "exchange_hold_seats",
    "SELECT seat_id, seat_index FROM seat_claims WHERE hold_id = $1::uuid AND kind = 'held' ORDER BY seat_index"};
constexpr Statement kHoldHasPlaces{"exchange_hold_has_places", "SELECT ga_count FROM seat_holds WHERE id = $1::uuid"};
constexpr Statement kInsertExchange{
    "exchange_insert",
    "INSERT INTO order_exchanges (order_id, exchange_no, requested_by, device_id, idempotency_key, request_hash, "
    "hold_id, line_nos, old_seat_ids, new_seat_ids, new_lines, difference_minor, method) "
    "SELECT $1::uuid, coalesce(max(exchange_no), 0) + 1, $2, $3, $4, $5, $6::uuid, $7::integer[], $8::text[], "
    "$9::text[], $10::jsonb, $11, $12 FROM order_exchanges WHERE order_id = $1::uuid RETURNING exchange_no"};
// The exchange as the settling step reads it (locked: one settler at a time).
constexpr Statement kExchangeRow{
    "exchange_row",
    "SELECT hold_id::text, array_to_json(line_nos)::text, array_to_json(old_seat_ids)::text, new_lines::text, "
    "difference_minor, method, status, failure_reason, requested_by FROM order_exchanges "
    "WHERE order_id = $1::uuid AND exchange_no = $2 FOR UPDATE"};
constexpr Statement kFinishExchange{
    "exchange_finish",
    "UPDATE order_exchanges SET status = $3, failure_reason = $4 WHERE order_id = $1::uuid AND exchange_no = $2"};
constexpr Statement kOperation{
    "exchange_operation",
    "SELECT status, amount_minor, tendered_minor, terminal_id, decline_code FROM payment_operations "
    "WHERE idempotency_key = $1"};
constexpr Statement kOperationReference{
    "exchange_operation_reference", "SELECT provider_reference FROM payment_operations WHERE idempotency_key = $1"};
constexpr Statement kAuthorizeReference{
    "exchange_authorize_reference",
    "SELECT provider_reference FROM payment_operations WHERE order_id = $1::uuid AND kind = 'authorize' "
    "AND status = 'succeeded'"};
constexpr Statement kReleaseOldSeats{
    "exchange_release_old_seats",
    "DELETE FROM seat_claims WHERE order_id = $1::uuid AND kind = 'sold' AND seat_id = ANY($2::text[]) "
    "RETURNING seat_index"};
constexpr Statement kSellHeldSeats{
    "exchange_sell_held_seats",
    "UPDATE seat_claims SET kind = 'sold', expires_at = NULL, hold_id = NULL, order_id = $2::uuid, updated_at = now() "
    "WHERE hold_id = $1::uuid AND kind = 'held' RETURNING seat_index"};
constexpr Statement kDeleteHold{"exchange_delete_hold", "DELETE FROM seat_holds WHERE id = $1::uuid"};
constexpr Statement kRepriceLines{
    "exchange_reprice_lines",
    "UPDATE order_lines l SET seat_id = n.seat_id, label = n.label, price_category_id = n.category_id, "
    "price_category_name = n.category_name, price_minor = n.price, fee_minor = n.fee, tax_minor = n.tax, "
    "total_minor = n.total FROM jsonb_to_recordset($2::jsonb) AS n(line_no integer, seat_id text, label text, "
    "category_id text, category_name text, price bigint, fee bigint, tax bigint, total bigint) "
    "WHERE l.order_id = $1::uuid AND l.line_no = n.line_no"};
constexpr Statement kRetotalOrder{
    "exchange_retotal_order",
    "UPDATE orders o SET subtotal_minor = t.subtotal, fees_minor = t.fees, tax_minor = t.tax, total_minor = t.total, "
    "updated_at = clock_timestamp() FROM (SELECT sum(price_minor) AS subtotal, sum(fee_minor) AS fees, "
    "sum(tax_minor) AS tax, sum(total_minor) AS total FROM order_lines WHERE order_id = $1::uuid) t "
    "WHERE o.id = $1::uuid"};

bool isBoxOfficeMethod(v1::PaymentMethodKind method) {
    return method == v1::PAYMENT_CASH || method == v1::PAYMENT_CARD_TERMINAL;
}

std::string exchangeKey(const std::string& orderId, int exchangeNo) {
    return orderId + ":exchange:" + std::to_string(exchangeNo);
}

// The order facts the settling step needs.
struct OrderFacts {
    std::string eventId;
    std::string currency;
    std::string method;
    std::string code;
    std::string eventTitle;
};

// An exchange as stored, for the steps after its first transaction.
struct Exchange {
    std::string orderId;
    int number = 0;
    std::string holdId;
    std::vector<std::uint32_t> lineNos;
    std::vector<std::string> oldSeats;
    std::string newLines; // JSON, as kRepriceLines reads it
    std::int64_t difference = 0;
    std::string method;
    std::string status;
    std::string failureReason;
    std::int64_t requestedBy = 0;
};

Exchange readExchange(pqxx::transaction_base& tx, const std::string& orderId, int number) {
    const auto rows = exec(tx, kExchangeRow, orderId, number);
    if (rows.empty()) throw std::logic_error("readExchange: no exchange " + exchangeKey(orderId, number));
    const auto& r = rows[0];
    Exchange e;
    e.orderId = orderId;
    e.number = number;
    e.holdId = r[0].as<std::string>();
    e.lineNos = nlohmann::json::parse(r[1].as<std::string>()).get<std::vector<std::uint32_t>>();
    e.oldSeats = nlohmann::json::parse(r[2].as<std::string>()).get<std::vector<std::string>>();
    e.newLines = r[3].as<std::string>();
    e.difference = r[4].as<std::int64_t>();
    e.method = r[5].as<std::string>();
    e.status = r[6].as<std::string>();
    e.failureReason = r[7].as<std::string>();
    e.requestedBy = r[8].as<std::int64_t>();
    return e;
}

// Moves the lines to the hold's seats inside `tx`: old seats released, the hold's seats sold
// to the order, lines repriced, tickets voided and issued anew, the order republished, the
// seat changes announced.
void moveSeats(pqxx::transaction_base& tx, const Exchange& e, const std::string& eventId) {
    std::map<std::uint32_t, SeatStatusRow> changes;
    for (const auto& row : exec(tx, kReleaseOldSeats, e.orderId, textArray(e.oldSeats))) {
        const auto index = row[0].as<std::uint32_t>();
        changes[index] = {index, static_cast<std::uint8_t>(SeatStatus::Available), 0};
    }
    std::size_t sold = 0;
    for (const auto& row : exec(tx, kSellHeldSeats, e.holdId, e.orderId)) {
        const auto index = row[0].as<std::uint32_t>();
        changes[index] = {index, static_cast<std::uint8_t>(SeatStatus::Sold), 0};
        ++sold;
    }
    if (sold != e.lineNos.size()) throw std::logic_error("a live hold no longer holds the exchange's seats");
    exec(tx, kDeleteHold, e.holdId);
    exec(tx, kRepriceLines, e.orderId, e.newLines);
    exec(tx, kRetotalOrder, e.orderId);
    tickets::reissueTickets(tx, e.orderId, e.lineNos);
    orders::publishOrder(tx, e.orderId);
    announce(tx, eventId, std::move(changes), {});
}

v1::Order readOrder(pqxx::connection& conn, const std::string& orderId) {
    pqxx::read_transaction tx(conn);
    auto order = orders::loadOrder(tx, orderId);
    if (!order) throw std::logic_error("the order vanished");
    return std::move(*order);
}

// One provider call of the exchange, recorded under `key` (started before, final after).
// nullopt: the provider asked to retry later (the operation stays started).
std::optional<payments::Result> callProvider(pqxx::connection& conn, const std::string& key,
                                             const std::function<payments::Result(const std::string&)>& call) {
    payments::Result result;
    try {
        result = call(key);
    } catch (const std::exception& e) {
        result.outcome = payments::Outcome::RetryLater; // providers don't throw; if one does, the outcome is unknown
        result.message = e.what();
    }
    if (result.outcome == payments::Outcome::RetryLater) return std::nullopt;
    pqxx::work tx(conn);
    orders::finishPaymentOperation(tx, key, result);
    tx.commit();
    return result;
}

// Pays `amount` back through the provider that took it (`reference`: its payment there, "" when
// unknown) under the operation `key`; nullopt: the provider has not answered yet.
std::optional<payments::Result> refundDifference(pqxx::connection& conn, payments::PaymentProvider& provider,
                                                 const std::string& key, const std::string& orderId,
                                                 const std::string& reference, std::int64_t amount,
                                                 const std::string& currency, const std::string& reason) {
    return callProvider(conn, key, [&](const std::string& idempotencyKey) {
        payments::FollowUpRequest refund;
        refund.idempotencyKey = idempotencyKey;
        refund.orderId = orderId;
        refund.providerReference = reference;
        refund.amountMinor = amount;
        refund.currency = currency;
        refund.reason = reason;
        return provider.refund(refund);
    });
}

void finishExchange(pqxx::connection& conn, const Exchange& e, const std::string& status, const std::string& reason) {
    pqxx::work tx(conn);
    exec(tx, kFinishExchange, e.orderId, e.number, status, reason);
    tx.commit();
}

[[noreturn]] void failPending(const std::string& orderId) {
    fail(v1::FAILED_PRECONDITION,
         "the payment provider has not answered yet; send the same request again to finish the exchange",
         {{"reason", "pending"}, {"order_id", orderId}});
}

// Settles a pending exchange's difference and finishes it; a done one answers the order.
v1::Order settleExchange(pqxx::connection& conn, const orders::PaymentRegistry& registry, const std::string& orderId,
                         int number, const OrderFacts& order) {
    Exchange e;
    std::string operationStatus;
    std::int64_t amount = 0, tendered = 0;
    std::string terminalId;
    std::string declineCode;
    const auto key = exchangeKey(orderId, number);
    {
        pqxx::work tx(conn); // kExchangeRow locks: not a read-only transaction
        e = readExchange(tx, orderId, number);
        if (const auto op = exec(tx, kOperation, key); !op.empty()) {
            operationStatus = op[0][0].as<std::string>();
            amount = op[0][1].as<std::int64_t>();
            tendered = op[0][2].as<std::int64_t>();
            terminalId = op[0][3].as<std::string>();
            declineCode = op[0][4].as<std::string>();
        }
        tx.commit();
    }
    if (e.status == "done") return readOrder(conn, orderId);
    if (e.status == "failed")
        fail(v1::FAILED_PRECONDITION, "the exchange failed: " + e.failureReason, {{"reason", e.failureReason}});
    const auto provider = registry.find(orders::methodFromName(e.method));
    if (!provider) throw std::runtime_error("no payment provider for " + e.method);

    if (e.difference < 0) {
        // The seats moved already; the difference goes back to the buyer.
        if (operationStatus == "started") {
            std::string reference;
            if (e.method == order.method) {
                pqxx::read_transaction tx(conn);
                if (const auto rows = exec(tx, kAuthorizeReference, orderId); !rows.empty())
                    reference = rows[0][0].as<std::string>();
            }
            const auto result =
                refundDifference(conn, *provider, key, orderId, reference, amount, order.currency, "seat_exchange");
            if (!result) failPending(orderId);
            if (result->outcome != payments::Outcome::Succeeded) {
                log::error("the provider refused to pay back an exchange's difference; staff must settle it",
                           {{"order", orderId}, {"exchange", number}, {"decline", result->declineCode}});
                finishExchange(conn, e, "done", "refund_declined");
                return readOrder(conn, orderId);
            }
        }
        finishExchange(conn, e, "done", operationStatus == "declined" ? "refund_declined" : "");
        return readOrder(conn, orderId);
    }

    // Collect first, then move the seats.
    if (operationStatus == "started") {
        const auto result = callProvider(conn, key, [&](const std::string& idempotencyKey) {
            payments::AuthorizeRequest charge;
            charge.idempotencyKey = idempotencyKey;
            charge.orderId = orderId;
            charge.orderCode = order.code;
            charge.amountMinor = amount;
            charge.currency = order.currency;
            charge.description = order.code + " · seat exchange · " + order.eventTitle;
            charge.terminalId = terminalId;
            charge.cashTenderedMinor = tendered;
            return provider->authorize(charge);
        });
        if (!result) failPending(orderId);
        operationStatus = result->outcome == payments::Outcome::Succeeded ? "succeeded" : "declined";
        declineCode = result->declineCode;
    }
    if (operationStatus == "declined") {
        finishExchange(conn, e, "failed", "payment_declined");
        fail(v1::FAILED_PRECONDITION, "the difference was declined; the seats were not exchanged",
             {{"reason", "payment_declined"}, {"decline_code", declineCode}});
    }
    {
        pqxx::work tx(conn);
        const auto locked = readExchange(tx, orderId, number); // serializes settlers of this exchange
        if (locked.status == "done") return readOrder(conn, orderId);
        exec(tx, kLockOrder, orderId);
        Principal holder;
        holder.userId = locked.requestedBy;
        if (lockLiveHold(tx, holder, e.holdId)) {
            moveSeats(tx, e, order.eventId);
            exec(tx, kFinishExchange, orderId, number, std::string("done"), std::string());
            tx.commit();
            return readOrder(conn, orderId);
        }
    }
    // The hold lapsed while the difference was collected: pay it back, exchange nothing.
    const auto refundKey = key + ":refund";
    {
        pqxx::work tx(conn);
        orders::startPaymentOperation(tx, {orderId, "exchange_refund", std::string(provider->name()), refundKey,
                                           amount, order.currency, 0, terminalId});
        tx.commit();
    }
    std::string reference;
    {
        pqxx::read_transaction tx(conn);
        if (const auto rows = exec(tx, kOperationReference, key); !rows.empty()) reference = rows[0][0].as<std::string>();
    }
    const auto refunded =
        refundDifference(conn, *provider, refundKey, orderId, reference, amount, order.currency, "seat_exchange_failed");
    if (!refunded) failPending(orderId);
    finishExchange(conn, e, "failed", "hold_expired");
    fail(v1::FAILED_PRECONDITION, "the hold lapsed while the difference was collected; it was paid back",
         {{"reason", "hold_expired"}});
}

} // namespace

v1::Order exchangeSeats(pqxx::connection& conn, const orders::PaymentRegistry& registry, const BoxOfficeCaller& caller,
                        const v1::ExchangeSeats& request) {
    requireIdempotencyKey(request.idempotency_key());
    const auto orderId = requireUuid(request.order_id(), "order_id");
    const auto holdId = requireUuid(request.hold_id(), "hold_id");
    if (request.line_nos().empty() || static_cast<std::size_t>(request.line_nos_size()) > kMaxExchangeLines)
        fail(v1::INVALID_ARGUMENT, "line_nos must list 1 to 50 lines", {{"field", "line_nos"}});
    std::vector<std::uint32_t> lineNos(request.line_nos().begin(), request.line_nos().end());
    std::sort(lineNos.begin(), lineNos.end());
    if (std::adjacent_find(lineNos.begin(), lineNos.end()) != lineNos.end() || lineNos.front() == 0)
        fail(v1::INVALID_ARGUMENT, "line_nos must be distinct line numbers", {{"field", "line_nos"}});
    if (request.cash_tendered_minor() < 0)
        fail(v1::INVALID_ARGUMENT, "cash_tendered_minor must not be negative", {{"field", "cash_tendered_minor"}});
    if (request.terminal_id().size() > kMaxTerminalIdLength || !core::isValidUtf8(request.terminal_id()))
        fail(v1::INVALID_ARGUMENT, "terminal_id must be valid UTF-8 of at most 255 bytes", {{"field", "terminal_id"}});
    const auto requestHash = toBinary(sha256(request.SerializeAsString()));

    int number = 0;
    OrderFacts facts;
    {
        pqxx::work tx(conn);
        if (const auto existing = exec(tx, kExchangeByKey, caller.who.userId, request.idempotency_key(), requestHash);
            !existing.empty()) {
            // A replay: the stored exchange decides (settled again when it is pending).
            if (!existing[0][4].as<bool>() || existing[0][0].as<std::string>() != orderId)
                fail(v1::INVALID_ARGUMENT, "idempotency_key reused for a different request",
                     {{"field", "idempotency_key"}});
            number = existing[0][1].as<int>();
        }
        const auto order = exec(tx, kLockOrder, orderId);
        if (order.empty()) fail(v1::NOT_FOUND, "no such order", {{"id", orderId}});
        const auto& o = order[0];
        if (caller.who.role == core::Role::Organizer && o[8].as<std::int64_t>() != caller.who.userId)
            fail(v1::PERMISSION_DENIED, "this order is for another organizer's event");
        facts = {o[3].as<std::string>(), o[4].as<std::string>(), o[5].as<std::string>(), o[6].as<std::string>(),
                 o[7].as<std::string>()};
        if (number == 0) {
            const auto status = o[0].as<std::string>();
            const auto step = o[1].as<std::string>();
            if (status == "pending" || (status == "confirmed" && step != "tickets_issued" && step != "mailed") ||
                o[2].as<int>() > 0)
                fail(v1::FAILED_PRECONDITION, "the order is still being completed or refunded; try again shortly",
                     {{"reason", "pending"}});
            if (status != "confirmed")
                fail(v1::FAILED_PRECONDITION, "only a confirmed order can be exchanged", {{"reason", status}});
            const auto live = lockLiveHold(tx, caller.who, holdId);
            if (!live)
                fail(v1::FAILED_PRECONDITION, "the hold has expired or was released; hold the new seats again",
                     {{"reason", "hold_expired"}, {"id", holdId}});
            if (live->eventId != facts.eventId)
                fail(v1::INVALID_ARGUMENT, "the hold is for another event", {{"field", "hold_id"}});

            Exchange e;
            e.orderId = orderId;
            e.holdId = holdId;
            e.lineNos = lineNos;
            std::int64_t oldTotal = 0;
            for (const auto& row : exec(tx, kOrderLines, orderId, integerArray(lineNos))) {
                const auto lineNo = row[0].as<std::uint32_t>();
                if (row[1].as<std::string>().empty())
                    fail(v1::INVALID_ARGUMENT, "line " + std::to_string(lineNo) + " is a standing place, not a seat",
                         {{"field", "line_nos"}});
                if (row[3].as<bool>())
                    fail(v1::FAILED_PRECONDITION, "line " + std::to_string(lineNo) + " is refunded",
                         {{"reason", "already_refunded"}, {"line_no", std::to_string(lineNo)}});
                e.oldSeats.push_back(row[1].as<std::string>());
                oldTotal += row[2].as<std::int64_t>();
            }
            if (e.oldSeats.size() != lineNos.size())
                fail(v1::INVALID_ARGUMENT, "the order has no such line", {{"field", "line_nos"}});
            std::vector<SeatPick> newSeats;
            for (const auto& row : exec(tx, kHoldSeats, holdId))
                newSeats.push_back({row[0].as<std::string>(), row[1].as<std::uint32_t>()});
            const auto places = exec(tx, kHoldHasPlaces, holdId);
            if (newSeats.size() != lineNos.size() || (!places.empty() && places[0][0].as<int>() > 0))
                fail(v1::FAILED_PRECONDITION,
                     "the hold has " + std::to_string(newSeats.size()) + " seat(s) for " +
                         std::to_string(lineNos.size()) + " line(s)",
                     {{"reason", "count_mismatch"}});

            // The new seats priced as an order would price them, paired with the lines in order.
            const auto layout = loadLayout(tx, o[9].as<std::string>(), o[10].as<std::uint32_t>());
            if (!layout) throw std::runtime_error("the event's layout version is missing");
            orders::LinePricer pricer(tx, facts.eventId, *layout, facts.currency);
            auto newLines = nlohmann::json::array();
            std::int64_t newTotal = 0;
            std::vector<std::string> newSeatIds;
            for (std::size_t i = 0; i < lineNos.size(); ++i) {
                const auto line = pricer.seat(newSeats[i].index);
                newTotal += line.price.totalMinor;
                newSeatIds.push_back(line.seatId);
                newLines.push_back({{"line_no", lineNos[i]}, {"seat_id", line.seatId}, {"label", line.label},
                                    {"category_id", line.category->id}, {"category_name", line.category->name},
                                    {"price", line.price.priceMinor}, {"fee", line.price.feeMinor},
                                    {"tax", line.price.taxMinor}, {"total", line.price.totalMinor}});
            }
            if (pricer.currency() != facts.currency)
                fail(v1::FAILED_PRECONDITION, "the new seats are priced in another currency",
                     {{"reason", "mixed_currencies"}});
            e.newLines = newLines.dump();
            e.difference = newTotal - oldTotal;

            // How the difference is settled: collected at the counter; paid back in cash or to
            // the payment method the order was paid with.
            e.method = "none";
            const auto method = request.difference_method();
            if (e.difference > 0) {
                if (!isBoxOfficeMethod(method))
                    fail(v1::INVALID_ARGUMENT, "collect the difference in cash or at the card terminal",
                         {{"field", "difference_method"}});
                if (method == v1::PAYMENT_CARD_TERMINAL && request.terminal_id().empty())
                    fail(v1::INVALID_ARGUMENT, "terminal_id is required", {{"field", "terminal_id"}});
                e.method = std::string(orders::methodName(method));
            } else if (e.difference < 0) {
                e.method = std::string(orders::methodName(method));
                if (method != v1::PAYMENT_CASH && e.method != facts.method)
                    fail(v1::INVALID_ARGUMENT, "pay the difference back in cash or to the order's own payment method",
                         {{"field", "difference_method"}});
            }
            const auto provider = e.method == "none" ? nullptr : registry.find(method);
            if (e.method != "none" && !provider)
                fail(v1::FAILED_PRECONDITION, "this payment method is not available on this server",
                     {{"reason", "payment_method_not_allowed"}});
            if (method == v1::PAYMENT_CASH && e.difference > 0 && request.cash_tendered_minor() < e.difference)
                fail(v1::FAILED_PRECONDITION, "less cash was tendered than the difference",
                     {{"reason", "insufficient_cash"}});
            number = exec(tx, kInsertExchange, orderId, caller.who.userId, caller.deviceId, request.idempotency_key(),
                          requestHash, holdId, integerArray(lineNos), textArray(e.oldSeats), textArray(newSeatIds),
                          e.newLines, e.difference, e.method)[0][0]
                         .as<int>();
            e.number = number;
            if (provider)
                orders::startPaymentOperation(
                    tx, {orderId, e.difference > 0 ? "exchange_charge" : "exchange_refund", std::string(provider->name()),
                         exchangeKey(orderId, number), std::abs(e.difference), facts.currency,
                         method == v1::PAYMENT_CASH && e.difference > 0 ? request.cash_tendered_minor() : 0,
                         request.terminal_id()});
            // No difference, or one paid back: the seats move now. A difference to collect
            // moves them once the money is in.
            if (e.difference <= 0) moveSeats(tx, e, facts.eventId);
            if (e.difference == 0) exec(tx, kFinishExchange, orderId, number, std::string("done"), std::string());
        }
        tx.commit();
    }
    return settleExchange(conn, registry, orderId, number, facts);
}

} // namespace marquee::server::detail
