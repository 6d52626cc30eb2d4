// Ticket issuing on the server: the signing key (generated once, kept in ticket_signing_keys
// and published through the change log as aggregate "ticket_key"), signed tickets per order
// line, and the PDF that goes with the confirmation mail.
#pragma once

#include "marquee/core/tickets/ticket_layout.hpp"
#include "marquee/protocol/ticket_conversions.hpp"
#include "marquee/v1/order.pb.h"

#include <pqxx/pqxx>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace marquee::server::tickets {

// Issues one signed ticket per line of the order inside `tx` (the saga's "issue tickets" step)
// and returns all of the order's tickets. Idempotent: lines that already have a ticket keep it.
// The signing key is created and published on first use (instances racing for it agree on
// one). Lines already refunded get a void ticket. Throws std::invalid_argument for an unknown
// order, std::logic_error for one that is pending or failed; a cancelled order gets no new
// tickets.
std::vector<v1::Ticket> issueTickets(pqxx::transaction_base& tx, const std::string& orderId);

// A seat exchange moved these lines of a confirmed order: their tickets are voided and each
// line gets a new signed ticket (one live ticket per line). Returns all of the order's tickets.
std::vector<v1::Ticket> reissueTickets(pqxx::transaction_base& tx, const std::string& orderId,
                                       const std::vector<std::uint32_t>& lineNos);

// Voids the tickets of the given lines (all when empty): refunds and cancellations. Already
// void tickets stay as they are; returns how many were voided now. The order's change-log
// record (with its tickets) is the caller's to append.
std::size_t voidTickets(pqxx::transaction_base& tx, const std::string& orderId,
                        const std::vector<std::uint32_t>& lineNos = {});

// The order's tickets, by line (for GetOrder and the order's change-log record).
std::vector<v1::Ticket> ticketsOfOrder(pqxx::transaction_base& tx, const std::string& orderId);

// The words and formats printed on tickets; the defaults are English.
struct TicketWording {
    core::tickets::TicketCaptions captions;
    protocol::TicketFormatters format; // an empty member: the English form
};

// One A6 page per ticket (event, venue, time in the event's zone, seat, holder, QR, order
// code), as PDF bytes, from the order alone: what the confirmation mail attaches (in the
// order's language: mail/notifications.cpp passes its wording).
std::string renderTicketsPdf(const v1::Order& order, const TicketWording& wording = {});

} // namespace marquee::server::tickets
