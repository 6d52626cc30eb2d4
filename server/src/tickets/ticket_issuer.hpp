// Ticket issuing on the server: the signing key (generated once, kept in ticket_signing_keys
// and published through the change log as aggregate "ticket_key"), signed tickets per order
// line, and the PDF that goes with the confirmation mail.
#pragma once

#include "marquee/v1/order.pb.h"

#include <pqxx/pqxx>

#include <cstdint>
#include <string>
#include <vector>

namespace marquee::server::tickets {

// Issues one signed ticket per line of the order inside `tx` (the saga's "issue tickets" step)
// and returns them. Idempotent: lines that already have a ticket keep it. The signing key is
// created and published on first use (instances racing for it agree on one).
std::vector<v1::Ticket> issueTickets(pqxx::transaction_base& tx, const std::string& orderId);

// Voids the tickets of the given lines (all when empty): refunds and cancellations.
void voidTickets(pqxx::transaction_base& tx, const std::string& orderId, const std::vector<std::uint32_t>& lineNos = {});

// One A6 page per ticket (event, venue, time in the event's zone, seat, holder, QR, order
// code), as PDF bytes, from the order alone: what the confirmation mail attaches.
std::string renderTicketsPdf(const v1::Order& order);

} // namespace marquee::server::tickets
