// Issuing and voiding tickets: one signed ticket per order line, written in the saga's
// transaction (docs/tickets.md).
#include "tickets/ticket_issuer.hpp"

#include "marquee/core/validation.hpp"
#include "services/api_internal.hpp"
#include "tickets/signing_keys.hpp"

#include <sodium.h>

#include <stdexcept>

namespace marquee::server::tickets {

namespace {

using detail::exec;
using detail::Statement;

constexpr Statement kOrderForIssue{
    "tickets_order_for_issue",
    "SELECT status, event_id::text, buyer_name, floor(extract(epoch FROM now()) * 1000)::bigint "
    "FROM orders WHERE id = $1::uuid FOR UPDATE"};
constexpr Statement kLinesWithoutTicket{
    "tickets_lines_without_ticket",
    "SELECT l.line_no, l.seat_id, l.label, l.refunded FROM order_lines l "
    "WHERE l.order_id = $1::uuid AND NOT EXISTS "
    "(SELECT 1 FROM tickets t WHERE t.order_id = l.order_id AND t.line_no = l.line_no) ORDER BY l.line_no"};
constexpr Statement kLinesByNumber{
    "tickets_lines_by_number",
    "SELECT l.line_no, l.seat_id, l.label, l.refunded FROM order_lines l "
    "WHERE l.order_id = $1::uuid AND l.line_no = ANY($2::int[]) ORDER BY l.line_no"};
// issued_at from the milliseconds the code carries, so the row and the code agree exactly.
constexpr Statement kInsertTicket{
    "tickets_insert",
    "INSERT INTO tickets (id, order_id, line_no, event_id, seat_id, label, holder_name, code, key_id, issued_at, "
    "voided_at) VALUES ($1::uuid, $2::uuid, $3, $4::uuid, $5, $6, $7, $8, $9, "
    "'epoch'::timestamptz + $10::bigint * interval '1 millisecond', CASE WHEN $11 THEN now() END) "
    "ON CONFLICT (order_id, line_no) WHERE voided_at IS NULL DO NOTHING"};
constexpr Statement kTicketsOfOrder{
    "tickets_of_order",
    "SELECT t.id::text, t.order_id::text, t.event_id::text, t.line_no, coalesce(t.seat_id, ''), t.label, "
    "coalesce(l.price_category_name, ''), t.holder_name, t.code, t.voided_at IS NOT NULL, "
    "(extract(epoch FROM t.issued_at) * 1000)::bigint "
    "FROM tickets t LEFT JOIN order_lines l ON l.order_id = t.order_id AND l.line_no = t.line_no "
    "WHERE t.order_id = $1::uuid ORDER BY t.line_no"};
// $2: '{}' voids every ticket of the order.
constexpr Statement kVoidTickets{
    "tickets_void",
    "UPDATE tickets SET voided_at = now() WHERE order_id = $1::uuid AND voided_at IS NULL "
    "AND (cardinality($2::int[]) = 0 OR line_no = ANY ($2::int[]))"};

// RFC 4122 version 4 from libsodium's CSPRNG: the id goes into the signed code before the
// row exists, so PostgreSQL's default cannot make it.
std::string randomUuid() {
    std::array<std::uint8_t, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x40);
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80);
    const std::string hex = detail::toHex(std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' +
           hex.substr(20);
}

std::string requireOrderId(const std::string& orderId) {
    std::string lower;
    for (const char c : orderId) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (!core::isUuid(lower)) throw std::invalid_argument("order id is not a UUID: " + orderId);
    return lower;
}

std::string intArray(const std::vector<std::uint32_t>& values) {
    std::string out = "{";
    for (const auto value : values) {
        if (out.size() > 1) out += ',';
        out += std::to_string(value);
    }
    return out + '}';
}

// Signs and stores one ticket per line row (line_no, seat_id, label, refunded) of the locked
// order row (status, event_id, buyer_name, now in ms).
void insertTickets(pqxx::transaction_base& tx, const std::string& id, const pqxx::row& order, const pqxx::result& lines) {
    if (lines.empty()) return;
    const std::string eventId = order[1].c_str();
    const std::string holder = order[2].c_str();
    const auto issuedAtMs = order[3].as<std::int64_t>();
    const auto key = currentSigningKey(tx);
    for (const auto& line : lines) {
        core::tickets::TicketClaims claims;
        claims.ticketId = randomUuid();
        claims.eventId = eventId;
        claims.lineNo = line[0].as<std::uint32_t>();
        claims.issuedAtMs = issuedAtMs;
        claims.keyId = key.keyId;
        const char* seatId = line[1].is_null() ? nullptr : line[1].c_str(); // nullptr: NULL (GA)
        exec(tx, kInsertTicket, claims.ticketId, id, claims.lineNo, eventId, seatId, line[2].c_str(), holder,
             core::tickets::signTicket(claims, key), key.keyId, issuedAtMs, line[3].as<bool>());
    }
}

} // namespace

std::vector<v1::Ticket> issueTickets(pqxx::transaction_base& tx, const std::string& orderId) {
    const std::string id = requireOrderId(orderId);
    const auto order = exec(tx, kOrderForIssue, id);
    if (order.empty()) throw std::invalid_argument("no order " + id);
    const std::string status = order[0][0].c_str();
    if (status == "pending" || status == "failed")
        throw std::logic_error("tickets for order " + id + " which is " + status);
    if (status == "confirmed") insertTickets(tx, id, order[0], exec(tx, kLinesWithoutTicket, id));
    return ticketsOfOrder(tx, id);
}

std::vector<v1::Ticket> reissueTickets(pqxx::transaction_base& tx, const std::string& orderId,
                                       const std::vector<std::uint32_t>& lineNos) {
    const std::string id = requireOrderId(orderId);
    const auto order = exec(tx, kOrderForIssue, id);
    if (order.empty()) throw std::invalid_argument("no order " + id);
    if (std::string(order[0][0].c_str()) != "confirmed" || lineNos.empty())
        throw std::logic_error("reissuing tickets of order " + id + " which is not confirmed, or of no line");
    voidTickets(tx, id, lineNos);
    insertTickets(tx, id, order[0], exec(tx, kLinesByNumber, id, intArray(lineNos)));
    return ticketsOfOrder(tx, id);
}

std::size_t voidTickets(pqxx::transaction_base& tx, const std::string& orderId,
                        const std::vector<std::uint32_t>& lineNos) {
    return exec(tx, kVoidTickets, requireOrderId(orderId), intArray(lineNos)).affected_rows();
}

std::vector<v1::Ticket> ticketsOfOrder(pqxx::transaction_base& tx, const std::string& orderId) {
    std::vector<v1::Ticket> tickets;
    for (const auto& row : exec(tx, kTicketsOfOrder, requireOrderId(orderId))) {
        v1::Ticket& ticket = tickets.emplace_back();
        ticket.set_id(row[0].c_str());
        ticket.set_order_id(row[1].c_str());
        ticket.set_event_id(row[2].c_str());
        ticket.set_line_no(row[3].as<std::uint32_t>());
        ticket.set_seat_id(row[4].c_str());
        ticket.set_label(row[5].c_str());
        ticket.set_price_category_name(row[6].c_str());
        ticket.set_holder_name(row[7].c_str());
        ticket.set_code(row[8].c_str());
        ticket.set_voided(row[9].as<bool>());
        ticket.set_issued_at_ms(row[10].as<std::int64_t>());
    }
    return tickets;
}

} // namespace marquee::server::tickets
