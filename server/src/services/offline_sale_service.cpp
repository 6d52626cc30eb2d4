// Offline sale upload and reconciliation (UploadOfflineSales, boxoffice.proto; docs/boxoffice.md):
// each sale a device made from its lease while offline becomes a confirmed order in one
// transaction of its own, or is rejected with a reason and changes nothing. The checks: the
// lease is the device's, every seat is still AVAILABLE in it and priced as the lease said,
// every ticket code verifies with the device's certified key and names this ticket, event and
// line. Then the seats' claims turn from leased to sold (the same rows: the unique live claim
// never lets go), the tickets are stored with exactly the uploaded codes, the order goes to the
// change log and the confirmation into the mail outbox. Idempotent by the sale's key: the
// order row keeps it (orders_key_unique) with the request's hash, and a replay answers with
// the stored order.
#include "services/boxoffice.hpp"

#include "mail/notifications.hpp"
#include "marquee/core/seating/seat_index.hpp"
#include "marquee/core/tickets/ticket_code.hpp"
#include "marquee/core/validation.hpp"
#include "orders/order_code.hpp"
#include "orders/order_record.hpp"
#include "orders/payment_registry.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace marquee::server::detail {

namespace {

namespace codes = core::tickets;
using core::seating::SeatStatus;

constexpr std::size_t kMaxSalesPerUpload = 500;
constexpr std::size_t kMaxLinesPerSale = 500;
constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxReferenceLength = 255;
// A device clock more than a day ahead of the server's is wrong; the sale is flagged.
constexpr std::int64_t kClockSlackMs = 24LL * 60 * 60 * 1000;

constexpr Statement kOrderByKey{
    "offline_order_by_key",
    "SELECT id::text, request_hash = $3 FROM orders WHERE user_id = $1 AND idempotency_key = $2"};
constexpr Statement kStaffRole{"offline_staff_role", "SELECT role FROM users WHERE id = $1"};
constexpr Statement kLockLease{
    "offline_lock_lease",
    "SELECT l.event_id::text, l.device_id, l.currency, floor(extract(epoch FROM now()) * 1000)::bigint "
    "FROM seat_leases l WHERE l.id = $1::uuid FOR UPDATE"};
constexpr Statement kLeaseSeat{
    "offline_lease_seat",
    "SELECT s.seat_index, s.label, s.price_category_id, s.price_category_name, s.price_minor, s.fee_minor, s.tax_minor, "
    "s.total_minor, s.state, c.kind = 'leased' AND c.lease_id = s.lease_id "
    "FROM seat_lease_seats s LEFT JOIN seat_claims c ON c.event_id = $3::uuid AND c.seat_id = s.seat_id "
    "WHERE s.lease_id = $1::uuid AND s.seat_id = $2"};
// The device's certified keys (current or replaced): a ticket it signed must name one of them
// and be issued while its certificate was valid.
constexpr Statement kDeviceKey{
    "offline_device_key",
    "SELECT public_key, (extract(epoch FROM valid_until) * 1000)::bigint FROM device_keys "
    "WHERE key_id = $1 AND device_id = $2"};
constexpr Statement kInsertOrder{
    "offline_insert_order",
    "INSERT INTO orders (id, code, event_id, user_id, sold_by_user_id, device_id, idempotency_key, request_hash, "
    "status, saga_step, currency, subtotal_minor, fees_minor, tax_minor, total_minor, payment_method, buyer_name, "
    "buyer_email, cash_tendered_minor, lease_id, sold_at, confirmed_at) VALUES ($1::uuid, $2, $3::uuid, $4, $4, $5, $6, "
    "$7, 'confirmed', 'mailed', $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::uuid, "
    "'epoch'::timestamptz + $18::bigint * interval '1 millisecond', now()) "
    "ON CONFLICT DO NOTHING RETURNING 1"};
constexpr Statement kInsertLines{
    "offline_insert_lines",
    "INSERT INTO order_lines (order_id, line_no, seat_id, label, price_category_id, price_category_name, price_minor, "
    "fee_minor, tax_minor, total_minor) SELECT $1::uuid, l.line_no, l.seat_id, l.label, l.category_id, "
    "l.category_name, l.price, l.fee, l.tax, l.total FROM jsonb_to_recordset($2::jsonb) AS l(line_no integer, "
    "seat_id text, label text, category_id text, category_name text, price bigint, fee bigint, tax bigint, total bigint)"};
// The payment as taken at the counter: authorized and captured at once, as the cash and
// terminal providers do online (payment_operations keys "<order id>:authorize|capture").
constexpr Statement kInsertPayment{
    "offline_insert_payment",
    "INSERT INTO payment_operations (order_id, kind, provider, idempotency_key, amount_minor, currency, status, "
    "provider_reference, tendered_minor, change_due_minor) VALUES "
    "($1::uuid, 'authorize', $2, $1 || ':authorize', $3, $4, 'succeeded', $5, $6, $7), "
    "($1::uuid, 'capture', $2, $1 || ':capture', $3, $4, 'succeeded', $5, 0, 0)"};
constexpr Statement kSellLeasedSeats{
    "offline_sell_leased_seats",
    "UPDATE seat_claims SET kind = 'sold', expires_at = NULL, order_id = $2::uuid, updated_at = now() "
    "WHERE lease_id = $1::uuid AND kind = 'leased' AND seat_id = ANY($3::text[]) RETURNING seat_index"};
constexpr Statement kMarkLeaseSeatsSold{
    "offline_mark_lease_seats_sold",
    "UPDATE seat_lease_seats SET state = 'sold', order_id = $2::uuid WHERE lease_id = $1::uuid "
    "AND state = 'available' AND seat_id = ANY($3::text[])"};
constexpr Statement kInsertTickets{
    "offline_insert_tickets",
    "INSERT INTO tickets (id, order_id, line_no, event_id, seat_id, label, holder_name, code, key_id, issued_at) "
    "SELECT t.id, $1::uuid, t.line_no, $2::uuid, t.seat_id, t.label, $3, t.code, t.key_id, "
    "'epoch'::timestamptz + t.issued_ms * interval '1 millisecond' FROM jsonb_to_recordset($4::jsonb) "
    "AS t(id uuid, line_no integer, seat_id text, label text, code text, key_id text, issued_ms bigint)"};

// A sale refused: nothing of it is stored.
struct Rejected {
    std::string reason;
    std::string message;
};
[[noreturn]] void reject(std::string reason, std::string message) { throw Rejected{std::move(reason), std::move(message)}; }

std::string lower(std::string text) {
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// The checks that need no database: ids, shape, payment arithmetic.
void checkShape(const v1::OfflineSale& sale) {
    if (!core::isUuid(lower(sale.order_id()))) reject("invalid_sale", "order_id must be a UUID");
    if (!orders::isOfflineOrderCode(sale.order_code()))
        reject("invalid_sale", "order_code must be \"MQ-O\" and six characters of the order-code alphabet");
    if (sale.lines().empty() || static_cast<std::size_t>(sale.lines_size()) > kMaxLinesPerSale)
        reject("invalid_sale", "a sale has 1 to 500 lines");
    if (sale.tickets_size() != sale.lines_size()) reject("invalid_sale", "a sale has one ticket per line");
    std::set<std::uint32_t> lineNos;
    std::set<std::string> seats;
    for (const auto& line : sale.lines()) {
        if (line.line_no() == 0 || !lineNos.insert(line.line_no()).second)
            reject("invalid_sale", "line numbers must be distinct and start at 1");
        if (line.seat_id().empty() || !seats.insert(line.seat_id()).second)
            reject("invalid_sale", "every line needs a seat of its own");
    }
    if (sale.method() != v1::PAYMENT_CASH && sale.method() != v1::PAYMENT_CARD_TERMINAL)
        reject("invalid_sale", "an offline sale is paid in cash or at the card terminal");
    if (sale.buyer_name().size() > kMaxNameLength || !core::isValidUtf8(sale.buyer_name()))
        reject("invalid_sale", "buyer_name must be valid UTF-8 of at most 200 bytes");
    if (!sale.buyer_email().empty() && !core::isValidEmail(sale.buyer_email()))
        reject("invalid_sale", "buyer_email is not a valid e-mail address");
    const auto& reference = sale.payment().provider_reference();
    if (reference.size() > kMaxReferenceLength || !core::isValidUtf8(reference))
        reject("invalid_sale", "payment.provider_reference must be valid UTF-8 of at most 255 bytes");
    if (sale.method() == v1::PAYMENT_CARD_TERMINAL && reference.empty())
        reject("invalid_sale", "a terminal payment needs the terminal's reference (payment.provider_reference)");
    if (sale.sold_at_ms() <= 0) reject("invalid_sale", "sold_at_ms is missing");
    if (sale.staff_user_id() < 0) reject("invalid_sale", "staff_user_id must not be negative");
}

struct SaleContext {
    pqxx::work& tx;
    const BoxOfficeCaller& caller;
    const v1::OfflineSale& sale;
    std::string orderId;
    std::string requestHash;
    std::int64_t staffUserId = 0;
};

// Verifies each ticket code with the lease device's certified key and checks it names this
// ticket, event and line; returns the rows to insert.
nlohmann::json verifiedTickets(SaleContext& s, const std::string& eventId, const std::string& deviceId,
                               const std::map<std::uint32_t, std::pair<std::string, std::string>>& seatOfLine) {
    std::map<std::string, std::int64_t> validUntil; // key id -> its certificate's end
    const auto findKey = [&](std::string_view keyId) -> std::optional<codes::PublicKey> {
        const auto rows = exec(s.tx, kDeviceKey, std::string(keyId), deviceId);
        if (rows.empty()) return std::nullopt;
        std::string bytes;
        appendBytea(rows[0][0], bytes);
        codes::PublicKey key{};
        if (bytes.size() != key.size()) return std::nullopt;
        std::copy(bytes.begin(), bytes.end(), key.begin());
        validUntil[std::string(keyId)] = rows[0][1].as<std::int64_t>();
        return key;
    };
    auto rows = nlohmann::json::array();
    std::set<std::string> ticketIds;
    for (const auto& ticket : s.sale.tickets()) {
        const auto line = seatOfLine.find(ticket.line_no());
        if (line == seatOfLine.end()) reject("invalid_sale", "a ticket names a line the sale does not have");
        const auto verified = codes::verifyTicket(ticket.code(), findKey);
        if (verified.verdict != codes::Verdict::Valid)
            reject("bad_ticket_signature", "ticket " + std::to_string(ticket.line_no()) +
                                               " is not signed by a certified key of the lease's device");
        const auto& claims = verified.claims;
        if (claims.ticketId != lower(ticket.id()) || claims.eventId != eventId || claims.lineNo != ticket.line_no())
            reject("bad_ticket_signature", "ticket " + std::to_string(ticket.line_no()) +
                                               "'s code names another ticket, event or line");
        if (claims.issuedAtMs >= validUntil.at(claims.keyId))
            reject("bad_ticket_signature", "ticket " + std::to_string(ticket.line_no()) +
                                               " was signed after the device's certificate expired");
        if (!ticketIds.insert(claims.ticketId).second) reject("invalid_sale", "two tickets have the same id");
        rows.push_back({{"id", claims.ticketId}, {"line_no", ticket.line_no()}, {"seat_id", line->second.first},
                        {"label", line->second.second}, {"code", std::string(ticket.code())}, {"key_id", claims.keyId},
                        {"issued_ms", claims.issuedAtMs}});
    }
    return rows;
}

// Stores one sale (the caller's transaction); throws Rejected when it may not be stored.
void storeSale(SaleContext& s) {
    const auto& sale = s.sale;
    const auto leaseId = requireUuid(sale.lease_id(), "lease_id");
    const auto lease = exec(s.tx, kLockLease, leaseId);
    if (lease.empty()) reject("lease_not_found", "no such lease");
    const auto eventId = lease[0][0].as<std::string>();
    const auto deviceId = lease[0][1].as<std::string>();
    const auto currency = lease[0][2].as<std::string>();
    const auto nowMs = lease[0][3].as<std::int64_t>();
    if (deviceId != s.caller.deviceId && !s.caller.isAdmin())
        reject("lease_of_other_device", "this lease belongs to another device");
    // Read under the lease's lock: a revocation locks the device's leases before it catalogues
    // the confirmed tickets, so a sale is either in that catalog or refused here.
    if (isDeviceRevoked(s.tx, deviceId) || isDeviceRevoked(s.tx, s.caller.deviceId))
        reject("device_revoked", "the device was revoked by staff: its sales are no longer accepted");
    if (sale.sold_at_ms() > nowMs + kClockSlackMs) reject("invalid_sale", "sold_at_ms is in the future");
    if (s.staffUserId != s.caller.who.userId) {
        const auto role = exec(s.tx, kStaffRole, s.staffUserId);
        const auto name = role.empty() ? std::string() : role[0][0].as<std::string>();
        if (name != "staff" && name != "organizer" && name != "admin")
            reject("invalid_sale", "staff_user_id is not a box-office user");
    }

    // Every seat AVAILABLE in this lease (still leased by it), priced as the lease said.
    std::int64_t subtotal = 0, fees = 0, tax = 0, total = 0;
    auto lines = nlohmann::json::array();
    std::vector<std::string> seatIds;
    std::map<std::uint32_t, std::pair<std::string, std::string>> seatOfLine; // line -> (seat, label)
    for (const auto& line : sale.lines()) {
        const auto rows = exec(s.tx, kLeaseSeat, leaseId, line.seat_id(), eventId);
        if (rows.empty()) reject("not_in_lease." + line.seat_id(), "seat '" + line.seat_id() + "' is not in this lease");
        const auto& r = rows[0];
        if (r[8].as<std::string>() != "available" || r[9].is_null() || !r[9].as<bool>())
            reject("seat_not_available." + line.seat_id(),
                   "seat '" + line.seat_id() + "' was returned or sold by another sale");
        if (line.price_category_id() != r[2].as<std::string>() || line.price_minor() != r[4].as<std::int64_t>() ||
            line.fee_minor() != r[5].as<std::int64_t>() || line.tax_minor() != r[6].as<std::int64_t>() ||
            line.total_minor() != r[7].as<std::int64_t>())
            reject("price_mismatch", "line " + std::to_string(line.line_no()) + " is not priced as the lease said");
        subtotal += line.price_minor();
        fees += line.fee_minor();
        tax += line.tax_minor();
        total += line.total_minor();
        seatIds.push_back(line.seat_id());
        seatOfLine[line.line_no()] = {line.seat_id(), r[1].as<std::string>()};
        lines.push_back({{"line_no", line.line_no()}, {"seat_id", line.seat_id()}, {"label", r[1].as<std::string>()},
                         {"category_id", r[2].as<std::string>()}, {"category_name", r[3].as<std::string>()},
                         {"price", line.price_minor()}, {"fee", line.fee_minor()}, {"tax", line.tax_minor()},
                         {"total", line.total_minor()}});
    }
    const auto& payment = sale.payment();
    if (payment.amount_minor() != total)
        reject("price_mismatch", "the payment's amount is not the sum of the lines (" + std::to_string(total) + ")");
    std::int64_t tendered = 0, change = 0;
    if (sale.method() == v1::PAYMENT_CASH) {
        tendered = payment.tendered_minor() == 0 ? total : payment.tendered_minor();
        if (tendered < total) reject("invalid_sale", "less cash was tendered than the total");
        change = tendered - total;
        if (payment.change_due_minor() != 0 && payment.change_due_minor() != change)
            reject("invalid_sale", "the change due does not match tendered minus total");
    }
    const auto tickets = verifiedTickets(s, eventId, deviceId, seatOfLine);

    const auto buyerEmail = sale.buyer_email().empty() ? std::string() : core::normalizeEmail(sale.buyer_email());
    if (exec(s.tx, kInsertOrder, s.orderId, sale.order_code(), eventId, s.staffUserId, deviceId,
             sale.idempotency_key(), toBinary(s.requestHash), currency, subtotal, fees, tax, total,
             std::string(orders::methodName(sale.method())), sale.buyer_name(), buyerEmail, tendered, leaseId,
             sale.sold_at_ms())
            .empty())
        reject("invalid_sale", "the order id or order code is already used");
    exec(s.tx, kInsertLines, s.orderId, lines.dump());
    exec(s.tx, kInsertPayment, s.orderId, std::string(orders::methodName(sale.method())), total, currency,
         payment.provider_reference(), tendered, change);
    std::vector<SeatStatusRow> sold;
    for (const auto& row : exec(s.tx, kSellLeasedSeats, leaseId, s.orderId, textArray(seatIds)))
        sold.push_back({row[0].as<std::uint32_t>(), static_cast<std::uint8_t>(SeatStatus::Sold), 0});
    if (sold.size() != seatIds.size()) throw std::logic_error("a seat checked as leased was not leased");
    exec(s.tx, kMarkLeaseSeatsSold, leaseId, s.orderId, textArray(seatIds));
    exec(s.tx, kInsertTickets, s.orderId, eventId, sale.buyer_name(), tickets.dump());
    const auto order = orders::publishOrder(s.tx, s.orderId);
    if (!buyerEmail.empty()) mail::enqueueOrderConfirmation(s.tx, order);
    recordSeatChanges(s.tx, eventId, sold);
}

v1::OfflineSaleResult uploadOne(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::OfflineSale& sale) {
    v1::OfflineSaleResult result;
    result.set_idempotency_key(sale.idempotency_key());
    try {
        if (!core::isUuid(lower(sale.idempotency_key()))) reject("invalid_sale", "idempotency_key must be a UUID");
        if (!core::isUuid(lower(sale.lease_id()))) reject("lease_not_found", "lease_id is not a lease id");
        checkShape(sale);
        pqxx::work tx(conn);
        SaleContext s{tx, caller, sale, lower(sale.order_id()), sha256(sale.SerializeAsString()),
                      sale.staff_user_id() == 0 ? caller.who.userId : sale.staff_user_id()};
        // The lease's lock first: a replay racing its original (a till that lost the answer
        // and sent again at once) waits for it here and then finds its order by the key,
        // instead of finding the seats sold and rejecting a sale that was stored.
        exec(tx, kLockLease, lower(sale.lease_id()));
        if (const auto existing = exec(tx, kOrderByKey, s.staffUserId, sale.idempotency_key(), toBinary(s.requestHash));
            !existing.empty()) {
            if (!existing[0][1].as<bool>()) reject("invalid_sale", "idempotency_key reused for a different sale");
            result.set_outcome(v1::OFFLINE_SALE_CONFIRMED);
            result.set_replayed(true);
            *result.mutable_order() = *orders::loadOrder(tx, existing[0][0].as<std::string>());
            return result;
        }
        storeSale(s);
        *result.mutable_order() = *orders::loadOrder(tx, s.orderId);
        tx.commit();
        result.set_outcome(v1::OFFLINE_SALE_CONFIRMED);
    } catch (const Rejected& rejected) {
        result.clear_order();
        result.set_outcome(v1::OFFLINE_SALE_REJECTED);
        result.set_reason(rejected.reason);
        result.set_message(rejected.message);
    } catch (const ApiError& error) {
        result.clear_order();
        result.set_outcome(v1::OFFLINE_SALE_REJECTED);
        result.set_reason("invalid_sale");
        result.set_message(error.message);
    } catch (const pqxx::unique_violation&) {
        // A ticket id or code another order already has (the transaction rolled back).
        result.clear_order();
        result.set_outcome(v1::OFFLINE_SALE_REJECTED);
        result.set_reason("invalid_sale");
        result.set_message("a ticket id or ticket code of this sale is already used");
    }
    return result;
}

} // namespace

v1::OfflineSaleResults uploadOfflineSales(pqxx::connection& conn, const BoxOfficeCaller& caller,
                                          const v1::UploadOfflineSales& request) {
    if (request.sales().empty()) fail(v1::INVALID_ARGUMENT, "no sales to upload", {{"field", "sales"}});
    if (static_cast<std::size_t>(request.sales_size()) > kMaxSalesPerUpload)
        fail(v1::INVALID_ARGUMENT, "at most 500 sales per upload", {{"field", "sales"}, {"max", "500"}});
    v1::OfflineSaleResults results;
    for (const auto& sale : request.sales()) *results.add_results() = uploadOne(conn, caller, sale);
    return results;
}

} // namespace marquee::server::detail
