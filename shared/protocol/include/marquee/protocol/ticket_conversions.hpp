// The printed fields of a ticket (core/tickets/ticket_layout.hpp) from an order and one of its
// tickets. Server and client format dates and money differently (English / the user's
// locale), so they pass their formatters; the choice of what goes where lives only here.
#pragma once

#include "marquee/core/tickets/ticket_layout.hpp"
#include "marquee/core/tickets/ticket_trust.hpp"
#include "marquee/v1/order.pb.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace marquee::protocol {

struct TicketFormatters {
    // The event's start (UTC ms) in its IANA zone.
    std::function<std::string(std::int64_t utcMs, const std::string& timeZone)> dateTime;
    // Integer minor units of an ISO 4217 currency.
    std::function<std::string(std::int64_t minor, const std::string& currency)> money;
};

// A ticket is shown void when it is voided or its order was cancelled. The holder falls back
// to the buyer's name; the price is its order line's total.
core::tickets::TicketFields ticketFields(const v1::Order& order, const v1::Ticket& ticket,
                                         const TicketFormatters& format);

// A published key (change-log "ticket_key") as verifyTrusted() takes it; nullopt when the
// public key is not 32 bytes. A certificate that is not 64 bytes is left out (the key is then
// not trusted).
std::optional<core::tickets::TrustedKey> trustedKey(const v1::TicketKey& key);

} // namespace marquee::protocol
