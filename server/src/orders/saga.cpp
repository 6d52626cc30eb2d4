// The order saga (see saga.hpp): planning the next step from what is persisted, provider
// steps (record → call → record), database steps, compensations and refunds.
#include "orders/saga.hpp"

#include "common/log.hpp"
#include "db/lock_keys.hpp"
#include "marquee/core/seating/seat_index.hpp"
#include "orders/failpoints.hpp"
#include "orders/order_record.hpp"
#include "mail/notifications.hpp"
#include "services/api_internal.hpp"
#include "tickets/ticket_issuer.hpp"
#include "waitlist/waitlist.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <stdexcept>

namespace marquee::server::orders {

namespace {

using detail::exec;
using detail::Statement;
using core::seating::SeatStatus;

// Steps a provider or a database transaction failed to finish are retried after 2^attempts
// seconds, at most this long.
constexpr int kMaxBackoffSeconds = 300;
// An unfinished order with nothing to do now (should not happen) is looked at again after this.
constexpr int kIdleRecheckSeconds = 60;
// advance() stops after this many steps in one go (a saga has at most a dozen).
constexpr int kMaxStepsPerAdvance = 32;
// The failure of an order whose payment was refused; its hold stays for a retry.
constexpr const char* kPaymentDeclined = "payment_declined";

constexpr Statement kTryLock{"saga_try_lock", "SELECT pg_try_advisory_lock($1::integer, hashtext($2))"};
constexpr Statement kUnlock{"saga_unlock", "SELECT pg_advisory_unlock($1::integer, hashtext($2))"};

constexpr Statement kLockOrder{
    "saga_lock_order",
    "SELECT o.status, o.saga_step, o.user_id, o.event_id::text, coalesce(o.hold_id::text, ''), o.payment_method, "
    "o.currency, o.total_minor, o.code, o.payment_token, o.terminal_id, o.cash_tendered_minor, o.open_refunds, "
    "e.title, e.status, o.failure_reason FROM orders o JOIN events e ON e.id = o.event_id "
    "WHERE o.id = $1::uuid FOR UPDATE OF o"};
// Confirm reads the event's status under a key-share lock: CancelEvent locks the event row
// FOR UPDATE, so a confirm either commits before it (and its order is refunded) or sees
// the event cancelled.
constexpr Statement kEventStatus{"saga_event_status",
                                 "SELECT status FROM events WHERE id = $1::uuid FOR KEY SHARE"};
constexpr Statement kSteps{"saga_steps_of",
                           "SELECT step, completed_at IS NOT NULL, outcome FROM saga_steps WHERE order_id = $1::uuid"};
constexpr Statement kOperations{
    "saga_operations_of",
    "SELECT kind, status, provider_reference, idempotency_key FROM payment_operations WHERE order_id = $1::uuid"};
constexpr Statement kHoldLive{"saga_hold_live",
                              "SELECT expires_at > clock_timestamp() FROM seat_holds WHERE id = $1::uuid"};
constexpr Statement kLowestOpenRefund{
    "saga_lowest_open_refund",
    "SELECT min(refund_no) FROM order_refunds WHERE order_id = $1::uuid AND status = 'open'"};

constexpr Statement kStartStep{
    "saga_start_step",
    "INSERT INTO saga_steps (order_id, step, idempotency_key) VALUES ($1::uuid, $2, $1 || ':' || $2) "
    "ON CONFLICT (order_id, step) DO NOTHING"};
constexpr Statement kCompleteStep{
    "saga_complete_step",
    "UPDATE saga_steps SET completed_at = clock_timestamp(), outcome = $3 "
    "WHERE order_id = $1::uuid AND step = $2 AND completed_at IS NULL"};
constexpr Statement kStartOperation{
    "saga_start_operation",
    "INSERT INTO payment_operations (order_id, kind, provider, idempotency_key, amount_minor, currency, "
    "tendered_minor, terminal_id) VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8) "
    "ON CONFLICT (idempotency_key) DO NOTHING"};
constexpr Statement kFinishOperation{
    "saga_finish_operation",
    "UPDATE payment_operations SET status = $2, provider_reference = $3, decline_code = $4, decline_message = $5, "
    "card_brand = $6, card_last4 = $7, change_due_minor = $8, updated_at = clock_timestamp() "
    "WHERE idempotency_key = $1"};
constexpr Statement kNoteOperationRetry{
    "saga_note_operation_retry",
    "UPDATE payment_operations SET decline_message = $2, updated_at = clock_timestamp() WHERE idempotency_key = $1"};

constexpr Statement kSetStep{
    "saga_set_step",
    "UPDATE orders SET saga_step = $2, attempts = 0, last_error = '', next_attempt_at = clock_timestamp(), "
    "updated_at = clock_timestamp() WHERE id = $1::uuid"};
constexpr Statement kFailOrder{
    "saga_fail_order",
    "UPDATE orders SET status = 'failed', saga_step = 'compensating', failure_reason = $2, attempts = 0, "
    "next_attempt_at = clock_timestamp(), updated_at = clock_timestamp() WHERE id = $1::uuid"};
constexpr Statement kConfirmOrder{
    "saga_confirm_order",
    "UPDATE orders SET status = 'confirmed', saga_step = 'confirmed', confirmed_at = clock_timestamp(), "
    "attempts = 0, last_error = '', updated_at = clock_timestamp() WHERE id = $1::uuid"};
constexpr Statement kBackoff{
    "saga_backoff",
    "UPDATE orders SET attempts = attempts + 1, last_error = $2, updated_at = clock_timestamp(), "
    "next_attempt_at = clock_timestamp() + least(power(2, least(attempts, 16)), $3) * interval '1 second' "
    "WHERE id = $1::uuid"};
constexpr Statement kRecheckLater{
    "saga_recheck_later",
    "UPDATE orders SET next_attempt_at = clock_timestamp() + $2 * interval '1 second' WHERE id = $1::uuid"};

// Confirm: the hold's seats become sold (the same claim rows: the UNIQUE guard stays), the
// hold row goes (its GA places stay counted: they are sold now).
constexpr Statement kSellHeldSeats{
    "saga_sell_held_seats",
    "UPDATE seat_claims SET kind = 'sold', expires_at = NULL, hold_id = NULL, order_id = $2::uuid, "
    "updated_at = now() WHERE hold_id = $1::uuid AND kind = 'held' RETURNING seat_index"};
constexpr Statement kDeleteHold{"saga_delete_hold", "DELETE FROM seat_holds WHERE id = $1::uuid"};
constexpr Statement kSeatLineCount{
    "saga_seat_line_count", "SELECT count(*) FROM order_lines WHERE order_id = $1::uuid AND seat_id IS NOT NULL"};

// Refunds and failed captures give sold seats back.
constexpr Statement kReleaseSoldSeats{
    "saga_release_sold_seats",
    "DELETE FROM seat_claims WHERE order_id = $1::uuid AND kind = 'sold' "
    "AND seat_id IN (SELECT seat_id FROM order_lines WHERE order_id = $1::uuid AND seat_id IS NOT NULL "
    "AND (line_no = ANY($2::integer[]) OR cardinality($2::integer[]) = 0)) RETURNING seat_index"};
constexpr Statement kGaPlacesOfLines{
    "saga_ga_places_of_lines",
    "SELECT ga_area_id, count(*) FROM order_lines WHERE order_id = $1::uuid AND ga_area_id IS NOT NULL "
    "AND (line_no = ANY($2::integer[]) OR cardinality($2::integer[]) = 0) GROUP BY ga_area_id ORDER BY ga_area_id"};
constexpr Statement kReturnGaPlaces{
    "saga_return_ga_places",
    "UPDATE seat_ga_counters SET taken = greatest(taken - $3, 0) WHERE event_id = $1::uuid AND area_id = $2 "
    "RETURNING capacity, taken"};

constexpr Statement kRefundRow{
    "saga_refund_row",
    "SELECT amount_minor, reason FROM order_refunds WHERE order_id = $1::uuid AND refund_no = $2 AND status = 'open'"};
constexpr Statement kRefundLines{
    "saga_refund_lines",
    "SELECT line_no FROM order_lines WHERE order_id = $1::uuid AND refund_no = $2 AND NOT refunded ORDER BY line_no"};
constexpr Statement kCloseRefund{
    "saga_close_refund",
    "UPDATE order_refunds SET status = $3, completed_at = clock_timestamp() WHERE order_id = $1::uuid "
    "AND refund_no = $2 AND status = 'open'"};
constexpr Statement kMarkLinesRefunded{
    "saga_mark_lines_refunded",
    "UPDATE order_lines SET refunded = true WHERE order_id = $1::uuid AND refund_no = $2"};
constexpr Statement kUnmarkRefundLines{
    "saga_unmark_refund_lines",
    "UPDATE order_lines SET refund_no = NULL WHERE order_id = $1::uuid AND refund_no = $2 AND NOT refunded"};
constexpr Statement kCloseAllRefunds{
    "saga_close_all_refunds",
    "WITH closed AS (UPDATE order_refunds SET status = 'declined', completed_at = clock_timestamp() "
    "WHERE order_id = $1::uuid AND status = 'open' RETURNING refund_no) "
    "UPDATE order_lines SET refund_no = NULL WHERE order_id = $1::uuid AND NOT refunded "
    "AND refund_no IN (SELECT refund_no FROM closed)"};
constexpr Statement kRefundDone{
    "saga_refund_done",
    "UPDATE orders SET open_refunds = greatest(open_refunds - 1, 0), attempts = 0, last_error = '', "
    "updated_at = clock_timestamp() WHERE id = $1::uuid "
    "RETURNING NOT EXISTS (SELECT 1 FROM order_lines WHERE order_id = $1::uuid AND NOT refunded)"};
constexpr Statement kCancelOrder{
    "saga_cancel_order",
    "UPDATE orders SET status = 'cancelled', saga_step = 'compensated', cancelled_at = clock_timestamp(), "
    "failure_reason = $2, updated_at = clock_timestamp() WHERE id = $1::uuid"};
constexpr Statement kClearOpenRefunds{"saga_clear_open_refunds",
                                      "UPDATE orders SET open_refunds = 0 WHERE id = $1::uuid"};

constexpr Statement kDueOrders{
    "saga_due_orders",
    "SELECT id::text FROM orders WHERE (saga_step NOT IN ('mailed', 'compensated') OR open_refunds > 0) "
    "AND next_attempt_at <= clock_timestamp() ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED"};
constexpr Statement kOperationByReference{
    "saga_operation_by_reference",
    "SELECT DISTINCT order_id::text FROM payment_operations WHERE provider_reference = $1"};
constexpr Statement kWake{
    "saga_wake",
    "UPDATE orders SET next_attempt_at = clock_timestamp() WHERE id = $1::uuid RETURNING status"};
constexpr Statement kNotifyRunner{"saga_notify_runner", "SELECT pg_notify('marquee_saga', $1)"};
constexpr Statement kLateAuthorization{
    "saga_late_authorization",
    "UPDATE payment_operations SET status = 'succeeded', provider_reference = $2, updated_at = clock_timestamp() "
    "WHERE order_id = $1::uuid AND kind = 'authorize' AND status <> 'succeeded' RETURNING 1"};
constexpr Statement kReopenCompensation{
    "saga_reopen_compensation",
    "UPDATE orders SET saga_step = 'compensating', next_attempt_at = clock_timestamp() WHERE id = $1::uuid"};

// The order as the saga reads it, locked FOR UPDATE in the step's transaction.
struct OrderState {
    std::string id;
    std::string status;
    std::string step;
    std::int64_t userId = 0;
    std::string eventId;
    std::string holdId;
    std::string method;
    std::string currency;
    std::int64_t totalMinor = 0;
    std::string code;
    std::string paymentToken;
    std::string terminalId;
    std::int64_t cashTenderedMinor = 0;
    int openRefunds = 0;
    std::string eventTitle;
    std::string eventStatus;
    std::string failureReason;
};

std::optional<OrderState> lockOrder(pqxx::transaction_base& tx, const std::string& orderId) {
    const auto rows = exec(tx, kLockOrder, orderId);
    if (rows.empty()) return std::nullopt;
    const auto& r = rows[0];
    OrderState s;
    s.id = orderId;
    s.status = r[0].as<std::string>();
    s.step = r[1].as<std::string>();
    s.userId = r[2].as<std::int64_t>();
    s.eventId = r[3].as<std::string>();
    s.holdId = r[4].as<std::string>();
    s.method = r[5].as<std::string>();
    s.currency = r[6].as<std::string>();
    s.totalMinor = r[7].as<std::int64_t>();
    s.code = r[8].as<std::string>();
    s.paymentToken = r[9].as<std::string>();
    s.terminalId = r[10].as<std::string>();
    s.cashTenderedMinor = r[11].as<std::int64_t>();
    s.openRefunds = r[12].as<int>();
    s.eventTitle = r[13].as<std::string>();
    s.eventStatus = r[14].as<std::string>();
    s.failureReason = r[15].as<std::string>();
    return s;
}

// What is recorded of an order's steps and provider calls.
struct History {
    std::map<std::string, bool> stepCompleted; // step -> completed
    std::map<std::string, std::string> operationStatus; // payment_operations.kind of the saga's own keys -> status
    std::string authorizeReference;

    bool completed(const std::string& step) const {
        const auto it = stepCompleted.find(step);
        return it != stepCompleted.end() && it->second;
    }
    std::string operation(const std::string& kind) const {
        const auto it = operationStatus.find(kind);
        return it == operationStatus.end() ? std::string() : it->second;
    }
};

History readHistory(pqxx::transaction_base& tx, const std::string& orderId) {
    History h;
    for (const auto& row : exec(tx, kSteps, orderId)) h.stepCompleted[row[0].as<std::string>()] = row[1].as<bool>();
    for (const auto& row : exec(tx, kOperations, orderId)) {
        const auto kind = row[0].as<std::string>();
        const auto key = row[3].as<std::string>();
        // Refunds have numbered keys; the plan only needs the single authorize/capture/void.
        if (kind == "refund") continue;
        h.operationStatus[kind] = row[1].as<std::string>();
        if (kind == "authorize") h.authorizeReference = row[2].as<std::string>();
    }
    return h;
}

std::string baseStep(const std::string& step) { return step.substr(0, step.find(':')); }

void hitFailpoint(const std::string& step, const char* where) { failpoint("saga." + baseStep(step) + "." + where); }

void backoff(pqxx::connection& conn, const std::string& orderId, const std::string& error) {
    pqxx::work tx(conn);
    exec(tx, kBackoff, orderId, error, kMaxBackoffSeconds);
    tx.commit();
}

// A provider's answer as the payment_operations status.
const char* operationStatus(payments::Outcome outcome) {
    return outcome == payments::Outcome::Succeeded ? "succeeded" : "declined";
}


// Puts the seats of the given lines (all when empty) back on sale: sold claims deleted,
// general-admission places returned, announced to seat-map subscribers.
void releaseSoldSeats(pqxx::transaction_base& tx, const OrderState& order, const std::vector<int>& lineNos) {
    std::string array = "{";
    for (const auto lineNo : lineNos) array += (array.size() > 1 ? "," : "") + std::to_string(lineNo);
    array += "}";
    std::vector<detail::SeatStatusRow> rows;
    for (const auto& row : exec(tx, kReleaseSoldSeats, order.id, array))
        rows.push_back({row[0].as<std::uint32_t>(), static_cast<std::uint8_t>(SeatStatus::Available), 0});
    std::vector<detail::GaCounterRow> gaAreas;
    for (const auto& row : exec(tx, kGaPlacesOfLines, order.id, array)) {
        const auto counter = exec(tx, kReturnGaPlaces, order.eventId, row[0].as<std::string>(), row[1].as<std::int64_t>());
        if (!counter.empty())
            gaAreas.push_back({row[0].as<std::string>(), counter[0][0].as<std::uint32_t>(),
                               counter[0][1].as<std::uint32_t>()});
    }
    if (rows.empty() && gaAreas.empty()) return;
    // One change with the seats and the GA counters (the status_seq is stamped after commit).
    detail::recordSeatChanges(tx, order.eventId, rows, gaAreas);
}

enum class Work {
    None,
    FailBeforePayment, // the hold lapsed (or the event was cancelled) before any payment call
    Authorize,
    Confirm,
    Capture,
    IssueTickets,
    Mail,
    ReleaseSeats,
    VoidPayment,
    FinishCompensation,
    Refund,
};

struct Plan {
    Work work = Work::None;
    int refundNo = 0;
    std::string failureReason;
};

Plan plan(pqxx::transaction_base& tx, const OrderState& order, const History& history) {
    Plan p;
    if (order.status == "pending" && order.step == "held") {
        // Nothing was sent to the provider yet: a lapsed hold or a cancelled event ends the order
        // without a payment. Once an authorization was started, it is finished first (same key)
        // so that a possible authorization at the provider is known and can be voided.
        if (history.operation("authorize").empty()) {
            const auto hold = exec(tx, kHoldLive, order.holdId);
            if (order.eventStatus == "cancelled") {
                p.work = Work::FailBeforePayment;
                p.failureReason = "event_cancelled";
                return p;
            }
            if (hold.empty() || !hold[0][0].as<bool>()) {
                p.work = Work::FailBeforePayment;
                p.failureReason = "hold_expired";
                return p;
            }
        }
        p.work = Work::Authorize;
        return p;
    }
    if (order.status == "pending" && order.step == "payment_authorized") {
        p.work = Work::Confirm;
        return p;
    }
    if (order.status == "confirmed" && order.step == "confirmed") {
        p.work = history.completed("capture") ? Work::IssueTickets : Work::Capture;
        return p;
    }
    if (order.status == "confirmed" && order.step == "tickets_issued") {
        p.work = Work::Mail;
        return p;
    }
    if (order.step == "compensating") {
        if (!history.completed("release_seats")) p.work = Work::ReleaseSeats;
        else if (history.operation("authorize") == "succeeded" && history.operation("capture") != "succeeded" &&
                 !history.completed("void_payment"))
            p.work = Work::VoidPayment;
        else p.work = Work::FinishCompensation;
        return p;
    }
    if (order.openRefunds > 0 && order.status == "confirmed" &&
        (order.step == "tickets_issued" || order.step == "mailed")) {
        const auto lowest = exec(tx, kLowestOpenRefund, order.id);
        if (!lowest.empty() && !lowest[0][0].is_null()) {
            p.work = Work::Refund;
            p.refundNo = lowest[0][0].as<int>();
        }
    }
    return p;
}

// One provider call as a saga step. `call` makes the call; `record` writes the effect of a
// final answer (Succeeded/Declined) in the transaction that completes the step.
struct ProviderStep {
    std::string step;       // saga_steps.step
    std::string kind;       // payment_operations.kind
    std::int64_t amountMinor = 0;
    std::function<payments::Result(payments::PaymentProvider&, const std::string& key)> call;
    std::function<void(pqxx::work&, const OrderState&, const payments::Result&)> record;
};

// A capture, void or refund of the order's authorization (`reference`), as a ProviderStep call.
using FollowUpMethod = payments::Result (payments::PaymentProvider::*)(const payments::FollowUpRequest&);
std::function<payments::Result(payments::PaymentProvider&, const std::string&)>
followUpCall(FollowUpMethod method, const OrderState& order, std::string reference, std::int64_t amountMinor,
             std::string reason) {
    return [method, orderId = order.id, currency = order.currency, reference = std::move(reference), amountMinor,
            reason = std::move(reason)](payments::PaymentProvider& provider, const std::string& key) {
        payments::FollowUpRequest request;
        request.idempotencyKey = key;
        request.orderId = orderId;
        request.providerReference = reference;
        request.amountMinor = amountMinor;
        request.currency = currency;
        request.reason = reason;
        return (provider.*method)(request);
    };
}

class Driver {
public:
    Driver(pqxx::connection& conn, const PaymentRegistry& registry, std::string orderId)
        : m_conn(conn), m_registry(registry), m_orderId(std::move(orderId)) {}

    // One step; false when the saga cannot go further now.
    bool step() {
        std::optional<OrderState> order;
        History history;
        Plan next;
        {
            pqxx::work tx(m_conn);
            order = lockOrder(tx, m_orderId);
            if (!order) return false;
            history = readHistory(tx, m_orderId);
            next = plan(tx, *order, history);
            if (next.work == Work::None && (order->step != "mailed" && order->step != "compensated"))
                exec(tx, kRecheckLater, m_orderId, kIdleRecheckSeconds);
            tx.commit();
        }
        switch (next.work) {
        case Work::None: return false;
        case Work::FailBeforePayment: return failBeforePayment(next.failureReason);
        case Work::Authorize: return authorize(*order);
        case Work::Confirm: return confirm();
        case Work::Capture: return capture(*order, history);
        case Work::IssueTickets: return issueTickets();
        case Work::Mail: return mailConfirmation();
        case Work::ReleaseSeats: return releaseSeats(*order);
        case Work::VoidPayment: return voidPayment(*order, history);
        case Work::FinishCompensation: return finishCompensation();
        case Work::Refund: return refund(*order, history, next.refundNo);
        }
        return false;
    }

private:
    // A database-only step: recorded, done and completed in one transaction. `body` returns
    // the step's outcome, or nullopt when the order is no longer where the plan saw it.
    // beforeHit: the caller already passed the step's "before" point (it did work of its own).
    bool databaseStep(const std::string& step,
                      const std::function<std::optional<std::string>(pqxx::work&, const OrderState&)>& body,
                      bool beforeHit = false) {
        if (!beforeHit) hitFailpoint(step, "before");
        pqxx::work tx(m_conn);
        const auto order = lockOrder(tx, m_orderId);
        if (!order) return false;
        exec(tx, kStartStep, m_orderId, step);
        const auto outcome = body(tx, *order);
        if (!outcome) return true; // re-plan
        exec(tx, kCompleteStep, m_orderId, step, *outcome);
        publishOrder(tx, m_orderId);
        hitFailpoint(step, "inside");
        tx.commit();
        hitFailpoint(step, "after");
        return true;
    }

    bool providerStep(const OrderState& planned, const ProviderStep& s) {
        const auto key = m_orderId + ":" + s.step;
        const auto provider = m_registry.find(methodFromName(planned.method));
        if (!provider) {
            backoff(m_conn, m_orderId, "no payment provider for " + planned.method + " is configured");
            return false;
        }
        hitFailpoint(s.step, "before");
        {
            pqxx::work tx(m_conn);
            const auto order = lockOrder(tx, m_orderId);
            if (!order || order->status != planned.status || order->step != planned.step) return true;
            exec(tx, kStartStep, m_orderId, s.step);
            startPaymentOperation(tx, {m_orderId, s.kind, std::string(provider->name()), key, s.amountMinor,
                                       order->currency, s.kind == "authorize" ? order->cashTenderedMinor : 0,
                                       order->terminalId});
            tx.commit();
        }
        hitFailpoint(s.step, "started");
        payments::Result result;
        try {
            result = s.call(*provider, key);
        } catch (const std::exception& e) {
            // The interface says providers don't throw; if one does, the outcome is unknown.
            result.outcome = payments::Outcome::RetryLater;
            result.message = e.what();
        }
        hitFailpoint(s.step, "called");
        pqxx::work tx(m_conn);
        const auto order = lockOrder(tx, m_orderId);
        if (!order) return false;
        if (result.outcome == payments::Outcome::RetryLater) {
            exec(tx, kNoteOperationRetry, key, result.message);
            exec(tx, kBackoff, m_orderId, s.step + ": " + result.message, kMaxBackoffSeconds);
            tx.commit();
            log::info("payment provider asked to retry later",
                      {{"order", m_orderId}, {"step", s.step}, {"error", result.message}});
            return false;
        }
        finishPaymentOperation(tx, key, result);
        s.record(tx, *order, result);
        exec(tx, kCompleteStep, m_orderId, s.step, std::string(operationStatus(result.outcome)));
        publishOrder(tx, m_orderId);
        tx.commit();
        hitFailpoint(s.step, "after");
        return true;
    }

    bool failBeforePayment(const std::string& reason) {
        return databaseStep("confirm", [&](pqxx::work& tx, const OrderState& order) -> std::optional<std::string> {
            if (order.status != "pending" || order.step != "held") return std::nullopt;
            exec(tx, kFailOrder, m_orderId, reason);
            return reason;
        });
    }

    bool authorize(const OrderState& order) {
        if (order.totalMinor == 0) {
            // Free tickets: nothing to authorize.
            return databaseStep("authorize", [&](pqxx::work& tx, const OrderState& now) -> std::optional<std::string> {
                if (now.status != "pending" || now.step != "held") return std::nullopt;
                exec(tx, kSetStep, m_orderId, "payment_authorized");
                return "free";
            });
        }
        ProviderStep s;
        s.step = "authorize";
        s.kind = "authorize";
        s.amountMinor = order.totalMinor;
        s.call = [&order](payments::PaymentProvider& provider, const std::string& key) {
            payments::AuthorizeRequest request;
            request.idempotencyKey = key;
            request.orderId = order.id;
            request.orderCode = order.code;
            request.amountMinor = order.totalMinor;
            request.currency = order.currency;
            request.description = order.code + " · " + order.eventTitle;
            request.cardPaymentMethod = order.paymentToken;
            request.terminalId = order.terminalId;
            request.cashTenderedMinor = order.cashTenderedMinor;
            return provider.authorize(request);
        };
        s.record = [this](pqxx::work& tx, const OrderState&, const payments::Result& result) {
            if (result.outcome == payments::Outcome::Succeeded) exec(tx, kSetStep, m_orderId, "payment_authorized");
            else exec(tx, kFailOrder, m_orderId, std::string(kPaymentDeclined));
        };
        return providerStep(order, s);
    }

    bool confirm() {
        hitFailpoint("confirm", "before");
        pqxx::work tx(m_conn);
        const auto order = lockOrder(tx, m_orderId);
        if (!order || order->status != "pending" || order->step != "payment_authorized") return true;
        exec(tx, kStartStep, m_orderId, std::string("confirm"));
        std::string outcome = "confirmed";
        std::vector<detail::SeatStatusRow> sold;
        if (exec(tx, kEventStatus, order->eventId)[0][0].as<std::string>() == "cancelled") {
            outcome = "event_cancelled";
        } else {
            // The hold must be live at the moment its lock is granted: the sweeper skips a hold
            // locked here, and a hold it already took is gone (docs/architecture.md "Holds").
            Principal buyer;
            buyer.userId = order->userId;
            const auto live = order->holdId.empty() ? std::nullopt : detail::lockLiveHold(tx, buyer, order->holdId);
            if (!live) outcome = "hold_expired";
        }
        if (outcome != "confirmed") {
            exec(tx, kFailOrder, m_orderId, outcome);
        } else {
            for (const auto& row : exec(tx, kSellHeldSeats, order->holdId, m_orderId))
                sold.push_back({row[0].as<std::uint32_t>(), static_cast<std::uint8_t>(SeatStatus::Sold), 0});
            const auto seatLines = exec(tx, kSeatLineCount, m_orderId)[0][0].as<std::size_t>();
            if (sold.size() != seatLines) throw std::logic_error("a live hold no longer holds the order's seats");
            exec(tx, kDeleteHold, order->holdId);
            exec(tx, kConfirmOrder, m_orderId);
            // A hold that was a waitlist offer: the offer is taken (its entry accepted) now.
            waitlist::markAccepted(tx, order->holdId);
        }
        exec(tx, kCompleteStep, m_orderId, std::string("confirm"), outcome);
        publishOrder(tx, m_orderId);
        // Last: it serializes the event's status writers until commit.
        if (!sold.empty()) detail::recordSeatChanges(tx, order->eventId, sold);
        hitFailpoint("confirm", "inside");
        tx.commit();
        hitFailpoint("confirm", "after");
        return true;
    }

    bool capture(const OrderState& order, const History& history) {
        if (history.operation("authorize").empty()) {
            // Nothing was authorized (a free order): nothing to capture.
            return databaseStep("capture", [](pqxx::work&, const OrderState& now) -> std::optional<std::string> {
                if (now.status != "confirmed") return std::nullopt;
                return "free";
            });
        }
        ProviderStep s;
        s.step = "capture";
        s.kind = "capture";
        s.amountMinor = order.totalMinor;
        s.call = followUpCall(&payments::PaymentProvider::capture, order, history.authorizeReference,
                              order.totalMinor, {});
        s.record = [this](pqxx::work& tx, const OrderState& now, const payments::Result& result) {
            if (result.outcome == payments::Outcome::Succeeded) return;
            // The provider refuses to capture a confirmed order (an authorization that lapsed):
            // the sale is undone, its seats go back on sale.
            log::warn("capture declined; order fails", {{"order", m_orderId}, {"decline", result.declineCode}});
            exec(tx, kCloseAllRefunds, m_orderId);
            exec(tx, kClearOpenRefunds, m_orderId);
            exec(tx, kFailOrder, m_orderId, std::string("payment_capture_failed"));
            releaseSoldSeats(tx, now, {});
        };
        return providerStep(order, s);
    }

    bool issueTickets() {
        return databaseStep("issue_tickets", [this](pqxx::work& tx, const OrderState& now) -> std::optional<std::string> {
            if (now.status != "confirmed" || now.step != "confirmed") return std::nullopt;
            const auto issued = tickets::issueTickets(tx, m_orderId);
            exec(tx, kSetStep, m_orderId, std::string("tickets_issued"));
            return std::to_string(issued.size()) + " issued";
        });
    }

    // The confirmation (tickets as PDF, .ics) goes into the outbox in the step's transaction;
    // the mail worker sends it. The outbox's dedup key makes a repeated step a no-op.
    bool mailConfirmation() {
        return databaseStep("mail", [this](pqxx::work& tx, const OrderState& now) -> std::optional<std::string> {
            if (now.status != "confirmed" || now.step != "tickets_issued") return std::nullopt;
            const auto order = loadOrder(tx, m_orderId);
            // A walk-up buyer without an address took the tickets at the counter: nothing to mail.
            const bool toMail = !order->buyer_email().empty();
            if (toMail) mail::enqueueOrderConfirmation(tx, *order);
            exec(tx, kSetStep, m_orderId, std::string("mailed"));
            return toMail ? "queued" : "no address";
        });
    }

    bool releaseSeats(const OrderState& order) {
        // A declined payment keeps the hold until its own expiry: the buyer may try another
        // card or cash with a new CreateOrder on the same hold (the sweeper releases it if
        // nobody does). Any other failure releases a hold still standing the way ReleaseHold
        // does it; a repeat finds it gone. Its own transaction: releaseHold commits itself.
        hitFailpoint("release_seats", "before");
        const bool keepHold = order.failureReason == kPaymentDeclined;
        if (!order.holdId.empty() && !keepHold) {
            Principal buyer;
            buyer.userId = order.userId;
            v1::ReleaseHold release;
            release.set_hold_id(order.holdId);
            try {
                detail::releaseHold(m_conn, buyer, release);
            } catch (const detail::ApiError& e) {
                if (e.code != v1::NOT_FOUND) throw std::runtime_error("releasing the order's hold: " + e.message);
            }
        }
        return databaseStep(
            "release_seats",
            [keepHold](pqxx::work&, const OrderState& now) -> std::optional<std::string> {
                if (now.step != "compensating") return std::nullopt;
                return keepHold ? "hold_kept" : "released";
            },
            true);
    }

    bool voidPayment(const OrderState& order, const History& history) {
        ProviderStep s;
        s.step = "void_payment";
        s.kind = "void";
        s.amountMinor = order.totalMinor;
        s.call = followUpCall(&payments::PaymentProvider::voidAuthorization, order, history.authorizeReference,
                              order.totalMinor, "order_failed");
        s.record = [this](pqxx::work&, const OrderState&, const payments::Result& result) {
            if (result.outcome != payments::Outcome::Succeeded)
                log::error("the provider refused to void an authorization; staff must release it",
                           {{"order", m_orderId}, {"decline", result.declineCode}, {"message", result.message}});
        };
        return providerStep(order, s);
    }

    bool finishCompensation() {
        return databaseStep("compensate", [this](pqxx::work& tx, const OrderState& now) -> std::optional<std::string> {
            if (now.step != "compensating") return std::nullopt;
            exec(tx, kSetStep, m_orderId, std::string("compensated"));
            return "compensated";
        });
    }

    bool refund(const OrderState& order, const History& history, int refundNo) {
        std::int64_t amount = 0;
        std::string reason;
        {
            pqxx::read_transaction tx(m_conn);
            const auto row = exec(tx, kRefundRow, m_orderId, refundNo);
            if (row.empty()) return true;
            amount = row[0][0].as<std::int64_t>();
            reason = row[0][1].as<std::string>();
        }
        const auto step = refundStep(refundNo);
        const auto record = [this, refundNo, reason](pqxx::work& tx, const OrderState& now,
                                                     const payments::Result& result) {
            if (result.outcome != payments::Outcome::Succeeded) {
                log::error("the provider refused a refund", {{"order", m_orderId}, {"decline", result.declineCode}});
                exec(tx, kCloseRefund, m_orderId, refundNo, std::string("declined"));
                exec(tx, kUnmarkRefundLines, m_orderId, refundNo);
                exec(tx, kRefundDone, m_orderId);
                return;
            }
            std::vector<int> lines;
            std::vector<std::uint32_t> ticketLines;
            for (const auto& row : exec(tx, kRefundLines, m_orderId, refundNo)) {
                lines.push_back(row[0].as<int>());
                ticketLines.push_back(row[0].as<std::uint32_t>());
            }
            exec(tx, kCloseRefund, m_orderId, refundNo, std::string("refunded"));
            exec(tx, kMarkLinesRefunded, m_orderId, refundNo);
            tickets::voidTickets(tx, m_orderId, ticketLines);
            releaseSoldSeats(tx, now, lines);
            if (exec(tx, kRefundDone, m_orderId)[0][0].as<bool>()) exec(tx, kCancelOrder, m_orderId, reason);
            // What was refunded and that those tickets are void; one mail per refund.
            if (const auto refunded = loadOrder(tx, m_orderId); !refunded->buyer_email().empty())
                mail::enqueueOrderCancelled(tx, *refunded, reason, refundStep(refundNo));
        };
        if (amount == 0 || history.operation("authorize").empty()) {
            return databaseStep(step, [&](pqxx::work& tx, const OrderState& now) -> std::optional<std::string> {
                payments::Result free;
                free.outcome = payments::Outcome::Succeeded;
                record(tx, now, free);
                return "free";
            });
        }
        ProviderStep s;
        s.step = step;
        s.kind = "refund";
        s.amountMinor = amount;
        s.call = followUpCall(&payments::PaymentProvider::refund, order, history.authorizeReference, amount, reason);
        s.record = record;
        return providerStep(order, s);
    }

    pqxx::connection& m_conn;
    const PaymentRegistry& m_registry;
    std::string m_orderId;
};

// The order's session advisory lock, released on every way out.
class SagaLock {
public:
    SagaLock(pqxx::connection& conn, std::string orderId) : m_conn(conn), m_orderId(std::move(orderId)) {
        pqxx::nontransaction tx(m_conn);
        m_owned = exec(tx, kTryLock, db::lockkey::kOrderSagaClass, m_orderId)[0][0].as<bool>();
    }
    ~SagaLock() {
        if (!m_owned) return;
        try {
            pqxx::nontransaction tx(m_conn);
            exec(tx, kUnlock, db::lockkey::kOrderSagaClass, m_orderId);
        } catch (const std::exception& e) {
            // A broken connection took the lock with it.
            log::debug("saga unlock failed", {{"order", m_orderId}, {"error", e.what()}});
        }
    }
    SagaLock(const SagaLock&) = delete;
    SagaLock& operator=(const SagaLock&) = delete;
    bool owned() const { return m_owned; }

private:
    pqxx::connection& m_conn;
    std::string m_orderId;
    bool m_owned = false;
};

} // namespace

std::string refundStep(int refundNo) { return "refund:" + std::to_string(refundNo); }

void startPaymentOperation(pqxx::transaction_base& tx, const PaymentOperation& operation) {
    exec(tx, kStartOperation, operation.orderId, operation.kind, operation.provider, operation.idempotencyKey,
         operation.amountMinor, operation.currency, operation.tenderedMinor, operation.terminalId);
}

void finishPaymentOperation(pqxx::transaction_base& tx, const std::string& idempotencyKey,
                            const payments::Result& result) {
    exec(tx, kFinishOperation, idempotencyKey, operationStatus(result.outcome), result.providerReference,
         result.declineCode, result.message, result.cardBrand, result.cardLast4, result.changeDueMinor);
}

bool Saga::advance(pqxx::connection& conn, const std::string& orderId) const {
    const SagaLock lock(conn, orderId);
    if (!lock.owned()) return false;
    Driver driver(conn, m_registry, orderId);
    for (int i = 0; i < kMaxStepsPerAdvance && driver.step(); ++i) {
    }
    return true;
}

std::size_t runDueSagas(pqxx::connection& conn, const PaymentRegistry& registry, std::size_t maxOrders) {
    std::vector<std::string> due;
    {
        pqxx::work tx(conn);
        for (const auto& row : exec(tx, kDueOrders, static_cast<std::int64_t>(maxOrders)))
            due.push_back(row[0].as<std::string>());
        tx.commit();
    }
    const Saga saga(registry);
    std::size_t advanced = 0;
    for (const auto& orderId : due) {
        try {
            if (saga.advance(conn, orderId)) ++advanced;
        } catch (const pqxx::broken_connection&) {
            throw;
        } catch (const std::exception& e) {
            log::warn("saga step failed; retrying later", {{"order", orderId}, {"error", e.what()}});
            backoff(conn, orderId, e.what());
        }
    }
    return advanced;
}

bool onPaymentEvent(pqxx::transaction_base& tx, const std::string& providerReference, PaymentEvent event) {
    if (providerReference.empty()) return false;
    const auto orders = exec(tx, kOperationByReference, providerReference);
    if (orders.empty()) return false;
    for (const auto& row : orders) {
        const auto orderId = row[0].as<std::string>();
        const auto state = lockOrder(tx, orderId);
        if (!state) continue;
        if ((event == PaymentEvent::Authorized || event == PaymentEvent::Captured) && state->status == "failed" &&
            !exec(tx, kLateAuthorization, orderId, providerReference).empty())
            exec(tx, kReopenCompensation, orderId);
        exec(tx, kWake, orderId);
        exec(tx, kNotifyRunner, orderId);
    }
    return true;
}

} // namespace marquee::server::orders
